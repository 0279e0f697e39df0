/**
 * Example data, written only when asked for (`exampleData`) and always labelled 示例数据:
 * a baseline of 100 (or a share below the target) for the first few targets with a trajectory,
 * and one June-2025 report each, on track, at risk and behind.
 */
import type { Target } from "../src/core/catalog";
import {
  expectedValue,
  planYears,
  targetValueFromCatalog,
  targetValueRule,
  trajectoryKindForTarget,
} from "../src/core/trajectory";
import type { SheetContext } from "../src/workbook/model";

export interface ExampleTarget {
  target: Target;
  /** Example baseline (null where the trajectory does not use one). */
  baselineValue: number | null;
  period: string;
  department: string | null;
  reportedValue: number;
}

/** Reported/expected ratios of the example reports: 正常, 预警, 落后. */
const EXAMPLE_RATIOS = [1.02, 0.95, 0.8];
const EXAMPLE_PERIOD = { text: "2025-06", year: 2025, month: 6 };

export function exampleTargets(ctx: SheetContext): ExampleTarget[] {
  if (!ctx.exampleData) return [];
  const examples: ExampleTarget[] = [];
  for (const target of ctx.catalog.targets) {
    if (examples.length >= EXAMPLE_RATIOS.length) break;
    const kind = trajectoryKindForTarget(target);
    if (!kind || target.normalizedValue === null || target.normalizedValue <= 0) continue;
    // A baseline the target's rule can use: 100 under a relative growth or a growth rate, a 50% rate under
    // points, 70% of the value to reach for levels and shares; none for totals and per-year amounts.
    const rule = targetValueRule(target);
    let baselineValue: number | null = null;
    if (rule === "relative" || rule === "annualRate") baselineValue = 100;
    else if (rule === "points" || rule === "annualPoints") baselineValue = 0.5;
    else if (kind === "growth" || kind === "level" || kind === "share")
      baselineValue = Math.round(target.normalizedValue * 70) / 100;
    const targetValue = targetValueFromCatalog(target, baselineValue);
    if (targetValue === null || (kind === "level" && targetValue <= 0)) continue;
    const { baseYear, targetYear } = planYears(target);
    if (targetYear <= baseYear || EXAMPLE_PERIOD.year > targetYear) continue;
    const expected = expectedValue(
      kind,
      baselineValue ?? 0,
      targetValue,
      EXAMPLE_PERIOD.year,
      EXAMPLE_PERIOD.month,
      baseYear,
      targetYear,
      target.startYear ?? undefined,
    );
    const ratio = EXAMPLE_RATIOS[examples.length];
    examples.push({
      target,
      baselineValue,
      period: EXAMPLE_PERIOD.text,
      department: target.lead ?? ctx.departments[0] ?? null,
      reportedValue: Math.round(expected * ratio * 10000) / 10000,
    });
  }
  return examples;
}
