/**
 * The checks every label file must pass, so a typo in a label cannot pass as an extractor miss.
 */
import { TARGET_KINDS } from "../../src/core/catalog";
import type { LabelledPlan } from "../../measure/labelledPlans";
import { resolveAnchor } from "../../measure/score";

/** Registers the checks a label file must pass, so a typo in a label cannot pass as an extractor miss. */
export function checkLabels(plan: LabelledPlan): void {
  it("places every label's anchor in the text at its occurrence, one label per number", () => {
    const points = plan.labels.targets.map((label) => resolveAnchor(plan.text, label.anchor, label.occurrence));
    expect(
      plan.labels.targets
        .filter((_label, index) => points[index] < 0)
        .map((label) => `${label.anchor} #${label.occurrence}`),
    ).toEqual([]);
    const keys = plan.labels.targets.map((label, index) => `${points[index]}:${label.anchor}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("gives each label a known kind, and a value, unit and comparator exactly when it is not a milestone", () => {
    for (const label of plan.labels.targets) {
      expect(TARGET_KINDS).toContain(label.kind);
      const isMilestone = label.kind === "milestone";
      expect([label.anchor, label.value === null, label.unit === null, label.comparator === null]).toEqual([
        label.anchor,
        isMilestone,
        isMilestone,
        isMilestone,
      ]);
      expect(label.targetYear).toBeGreaterThanOrEqual(2024);
    }
  });
}
