/**
 * Issue 2 "How good it must be": the extractor measured against independent labels of the five
 * seed plans (test/fixtures/labels), plus a synthetic hold-out plan reported separately.
 * Rules for what the labels count as a target: docs/accuracy.md.
 */
import * as fs from "fs";
import * as path from "path";
import { TARGET_KINDS } from "../../src/core/catalog";
import { BUNDLED_CITIES } from "../../src/core/cities";
import { decodePlanBytes } from "../../src/core/decode";
import { canonicalDepartment, type GovernmentLevel } from "../../src/core/departments";
import { extractCatalog } from "../../src/core/extract";
import { formatProblems, formatScoreTable, resolveAnchor, scorePlan, summarize, type LabelFile, type PlanScore } from "./score";

const ROOT = path.join(__dirname, "..", "..");
const LABEL_DIR = path.join(ROOT, "test", "fixtures", "labels");
const HOLDOUT_DIR = path.join(ROOT, "test", "fixtures", "holdout");

interface LabelledPlan {
  labels: LabelFile & { level?: GovernmentLevel };
  text: string;
}

function readPlan(textPath: string, labelPath: string): LabelledPlan {
  const labels = JSON.parse(fs.readFileSync(labelPath, "utf8")) as LabelledPlan["labels"];
  return { labels, text: decodePlanBytes(fs.readFileSync(textPath)).text };
}

const SEEDS: LabelledPlan[] = BUNDLED_CITIES.map((city) =>
  readPlan(path.join(ROOT, "seeds", city.file), path.join(LABEL_DIR, `${city.file}.json`)),
);
const HOLDOUT = readPlan(path.join(HOLDOUT_DIR, "plan.txt"), path.join(HOLDOUT_DIR, "plan.labels.json"));

function scoreOf({ labels, text }: LabelledPlan): PlanScore {
  const level = labels.level ?? "city";
  return scorePlan(text, labels, extractCatalog(text, { cityName: labels.city }), (name) => canonicalDepartment(name, level));
}

describe.each([...SEEDS, HOLDOUT].map((plan) => [plan.labels.city, plan] as const))("labels of %s", (_city, plan) => {
  it("place every anchor in the plan text at the stated occurrence", () => {
    const missing = plan.labels.targets
      .filter((label) => resolveAnchor(plan.text, label.anchor, label.occurrence) < 0)
      .map((label) => `${label.anchor} #${label.occurrence}`);
    expect(missing).toEqual([]);
  });

  it("give each target a known kind, and a value and unit exactly when it is not a milestone", () => {
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

  it("never place two labels on the same number", () => {
    const points = plan.labels.targets.map((label) => `${resolveAnchor(plan.text, label.anchor, label.occurrence)}:${label.anchor}`);
    expect(new Set(points).size).toBe(points.length);
  });
});

describe("extractor accuracy on the five seed plans", () => {
  const scores = SEEDS.map(scoreOf);
  const summary = summarize(scores);

  beforeAll(() => {
    // The per-seed table and every miss, so a failing threshold says what to fix.
    console.log(`${formatScoreTable(scores)}\n\n${formatProblems(scores)}`);
  });

  it("finds at least 95% of the quantified targets with the right value, unit, kind and target year", () => {
    expect(summary.quantified.total).toBeGreaterThan(0);
    expect(summary.quantifiedRecall).toBeGreaterThanOrEqual(0.95);
  });

  it("extracts at most 5% items that are not targets", () => {
    expect(summary.extracted).toBeGreaterThan(0);
    expect(summary.falsePositiveShare).toBeLessThanOrEqual(0.05);
  });

  it("names the right lead department for at least 90% of targets whose task names one", () => {
    expect(summary.lead.total).toBeGreaterThan(0);
    expect(summary.leadAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("keeps every source span an exact slice of the plan text", () => {
    expect(scores.flatMap((score) => score.sourceSpanErrors)).toEqual([]);
  });
});

describe("extractor on the hold-out plan (reported, not asserted)", () => {
  it("runs through the same scorer", () => {
    const score = scoreOf(HOLDOUT);
    const summary = summarize([score]);
    // Figures only: the misses are not printed, so the hold-out stays unseen by the extractor's author.
    console.log(
      `hold-out ${score.city}: quantified ${summary.quantified.correct}/${summary.quantified.total}, ` +
        `false positives ${summary.falsePositives}/${summary.extracted}, lead ${summary.lead.correct}/${summary.lead.total}, ` +
        `milestones ${summary.milestones.correct}/${summary.milestones.total}`,
    );
    expect(score.unresolvedAnchors).toEqual([]);
    expect(summary.quantified.total + summary.milestones.total).toBe(HOLDOUT.labels.targets.length);
  });
});
