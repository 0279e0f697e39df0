/**
 * Gap between a reported figure and its trajectory, and the pace still needed to reach the target.
 */
import { LiangxinError } from "./errors";
import type { ReportPeriod } from "./period";
import type { TrajectorySpec } from "./trajectory";
import { DEFAULT_BASE_YEAR, DEFAULT_TARGET_YEAR, expectedAt, expectedValue } from "./trajectory";

/** rel: reported/expected − 1 (a fraction); abs: reported − expected (the indicator's unit). */
export type GapMode = "rel" | "abs";

/**
 * How far a reported figure is from its trajectory; negative means behind.
 * Formula: rel = reported/expected − 1; abs = reported − expected.
 * @param reportedValue the reported figure (indicator's unit; year-to-date for flows)
 * @param expectedValue the trajectory value at the same report date (expectedAt)
 * @param mode "rel" (default) or "abs"
 * @returns the signed gap (a fraction for rel, the indicator's unit for abs)
 * @throws LiangxinError("#DIV/0!") for a relative gap against an expected value of 0
 * @example targetGap(60, 70.71067811865476) // -0.1514718625761429
 */
export function targetGap(reportedValue: number, expectedValue: number, mode: GapMode = "rel"): number {
  if (mode === "abs") return reportedValue - expectedValue;
  if (expectedValue === 0) throw new LiangxinError("#DIV/0!", "targetGap：应达值为 0，无法计算相对差距 (targetGap cannot give a relative gap against an expected value of 0)");
  return reportedValue / expectedValue - 1;
}

/**
 * The average amount per month still needed, from the reported figure, to reach the target in time.
 *
 * Exactly: (goal − reported) / months left, where
 * - growth and annual (flows, reported year-to-date): goal = this year's value (the growth path's annual value,
 *   or the per-year target) and months left = 12 − m, to the end of the report year;
 * - level, share and cumulative: goal = the target value and months left = months to the end of the target year.
 * The result is in the indicator's unit per month. A goal already reached gives 0 (flows, cumulative and rising
 * stocks never need a negative pace; for a falling stock or share the needed pace is ≤ 0).
 *
 * @param spec the target's trajectory
 * @param period the report period
 * @param reportedValue the reported figure (year-to-date for flows)
 * @returns the needed pace, indicator's unit per month
 * @throws LiangxinError("#DIV/0!") when no months are left and the goal is not reached; the errors of expectedAt
 * @example requiredRunRate({ kind: "annual", baselineValue: 0, targetValue: 12 }, { year: 2025, month: 6, wholeYear: false }, 3) // 1.5
 */
export function requiredRunRate(spec: TrajectorySpec, period: ReportPeriod, reportedValue: number): number {
  const baseYear = spec.baseYear ?? DEFAULT_BASE_YEAR;
  const targetYear = spec.targetYear ?? DEFAULT_TARGET_YEAR;
  // Validates the spec the same way as the trajectory itself.
  expectedAt(spec, period);
  let goal: number;
  let monthsLeft: number;
  let rising = true;
  if (spec.kind === "growth" || spec.kind === "annual") {
    goal = expectedValue(spec.kind, spec.baselineValue, spec.targetValue, period.year, 12, baseYear, targetYear);
    monthsLeft = 12 - period.month;
  } else {
    goal = spec.targetValue;
    monthsLeft = (targetYear - period.year) * 12 + 12 - period.month;
    if (spec.kind !== "cumulative") rising = spec.targetValue >= spec.baselineValue;
  }
  const remaining = goal - reportedValue;
  const reached = rising ? remaining <= 0 : remaining >= 0;
  if (reached) return 0;
  if (monthsLeft <= 0) {
    throw new LiangxinError("#DIV/0!", "requiredRunRate：已无剩余月份，且未达目标 (requiredRunRate: no months are left and the goal is not reached)");
  }
  return remaining / monthsLeft;
}
