import { callSheetFunction } from "../../src/core/sheet/registry";

describe("SUBSIDY_COST", () => {
  it("gives the issue's worked checks, with an omitted amount", () => {
    expect(callSheetFunction("SUBSIDY_COST", [100, undefined, 0.15, 5000, 2000])).toBe(75000);
    expect(callSheetFunction("SUBSIDY_COST", [100, "", 0.15, 20000, 2000])).toBe(200000);
    expect(callSheetFunction("SUBSIDY_COST", [1000, 20000])).toBe(20000000);
  });

  it("coerces like Excel: numeric text and 15% text are numbers", () => {
    expect(callSheetFunction("SUBSIDY_COST", ["100", null, "15%", "5000", 2000])).toBe(75000);
  });

  it("returns Excel errors with messages: #VALUE! for text, #NUM! for a negative volume", () => {
    expect(callSheetFunction("SUBSIDY_COST", ["many", 20000])).toMatchObject({
      error: "#VALUE!",
      message: expect.stringContaining("volume"),
    });
    expect(callSheetFunction("SUBSIDY_COST", [-1, 20000])).toMatchObject({ error: "#NUM!" });
    expect(callSheetFunction("SUBSIDY_COST", [100, null, 0.15])).toMatchObject({
      error: "#VALUE!",
      message: expect.stringMatching(/^SUBSIDY_COST/),
    });
  });

  it("shows a blank result for a blank volume (an unfilled row)", () => {
    expect(callSheetFunction("SUBSIDY_COST", [null, 20000])).toBe("");
  });

  it("broadcasts a column of volumes in one call", () => {
    expect(
      callSheetFunction("SUBSIDY_COST", [[[100], [200], ["x"]], null, 0.15, [[5000], [20000], [1]], 2000]),
    ).toEqual([[75000], [400000], [expect.objectContaining({ error: "#VALUE!" })]]);
  });
});

describe("SUBSIDY_FORMULA", () => {
  it("evaluates a custom program formula and refuses a hostile one", () => {
    expect(callSheetFunction("SUBSIDY_FORMULA", ["volume * 0.6 * min(price * 15%, 2000)", 100, 5000])).toBeCloseTo(
      45000,
      9,
    );
    expect(callSheetFunction("SUBSIDY_FORMULA", ["import({x: 1})", 100, 5000])).toMatchObject({
      error: "#VALUE!",
      message: expect.stringContaining("import"),
    });
  });
});

const programs = [["汽车报废更新"], ["汽车报废更新"], ["空调"], ["空调"], [null]];
const years = [[2025], [2026], [2025], [2026], [null]];
const volumes = [[1000], [2000], [10000], [10000], [null]];
const amounts = [[20000], [20000], [null], [null], [null]];
const rates = [[null], [null], [0.15], [0.15], [null]];
const prices = [[null], [null], [4000], [4000], [null]];
const caps = [[null], [null], [2000], [2000], [null]];
const takeUps = [[0.5], [0.5], [1], [1], [null]];
const shares = [[0.9, 0.05, 0.05]];

describe("SUBSIDY_BUDGET", () => {
  it("spills programs × years with 合计, skipping blank rows", () => {
    expect(
      callSheetFunction("SUBSIDY_BUDGET", [programs, years, volumes, amounts, rates, prices, caps, takeUps]),
    ).toEqual([
      ["项目", 2025, 2026, "合计"],
      ["汽车报废更新", 10_000_000, 20_000_000, 30_000_000],
      ["空调", 6_000_000, 6_000_000, 12_000_000],
      ["合计", 16_000_000, 26_000_000, 42_000_000],
    ]);
  });

  it("gives one funding level's share", () => {
    const table = callSheetFunction("SUBSIDY_BUDGET", [
      programs,
      years,
      volumes,
      amounts,
      rates,
      prices,
      caps,
      takeUps,
      shares,
      "市级",
    ]) as unknown[][];
    expect(table[3][3]).toBeCloseTo(42_000_000 * 0.05, 6);
  });

  it("names the row of a bad value", () => {
    const badVolumes = [[1000], ["很多"], [10000], [10000], [null]];
    expect(
      callSheetFunction("SUBSIDY_BUDGET", [programs, years, badVolumes, amounts, rates, prices, caps, takeUps]),
    ).toMatchObject({
      error: "#VALUE!",
      message: expect.stringContaining("第2行"),
    });
  });

  it("refuses shares that do not sum to 100% with #NUM!", () => {
    expect(
      callSheetFunction("SUBSIDY_BUDGET", [
        programs,
        years,
        volumes,
        amounts,
        rates,
        prices,
        caps,
        takeUps,
        [[0.9, 0.1, 0.1]],
        "central",
      ]),
    ).toMatchObject({ error: "#NUM!" });
  });

  it("uses a row's formula instead of amount or rate", () => {
    const formulas = [[null], [null], ["volume * 100"], [null], [null]];
    const table = callSheetFunction("SUBSIDY_BUDGET", [
      programs,
      years,
      volumes,
      amounts,
      rates,
      prices,
      caps,
      takeUps,
      null,
      null,
      formulas,
    ]) as unknown[][];
    expect(table[2][1]).toBe(1_000_000);
  });
});

describe("SUBSIDY_SIMULATE", () => {
  it("spills P10 ≤ P50 ≤ P90 around the point total and repeats for a seed", () => {
    const args = [programs, years, volumes, amounts, rates, prices, caps, takeUps, null, 2000, 7];
    const first = callSheetFunction("SUBSIDY_SIMULATE", args) as number[][];
    expect(first).toHaveLength(1);
    const [p10, p50, p90] = first[0];
    expect(p10).toBeLessThan(p50);
    expect(p50).toBeLessThan(p90);
    expect(p10).toBeLessThan(42_000_000);
    expect(p90).toBeGreaterThan(42_000_000);
    expect(callSheetFunction("SUBSIDY_SIMULATE", args)).toEqual(first);
  });

  it("collapses to the total when every range is 0", () => {
    expect(
      callSheetFunction("SUBSIDY_SIMULATE", [
        programs,
        years,
        volumes,
        amounts,
        rates,
        prices,
        caps,
        takeUps,
        [[0, 0, 0]],
        10,
      ]),
    ).toEqual([[42_000_000, 42_000_000, 42_000_000]]);
  });

  it("refuses zero iterations with #NUM!", () => {
    expect(
      callSheetFunction("SUBSIDY_SIMULATE", [programs, years, volumes, amounts, rates, prices, caps, takeUps, null, 0]),
    ).toMatchObject({ error: "#NUM!" });
  });
});
