/**
 * Status of a reported figure: 正常 (on track), 预警 (at risk) or 落后 (behind).
 */
import { LiangxinError } from "./errors";
import type { StatusCode } from "./i18n";

/**
 * Default tolerance: a relative gap down to −10% is 预警, below it 落后.
 * Source: issue 3 (the office's rule "tolerance 10% by default and settable").
 */
export const DEFAULT_TOLERANCE = 0.1;

/**
 * The status of a relative gap.
 * Rule: gap < −tolerance → behind (落后); −tolerance ≤ gap < 0 → atRisk (预警); gap ≥ 0 → onTrack (正常),
 * except that an on-track figure whose forecast misses the target is atRisk.
 * @param gap the relative gap (targetGap, mode "rel"; −0.15 = 15% behind)
 * @param tolerance non-negative fraction, default 0.1
 * @param forecastMissesTarget true when a forecast says the target-year value falls short
 * @returns the status code (labels in src/core/i18n.ts)
 * @throws LiangxinError("#NUM!") for a negative or non-finite tolerance or a non-finite gap
 * @example targetStatus(-0.15) // "behind"
 */
export function targetStatus(
  gap: number,
  tolerance: number = DEFAULT_TOLERANCE,
  forecastMissesTarget = false,
): StatusCode {
  if (!(tolerance >= 0) || !Number.isFinite(tolerance))
    throw new LiangxinError("#NUM!", "targetStatus：预警容差不能为负 (targetStatus requires a non-negative tolerance)");
  if (!Number.isFinite(gap))
    throw new LiangxinError("#NUM!", "targetStatus：差距须为有限数值 (targetStatus requires a finite gap)");
  if (gap < -tolerance) return "behind";
  if (gap < 0 || forecastMissesTarget) return "atRisk";
  return "onTrack";
}
