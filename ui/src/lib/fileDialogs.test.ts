// Tests of the path rules around the native file dialogs.
import { describe, expect, it } from "vitest";
import { fileStem, suggestedName, withBiaExtension } from "./fileDialogs";

describe("paths of assessment files", () => {
  it("adds .bia when the user typed a bare name", () => {
    expect(withBiaExtension("/home/morgan/Clients/Halden 2025")).toBe("/home/morgan/Clients/Halden 2025.bia");
    expect(withBiaExtension("C:\\Users\\morgan\\Halden.BIA")).toBe("C:\\Users\\morgan\\Halden.BIA");
  });

  it("does not mistake a dotted folder for the extension", () => {
    expect(withBiaExtension("/home/morgan/v1.bia.d/halden")).toBe("/home/morgan/v1.bia.d/halden.bia");
  });

  it("suggests an assessment name from the file name", () => {
    expect(fileStem("/x/marlow-water_bia.bia")).toBe("marlow-water_bia");
    expect(suggestedName("/x/marlow-water_bia-2025.bia")).toBe("Marlow water bia 2025");
    expect(suggestedName("C:\\Clients\\Halden Freight BIA.bia")).toBe("Halden Freight BIA");
  });
});
