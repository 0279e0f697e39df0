/**
 * The planner's review before loading: targets excluded, and values or units corrected in the
 * preview. Pure: the extracted catalog and the review in, the catalog to load out.
 */
import type { Catalog, Target } from "../../core/catalog";

/** What the planner decided for one target in the preview. */
export interface TargetReview {
  /** false: leave the target out of the workbook. */
  include: boolean;
  /** A corrected target value (as written in the plan, e.g. 30 for 30%), or undefined for the extracted one. */
  value?: number;
  /** A corrected unit ("%", "万辆"), or undefined for the extracted one. */
  unit?: string;
}

/**
 * A target with its value and unit corrected. The normalised value (the number the trajectories
 * use: 0.3 for 30%) follows: a percentage is divided by 100; otherwise it keeps the extracted
 * target's ratio of normalised to written value when the unit is unchanged, else it is the value.
 * @param target the extracted target
 * @param value the corrected value as written, or undefined
 * @param unit the corrected unit, or undefined
 * @returns the corrected target (the same object when nothing changed)
 * @example correctTarget({ ...t, value: 25, unit: "%", normalizedValue: 0.25 }, 30, undefined).normalizedValue // → 0.3
 */
export function correctTarget(target: Target, value: number | undefined, unit: string | undefined): Target {
  const newValue = value ?? target.value;
  const newUnit = unit === undefined ? target.unit : unit.trim() || null;
  if (newValue === target.value && newUnit === target.unit) return target;
  let normalizedValue: number | null = newValue;
  if (newValue === null) normalizedValue = null;
  else if (newUnit === "%") normalizedValue = newValue / 100;
  else if (newUnit === target.unit && target.value && target.normalizedValue !== null)
    normalizedValue = (newValue * target.normalizedValue) / target.value;
  return { ...target, value: newValue, unit: newUnit, normalizedValue };
}

/**
 * The catalog to load: excluded targets left out, corrections applied, ids and order kept.
 * @param catalog the extracted catalog
 * @param reviews the planner's decisions by target id (targets without one are loaded as extracted)
 * @returns the catalog to load
 * @example applyReview(catalog, new Map([["南平-03", { include: false }]])).targets.length // → catalog.targets.length - 1
 */
export function applyReview(catalog: Catalog, reviews: ReadonlyMap<string, TargetReview>): Catalog {
  const targets = catalog.targets.flatMap((target) => {
    const review = reviews.get(target.id);
    if (!review) return [target];
    if (!review.include) return [];
    return [correctTarget(target, review.value, review.unit)];
  });
  return { ...catalog, targets };
}
