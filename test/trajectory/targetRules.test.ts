/**
 * What a catalog target means as a trajectory (second review, items N3 and N4): 年均增长X% is an annual
 * growth RATE on a compound path, not X per year; rates, shares and intensities are reported as month-end
 * levels, volumes and amounts year-to-date; 提高X个百分点 adds points.
 */
import type { Target } from "../../src/core/catalog";
import {
  defaultBasisForTarget,
  expectedAt,
  figuresAreRates,
  planYears,
  targetValueFromCatalog,
  targetValueRule,
  trajectoryKindForTarget,
} from "../../src/core/trajectory";

type Described = Pick<Target, "kind" | "unit" | "indicator">;
const target = (kind: Target["kind"], unit: string | null, indicator: string): Described => ({ kind, unit, indicator });

describe("targetValueRule", () => {
  it("reads 年均增长15% (annual, %) as an annual growth rate and 每年300台 as a per-year amount", () => {
    expect(targetValueRule({ kind: "annual", unit: "%" })).toBe("annualRate");
    expect(targetValueRule({ kind: "annual", unit: "台" })).toBe("value");
    expect(targetValueRule({ kind: "annual", unit: "个百分点" })).toBe("annualPoints");
  });

  it("reads 提高5个百分点 as points and 增长45% / 一倍 as relative growth", () => {
    expect(targetValueRule({ kind: "growth_vs_baseline", unit: "个百分点" })).toBe("points");
    expect(targetValueRule({ kind: "growth_vs_baseline", unit: "%" })).toBe("relative");
    expect(targetValueRule({ kind: "growth_vs_baseline", unit: "倍" })).toBe("relative");
    expect(targetValueRule({ kind: "milestone", unit: null })).toBeNull();
  });
});

describe("targetValueFromCatalog for rates", () => {
  it("compounds 年均增长15% from the baseline over base year … target year (2023–2027: B × 1.15⁴), never 0.15", () => {
    const yearly = {
      kind: "annual" as const,
      unit: "%",
      normalizedValue: 0.15,
      baseYear: null,
      startYear: 2024,
      targetYear: 2027,
    };
    expect(targetValueFromCatalog(yearly, 1000)).toBeCloseTo(1000 * Math.pow(1.15, 4), 9);
    expect(targetValueFromCatalog(yearly, null)).toBeNull(); // never an invented baseline
  });

  it("counts the years of a rate from the year before its start year (2025—2027年年均增长10%: 3 years)", () => {
    const yearly = {
      kind: "annual" as const,
      unit: "%",
      normalizedValue: 0.1,
      baseYear: null,
      startYear: 2025,
      targetYear: 2027,
    };
    expect(planYears(yearly)).toEqual({ baseYear: 2024, startYear: 2025, targetYear: 2027 });
    // Other kinds keep the 2023 base (a cumulative 2025—2027 total still starts from 0 in 2025).
    expect(
      planYears({ kind: "cumulative", unit: "部", baseYear: null, startYear: 2025, targetYear: 2027 }).baseYear,
    ).toBe(2023);
    expect(targetValueFromCatalog(yearly, 100)).toBeCloseTo(133.1, 9);
  });

  it("adds points to a rate (机械化率 70% + 5个百分点 = 75%, not 73.5%) and points per year times the years", () => {
    expect(
      targetValueFromCatalog({ kind: "growth_vs_baseline", unit: "个百分点", normalizedValue: 0.05 }, 0.7),
    ).toBeCloseTo(0.75, 12);
    expect(
      targetValueFromCatalog(
        { kind: "annual", unit: "个百分点", normalizedValue: 0.01, startYear: 2024, targetYear: 2027 },
        0.5,
      ),
    ).toBeCloseTo(0.54, 12);
  });
});

describe("defaultBasisForTarget", () => {
  it.each<[Described, "ytd" | "level"]>([
    [target("growth_vs_baseline", "%", "单位地区生产总值能耗"), "level"], // an intensity (review N4)
    [target("growth_vs_baseline", "%", "交通运输领域二氧化碳排放强度"), "level"],
    [target("growth_vs_baseline", "个百分点", "废旧家电规范回收率"), "level"], // 回收率 is a rate though it contains 回收
    [target("level", "万吨", "再生金属产能"), "level"],
    [target("level", "万辆", "新能源汽车保有量"), "level"],
    [target("level", "万辆", "报废机动车回收拆解能力"), "level"],
    [target("growth_vs_baseline", "%", "二手车交易量"), "ytd"],
    [target("growth_vs_baseline", "%", "设备投资"), "ytd"],
    [target("level", "万辆", "报废汽车回收量"), "ytd"], // a year's volume, reported year-to-date
    [target("level", "亿元", "家电以旧换新销售额"), "ytd"],
    [target("annual", "%", "报废汽车回收量"), "ytd"],
    [target("level", "家", "国家级绿色工厂"), "level"], // neither word: the kind's default
    [target("growth_vs_baseline", "%", "新能源汽车"), "ytd"],
    [target("share", "%", "新能源汽车销量占比"), "level"],
    [target("cumulative", "公里", "城市供水管网改造"), "ytd"],
    [target("annual", "台", "报废更新老旧农业机械"), "ytd"],
  ])("%o → %s", (described, basis) => {
    expect(defaultBasisForTarget(described)).toBe(basis);
  });
});

describe("trajectoryKindForTarget with the indicator", () => {
  it("puts an intensity on the stock path and a volume on the flow path, and lets the 口径 override both", () => {
    const intensity = target("growth_vs_baseline", "%", "单位地区生产总值能耗");
    expect(trajectoryKindForTarget(intensity)).toBe("level");
    expect(trajectoryKindForTarget(intensity, "ytd")).toBe("growth");
    expect(trajectoryKindForTarget(target("annual", "%", "报废汽车回收量"))).toBe("growth");
    expect(
      trajectoryKindForTarget(target("growth_vs_baseline", "个百分点", "主要农作物耕种收综合机械化率"), "ytd"),
    ).toBe("share");
    expect(trajectoryKindForTarget(target("annual", "台", "报废更新老旧农业机械"), "level")).toBe("annual");
  });

  it("compares a June intensity of 95 (baseline 100, 下降13.5%) with the month-end path (≈ 94.7), not half a year's flow (≈ 46.5)", () => {
    const intensity = {
      ...target("growth_vs_baseline", "%", "单位地区生产总值能耗"),
      normalizedValue: -0.135,
      baseYear: 2023,
      startYear: null,
      targetYear: 2027,
    };
    const kind = trajectoryKindForTarget(intensity);
    const targetValue = targetValueFromCatalog(intensity, 100) as number;
    const expected = expectedAt(
      { kind: kind!, baselineValue: 100, targetValue },
      { year: 2025, month: 6, wholeYear: false },
    );
    expect(expected).toBeCloseTo(100 * Math.pow(0.865, 1.5 / 4), 9);
  });
});

describe("figuresAreRates", () => {
  it("holds shares and points targets as fractions, not growth rates or amounts", () => {
    expect(figuresAreRates({ kind: "share", unit: "%" })).toBe(true);
    expect(figuresAreRates({ kind: "growth_vs_baseline", unit: "个百分点" })).toBe(true);
    expect(figuresAreRates({ kind: "annual", unit: "%" })).toBe(false);
    expect(figuresAreRates({ kind: "growth_vs_baseline", unit: "%" })).toBe(false);
  });
});
