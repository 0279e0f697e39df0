import { sensitivity } from "../../src/core/budget/sensitivity";
import { programRandom, simulateBudget } from "../../src/core/budget/simulate";
import { seededRandom, triangular } from "../../src/core/budget/random";
import type { BudgetLine } from "../../src/core/budget/types";

const funding = { central: 0.9, provincial: 0.05, city: 0.05 };
const years = [2025, 2026, 2027];
const lines: BudgetLine[] = years.flatMap((year) => [
  {
    programId: "cars",
    programName: "汽车报废更新",
    year,
    volume: 1000,
    takeUp: 0.5,
    amountYuan: 20000,
    rate: null,
    priceYuan: null,
    capYuan: null,
    formula: null,
    funding,
  },
  {
    programId: "ac",
    programName: "空调",
    year,
    volume: 1000,
    takeUp: 1,
    amountYuan: null,
    rate: 0.15,
    priceYuan: 4000,
    capYuan: 2000,
    formula: null,
    funding,
  },
]);

describe("sensitivity", () => {
  const result = sensitivity(lines, 0.2);

  it("puts the parameter that moves the total most at the top", () => {
    expect(result.baseTotalYuan).toBe(3 * (10_000_000 + 600_000));
    expect(result.rows[0]).toMatchObject({ programId: "cars", swingYuan: expect.closeTo(0.4 * 30_000_000, 4) });
    for (let index = 1; index < result.rows.length; index++)
      expect(result.rows[index - 1].swingYuan).toBeGreaterThanOrEqual(result.rows[index].swingYuan);
  });

  it("shows a cap that does not bind as moving nothing, and a take-up of 100% as unable to rise", () => {
    const cap = result.rows.find((row) => row.programId === "ac" && row.parameter === "capYuan")!;
    expect(cap.swingYuan).toBe(0);
    const takeUp = result.rows.find((row) => row.programId === "ac" && row.parameter === "takeUp")!;
    expect(takeUp.highTotalYuan).toBe(result.baseTotalYuan);
    expect(takeUp.lowTotalYuan).toBeCloseTo(result.baseTotalYuan - 0.2 * 1_800_000, 4);
  });
});

describe("simulateBudget", () => {
  it("gives the same percentiles for the same seed and different ones for another seed", () => {
    const first = simulateBudget(lines, { iterations: 2000, seed: 11 });
    const again = simulateBudget(lines, { iterations: 2000, seed: 11 });
    const other = simulateBudget(lines, { iterations: 2000, seed: 12 });
    expect(again.p50).toBe(first.p50);
    expect(again.p90).toBe(first.p90);
    expect(other.p50).not.toBe(first.p50);
  });

  it("brackets the point estimate: P10 < base < P90, P50 near the base", () => {
    const base = 3 * (10_000_000 + 600_000);
    const result = simulateBudget(lines, { iterations: 5000, seed: 1 });
    expect(result.p10).toBeLessThan(base);
    expect(result.p90).toBeGreaterThan(base);
    expect(Math.abs(result.p50 / base - 1)).toBeLessThan(0.03);
    expect(result.byYear.get(2026)!.p50).toBeCloseTo(result.p50 / 3, -5);
  });

  it("gives a program the same draws however many programs follow it (the .xlsx's pre-drawn slots rely on it)", () => {
    const alone = simulateBudget(lines, { iterations: 500, seed: 9 });
    // A program with nothing to pay still takes its own slice of the stream, and leaves the others' alone.
    const idle = years.map((year): BudgetLine => ({
      ...lines[0],
      programId: "idle",
      programName: "未填数量",
      year,
      volume: 0,
    }));
    const withIdle = simulateBudget([...lines, ...idle], { iterations: 500, seed: 9 });
    expect([withIdle.p10, withIdle.p50, withIdle.p90]).toEqual([alone.p10, alone.p50, alone.p90]);
  });

  it("draws program k's uniforms from position k × iterations × 3 of the seed's stream", () => {
    const stream = seededRandom(2024);
    const first = Array.from({ length: 2 * 4 * 3 }, () => stream());
    const program1 = programRandom(2024, 1, 4);
    expect(Array.from({ length: 12 }, () => program1())).toEqual(first.slice(12));
    const skipped = seededRandom(2024, 5);
    expect(skipped()).toBe(first[5]);
  });

  it("collapses to the point estimate when every range is zero", () => {
    const result = simulateBudget(lines, { iterations: 50, ranges: { volume: 0, takeUp: 0, price: 0 } });
    expect(result.p10).toBe(31_800_000);
    expect(result.p90).toBe(31_800_000);
  });

  it("refuses impossible options with #NUM!", () => {
    expect(() => simulateBudget(lines, { iterations: 0 })).toThrow(expect.objectContaining({ code: "#NUM!" }));
    expect(() => simulateBudget(lines, { ranges: { volume: 1.5 } })).toThrow(
      expect.objectContaining({ code: "#NUM!" }),
    );
  });
});

describe("seededRandom and triangular", () => {
  it("repeat for a seed and stay in range", () => {
    const a = seededRandom(5);
    const b = seededRandom(5);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((sum, value) => sum + value, 0) / draws.length;
    expect(mean).toBeCloseTo(0.5, 1);
  });

  it("triangular maps the quantiles of its inverse CDF", () => {
    expect(triangular(0, 0.8, 1, 1.2)).toBe(0.8);
    expect(triangular(0.5, 0.8, 1, 1.2)).toBeCloseTo(1, 12);
    expect(triangular(0.125, 0, 1, 2)).toBeCloseTo(0.5, 12);
  });
});
