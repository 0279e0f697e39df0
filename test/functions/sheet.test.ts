import { callSheetFunction, SHEET_FUNCTIONS, signatureOf } from "../../src/core/sheet/registry";
import { TRAJECTORY_FUNCTIONS } from "../../src/core/sheet/trajectoryFunctions";
import { LiangxinError } from "../../src/core/errors";
import type { SheetResult } from "../../src/core/sheet/values";
import { errorFromException } from "../../src/core/sheet/values";

const call = (name: string, ...args: unknown[]): SheetResult => callSheetFunction(name, args);

function expectNumber(result: SheetResult, expected: number, digits = 5): void {
  expect(typeof result).toBe("number");
  expect(result as number).toBeCloseTo(expected, digits);
}

describe("TRAJECTORY", () => {
  it.each<[number, number, string | number, string, number]>([
    [100, 200, 2025, "growth", 141.42136],
    [100, 200, "2025-06", "growth", 70.71068],
    [100, 200, "2025-06", "level", 129.68396],
    [40, 100, "2025-06", "share", 62.5],
    [0, 400, "2025-06", "cumulative", 150],
    [0, 10, "2025-06", "annual", 5],
  ])("TRAJECTORY(%p, %p, %p, %p) = %p", (baseline, target, date, kind, expected) => {
    expectNumber(call("TRAJECTORY", baseline, target, date, kind), expected);
  });

  it("defaults the kind to growth and takes other years and a start year", () => {
    expectNumber(call("TRAJECTORY", 100, 200, "2025-06"), 70.71068);
    expectNumber(call("TRAJECTORY", 100, 121, 2025, "growth", 2024, 2026), 110, 10);
    expectNumber(call("TRAJECTORY", 0, 300, "2025-06", "cumulative", null, null, 2025), 50, 10);
  });

  it("reads the date forms a planner types", () => {
    for (const date of ["2025-06", "2025-06-30", "2025/6", "2025年6月", 45838])
      expectNumber(call("TRAJECTORY", 100, 200, date), 70.71068);
    expectNumber(call("TRAJECTORY", 100, 200, 45839), (141.4213562 * 7) / 12, 6); // DATE(2025,7,1)
  });

  it("accepts Chinese and catalog kind names, in any case", () => {
    expectNumber(call("TRAJECTORY", 100, 200, "2025-06", "存量"), 129.68396);
    expectNumber(call("TRAJECTORY", 100, 200, "2025-06", "growth_vs_baseline"), 70.71068);
    expectNumber(call("TRAJECTORY", 100, 200, "2025-06", " Level "), 129.68396);
  });
});

describe("TARGET_GAP and TARGET_STATUS", () => {
  it("gives the issue's worked gap, relative and absolute", () => {
    expect(call("TARGET_GAP", 60, 100, 200, "2025-06", "growth")).toBeCloseTo(-0.15147186257614298, 15);
    expectNumber(call("TARGET_GAP", 60, 100, 200, "2025-06", "growth", "abs"), -10.71068);
  });

  it("labels statuses in Chinese with the default and a set tolerance", () => {
    expect(call("TARGET_STATUS", 60, 100, 200, "2025-06", "growth")).toBe("落后");
    expect(call("TARGET_STATUS", 68, 100, 200, "2025-06")).toBe("预警");
    expect(call("TARGET_STATUS", 75, 100, 200, "2025-06")).toBe("正常");
    expect(call("TARGET_STATUS", 60, 100, 200, "2025-06", "growth", 0.2)).toBe("预警");
    expect(call("TARGET_STATUS", 60, 100, 200, "2025-06", "growth", "20%")).toBe("预警");
  });
});

describe("reduction targets (a path that falls): negative still means behind", () => {
  // Review finding 6: 漏损率 ≤ 9% from 12%, 10% reported for June 2025 (path 10.875%) is ahead.
  it("gives the leak rate ahead of its falling path a positive gap and 正常", () => {
    expect(call("TARGET_GAP", 0.1, 0.12, 0.09, "2025-06", "share")).toBeCloseTo(1 - 0.1 / 0.10875, 12);
    expect(call("TARGET_GAP", 0.1, 0.12, 0.09, "2025-06", "share", "abs")).toBeCloseTo(0.00875, 12);
    expect(call("TARGET_STATUS", 0.1, 0.12, 0.09, "2025-06", "share")).toBe("正常");
  });

  it("gives a figure above the falling path a negative gap and 落后", () => {
    expect(call("TARGET_GAP", 0.125, 0.12, 0.09, "2025-06", "share")).toBeCloseTo(-(0.125 / 0.10875 - 1), 12);
    expect(call("TARGET_STATUS", 0.125, 0.12, 0.09, "2025-06", "share")).toBe("落后");
  });

  it("treats a decrease of a flow (能耗下降13.5%: target = baseline × 0.865) the same way", () => {
    const expected = call("TRAJECTORY", 100, 86.5, "2025-06") as number;
    expect(call("TARGET_GAP", expected * 0.95, 100, 86.5, "2025-06")).toBeCloseTo(0.05, 12);
    expect(call("TARGET_STATUS", expected * 1.2, 100, 86.5, "2025-06")).toBe("落后");
  });
});

describe("report dates that used to give silent nonsense (review finding 8)", () => {
  it("reads 2025.06 (number or text) and 202506 as June 2025", () => {
    for (const date of [2025.06, "2025.06", 2025.6, 202506, "202506"])
      expectNumber(call("TRAJECTORY", 100, 200, date), 70.71068);
  });

  it("gives #NUM! with the reason for a date before 1990 or after 2100", () => {
    expect(call("TRAJECTORY", 100, 200, 25.06)).toEqual({
      error: "#NUM!",
      message:
        'TRAJECTORY：报告期 "25.06" 读作 1900 年，不在 1990–2100 年之内，请用 2025、2025-06 或 2025-06-30 (TRAJECTORY reads "25.06" as the year 1900, outside 1990–2100; use 2025, 2025-06 or 2025-06-30)',
    });
    expect(call("TARGET_GAP", 60, 100, 200, 202513)).toMatchObject({
      error: "#NUM!",
      message: expect.stringContaining("读作 2454 年"),
    });
  });

  it("refuses the number 2025.1 (January or October?) with #VALUE! and a message", () => {
    expect(call("TRAJECTORY", 100, 200, 2025.1)).toMatchObject({
      error: "#VALUE!",
      message: expect.stringMatching(/^TRAJECTORY：报告期 2025\.1 可能是 1 月也可能是 10 月/),
    });
  });

  it("gives #NUM! for a report outside the plan period instead of extrapolating", () => {
    const outside = {
      error: "#NUM!",
      message:
        "TRAJECTORY：报告期 2028-01 在规划期之外（2023–2027 年） (TRAJECTORY: the report date 2028-01 is outside the plan period 2023–2027)",
    };
    expect(call("TRAJECTORY", 100, 200, "2028-01")).toEqual(outside);
    expect(call("TARGET_GAP", 60, 100, 200, "2022-06")).toMatchObject({
      error: "#NUM!",
      message: expect.stringContaining("TARGET_GAP：报告期 2022-06 在规划期之外（2023–2027 年）"),
    });
    expect(call("TARGET_STATUS", 60, 100, 200, "2028-01")).toMatchObject({ error: "#NUM!" });
    // The plan's own years move the period; the base year itself is in it (年度轨迹's 2023 column).
    expectNumber(call("TRAJECTORY", 100, 200, 2028, "growth", 2024, 2028), 200, 10);
    expectNumber(call("TRAJECTORY", 100, 200, 2023), 100, 10);
  });

  it("reports a bad date inside a range by its cell", () => {
    expect(call("FORECAST_TARGET", [100, 110, 120], ["2024-12", 25.06, "2025-12"])).toMatchObject({
      error: "#NUM!",
      message: expect.stringMatching(
        /^FORECAST_TARGET：报告期 "25\.06" 读作 1900 年.*（第 2 个报告期 \/ dates in cell 2）$/,
      ),
    });
  });
});

describe("REQUIRED_GROWTH", () => {
  it("agrees with Excel's RRI: RRI(96,10000,11000)=0.000993307376", () => {
    // Excel's RRI counts periods (96); the function takes the years (2000 → 2096, inside 1990–2100).
    expectNumber(call("REQUIRED_GROWTH", 10000, 11000, 2000, 2096), 0.000993307376, 12);
  });

  it("defaults to 2023→2027", () => {
    expectNumber(call("REQUIRED_GROWTH", 100, 145), Math.pow(1.45, 0.25) - 1, 12);
  });
});

describe("coercion like Excel", () => {
  it("reads numeric text, percentages and booleans as numbers", () => {
    expect(call("TARGET_GAP", "60", "100", "200", "2025-06")).toBeCloseTo(-0.15147186257614298, 15);
    expectNumber(call("REQUIRED_GROWTH", true, 2, 2023, 2024), 1, 12); // TRUE → 1
  });

  it("truncates years like Excel", () => {
    expectNumber(call("REQUIRED_GROWTH", 100, 200, 2023.9, 2027.2), Math.pow(2, 0.25) - 1, 12);
  });

  it("treats blank optional arguments as omitted", () => {
    expect(call("TARGET_GAP", 60, 100, 200, "2025-06", "", "")).toBeCloseTo(-0.15147186257614298, 15);
    expect(call("TARGET_GAP", 60, 100, 200, "2025-06", null, undefined)).toBeCloseTo(-0.15147186257614298, 15);
  });

  it("shows a blank cell, not a −100% gap, when a required figure is blank", () => {
    expect(call("TARGET_GAP", "", 100, 200, "2025-06")).toBe("");
    expect(call("TARGET_STATUS", null, 100, 200, "2025-06")).toBe("");
  });
});

describe("errors are Excel's own, with messages: Chinese first, English after, both naming the sheet function", () => {
  it("#VALUE! for text where a number belongs, naming the argument by its Chinese label and its Excel name", () => {
    expect(call("TARGET_GAP", "sixty", 100, 200, "2025-06")).toEqual({
      error: "#VALUE!",
      message: 'TARGET_GAP：报告值应为数字，而不是 "sixty" (TARGET_GAP expects a number for reported, not "sixty")',
    });
    expect(call("TRAJECTORY", 100, 200, 2025, "growth", "x")).toMatchObject({
      error: "#VALUE!",
      message: expect.stringMatching(
        /^TRAJECTORY：基期年份应为数字.*\(TRAJECTORY expects a number for baseYear, not "x"\)$/,
      ),
    });
  });

  it("#VALUE! for a date it cannot read", () => {
    expect(call("TRAJECTORY", 100, 200, "next June")).toMatchObject({
      error: "#VALUE!",
      message: expect.stringMatching(
        /^TRAJECTORY：报告期无法识别 "next June"，请用 2025、2025-06.* \(TRAJECTORY cannot read "next June" as a report date for date; use 2025/,
      ),
    });
    expect(call("TRAJECTORY", 100, 200, true)).toEqual({
      error: "#VALUE!",
      message: 'TRAJECTORY：报告期应为日期，而不是 "TRUE" (TRAJECTORY expects a date for date, not "TRUE")',
    });
  });

  it("#NUM! for a zero or negative baseline where growth compounds, named after the sheet function in both languages", () => {
    expect(call("REQUIRED_GROWTH", 0, 200)).toEqual({
      error: "#NUM!",
      message: "REQUIRED_GROWTH：基期值须为正数 (REQUIRED_GROWTH requires a positive baseline)",
    });
    expect(call("TRAJECTORY", -1, 200, 2025, "level")).toEqual({
      error: "#NUM!",
      message: "TRAJECTORY：复合增长的基期值须为正数 (TRAJECTORY requires a positive baseline where growth compounds)",
    });
    const gapError = call("TARGET_GAP", 60, 0, 200, "2025-06");
    expect(gapError).toMatchObject({
      error: "#NUM!",
      message: expect.stringMatching(/^TARGET_GAP：.*\(TARGET_GAP requires a positive baseline/),
    });
    // No core function name (expectedAt) is left for the user to puzzle over.
    expect(JSON.stringify(gapError)).not.toMatch(/expectedAt/);
  });

  it("#NUM! for a target year not after the base year", () => {
    expect(call("REQUIRED_GROWTH", 100, 200, 2027, 2027)).toMatchObject({
      error: "#NUM!",
      message: expect.stringContaining("REQUIRED_GROWTH：目标年份须晚于基期年份"),
    });
    expect(call("TRAJECTORY", 100, 200, 2025, "growth", 2027, 2023)).toEqual({
      error: "#NUM!",
      message: "TRAJECTORY：目标年份须晚于基期年份 (TRAJECTORY requires a target year after the base year)",
    });
  });

  it("#NUM! for a negative tolerance, named TARGET_STATUS", () => {
    expect(call("TARGET_STATUS", 60, 100, 200, "2025-06", "growth", -0.1)).toEqual({
      error: "#NUM!",
      message: "TARGET_STATUS：预警容差不能为负 (TARGET_STATUS requires a non-negative tolerance)",
    });
  });

  it("#N/A for an unknown kind or mode, with the allowed words in both languages", () => {
    expect(call("TRAJECTORY", 100, 200, 2025, "speed")).toEqual({
      error: "#N/A",
      message:
        'TRAJECTORY：未知的 kind "speed"，可用 growth、level、share、cumulative、annual (TRAJECTORY does not know the kind "speed"; use growth, level, share, cumulative, annual)',
    });
    expect(call("TARGET_GAP", 60, 100, 200, 2025, "growth", "pct")).toMatchObject({
      error: "#N/A",
      message: expect.stringMatching(/^TARGET_GAP：未知的 mode "pct"，可用 rel、abs \(.*use rel, abs\)$/),
    });
  });

  it("#DIV/0! for a relative gap against a zero trajectory", () => {
    expect(call("TARGET_GAP", 5, 0, 400, "2023-06", "cumulative")).toMatchObject({
      error: "#DIV/0!",
      message: expect.stringMatching(/^TARGET_GAP：应达值为 0.*\(TARGET_GAP cannot give/),
    });
  });

  it("re-addresses a core function's message to the sheet function in the Chinese and the English part", () => {
    const fromCore = new LiangxinError(
      "#DIV/0!",
      "requiredRunRate：已无剩余月份 (requiredRunRate: no months are left)",
    );
    expect(errorFromException(fromCore, "RUN_RATE")).toEqual({
      error: "#DIV/0!",
      message: "RUN_RATE：已无剩余月份 (RUN_RATE: no months are left)",
    });
    const fromSheet = new LiangxinError("#NUM!", "SUBSIDY_COST: volume 不能为负 (volume must not be negative)");
    expect(errorFromException(fromSheet, "SUBSIDY_COST")).toEqual({ error: "#NUM!", message: fromSheet.message });
  });

  it("passes an error in an argument through", () => {
    expect(call("TARGET_GAP", { error: "#REF!" }, 100, 200, 2025)).toEqual({ error: "#REF!" });
  });

  it("#NAME? for an unknown function and #VALUE! for too many arguments", () => {
    expect(call("NO_SUCH")).toEqual({ error: "#NAME?", message: "未知函数 NO_SUCH (unknown function NO_SUCH)" });
    expect(call("REQUIRED_GROWTH", 1, 2, 3, 4, 5)).toEqual({
      error: "#VALUE!",
      message: "REQUIRED_GROWTH：最多 4 个参数 (REQUIRED_GROWTH takes at most 4 arguments)",
    });
  });
});

describe("ranges broadcast to a same-shaped result in one call", () => {
  it("a column of reports against one trajectory gives a column of gaps", () => {
    const result = call("TARGET_GAP", [[60], [70.71067811865476], [80], [""], ["x"]], 100, 200, "2025-06");
    expect(Array.isArray(result)).toBe(true);
    const column = result as unknown[][];
    expect(column).toHaveLength(5);
    expect(column[0][0]).toBeCloseTo(-0.15147186257614298, 15);
    expect(column[1][0]).toBeCloseTo(0, 12);
    expect(column[2][0]).toBeCloseTo(80 / 70.71067811865476 - 1, 12);
    expect(column[3][0]).toBe("");
    expect(column[4][0]).toMatchObject({ error: "#VALUE!" });
  });

  it("several columns move together row by row, with per-row kinds", () => {
    const result = call("TRAJECTORY", [[100], [100], [40]], [[200], [200], [100]], "2025-06", [
      ["growth"],
      ["level"],
      ["share"],
    ]) as number[][];
    expect(result.map((row) => row[0])).toEqual([
      expect.closeTo(70.71068, 5),
      expect.closeTo(129.68396, 5),
      expect.closeTo(62.5, 10),
    ]);
  });

  it("a row against a column gives a table, like Excel's array arithmetic", () => {
    const result = call("TRAJECTORY", 100, 200, [["2025-06"], [2025]], [["growth", "level"]]) as number[][];
    expect(result).toHaveLength(2);
    expect(result[0][0]).toBeCloseTo(70.71068, 5);
    expect(result[0][1]).toBeCloseTo(129.68396, 5);
    expect(result[1][0]).toBeCloseTo(141.42136, 5);
  });

  it("a 1×1 range is a single value, and ranges of different lengths give #N/A past the shorter", () => {
    expect(call("TARGET_GAP", [[60]], [[100]], [[200]], [["2025-06"]])).toBeCloseTo(-0.15147186257614298, 15);
    const result = call("TARGET_GAP", [[60], [61], [62]], [[100], [100]], 200, 2025) as unknown[][];
    expect(result[2][0]).toEqual({
      error: "#N/A",
      message: "TARGET_GAP：区域大小不一致 (TARGET_GAP: ranges of different sizes)",
    });
  });

  it("errors stay in their own cells", () => {
    const result = call("REQUIRED_GROWTH", [[100], [0], [50]], 200) as unknown[][];
    expect(result[0][0]).toBeCloseTo(0.189207, 6);
    expect(result[1][0]).toMatchObject({ error: "#NUM!" });
    expect(result[2][0]).toBeCloseTo(Math.pow(4, 0.25) - 1, 12);
  });
});

describe("FORECAST_TARGET", () => {
  it("spills value, interval and probability from a column of reports", () => {
    const result = call("FORECAST_TARGET", [[100], [110], [120]], [[2023], [2024], [2025]], 2027, 135) as number[][];
    expect(result).toHaveLength(1);
    expect(result[0]).toHaveLength(4);
    expect(result[0][0]).toBeCloseTo(140, 9);
    expect(result[0][3]).toBe(1);
  });

  it("skips unreported rows and leaves the probability blank without a target", () => {
    const result = call(
      "FORECAST_TARGET",
      [[100], [110], [120], [""]],
      [[2023], [2024], [2025], [2026]],
    ) as unknown[][];
    expect(result[0][0]).toBeCloseTo(140, 9);
    expect(result[0][3]).toBe("");
  });

  it("reports the cell with bad input, and too few values as #N/A", () => {
    expect(call("FORECAST_TARGET", [[100], ["n/a"], [120]], [[2023], [2024], [2025]])).toEqual({
      error: "#VALUE!",
      message:
        'FORECAST_TARGET：第 2 个已报告的值应为数字，而不是 "n/a" (FORECAST_TARGET expects a number for values in cell 2, not "n/a")',
    });
    expect(call("FORECAST_TARGET", [[100], [110], [120]], [[2023], ["soon"], [2025]])).toMatchObject({
      error: "#VALUE!",
      message: expect.stringMatching(
        /^FORECAST_TARGET：第 2 个报告期无法识别 "soon".*\(FORECAST_TARGET cannot read "soon" as a report date for dates in cell 2;/,
      ),
    });
    expect(call("FORECAST_TARGET", [[100], [{ error: "#N/A" }], [120]], [[2023], [2024], [2025]])).toEqual({
      error: "#N/A",
      message: "FORECAST_TARGET：第 2 个已报告的值是错误值 #N/A (FORECAST_TARGET: values cell 2 is #N/A)",
    });
    expect(call("FORECAST_TARGET", [[100], [110], [120]], [[2023], [""], [2025]])).toEqual({
      error: "#VALUE!",
      message: "FORECAST_TARGET：第 2 个值没有报告期 (FORECAST_TARGET: value 2 has no date)",
    });
    expect(call("FORECAST_TARGET", [[100], [110]], [[2023], [2024]])).toEqual({
      error: "#N/A",
      message: "FORECAST_TARGET：至少需要 3 个报告值 (FORECAST_TARGET needs at least 3 reported values)",
    });
    expect(call("FORECAST_TARGET", [[100], [110]], [[2023]])).toMatchObject({
      error: "#N/A",
      message: expect.stringMatching(/^FORECAST_TARGET：.*单元格数不同 \(.*same number of cells\)$/),
    });
  });
});

describe("LAGGARDS", () => {
  const departments = [["市商务局"], ["市工信局"], ["市商务局"], ["市交通局"], ["市农业农村局"], [""], ["市住建局"]];
  const gaps = [[-0.05], [-0.3], [-0.2], [0.1], [{ error: "#NUM!" }], [-0.9], [-0.12]];

  it("lists each department below −threshold once, at its worst gap, worst first", () => {
    expect(call("LAGGARDS", departments, gaps)).toEqual([["市工信局"], ["市商务局"], ["市住建局"]]);
  });

  it("takes a threshold", () => {
    expect(call("LAGGARDS", departments, gaps, 0.15)).toEqual([["市工信局"], ["市商务局"]]);
  });

  it("gives one blank cell, not #N/A, when nobody is behind (the normal state of a new workbook)", () => {
    expect(call("LAGGARDS", departments, gaps, 0.5)).toEqual([[""]]);
    expect(call("LAGGARDS", [["a"], ["b"]], [[0.1], [0.2]])).toEqual([[""]]);
    expect(call("LAGGARDS", [[""]], [[""]])).toEqual([[""]]);
  });
});

describe("the registry", () => {
  it("holds every trajectory function, each under its own name", () => {
    for (const [name, fn] of Object.entries(TRAJECTORY_FUNCTIONS)) expect(SHEET_FUNCTIONS[name]).toBe(fn);
  });

  it("gives each trajectory function an Excel-style signature", () => {
    expect(Object.values(TRAJECTORY_FUNCTIONS).map(signatureOf)).toEqual([
      "REQUIRED_GROWTH(baseline, target, [baseYear], [targetYear])",
      "TRAJECTORY(baseline, target, date, [kind], [baseYear], [targetYear], [startYear])",
      "TARGET_GAP(reported, baseline, target, date, [kind], [mode])",
      "TARGET_STATUS(reported, baseline, target, date, [kind], [tolerance])",
      "FORECAST_TARGET(values, dates, [targetYear], [target])",
      "LAGGARDS(departments, gaps, [threshold])",
    ]);
  });
});
