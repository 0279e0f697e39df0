/**
 * Gap between a reported figure and its trajectory, and the pace still needed to reach the target.
 */
import { LiangxinError } from "./errors";
import type { ReportPeriod } from "./period";
import type { TrajectoryKind, TrajectorySpec } from "./trajectory";
import { DEFAULT_BASE_YEAR, DEFAULT_TARGET_YEAR, expectedAt, expectedValue } from "./trajectory";

/** rel: reported/expected − 1 (a fraction); abs: reported − expected (the indicator's unit). */
export type GapMode = "rel" | "abs";

/** +1: the path rises, more is better; −1: the path falls (漏损率 12% → 9%, 能耗下降13.5%), less is better. */
export type PathDirection = 1 | -1;

/**
 * Which way a target's path runs: the one direction rule shared by the sheet functions, the
 * workbook's built-in formulas and `liangxin check`.
 *
 * Rule: growth, level and share follow the sign of (target − baseline): a target below its baseline
 * (a ceiling such as 漏损率 ≤ 9% from 12%, or a decrease 下降13.5% = baseline × 0.865) falls, so being
 * below the path is good. Cumulative totals and per-year amounts always rise (they count from 0).
 * A target equal to its baseline counts as rising. The comparator (≤, ≥) is not consulted: a ≤ ceiling
 * set above today's figure (≤ 15% from 12%) follows its rising path like any other target.
 *
 * @param kind the trajectory kind
 * @param baselineValue the base year's figure (indicator's unit)
 * @param targetValue the target year's figure (indicator's unit)
 * @returns +1 (rising) or −1 (falling)
 * @example pathDirection("share", 0.12, 0.09) // -1
 * @example pathDirection("cumulative", 0, 400) // 1
 */
export function pathDirection(kind: TrajectoryKind, baselineValue: number, targetValue: number): PathDirection {
  if (kind === "cumulative" || kind === "annual") return 1;
  return targetValue < baselineValue ? -1 : 1;
}

/**
 * How far a reported figure is from its trajectory; negative always means behind.
 * Formula: rel = (reported/expected − 1) × direction; abs = (reported − expected) × direction,
 * with direction from pathDirection (−1 for a falling path, where a figure below the path is ahead).
 * @param reportedValue the reported figure (indicator's unit; year-to-date for flows)
 * @param expectedValue the trajectory value at the same report date (expectedAt)
 * @param mode "rel" (default) or "abs"
 * @param direction +1 (default, rising path) or −1 (falling path)
 * @returns the signed gap (a fraction for rel, the indicator's unit for abs)
 * @throws LiangxinError("#DIV/0!") for a relative gap against an expected value of 0
 * @example targetGap(60, 70.71067811865476) // -0.1514718625761429
 * @example targetGap(0.10, 0.10875, "rel", -1) // 0.08045977 (漏损率 10% against a path at 10.875%: ahead)
 */
export function targetGap(
  reportedValue: number,
  expectedValue: number,
  mode: GapMode = "rel",
  direction: PathDirection = 1,
): number {
  let gap: number;
  if (mode === "abs") gap = reportedValue - expectedValue;
  else {
    if (expectedValue === 0)
      throw new LiangxinError(
        "#DIV/0!",
        "targetGap：应达值为 0，无法计算相对差距 (targetGap cannot give a relative gap against an expected value of 0)",
      );
    gap = reportedValue / expectedValue - 1;
  }
  // 0 − gap, not −gap: a figure on a falling path shows 0, never −0.
  return direction === 1 ? gap : 0 - gap;
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
  let rising: boolean;
  if (spec.kind === "growth" || spec.kind === "annual") {
    goal = expectedValue(spec.kind, spec.baselineValue, spec.targetValue, period.year, 12, baseYear, targetYear);
    monthsLeft = 12 - period.month;
    // Year-to-date flows accumulate from 0 each January, so their goal is approached from below either way.
    rising = true;
  } else {
    goal = spec.targetValue;
    monthsLeft = (targetYear - period.year) * 12 + 12 - period.month;
    rising = pathDirection(spec.kind, spec.baselineValue, spec.targetValue) === 1;
  }
  const remaining = goal - reportedValue;
  const reached = rising ? remaining <= 0 : remaining >= 0;
  if (reached) return 0;
  if (monthsLeft <= 0) {
    throw new LiangxinError(
      "#DIV/0!",
      "requiredRunRate：已无剩余月份，且未达目标 (requiredRunRate: no months are left and the goal is not reached)",
    );
  }
  return remaining / monthsLeft;
}
