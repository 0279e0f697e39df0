/**
 * The trajectory model: the value a target should show at any report date between its baseline
 * (the base year's figure) and the target year. See docs/functions.md "What a trajectory is".
 */
import type { Target, TargetKind } from "./catalog";
import { LiangxinError } from "./errors";
import type { ReportPeriod } from "./period";
import { formatPeriod } from "./period";

/**
 * How a target's expected value moves over time:
 * - growth: an annual flow (二手车交易量, 设备投资) on a compound path; monthly reports are year-to-date;
 * - level: a stock (再生金属产能) on the same compound path, measured at month-end;
 * - share: a percentage moving in a straight line (points per year) on the stock time axis;
 * - cumulative: a running total from 0 at the start of startYear to the target at the end of targetYear;
 * - annual: the same per-year amount every calendar year; monthly reports are year-to-date.
 */
export type TrajectoryKind = "growth" | "level" | "share" | "cumulative" | "annual";

export const TRAJECTORY_KINDS: readonly TrajectoryKind[] = ["growth", "level", "share", "cumulative", "annual"];

/** The plans' base year (较2023年增长…) and horizon (到2027年…). */
export const DEFAULT_BASE_YEAR = 2023;
export const DEFAULT_TARGET_YEAR = 2027;

export interface TrajectorySpec {
  kind: TrajectoryKind;
  /** The base year's figure, in the indicator's unit (a share as a fraction or in points, as the target). */
  baselineValue: number;
  /** The target year's figure (growth/level/share), the period total (cumulative) or the per-year amount (annual). */
  targetValue: number;
  /** Default 2023. */
  baseYear?: number;
  /** Default 2027. */
  targetYear?: number;
  /** First counted year of cumulative targets; default baseYear + 1. */
  startYear?: number;
  /** Twelve non-negative monthly weights (January first) for year-to-date flows; default flat. */
  seasonalProfile?: readonly number[];
}

/**
 * The value a target should show at a report date.
 *
 * Formulas (B baseline, T target, y0 base year, y1 target year, report at month m of year y):
 * - growth: annual value A(y) = B·(T/B)^((y−y0)/(y1−y0)); a month's report is year-to-date, A(y)·m/12
 *   (or the seasonal profile's cumulative share); a whole-year report is A(y).
 * - level: B·(T/B)^(t/(y1−y0)) with t = years from the end of y0 to the end of month m (June 2025 → 1.5).
 * - share: B + (T−B)·t/(y1−y0), on the same t.
 * - cumulative: T·k/K, k months elapsed since the start of the start year (0 before, K after the target year),
 *   K = 12·(y1 − start + 1); the baseline is not used (the total counts from 0).
 * - annual: T·m/12 year-to-date (or the seasonal share), T for a whole year; the baseline is not used.
 *
 * @param spec the target's trajectory (values in the indicator's unit)
 * @param period the report period
 * @returns the expected value at the end of the reported month, in the indicator's unit
 * @throws LiangxinError("#NUM!") for a non-positive baseline or target where growth compounds, a target year
 *   not after the base year, a start year after the target year, or a bad seasonal profile
 * @example expectedAt({ kind: "growth", baselineValue: 100, targetValue: 200 }, { year: 2025, month: 6, wholeYear: false }) // 70.71068
 */
export function expectedAt(spec: TrajectorySpec, period: ReportPeriod): number {
  return expectedValue(
    spec.kind,
    spec.baselineValue,
    spec.targetValue,
    period.year,
    period.month,
    spec.baseYear ?? DEFAULT_BASE_YEAR,
    spec.targetYear ?? DEFAULT_TARGET_YEAR,
    spec.startYear,
    spec.seasonalProfile,
  );
}

/**
 * expectedAt with positional arguments, for hot loops (no objects built per cell).
 * @param startYear cumulative only; undefined → baseYear + 1
 */
export function expectedValue(
  kind: TrajectoryKind,
  baselineValue: number,
  targetValue: number,
  year: number,
  month: number,
  baseYear: number,
  targetYear: number,
  startYear?: number,
  seasonalProfile?: readonly number[],
): number {
  if (!Number.isFinite(baselineValue) || !Number.isFinite(targetValue)) {
    throw new LiangxinError("#NUM!", "expectedAt：基期值和目标年值须为有限数值 (expectedAt requires finite baseline and target values)");
  }
  checkYears(baseYear, targetYear);
  const horizonYears = targetYear - baseYear;
  switch (kind) {
    case "growth": {
      checkCompounding(baselineValue, targetValue);
      const annualValue = baselineValue * Math.pow(targetValue / baselineValue, (year - baseYear) / horizonYears);
      return annualValue * yearToDateShare(month, seasonalProfile);
    }
    case "level": {
      checkCompounding(baselineValue, targetValue);
      const years = yearsSinceBaseEnd(year, month, baseYear);
      return baselineValue * Math.pow(targetValue / baselineValue, years / horizonYears);
    }
    case "share":
      return baselineValue + ((targetValue - baselineValue) * yearsSinceBaseEnd(year, month, baseYear)) / horizonYears;
    case "cumulative": {
      const firstYear = startYear ?? baseYear + 1;
      if (!Number.isInteger(firstYear) || firstYear > targetYear) {
        throw new LiangxinError("#NUM!", "expectedAt：起算年份不能晚于目标年份 (expectedAt requires a start year no later than the target year)");
      }
      if (year < firstYear) return 0;
      const countedYears = targetYear - firstYear + 1;
      if (year > targetYear) return targetValue;
      return (targetValue * (year - firstYear + yearToDateShare(month, seasonalProfile))) / countedYears;
    }
    case "annual":
      return targetValue * yearToDateShare(month, seasonalProfile);
    default:
      throw new LiangxinError("#N/A", `expectedAt：未知的 kind "${String(kind)}"，可用 growth、level、share、cumulative、annual` +
          ` (expectedAt does not know the kind "${String(kind)}"; use growth, level, share, cumulative or annual)`);
  }
}

/**
 * Refuses a report date outside the plan period, from the base year to the target year: the trajectory
 * is not defined there, and extrapolating it (a 2028 report against a 2027 target) gives numbers that look
 * right and are not. The sheet functions TRAJECTORY, TARGET_GAP and TARGET_STATUS call this; the check
 * (src/core/check) and the 月度填报 sheet apply the same years, counted from the start year.
 * @param period the report period
 * @param baseYear the base year (its reports are allowed: the 2023 column of 年度轨迹)
 * @param targetYear the target year
 * @throws LiangxinError("#NUM!") for a report before the base year or after the target year
 * @example checkPlanPeriod({ year: 2028, month: 1, wholeYear: false }, 2023, 2027) // throws #NUM!
 */
export function checkPlanPeriod(period: ReportPeriod, baseYear: number = DEFAULT_BASE_YEAR, targetYear: number = DEFAULT_TARGET_YEAR): void {
  if (period.year >= baseYear && period.year <= targetYear) return;
  const shown = formatPeriod(period);
  throw new LiangxinError(
    "#NUM!",
    `checkPlanPeriod：报告期 ${shown} 在规划期之外（${baseYear}–${targetYear} 年） (checkPlanPeriod: the report date ${shown} is outside the plan period ${baseYear}–${targetYear})`,
  );
}

/** Stock time axis: years from the end of the base year to the end of the month (June 2025, base 2023 → 1.5). */
function yearsSinceBaseEnd(year: number, month: number, baseYear: number): number {
  return year - baseYear - 1 + month / 12;
}

function checkYears(baseYear: number, targetYear: number): void {
  if (!Number.isInteger(baseYear) || !Number.isInteger(targetYear)) {
    throw new LiangxinError("#NUM!", "expectedAt：年份须为整数 (expectedAt requires whole years)");
  }
  if (targetYear <= baseYear) throw new LiangxinError("#NUM!", "expectedAt：目标年份须晚于基期年份 (expectedAt requires a target year after the base year)");
}

function checkCompounding(baselineValue: number, targetValue: number): void {
  if (baselineValue <= 0) throw new LiangxinError("#NUM!", "expectedAt：复合增长的基期值须为正数 (expectedAt requires a positive baseline where growth compounds)");
  if (targetValue <= 0) throw new LiangxinError("#NUM!", "expectedAt：复合增长的目标年值须为正数 (expectedAt requires a positive target where growth compounds)");
}

/**
 * Share of a year's flow expected by the end of month m: m/12, or the seasonal profile's cumulative weight.
 * @param month 1..12
 * @param seasonalProfile twelve non-negative weights (any positive total), January first
 * @returns a fraction in [0, 1]
 * @throws LiangxinError("#NUM!") for a profile that is not twelve non-negative weights with a positive total
 * @example yearToDateShare(6) // 0.5
 */
export function yearToDateShare(month: number, seasonalProfile?: readonly number[]): number {
  if (!seasonalProfile) return month / 12;
  if (seasonalProfile.length !== 12) throw new LiangxinError("#NUM!", "yearToDateShare：季节分布须为 12 个月的权重 (yearToDateShare requires twelve monthly weights)");
  let total = 0;
  let elapsed = 0;
  for (let index = 0; index < 12; index++) {
    const weight = seasonalProfile[index];
    if (!(weight >= 0) || !Number.isFinite(weight)) throw new LiangxinError("#NUM!", "yearToDateShare：月度权重不能为负 (yearToDateShare requires non-negative weights)");
    total += weight;
    if (index < month) elapsed += weight;
  }
  if (total <= 0) throw new LiangxinError("#NUM!", "yearToDateShare：月度权重之和须为正数 (yearToDateShare requires weights with a positive total)");
  return elapsed / total;
}

/**
 * The trajectory kind that follows a catalog target's kind; milestones (no number) have none.
 * @param kind the catalog target kind
 * @returns growth_vs_baseline→growth, level→level, share→share, cumulative→cumulative, annual→annual, milestone→null
 * @example trajectoryKindForTarget("growth_vs_baseline") // "growth"
 */
export function trajectoryKindForTarget(kind: TargetKind): TrajectoryKind | null {
  switch (kind) {
    case "growth_vs_baseline":
      return "growth";
    case "level":
    case "share":
    case "cumulative":
    case "annual":
      return kind;
    default:
      return null;
  }
}

/**
 * The target-year value implied by a catalog target and the user's baseline.
 * growth_vs_baseline → baseline × (1 + normalizedValue) (45% → 1.45 × baseline; 一倍 → 2 × baseline);
 * share, level, cumulative, annual → normalizedValue; milestone → null. Never invents a baseline:
 * a growth target without one gives null.
 * @param target the catalog target's kind and normalized value (base units; 0.45 for 45%)
 * @param baselineValue the base year's figure the user entered, or null if unknown
 * @returns the target value in base units, or null where it cannot be known
 * @example targetValueFromCatalog({ kind: "growth_vs_baseline", normalizedValue: 0.45 }, 200) // 290
 */
export function targetValueFromCatalog(target: Pick<Target, "kind" | "normalizedValue">, baselineValue: number | null): number | null {
  if (target.normalizedValue === null || !Number.isFinite(target.normalizedValue)) return null;
  switch (target.kind) {
    case "growth_vs_baseline":
      return baselineValue === null || !Number.isFinite(baselineValue) ? null : baselineValue * (1 + target.normalizedValue);
    case "level":
    case "share":
    case "cumulative":
    case "annual":
      return target.normalizedValue;
    default:
      return null;
  }
}

/**
 * The constant annual growth rate that takes the baseline to the target: (T/B)^(1/(y1−y0)) − 1.
 * Agrees with Excel's RRI(y1−y0, B, T).
 * @param baselineValue the base year's figure (> 0)
 * @param targetValue the target year's figure (≥ 0)
 * @param baseYear default 2023
 * @param targetYear default 2027
 * @returns the annual rate as a fraction (0.189207 for a doubling over 4 years)
 * @throws LiangxinError("#NUM!") for a non-positive baseline, a negative target or a target year not after the base year
 * @example requiredGrowth(100, 200) // 0.18920711500272103
 */
export function requiredGrowth(
  baselineValue: number,
  targetValue: number,
  baseYear: number = DEFAULT_BASE_YEAR,
  targetYear: number = DEFAULT_TARGET_YEAR,
): number {
  if (!(baselineValue > 0) || !Number.isFinite(baselineValue)) throw new LiangxinError("#NUM!", "requiredGrowth：基期值须为正数 (requiredGrowth requires a positive baseline)");
  if (!(targetValue >= 0) || !Number.isFinite(targetValue)) throw new LiangxinError("#NUM!", "requiredGrowth：目标年值不能为负 (requiredGrowth requires a non-negative target)");
  if (!Number.isFinite(baseYear) || !Number.isFinite(targetYear) || !(targetYear > baseYear)) {
    throw new LiangxinError("#NUM!", "requiredGrowth：目标年份须晚于基期年份 (requiredGrowth requires a target year after the base year)");
  }
  return Math.pow(targetValue / baselineValue, 1 / (targetYear - baseYear)) - 1;
}
