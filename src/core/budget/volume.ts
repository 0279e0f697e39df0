/**
 * Volumes linked to a target's trajectory: the 报废汽车回收量 target drives the car scrapping
 * programs (volume in year y = the trajectory's whole-year value; take-up applies on top).
 */
import type { Catalog, Target } from "../catalog";
import { LiangxinError } from "../errors";
import {
  expectedAt,
  planYears,
  targetValueFromCatalog,
  trajectoryKindForTarget,
  type TrajectorySpec,
} from "../trajectory";

/** The indicator whose trajectory drives scrapping volumes. */
export const SCRAPPING_INDICATOR = "报废汽车回收量";

/**
 * Eligible volume in each year from a trajectory.
 *
 * Formula: growth / level / annual → expectedAt(spec, whole year y); cumulative → the year's
 * increment, expectedAt(y) − expectedAt(y − 1). A share is not a volume.
 * @param spec the target's trajectory (values in units, e.g. 辆).
 * @param years budget years.
 * @returns year → units.
 * @throws LiangxinError #VALUE! for a share trajectory; #NUM! from expectedAt for invalid specs.
 * @example
 * volumesFromTrajectory({ kind: "growth", baselineValue: 10000, targetValue: 20000 }, [2025]).get(2025); // 14142.1356…
 */
export function volumesFromTrajectory(spec: TrajectorySpec, years: readonly number[]): Map<number, number> {
  if (spec.kind === "share") {
    throw new LiangxinError("#VALUE!", "占比类目标不能作为数量 (a share target cannot drive a volume)");
  }
  const wholeYear = (year: number) => expectedAt(spec, { year, month: 12, wholeYear: true });
  return new Map(
    years.map((year) => [year, spec.kind === "cumulative" ? wholeYear(year) - wholeYear(year - 1) : wholeYear(year)]),
  );
}

/**
 * Finds the catalog target for an indicator (first match by exact indicator name, then by
 * containment) and builds its trajectory with the user's baseline.
 * @param catalog the city's targets.
 * @param indicator e.g. 报废汽车回收量.
 * @param baselineValue the user's base-year figure (units); null when not yet typed in.
 * @returns the target and its spec, or null when the catalog has no such target, it is a
 *   milestone, or it needs a baseline that is missing (never invented).
 * @example
 * trajectoryForIndicator(catalog, "报废汽车回收量", 12000); // { target: 南平-03 …, spec: { kind: "growth", baselineValue: 12000, targetValue: 24000 } }
 */
export function trajectoryForIndicator(
  catalog: Catalog,
  indicator: string,
  baselineValue: number | null,
): { target: Target; spec: TrajectorySpec } | null {
  const target =
    catalog.targets.find((candidate) => candidate.indicator === indicator) ??
    // Not the source clause: one sentence often names several indicators (报废汽车回收量…，二手车交易量…).
    catalog.targets.find((candidate) => candidate.indicator.includes(indicator));
  if (!target) return null;
  // The target's own default path (a 年均增长15% target compounds from the baseline like a growth target).
  const kind = trajectoryKindForTarget(target);
  if (kind === null) return null;
  // growth and level compound from the baseline: without the user's figure there is no path.
  if ((kind === "growth" || kind === "level") && baselineValue === null) return null;
  const targetValue = targetValueFromCatalog(target, baselineValue);
  if (targetValue === null) return null;
  const { baseYear, startYear, targetYear } = planYears(target);
  return { target, spec: { kind, baselineValue: baselineValue ?? 0, targetValue, baseYear, targetYear, startYear } };
}
