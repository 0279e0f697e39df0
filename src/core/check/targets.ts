/**
 * Per-target preparation for the check: everything about a catalog target that does not depend
 * on the row (trajectory specs per 口径, target value, plan period), built once per target.
 */
import type { Target } from "../catalog";
import { isLiangxinError } from "../errors";
import type { PathDirection } from "../gap";
import { pathDirection } from "../gap";
import type { TrajectoryKind, TrajectorySpec } from "../trajectory";
import {
  defaultBasisForTarget,
  expectedAt,
  figuresAreRates,
  planYears,
  targetValueFromCatalog,
  trajectoryKindForTarget,
} from "../trajectory";
import type { IssueCode, ReportBasis } from "./types";
import { errorFromException } from "../sheet/values";

/** A target ready to check rows against, or the reason none of its rows can be checked. */
export type TargetPlan = ReadyTargetPlan | BlockedTargetPlan;

export interface ReadyTargetPlan {
  ready: true;
  target: Target;
  /** 口径 used when a row leaves it blank. */
  defaultBasis: ReportBasis;
  /** Trajectory for a row of each 口径 (the same spec for kinds where 口径 does not change the path). */
  specs: Record<ReportBasis, TrajectorySpec>;
  baselineValue: number | null;
  targetValue: number;
  /** First and last years a report may carry (start year … target year). */
  startYear: number;
  targetYear: number;
  /**
   * The path's direction (pathDirection): −1 when the target is below its baseline (漏损率 12% → ≤ 9%,
   * 能耗下降13.5%), where a figure below the path is ahead; the gap's sign follows it so that negative
   * always means behind. A ≤ ceiling set above the baseline rises like any other target.
   */
  direction: PathDirection;
  /** direction < 0: lower figures are better (also for the forecast's "misses the target"). */
  lowerIsBetter: boolean;
}

export interface BlockedTargetPlan {
  ready: false;
  target: Target;
  code: Extract<IssueCode, "milestoneTarget" | "missingBaseline" | "trajectoryError">;
  message?: string;
  startYear: number;
  targetYear: number;
}

/**
 * Reads a share the way planners write it: fractions as they are, and figures above 1 as
 * percentage points (85 → 0.85), because the catalog holds shares as fractions (0.9 for 90%).
 * @param value a share as a fraction or in percentage points
 * @returns the share as a fraction
 * @example shareAsFraction(85) // → 0.85
 */
export function shareAsFraction(value: number): number {
  return value > 1 ? value / 100 : value;
}

/**
 * Prepares one catalog target for checking.
 *
 * The target value is `targetValueFromCatalog` (baseline × (1 + growth) for growth targets, baseline ×
 * (1 + rate)^years for 年均增长 targets); the plan period runs from the start year (default base year + 1)
 * to the target year (default 2027); the default 口径 is defaultBasisForTarget. A target whose path
 * starts from the baseline (growth, level, share, annual growth rate) with no baseline is blocked (never guessed).
 *
 * @param target the catalog target
 * @param baselineValue the base year's figure in the target's base unit (shares as fractions or points), or null
 * @returns a ready plan, or a blocked one with the reason
 * @example prepareTarget(target, 120).ready // → true
 */
export function prepareTarget(target: Target, baselineValue: number | null): TargetPlan {
  const { baseYear, startYear, targetYear } = planYears(target);
  const blocked = (code: BlockedTargetPlan["code"], message?: string): BlockedTargetPlan => ({
    ready: false,
    target,
    code,
    message,
    startYear,
    targetYear,
  });
  const defaultKind = trajectoryKindForTarget(target);
  if (target.kind === "milestone" || defaultKind === null) return blocked("milestoneTarget");
  const needsBaseline = defaultKind === "growth" || defaultKind === "level" || defaultKind === "share";
  if (needsBaseline && (baselineValue === null || !Number.isFinite(baselineValue))) return blocked("missingBaseline");
  const baseline =
    needsBaseline && baselineValue !== null
      ? figuresAreRates(target)
        ? shareAsFraction(baselineValue)
        : baselineValue
      : null;
  const targetValue = targetValueFromCatalog(target, baseline);
  if (targetValue === null) return blocked("trajectoryError", "no target value in the catalog");
  const spec = (basis: ReportBasis): TrajectorySpec => ({
    kind: trajectoryKindForTarget(target, basis) as TrajectoryKind,
    baselineValue: baseline ?? 0,
    targetValue,
    baseYear,
    targetYear,
    startYear,
  });
  const specs = { ytd: spec("ytd"), level: spec("level") };
  const defaultBasis = defaultBasisForTarget(target);
  try {
    // Invalid specs (a zero baseline where growth compounds …) fail here once, not on every row.
    expectedAt(specs[defaultBasis], { year: targetYear, month: 12, wholeYear: false });
  } catch (error) {
    if (isLiangxinError(error)) {
      // Worded as the TRAJECTORY function would say it, the name a planner knows from the sheets.
      const sheetError = errorFromException(error, "TRAJECTORY");
      return blocked("trajectoryError", `${sheetError.error} ${sheetError.message ?? ""}`.trim());
    }
    throw error;
  }
  // The one direction rule (src/core/gap.ts): the path's own direction, not the comparator. Both 口径 share it
  // (growth and level run between the same baseline and target).
  const direction = pathDirection(specs[defaultBasis].kind, specs[defaultBasis].baselineValue, targetValue);
  return {
    ready: true,
    target,
    defaultBasis,
    specs,
    baselineValue: baseline,
    targetValue,
    startYear,
    targetYear,
    direction,
    lowerIsBetter: direction < 0,
  };
}
