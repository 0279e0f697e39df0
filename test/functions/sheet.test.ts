import { callSheetFunction, SHEET_FUNCTIONS, signatureOf } from "../../src/core/sheet/registry";
import { TRAJECTORY_FUNCTIONS } from "../../src/core/sheet/trajectoryFunctions";
import type { SheetResult } from "../../src/core/sheet/values";

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
    for (const date of ["2025-06", "2025-06-30", "2025/6", "2025年6月", 45838]) expectNumber(call("TRAJECTORY", 100, 200, date), 70.71068);
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

describe("REQUIRED_GROWTH", () => {
  it("agrees with Excel's RRI: RRI(96,10000,11000)=0.000993307376", () => {
    expectNumber(call("REQUIRED_GROWTH", 10000, 11000, 0, 96), 0.000993307376, 12);
  });

  it("defaults to 2023→2027", () => {
    expectNumber(call("REQUIRED_GROWTH", 100, 145), Math.pow(1.45, 0.25) - 1, 12);
  });
});

describe("coercion like Excel", () => {
  it("reads numeric text, percentages and booleans as numbers", () => {
    expect(call("TARGET_GAP", "60", "100", "200", "2025-06")).toBeCloseTo(-0.15147186257614298, 15);
    expectNumber(call("REQUIRED_GROWTH", 1, 2, true, 2), 1, 12); // TRUE → 1
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

describe("errors are Excel's own, with messages", () => {
  it("#VALUE! for text where a number belongs, naming the argument", () => {
    expect(call("TARGET_GAP", "sixty", 100, 200, "2025-06")).toEqual({ error: "#VALUE!", message: 'TARGET_GAP expects a number for reported, not "sixty"' });
  });

  it("#VALUE! for a date it cannot read", () => {
    expect(call("TRAJECTORY", 100, 200, "next June")).toMatchObject({ error: "#VALUE!", message: expect.stringContaining("TRAJECTORY cannot read") });
    expect(call("TRAJECTORY", 100, 200, true)).toMatchObject({ error: "#VALUE!" });
  });

  it("#NUM! for a zero or negative baseline where growth compounds, named after the sheet function", () => {
    expect(call("REQUIRED_GROWTH", 0, 200)).toEqual({ error: "#NUM!", message: "REQUIRED_GROWTH requires a positive baseline" });
    expect(call("TRAJECTORY", -1, 200, 2025, "level")).toMatchObject({ error: "#NUM!", message: expect.stringMatching(/^TRAJECTORY requires a positive baseline/) });
    expect(call("TARGET_GAP", 60, 0, 200, "2025-06")).toMatchObject({ error: "#NUM!" });
  });

  it("#NUM! for a target year not after the base year", () => {
    expect(call("REQUIRED_GROWTH", 100, 200, 2027, 2027)).toMatchObject({ error: "#NUM!" });
    expect(call("TRAJECTORY", 100, 200, 2025, "growth", 2027, 2023)).toMatchObject({ error: "#NUM!" });
  });

  it("#N/A for an unknown kind or mode, with the allowed words", () => {
    expect(call("TRAJECTORY", 100, 200, 2025, "speed")).toEqual({
      error: "#N/A",
      message: 'TRAJECTORY does not know the kind "speed" (use growth, level, share, cumulative, annual)',
    });
    expect(call("TARGET_GAP", 60, 100, 200, 2025, "growth", "pct")).toMatchObject({ error: "#N/A", message: expect.stringContaining("rel, abs") });
  });

  it("#DIV/0! for a relative gap against a zero trajectory", () => {
    expect(call("TARGET_GAP", 5, 0, 400, "2023-06", "cumulative")).toMatchObject({ error: "#DIV/0!" });
  });

  it("passes an error in an argument through", () => {
    expect(call("TARGET_GAP", { error: "#REF!" }, 100, 200, 2025)).toEqual({ error: "#REF!" });
  });

  it("#NAME? for an unknown function and #VALUE! for too many arguments", () => {
    expect(call("NO_SUCH")).toMatchObject({ error: "#NAME?" });
    expect(call("REQUIRED_GROWTH", 1, 2, 3, 4, 5)).toMatchObject({ error: "#VALUE!" });
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
    const result = call("TRAJECTORY", [[100], [100], [40]], [[200], [200], [100]], "2025-06", [["growth"], ["level"], ["share"]]) as number[][];
    expect(result.map((row) => row[0])).toEqual([expect.closeTo(70.71068, 5), expect.closeTo(129.68396, 5), expect.closeTo(62.5, 10)]);
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
    expect(result[2][0]).toMatchObject({ error: "#N/A" });
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
    const result = call("FORECAST_TARGET", [[100], [110], [120], [""]], [[2023], [2024], [2025], [2026]]) as unknown[][];
    expect(result[0][0]).toBeCloseTo(140, 9);
    expect(result[0][3]).toBe("");
  });

  it("reports the cell with bad input, and too few values as #N/A", () => {
    expect(call("FORECAST_TARGET", [[100], ["n/a"], [120]], [[2023], [2024], [2025]])).toMatchObject({ error: "#VALUE!", message: expect.stringContaining("cell 2") });
    expect(call("FORECAST_TARGET", [[100], [110]], [[2023], [2024]])).toMatchObject({ error: "#N/A", message: expect.stringContaining("FORECAST_TARGET needs at least 3") });
    expect(call("FORECAST_TARGET", [[100], [110]], [[2023]])).toMatchObject({ error: "#N/A" });
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

  it("gives #N/A with a message when nobody is behind", () => {
    expect(call("LAGGARDS", departments, gaps, 0.5)).toMatchObject({ error: "#N/A", message: expect.stringContaining("no department") });
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
