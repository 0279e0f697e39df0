/**
 * Every custom function answers as Excel would: #NUM! for a result that is not a finite number and
 * for years outside 1990–2100, keyword arguments from the function's own table only, never a
 * JavaScript Infinity, NaN or null in a cell. `liangxin calc` shows the same.
 */
import { captureIo } from "../../src/cli/io";
import { run as calc } from "../../src/cli/commands/calc";
import { callSheetFunction, SHEET_FUNCTIONS } from "../../src/core/sheet/registry";
import type { SheetResult } from "../../src/core/sheet/values";
import { isSheetError } from "../../src/core/sheet/values";

const call = (name: string, ...args: unknown[]): SheetResult => callSheetFunction(name, args);
const errorOf = (result: SheetResult): string | undefined =>
  isSheetError(result) ? result.error : Array.isArray(result) ? undefined : undefined;

/** Every number anywhere in a result is finite. */
function allFinite(result: SheetResult): boolean {
  const cells = Array.isArray(result) ? result.flat() : [result];
  return cells.every((cell) => cell !== null && (typeof cell !== "number" || Number.isFinite(cell)));
}

describe("non-finite results are #NUM!", () => {
  it.each<[string, unknown[]]>([
    ["REQUIRED_GROWTH", [1e-300, 1e300]],
    ["TRAJECTORY", [1e-300, 1e300, 2026, "growth"]],
    ["TARGET_GAP", [1e308, 1e-300, 1e-300, "2025-06", "growth"]],
    ["SUBSIDY_COST", [1e308, 1e308]],
    ["SUBSIDY_FORMULA", ["volume * price", 1e308, 1e308]],
  ])("%s(%p)", (name, args) => {
    const result = call(name, ...args);
    expect(errorOf(result)).toBe("#NUM!");
  });

  it("SUBSIDY_SIMULATE spills no Infinity or NaN", () => {
    const result = call("SUBSIDY_SIMULATE", [["a"]], [[2025]], [[1e308]], [[1e308]]);
    expect(allFinite(result)).toBe(true);
  });
});

describe("years outside 1990–2100 are #NUM!", () => {
  it.each<[string, unknown[]]>([
    ["REQUIRED_GROWTH", [100, 200, -1e20, 2027]],
    ["REQUIRED_GROWTH", [100, 200, 2023, 5000]],
    ["TRAJECTORY", [100, 200, 2025, "growth", -1, 2027]],
    ["TRAJECTORY", [0, 400, "2025-06", "cumulative", 2023, 2027, -1e20]],
    ["FORECAST_TARGET", [[[1], [2], [3]], [["2024-01"], ["2024-02"], ["2024-03"]], 5000]],
    ["FORECAST_TARGET", [[[1], [2], [3]], [["2024-01"], ["2024-02"], ["2024-03"]], -1]],
  ])("%s(%p)", (name, args) => {
    const result = call(name, ...args);
    expect(errorOf(result)).toBe("#NUM!");
    expect((result as { message?: string }).message).toMatch(/1990/);
  });

  it("FORECAST_TARGET refuses a year before the reports it projects from", () => {
    const result = call("FORECAST_TARGET", [[1], [2], [3]], [["2024-01"], ["2024-02"], ["2024-03"]], 1990);
    expect(errorOf(result)).toBe("#NUM!");
    expect((result as { message?: string }).message).toContain("早于最近的报告期");
    expect(Array.isArray(call("FORECAST_TARGET", [[1], [2], [3]], [["2024-01"], ["2024-02"], ["2024-03"]], 2027))).toBe(
      true,
    );
  });
});

describe("keywords come from the function's own table", () => {
  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"])(
    "%p is no kind, mode or level",
    (key) => {
      for (const result of [
        call("TRAJECTORY", 100, 200, 2025, key),
        call("TARGET_GAP", 60, 100, 200, "2025-06", "growth", key),
        call("SUBSIDY_BUDGET", [["a"]], [[2025]], [[10]], [[100]], null, null, null, null, null, key),
      ]) {
        expect(errorOf(result)).toBe("#N/A");
        expect((result as { message?: string }).message).toContain(key);
      }
    },
  );
});

describe("LAGGARDS", () => {
  it("reads numeric text gaps as Excel coerces them", () => {
    expect(call("LAGGARDS", [["甲"], ["乙"], ["丙"]], [["-0.5"], [-0.2], ["-30%"]], 0.1)).toEqual([
      ["甲"],
      ["丙"],
      ["乙"],
    ]);
  });

  it("refuses a negative threshold", () => {
    expect(errorOf(call("LAGGARDS", [["甲"]], [[-0.5]], -0.1))).toBe("#NUM!");
  });
});

describe("SUBSIDY_FORMULA", () => {
  it("refuses a negative result", () => {
    const result = call("SUBSIDY_FORMULA", "volume * (price - 6000)", 100, 5000);
    expect(errorOf(result)).toBe("#NUM!");
  });

  it("refuses # instead of dropping what follows it", () => {
    const result = call("SUBSIDY_FORMULA", "volume * 2000 # + volume * 500", 100);
    expect(errorOf(result)).toBe("#VALUE!");
    expect((result as { message?: string }).message).toContain("#");
  });
});

describe("liangxin calc shows the same errors", () => {
  it.each<[string[], string]>([
    [["REQUIRED_GROWTH", "1e-300", "1e300"], "#NUM!"],
    [["REQUIRED_GROWTH", "100", "200", "-1e20", "2027"], "#NUM!"],
    [["TRAJECTORY", "100", "200", "2025", "constructor"], "#N/A"],
    [["LAGGARDS", '[["甲"]]', "[[-0.5]]", "-0.1"], "#NUM!"],
  ])("calc %p", async (args, code) => {
    const io = captureIo();
    const exit = await calc(args, io);
    expect(exit).toBe(1);
    expect(io.out).toMatch(new RegExp(`^${code}`));
  });

  it("covers every registered function in this suite", () => {
    expect(Object.keys(SHEET_FUNCTIONS).sort()).toEqual(
      [
        "FORECAST_TARGET",
        "LAGGARDS",
        "REQUIRED_GROWTH",
        "SUBSIDY_BUDGET",
        "SUBSIDY_COST",
        "SUBSIDY_FORMULA",
        "SUBSIDY_SIMULATE",
        "TARGET_GAP",
        "TARGET_STATUS",
        "TRAJECTORY",
      ].sort(),
    );
  });
});
