// The currency of an assessment's amounts as the screens show it: the common
// currencies (generated from the model, bindings/currencies.ts) with their
// symbols, the note beside a financial category's definitions ("amounts in
// GBP (£)"), and the check of a code as it is typed. The core checks it again
// on save (MethodologyInput::currency); this only answers while typing.
import { COMMON_CURRENCIES } from "./bindings/currencies";
import type { CurrencyInfo } from "./bindings/CurrencyInfo";

export { COMMON_CURRENCIES };

/** The common currency with this code, if it is one. */
export function currencyInfo(code: string): CurrencyInfo | undefined {
  return COMMON_CURRENCIES.find((c) => c.code === code);
}

/** "GBP (£)", or the code alone for a currency without a known symbol. */
export function currencyWithSymbol(code: string): string {
  const info = currencyInfo(code);
  return info ? `${code} (${info.symbol})` : code;
}

/** "£ GBP — Pound sterling", as the picker lists it. */
export function currencyOption(c: CurrencyInfo): string {
  return `${c.symbol} ${c.code} — ${c.name}`;
}

/**
 * Whether a category's definitions are amounts of money: its name says
 * financial ("Financial", "Financial loss", "Finanziell"), as the file's
 * upgrade read it (migration 009).
 */
export function isFinancial(categoryName: string): boolean {
  return /financ|finanz/i.test(categoryName);
}

/** The note beside a category's definitions ("amounts in GBP (£)"), or null for a category of no amounts. */
export function amountsNote(categoryName: string, currency: string): string | null {
  return isFinancial(categoryName) ? `amounts in ${currencyWithSymbol(currency)}` : null;
}

/** A code as typed, upper-cased and trimmed ("gbp " → "GBP"). */
export function normaliseCode(text: string): string {
  return text.trim().toUpperCase();
}

/** What is wrong with a code as typed, while typing; null when it is three letters. */
export function typedCurrencyIssue(text: string): string | null {
  return /^[A-Za-z]{3}$/.test(text.trim()) ? null : "Three letters, as ISO 4217 writes them: GBP, EUR, USD.";
}
