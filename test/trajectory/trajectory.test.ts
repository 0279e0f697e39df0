import { LiangxinError } from "../../src/core/errors";
import type { ReportPeriod } from "../../src/core/period";
import { parseReportPeriod } from "../../src/core/period";
import type { TrajectoryKind, TrajectorySpec } from "../../src/core/trajectory";
import {
  expectedAt,
  requiredGrowth,
  targetValueFromCatalog,
  trajectoryKindForTarget,
  yearToDateShare,
} from "../../src/core/trajectory";

const at = (date: string | number): ReportPeriod => parseReportPeriod(date);
const spec = (
  kind: TrajectoryKind,
  baselineValue: number,
  targetValue: number,
  extra: Partial<TrajectorySpec> = {},
): TrajectorySpec => ({
  kind,
  baselineValue,
  targetValue,
  ...extra,
});

function expectCode(action: () => unknown, code: string, message?: RegExp): void {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(LiangxinError);
  expect((thrown as LiangxinError).code).toBe(code);
  if (message) expect((thrown as LiangxinError).message).toMatch(message);
}

describe("expectedAt: the issue's worked values", () => {
  it.each<[TrajectoryKind, number, number, string | number, number]>([
    ["growth", 100, 200, 2025, 141.42136],
    ["growth", 100, 200, "2025-06", 70.71068],
    ["level", 100, 200, "2025-06", 129.68396],
    ["share", 40, 100, "2025-06", 62.5],
    ["cumulative", 0, 400, "2025-06", 150],
    ["annual", 0, 10, "2025-06", 5],
  ])("%s %p→%p at %p is %p", (kind, baseline, target, date, expected) => {
    expect(expectedAt(spec(kind, baseline, target), at(date))).toBeCloseTo(expected, 5);
  });
});

describe("expectedAt: ends of the path", () => {
  it("growth is the baseline in the base year and the target in the target year", () => {
    expect(expectedAt(spec("growth", 100, 145), at(2023))).toBeCloseTo(100, 10);
    expect(expectedAt(spec("growth", 100, 145), at(2027))).toBeCloseTo(145, 10);
    expect(expectedAt(spec("growth", 100, 145), at("2027-12"))).toBeCloseTo(145, 10);
  });

  it("growth year-to-date grows month by month within a year (m/12)", () => {
    const yearValue = expectedAt(spec("growth", 100, 200), at(2026));
    expect(expectedAt(spec("growth", 100, 200), at("2026-01"))).toBeCloseTo(yearValue / 12, 10);
    expect(expectedAt(spec("growth", 100, 200), at("2026-09"))).toBeCloseTo((yearValue * 9) / 12, 10);
  });

  it("a seasonal profile replaces m/12 for flows", () => {
    const profile = [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 8]; // total 24, first half 6 → 25%
    expect(expectedAt(spec("annual", 0, 100, { seasonalProfile: profile }), at("2025-06"))).toBeCloseTo(25, 10);
    expect(expectedAt(spec("growth", 100, 200, { seasonalProfile: profile }), at("2025-06"))).toBeCloseTo(
      141.4213562 / 4,
      6,
    );
    expect(expectedAt(spec("annual", 0, 100, { seasonalProfile: profile }), at(2025))).toBeCloseTo(100, 10);
  });

  it("level is the baseline at the end of the base year and the target at the end of the target year", () => {
    expect(expectedAt(spec("level", 50, 80), at("2023-12"))).toBeCloseTo(50, 10);
    expect(expectedAt(spec("level", 50, 80), at("2027-12"))).toBeCloseTo(80, 10);
    expect(expectedAt(spec("level", 100, 200), at("2025-12"))).toBeCloseTo(141.42136, 5); // half way in time
  });

  it("share moves in straight points from baseline to target", () => {
    expect(expectedAt(spec("share", 0.4, 0.9), at("2023-12"))).toBeCloseTo(0.4, 12);
    expect(expectedAt(spec("share", 0.4, 0.9), at("2025-12"))).toBeCloseTo(0.65, 12);
    expect(expectedAt(spec("share", 0.4, 0.9), at(2027))).toBeCloseTo(0.9, 12);
  });

  it("cumulative runs from 0 before the start year to the target after the target year", () => {
    expect(expectedAt(spec("cumulative", 0, 480), at("2023-12"))).toBe(0);
    expect(expectedAt(spec("cumulative", 0, 480), at("2024-01"))).toBeCloseTo(10, 10);
    expect(expectedAt(spec("cumulative", 0, 480), at(2027))).toBeCloseTo(480, 10);
    expect(expectedAt(spec("cumulative", 0, 480), at("2028-03"))).toBe(480);
    expect(expectedAt(spec("cumulative", 0, 300, { startYear: 2025 }), at("2025-06"))).toBeCloseTo(50, 10);
  });

  it("cumulative ignores the baseline (the total counts from 0)", () => {
    expect(expectedAt(spec("cumulative", 999, 400), at("2025-06"))).toBeCloseTo(150, 10);
  });

  it("annual restarts each calendar year", () => {
    expect(expectedAt(spec("annual", 0, 12), at("2024-03"))).toBeCloseTo(3, 12);
    expect(expectedAt(spec("annual", 0, 12), at("2026-03"))).toBeCloseTo(3, 12);
    expect(expectedAt(spec("annual", 0, 12), at(2026))).toBe(12);
  });

  it("honours other base and target years", () => {
    expect(expectedAt(spec("growth", 100, 121, { baseYear: 2024, targetYear: 2026 }), at(2025))).toBeCloseTo(110, 10);
  });
});

describe("expectedAt: invalid specs", () => {
  it.each<[TrajectoryKind, number, number]>([
    ["growth", 0, 200],
    ["growth", -5, 200],
    ["level", 0, 200],
    ["growth", 100, 0],
  ])("%s with baseline %p and target %p is #NUM!", (kind, baseline, target) => {
    expectCode(
      () => expectedAt(spec(kind, baseline, target), at("2025-06")),
      "#NUM!",
      /^expectedAt：复合增长的(基期值|目标年值)须为正数 \(expectedAt requires a positive/,
    );
  });

  it("allows a zero baseline where nothing compounds", () => {
    expect(expectedAt(spec("share", 0, 0.5), at(2025))).toBeCloseTo(0.25, 12);
  });

  it("requires the target year after the base year", () => {
    expectCode(
      () => expectedAt(spec("growth", 100, 200, { baseYear: 2027, targetYear: 2027 }), at(2025)),
      "#NUM!",
      /^expectedAt：目标年份须晚于基期年份 \(expectedAt requires a target year after the base year\)$/,
    );
    expectCode(() => expectedAt(spec("share", 1, 2, { baseYear: 2028, targetYear: 2027 }), at(2025)), "#NUM!");
  });

  it("requires the start year no later than the target year", () => {
    expectCode(
      () => expectedAt(spec("cumulative", 0, 10, { startYear: 2028 }), at(2025)),
      "#NUM!",
      /^expectedAt：起算年份不能晚于目标年份 \(expectedAt requires/,
    );
  });

  it("rejects an unknown kind with #N/A", () => {
    expectCode(
      () => expectedAt(spec("speed" as TrajectoryKind, 1, 2), at(2025)),
      "#N/A",
      /^expectedAt：未知的 kind "speed"，可用 growth、level.*\(expectedAt does not know the kind "speed"; use growth, level/,
    );
  });

  it("rejects a bad seasonal profile", () => {
    expectCode(
      () => yearToDateShare(6, [1, 2, 3]),
      "#NUM!",
      /^yearToDateShare：.*12 个月.*\(yearToDateShare requires twelve monthly weights\)$/,
    );
    expectCode(() => yearToDateShare(6, new Array(12).fill(0)), "#NUM!");
    expectCode(() => yearToDateShare(6, [-1, ...new Array(11).fill(1)]), "#NUM!");
  });
});

describe("requiredGrowth", () => {
  it("matches Excel's RRI documented example: RRI(96,10000,11000)=0.000993307376", () => {
    expect(requiredGrowth(10000, 11000, 0, 96)).toBeCloseTo(0.000993307376, 12);
  });

  it("matches RRI for a doubling over four years and a fall", () => {
    expect(requiredGrowth(100, 200)).toBeCloseTo(Math.SQRT2 ** 0.5 - 1, 12); // 0.189207115
    expect(requiredGrowth(100, 81, 2023, 2025)).toBeCloseTo(-0.1, 12);
    expect(requiredGrowth(100, 0)).toBe(-1);
  });

  it("rejects a non-positive baseline and a target year not after the base year with #NUM!", () => {
    expectCode(
      () => requiredGrowth(0, 200),
      "#NUM!",
      /^requiredGrowth：基期值须为正数 \(requiredGrowth requires a positive baseline\)$/,
    );
    expectCode(() => requiredGrowth(-1, 200), "#NUM!");
    expectCode(
      () => requiredGrowth(100, -1),
      "#NUM!",
      /^requiredGrowth：目标年值不能为负 \(requiredGrowth requires a non-negative target\)$/,
    );
    expectCode(() => requiredGrowth(100, 200, 2027, 2027), "#NUM!");
  });
});

describe("trajectoryKindForTarget", () => {
  it("maps catalog kinds and has no trajectory for milestones", () => {
    expect(trajectoryKindForTarget("growth_vs_baseline")).toBe("growth");
    expect(trajectoryKindForTarget("level")).toBe("level");
    expect(trajectoryKindForTarget("share")).toBe("share");
    expect(trajectoryKindForTarget("cumulative")).toBe("cumulative");
    expect(trajectoryKindForTarget("annual")).toBe("annual");
    expect(trajectoryKindForTarget("milestone")).toBeNull();
  });
});

describe("targetValueFromCatalog", () => {
  it("turns a growth target into baseline × (1 + growth)", () => {
    expect(targetValueFromCatalog({ kind: "growth_vs_baseline", normalizedValue: 0.45 }, 200)).toBeCloseTo(290, 10);
    expect(targetValueFromCatalog({ kind: "growth_vs_baseline", normalizedValue: 1 }, 37)).toBe(74); // 增加约一倍
  });

  it("never invents a baseline", () => {
    expect(targetValueFromCatalog({ kind: "growth_vs_baseline", normalizedValue: 0.45 }, null)).toBeNull();
  });

  it("takes other kinds' normalized values as they are, and milestones have none", () => {
    expect(targetValueFromCatalog({ kind: "share", normalizedValue: 0.9 }, 0.5)).toBe(0.9);
    expect(targetValueFromCatalog({ kind: "level", normalizedValue: 500000 }, null)).toBe(500000);
    expect(targetValueFromCatalog({ kind: "cumulative", normalizedValue: 246 }, null)).toBe(246);
    expect(targetValueFromCatalog({ kind: "annual", normalizedValue: 10 }, null)).toBe(10);
    expect(targetValueFromCatalog({ kind: "milestone", normalizedValue: null }, 5)).toBeNull();
  });
});
