/**
 * `liangxin check` on the second review's targets (N3, N4): a 年均增长15% target is tracked on its compound
 * path from the baseline, and an intensity (单位GDP能耗下降13.5%) is compared at month-end, not year-to-date.
 * Every figure here is 示例数据 (example data).
 */
import type { Catalog, Target } from "../../src/core/catalog";
import { runReportCheck } from "../../src/core/check";
import { exampleCatalog, reportTable } from "./helpers";

const base = exampleCatalog();
const template = base.targets.find((target) => target.id === "示例-01") as Target;
const DEPARTMENT = template.lead as string;

function target(id: string, fields: Partial<Target>): Target {
  return {
    ...template,
    id,
    baseYear: null,
    startYear: null,
    targetYear: 2027,
    comparator: ">=",
    lead: DEPARTMENT,
    support: [],
    ...fields,
  };
}

// 云溪-05: 报废汽车回收量年均增长15% (2024—2027年).
const scrapGrowth = target("示例-31", {
  kind: "annual",
  indicator: "报废汽车回收量",
  value: 15,
  unit: "%",
  normalizedValue: 0.15,
  startYear: 2024,
});
// 石湖-01: 单位地区生产总值能耗较2023年下降13.5%.
const intensity = target("示例-32", {
  kind: "growth_vs_baseline",
  indicator: "单位地区生产总值能耗",
  value: 13.5,
  unit: "%",
  normalizedValue: -0.135,
  baseYear: 2023,
});
// 提高5个百分点.
const mechanisation = target("示例-33", {
  kind: "growth_vs_baseline",
  indicator: "主要农作物耕种收综合机械化率",
  value: 5,
  unit: "个百分点",
  normalizedValue: 0.05,
  baseYear: 2023,
});
const catalog: Catalog = { ...base, targets: [...base.targets, scrapGrowth, intensity, mechanisation] };
const baselines = new Map([
  [scrapGrowth.id, 1000],
  [intensity.id, 100],
  [mechanisation.id, 70], // typed in points: 70%
]);

function check(rows: unknown[][]) {
  return runReportCheck([reportTable("报表.csv", rows)], catalog, { baselines });
}

describe("check: annual growth rates, intensities and points", () => {
  it("tracks 年均增长15% on baseline × 1.15^years, year-to-date: 670 vehicles by June 2025 from 1000 in 2023 is on track", () => {
    const result = check([["2025-06", DEPARTMENT, scrapGrowth.id, 670, ""]]);
    expect(result.errors).toEqual([]);
    const [row] = result.rows;
    expect(row.targetValue).toBeCloseTo(1000 * Math.pow(1.15, 4), 9);
    expect(row.expected).toBeCloseTo(1000 * 1.15 * 1.15 * 0.5, 9);
    expect(row.basis).toBe("ytd");
    expect(row.status).toBe("onTrack");
  });

  it("blocks an annual growth rate without a baseline instead of comparing with 0.15 a year", () => {
    const result = runReportCheck(
      [reportTable("报表.csv", [["2025-06", DEPARTMENT, scrapGrowth.id, 0.16, ""]])],
      catalog,
      { baselines: new Map() },
    );
    expect(result.rows).toEqual([]);
    expect(result.errors.map((entry) => entry.code)).toEqual(["missingBaseline"]);
  });

  it("notes a growth rate typed where a count was meant (0.16 against ≈ 661 vehicles)", () => {
    const result = check([["2025-06", DEPARTMENT, scrapGrowth.id, 0.16, ""]]);
    expect(result.rows[0].status).toBe("behind");
    expect(result.notes.map((entry) => entry.code)).toContain("unitMismatch");
  });

  it("compares a June intensity of 95 (baseline 100, 下降13.5%) with the month-end level ≈ 94.7: 预警, not −104% 落后", () => {
    const [row] = check([["2025-06", DEPARTMENT, intensity.id, 95, ""]]).rows;
    expect(row.basis).toBe("level");
    expect(row.expected).toBeCloseTo(100 * Math.pow(0.865, 1.5 / 4), 9);
    expect(row.gap).toBeCloseTo(-(95 / row.expected - 1), 12);
    expect(row.gap).toBeGreaterThan(-0.01);
    expect(row.status).toBe("atRisk");
  });

  it("still follows an explicit 口径 累计 for the intensity", () => {
    const [row] = check([["2025-06", DEPARTMENT, intensity.id, 46, "累计"]]).rows;
    expect(row.basis).toBe("ytd");
    expect(row.expected).toBeLessThan(50);
  });

  it("adds 5 points to a 70% rate (target 75%) and reads a report of 72 as 72%", () => {
    const [row] = check([["2025-06", DEPARTMENT, mechanisation.id, 72, ""]]).rows;
    expect(row.targetValue).toBeCloseTo(0.75, 12);
    expect(row.value).toBeCloseTo(0.72, 12);
    expect(row.expected).toBeCloseTo(0.7 + 0.05 * (1.5 / 4), 12);
    expect(row.status).toBe("onTrack");
  });
});
