import { describe, expect, it } from "vitest";
import type { Process } from "./bindings/Process";
import { findProcesses } from "./processSearch";

const register = (names: string[]) => names.map((name, i) => ({ id: `p${i}`, name }) as Process);

describe("finding a process by name", () => {
  const processes = register([
    "Payroll processing",
    "Accounts payable",
    "Customer order intake",
    ...Array.from({ length: 10_000 }, (_, i) => `Process ${String(i).padStart(5, "0")} order handling`),
  ]);

  it("lists the register from the top when nothing is typed", () => {
    expect(findProcesses("", processes, 3).map((p) => p.name)).toEqual(["Payroll processing", "Accounts payable", "Customer order intake"]);
  });

  it("puts a name that starts with what was typed before one that only contains it", () => {
    expect(findProcesses("pay", processes).map((p) => p.name)).toEqual(["Payroll processing", "Accounts payable"]);
    expect(findProcesses("order", processes, 2).map((p) => p.name)).toEqual([
      "Customer order intake",
      "Process 00000 order handling",
    ]);
  });

  it("needs every word typed, in any order, and finds one among ten thousand", () => {
    expect(findProcesses("handling 09990", processes).map((p) => p.name)).toEqual(["Process 09990 order handling"]);
    expect(findProcesses("nothing like it", processes)).toEqual([]);
  });
});
