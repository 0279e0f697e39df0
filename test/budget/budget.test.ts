import { budgetLinesFromPrograms, computeBudget, computeBudgetLine } from "../../src/core/budget/budget";
import { defaultPrograms } from "../../src/core/budget/defaults";
import type { BudgetLine } from "../../src/core/budget/types";
import { LiangxinError } from "../../src/core/errors";

const funding = { central: 0.9, provincial: 0.05, city: 0.05 };
function line(overrides: Partial<BudgetLine>): BudgetLine {
  return {
    programId: "carScrapNev",
    programName: "汽车报废更新（新能源乘用车）",
    year: 2025,
    volume: 1000,
    takeUp: 0.5,
    amountYuan: 20000,
    rate: null,
    priceYuan: null,
    capYuan: null,
    formula: null,
    funding,
    ...overrides,
  };
}

describe("computeBudgetLine", () => {
  it("multiplies volume, take-up and the per-unit subsidy and splits it by level", () => {
    const result = computeBudgetLine(line({}));
    expect(result.subsidisedUnits).toBe(500);
    expect(result.perUnitYuan).toBe(20000);
    expect(result.costYuan).toBe(10_000_000);
    expect(result.byLevel.central).toBeCloseTo(9_000_000, 6);
    expect(result.byLevel.provincial).toBeCloseTo(500_000, 6);
    expect(result.byLevel.city).toBeCloseTo(500_000, 6);
  });

  it("caps a rate-based subsidy per unit", () => {
    const result = computeBudgetLine(
      line({ amountYuan: null, rate: 0.15, priceYuan: 20000, capYuan: 2000, takeUp: 1, volume: 100 }),
    );
    expect(result.perUnitYuan).toBe(2000);
    expect(result.costYuan).toBe(200000);
  });

  it("uses a program formula as the line's total", () => {
    const result = computeBudgetLine(
      line({ amountYuan: null, priceYuan: 5000, volume: 100, formula: "volume * 0.6 * min(price * 15%, 2000)" }),
    );
    expect(result.perUnitYuan).toBeNull();
    expect(result.costYuan).toBeCloseTo(45000, 9);
  });

  it("refuses shares that do not add up to 100% with #NUM! naming the program and year", () => {
    try {
      computeBudgetLine(line({ funding: { central: 0.9, provincial: 0.1, city: 0.1 } }));
      throw new Error("not refused");
    } catch (error) {
      expect(error).toBeInstanceOf(LiangxinError);
      expect((error as LiangxinError).code).toBe("#NUM!");
      expect((error as LiangxinError).message).toMatch(/^汽车报废更新（新能源乘用车） 2025: .*110\.00%/);
    }
  });

  it("refuses a take-up above 100% and a negative volume with #NUM!", () => {
    expect(() => computeBudgetLine(line({ takeUp: 1.2 }))).toThrow(expect.objectContaining({ code: "#NUM!" }));
    expect(() => computeBudgetLine(line({ volume: -5 }))).toThrow(expect.objectContaining({ code: "#NUM!" }));
  });
});

describe("computeBudget", () => {
  it("sums by year, by program and overall, at each funding level", () => {
    const lines = [
      line({ year: 2025, volume: 1000 }),
      line({ year: 2026, volume: 2000 }),
      line({
        programId: "busNev",
        programName: "新能源公交车更新",
        year: 2025,
        volume: 10,
        takeUp: 1,
        amountYuan: 80000,
      }),
    ];
    const budget = computeBudget(lines);
    expect(budget.byYear.get(2025)!.total).toBe(10_000_000 + 800_000);
    expect(budget.byYear.get(2026)!.total).toBe(20_000_000);
    expect(budget.byProgram.get("carScrapNev")!.total).toBe(30_000_000);
    expect(budget.grandTotal.total).toBe(30_800_000);
    expect(budget.grandTotal.central + budget.grandTotal.provincial + budget.grandTotal.city).toBeCloseTo(
      30_800_000,
      4,
    );
    expect([...budget.byYear.keys()]).toEqual([2025, 2026]);
  });

  it("budgets the default programs from typed-in volumes, with blanks counting as zero", () => {
    const volumes: Record<string, number> = { carScrapNev: 1000, applianceAc: 10000 };
    const lines = budgetLinesFromPrograms(defaultPrograms("河南"), [2025, 2026, 2027], (id) => volumes[id]);
    expect(lines).toHaveLength(16 * 3);
    const budget = computeBudget(lines);
    // 1000 × 50% × 20,000 + 10,000 × min(15% × 4,000, 2,000) = 10,000,000 + 6,000,000 per year
    expect(budget.byYear.get(2027)!.total).toBe(16_000_000);
    expect(budget.grandTotal.central).toBeCloseTo(48_000_000 * 0.9, 4);
  });
});
