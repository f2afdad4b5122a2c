// The currency as the screens name it: the note beside a financial category's
// definitions, the symbol from the model's list, and the check while typing.
import { describe, expect, it } from "vitest";
import { amountsNote, COMMON_CURRENCIES, currencyWithSymbol, isFinancial, typedCurrencyIssue } from "./currency";

describe("currency", () => {
  it("names a known currency with its symbol and any other by its code", () => {
    expect(currencyWithSymbol("GBP")).toBe("GBP (£)");
    expect(currencyWithSymbol("EUR")).toBe("EUR (€)");
    expect(currencyWithSymbol("XOF")).toBe("XOF");
    expect(COMMON_CURRENCIES[0]).toEqual({ code: "GBP", symbol: "£", name: "Pound sterling" });
  });

  it("puts the note only on categories whose definitions are money", () => {
    expect(amountsNote("Financial", "GBP")).toBe("amounts in GBP (£)");
    expect(amountsNote("Financial loss", "USD")).toBe("amounts in USD ($)");
    expect(amountsNote("Finanziell", "EUR")).toBe("amounts in EUR (€)");
    for (const name of ["Operational", "Reputational", "Legal & Regulatory"]) expect(isFinancial(name), name).toBe(false);
  });

  it("accepts three letters in any case while typing, and says what it wants otherwise", () => {
    expect(typedCurrencyIssue("gbp")).toBeNull();
    expect(typedCurrencyIssue(" USD ")).toBeNull();
    for (const typed of ["", "GB", "GBPX", "£", "G1P"]) expect(typedCurrencyIssue(typed), typed).toContain("Three letters");
  });
});
