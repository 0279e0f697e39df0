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
    throw new LiangxinError(
      "#NUM!",
      "expectedAt：基期值和目标年值须为有限数值 (expectedAt requires finite baseline and target values)",
    );
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
        throw new LiangxinError(
          "#NUM!",
          "expectedAt：起算年份不能晚于目标年份 (expectedAt requires a start year no later than the target year)",
        );
      }
      if (year < firstYear) return 0;
      const countedYears = targetYear - firstYear + 1;
      if (year > targetYear) return targetValue;
      return (targetValue * (year - firstYear + yearToDateShare(month, seasonalProfile))) / countedYears;
    }
    case "annual":
      return targetValue * yearToDateShare(month, seasonalProfile);
    default:
      throw new LiangxinError(
        "#N/A",
        `expectedAt：未知的 kind "${String(kind)}"，可用 growth、level、share、cumulative、annual` +
          ` (expectedAt does not know the kind "${String(kind)}"; use growth, level, share, cumulative or annual)`,
      );
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
export function checkPlanPeriod(
  period: ReportPeriod,
  baseYear: number = DEFAULT_BASE_YEAR,
  targetYear: number = DEFAULT_TARGET_YEAR,
): void {
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
  if (targetYear <= baseYear)
    throw new LiangxinError(
      "#NUM!",
      "expectedAt：目标年份须晚于基期年份 (expectedAt requires a target year after the base year)",
    );
}

function checkCompounding(baselineValue: number, targetValue: number): void {
  if (baselineValue <= 0)
    throw new LiangxinError(
      "#NUM!",
      "expectedAt：复合增长的基期值须为正数 (expectedAt requires a positive baseline where growth compounds)",
    );
  if (targetValue <= 0)
    throw new LiangxinError(
      "#NUM!",
      "expectedAt：复合增长的目标年值须为正数 (expectedAt requires a positive target where growth compounds)",
    );
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
  if (seasonalProfile.length !== 12)
    throw new LiangxinError(
      "#NUM!",
      "yearToDateShare：季节分布须为 12 个月的权重 (yearToDateShare requires twelve monthly weights)",
    );
  let total = 0;
  let elapsed = 0;
  for (let index = 0; index < 12; index++) {
    const weight = seasonalProfile[index];
    if (!(weight >= 0) || !Number.isFinite(weight))
      throw new LiangxinError(
        "#NUM!",
        "yearToDateShare：月度权重不能为负 (yearToDateShare requires non-negative weights)",
      );
    total += weight;
    if (index < month) elapsed += weight;
  }
  if (total <= 0)
    throw new LiangxinError(
      "#NUM!",
      "yearToDateShare：月度权重之和须为正数 (yearToDateShare requires weights with a positive total)",
    );
  return elapsed / total;
}

/**
 * 口径 of a reported figure: `ytd` (累计, a year-to-date total of a flow) or `level` (水平/时点, a stock,
 * share, rate or intensity at the end of the month).
 */
export type ReportBasis = "ytd" | "level";

/**
 * How a target's target-year value follows from the catalog's normalized value x and the baseline B:
 * - relative: 较2023年增长45% / 增加一倍 / 下降13.5% → B·(1 + x);
 * - points: 提高5个百分点 (a rate raised by points) → B + x;
 * - annualRate: 年均增长15% (an annual growth rate) → B·(1 + x)^(y1 − y0);
 * - annualPoints: 每年提高1个百分点 → B + x·(y1 − y0);
 * - value: 达到/累计/每年… an amount, or a share to reach → x.
 */
export type TargetValueRule = "relative" | "points" | "annualRate" | "annualPoints" | "value";

/** 个百分点/百分点: a rise in points of a rate, not a relative change. */
const POINT_UNITS: ReadonlySet<string> = new Set(["个百分点", "百分点"]);
/** Units of a relative rate (年均增长15%, 增长3成, 增长5‰). */
const RATE_UNITS: ReadonlySet<string> = new Set(["%", "％", "‰", "成"]);

/**
 * Which rule gives a catalog target's target-year value (see TargetValueRule).
 * @param target the target's kind and unit as written
 * @returns the rule, or null for milestones (no number)
 * @example targetValueRule({ kind: "annual", unit: "%" }) // "annualRate" (年均增长15%)
 * @example targetValueRule({ kind: "annual", unit: "台" }) // "value" (每年更新300台)
 */
export function targetValueRule(target: Pick<Target, "kind"> & Partial<Pick<Target, "unit">>): TargetValueRule | null {
  const unit = target.unit?.trim() ?? "";
  switch (target.kind) {
    case "growth_vs_baseline":
      return POINT_UNITS.has(unit) ? "points" : "relative";
    case "annual":
      if (RATE_UNITS.has(unit)) return "annualRate";
      return POINT_UNITS.has(unit) ? "annualPoints" : "value";
    case "level":
    case "share":
    case "cumulative":
      return "value";
    default:
      return null;
  }
}

/**
 * Indicators measured as a level at month-end (口径 水平): rates, shares, intensities (单位…能耗), capacities,
 * stocks and prices. A June figure of such an indicator is compared with the path's value at the end of
 * June, never with half a year's flow (单位GDP能耗 95 against a baseline of 100 is on its path, not at 204%).
 */
export const LEVEL_INDICATOR_PATTERNS: readonly RegExp[] = [
  /率/,
  /比例/,
  /占比/,
  /比重/,
  /强度/,
  /单位.*(能耗|水耗|电耗|排放|用水|用能)/,
  /产能/,
  /保有量/,
  /能力/,
  /覆盖/,
  /水平/,
  /价格/,
  /指数/,
  /密度/,
  /装机/,
  /存量/,
];
/**
 * Indicators that are volumes or amounts over a period (口径 累计): a monthly report is the year-to-date
 * total, compared with the part of the year's value due by that month.
 */
export const FLOW_INDICATOR_PATTERNS: readonly RegExp[] = [
  /交易[量额]/,
  /回收(利用)?[总]?量/,
  /拆解量/,
  /处理量/,
  /更新量/,
  /投资/,
  /销[售]?量/,
  /销售额/,
  /零售(总)?额/,
  /消费额/,
  /产量/,
  /产值/,
  /营业收入/,
  /产业规模/,
  /以旧换新/,
  /排放量/,
  /总量/,
];

/**
 * The 口径 a report of this target means when the row leaves it blank: the one place this default is
 * decided, used by `liangxin check`, the 检查月报 button and the workbook's 目标总表/月度填报.
 *
 * Rule: shares and rates raised by points are levels; cumulative totals and per-year amounts are
 * year-to-date; for growth, level and annual-growth-rate targets the indicator decides — a level word
 * (LEVEL_INDICATOR_PATTERNS: 率, 比例, 占比, 强度, 单位…能耗, 产能, 保有量, 能力, 覆盖, 水平, 价格, 指数 …) makes
 * it a level, else a flow word (FLOW_INDICATOR_PATTERNS: 交易量, 回收量, 投资, 销量, 销售额, 产量 …) makes it
 * year-to-date; an indicator with neither keeps its kind's default (达到水平 → level, the others → ytd).
 * Level words are tried first: 回收率 is a rate although it contains 回收.
 *
 * @param target the target's kind, unit as written and indicator
 * @returns "level" (水平, month-end) or "ytd" (累计, year-to-date)
 * @example defaultBasisForTarget({ kind: "growth_vs_baseline", unit: "%", indicator: "单位地区生产总值能耗" }) // "level"
 * @example defaultBasisForTarget({ kind: "level", unit: "万辆", indicator: "报废汽车回收量" }) // "ytd"
 */
export function defaultBasisForTarget(
  target: Pick<Target, "kind"> & Partial<Pick<Target, "unit" | "indicator">>,
): ReportBasis {
  const rule = targetValueRule(target);
  if (target.kind === "share" || rule === "points" || rule === "annualPoints") return "level";
  if (target.kind === "cumulative" || (rule === "value" && target.kind === "annual")) return "ytd";
  const indicator = target.indicator ?? "";
  if (LEVEL_INDICATOR_PATTERNS.some((pattern) => pattern.test(indicator))) return "level";
  if (FLOW_INDICATOR_PATTERNS.some((pattern) => pattern.test(indicator))) return "ytd";
  return target.kind === "level" ? "level" : "ytd";
}

/**
 * The trajectory a catalog target follows for reports of a 口径; milestones (no number) have none.
 *
 * Growth, level and annual-growth-rate targets compound from the baseline: a year-to-date report follows
 * the flow path (growth), a month-end report the stock path (level). Rates raised by points move in a
 * straight line (share); shares, cumulative totals and per-year amounts keep their own path whatever the 口径.
 *
 * @param target the catalog target (kind, unit, indicator), or only its kind (then its unit and indicator
 *   are taken as unknown: growth_vs_baseline → growth, level → level)
 * @param basis the report's 口径; default defaultBasisForTarget(target)
 * @returns growth | level | share | cumulative | annual, or null for milestones
 * @example trajectoryKindForTarget({ kind: "growth_vs_baseline", unit: "%", indicator: "二手车交易量" }) // "growth"
 * @example trajectoryKindForTarget({ kind: "growth_vs_baseline", unit: "%", indicator: "单位地区生产总值能耗" }) // "level"
 */
export function trajectoryKindForTarget(
  target: TargetKind | (Pick<Target, "kind"> & Partial<Pick<Target, "unit" | "indicator">>),
  basis?: ReportBasis,
): TrajectoryKind | null {
  const described = typeof target === "string" ? { kind: target } : target;
  const rule = targetValueRule(described);
  switch (rule) {
    case null:
      return null;
    case "points":
    case "annualPoints":
      return "share";
    case "relative":
    case "annualRate":
      return (basis ?? defaultBasisForTarget(described)) === "level" ? "level" : "growth";
    case "value":
      if (described.kind === "level")
        return (basis ?? defaultBasisForTarget(described)) === "level" ? "level" : "growth";
      return described.kind as "share" | "cumulative" | "annual";
  }
}

/**
 * Whether a target's figures (baseline, reports) are rates held as fractions — shares, and rates raised by
 * points (机械化率提高5个百分点) — typed as percentages (85% → 0.85).
 * @param target the target's kind and unit as written
 * @returns true for shares and points targets
 * @example figuresAreRates({ kind: "growth_vs_baseline", unit: "个百分点" }) // true
 */
export function figuresAreRates(target: Pick<Target, "kind"> & Partial<Pick<Target, "unit">>): boolean {
  const rule = targetValueRule(target);
  return target.kind === "share" || rule === "points" || rule === "annualPoints";
}

/** The years a target's trajectory uses, with the product's defaults where the plan gives none. */
export interface PlanYears {
  /** The catalog's base year; else, for a rate per year, the year before its start year (2025—2027年年均增长 → 2024); else 2023. */
  baseYear: number;
  /** First counted year (cumulative, per-year, reports): the catalog's, else base year + 1. */
  startYear: number;
  /** The catalog's target year, else 2027. */
  targetYear: number;
}

/**
 * The base, start and target years a target's trajectory and its reports use. A rate per year (年均增长,
 * 每年提高…个百分点) compounds or adds from the year before its first year; everything else defaults to 2023.
 * @param target the catalog target's kind, unit and years (null where the plan gives none)
 * @returns the years with defaults filled in
 * @example planYears({ kind: "annual", unit: "%", baseYear: null, startYear: 2025, targetYear: 2027 }) // { baseYear: 2024, startYear: 2025, targetYear: 2027 }
 */
export function planYears(
  target: Partial<Pick<Target, "kind" | "unit" | "baseYear" | "startYear" | "targetYear">>,
): PlanYears {
  const rule = target.kind ? targetValueRule({ kind: target.kind, unit: target.unit }) : null;
  const perYearRate = rule === "annualRate" || rule === "annualPoints";
  const baseYear = target.baseYear ?? (perYearRate && target.startYear ? target.startYear - 1 : DEFAULT_BASE_YEAR);
  return {
    baseYear,
    startYear: target.startYear ?? baseYear + 1,
    targetYear: target.targetYear ?? DEFAULT_TARGET_YEAR,
  };
}

/**
 * The target-year value implied by a catalog target and the user's baseline (rules in TargetValueRule):
 * relative → B·(1 + x) (45% → 1.45 × B; 一倍 → 2 × B; 下降13.5% → 0.865 × B); points → B + x;
 * annualRate → B·(1 + x)^(y1 − y0) (年均增长15% over 2023–2027 → B × 1.15⁴); annualPoints → B + x·(y1 − y0);
 * value → x; milestone → null. Never invents a baseline: a rule that needs one gives null without it.
 * @param target the catalog target's kind, normalized value (base units; 0.45 for 45%), unit and years
 * @param baselineValue the base year's figure the user entered (a rate as a fraction), or null if unknown
 * @returns the target value in base units, or null where it cannot be known
 * @example targetValueFromCatalog({ kind: "growth_vs_baseline", normalizedValue: 0.45 }, 200) // 290
 * @example targetValueFromCatalog({ kind: "annual", unit: "%", normalizedValue: 0.15, startYear: 2024, targetYear: 2027 }, 1000) // 1749.00625
 */
export function targetValueFromCatalog(
  target: Pick<Target, "kind" | "normalizedValue"> &
    Partial<Pick<Target, "unit" | "baseYear" | "startYear" | "targetYear">>,
  baselineValue: number | null,
): number | null {
  const value = target.normalizedValue;
  if (value === null || !Number.isFinite(value)) return null;
  const rule = targetValueRule(target);
  if (rule === null) return null;
  if (rule === "value") return value;
  if (baselineValue === null || !Number.isFinite(baselineValue)) return null;
  const { baseYear, targetYear } = planYears(target);
  switch (rule) {
    case "relative":
      return baselineValue * (1 + value);
    case "points":
      return baselineValue + value;
    case "annualRate":
      return baselineValue * Math.pow(1 + value, targetYear - baseYear);
    case "annualPoints":
      return baselineValue + value * (targetYear - baseYear);
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
  if (!(baselineValue > 0) || !Number.isFinite(baselineValue))
    throw new LiangxinError("#NUM!", "requiredGrowth：基期值须为正数 (requiredGrowth requires a positive baseline)");
  if (!(targetValue >= 0) || !Number.isFinite(targetValue))
    throw new LiangxinError(
      "#NUM!",
      "requiredGrowth：目标年值不能为负 (requiredGrowth requires a non-negative target)",
    );
  if (!Number.isFinite(baseYear) || !Number.isFinite(targetYear) || !(targetYear > baseYear)) {
    throw new LiangxinError(
      "#NUM!",
      "requiredGrowth：目标年份须晚于基期年份 (requiredGrowth requires a target year after the base year)",
    );
  }
  return Math.pow(targetValue / baselineValue, 1 / (targetYear - baseYear)) - 1;
}
