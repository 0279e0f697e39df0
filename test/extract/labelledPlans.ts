/**
 * Labelled plans (a plan's text beside an analyst's labels, docs/accuracy.md) for the accuracy
 * tests: reading them, scoring the extractor on them, and the checks every label file must pass.
 */
import * as fs from "fs";
import { TARGET_KINDS } from "../../src/core/catalog";
import { decodePlanBytes } from "../../src/core/decode";
import { canonicalDepartment, type GovernmentLevel } from "../../src/core/departments";
import { extractCatalog } from "../../src/core/extract";
import { resolveAnchor, scorePlan, type LabelFile, type PlanScore } from "./score";

export interface LabelledPlan {
  labels: LabelFile & { level?: GovernmentLevel };
  text: string;
}

/** Reads a plan (UTF-8 or GB18030) and its label file. */
export function readLabelledPlan(textPath: string, labelPath: string): LabelledPlan {
  const labels = JSON.parse(fs.readFileSync(labelPath, "utf8")) as LabelledPlan["labels"];
  return { labels, text: decodePlanBytes(fs.readFileSync(textPath)).text };
}

/** The extractor's score on a labelled plan, departments compared at the plan's level. */
export function scoreOf({ labels, text }: LabelledPlan): PlanScore {
  const level = labels.level ?? "city";
  return scorePlan(text, labels, extractCatalog(text, { cityName: labels.city }), (name) =>
    canonicalDepartment(name, level),
  );
}

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
