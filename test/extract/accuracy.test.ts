/**
 * Issue 2 "How good it must be": the extractor measured against independent labels of the five
 * seed plans (test/fixtures/labels), plus a synthetic hold-out plan reported separately.
 * Rules for what the labels count as a target: docs/accuracy.md.
 */
import * as path from "path";
import { BUNDLED_CITIES } from "../../src/core/cities";
import { readLabelledPlan, scoreOf, type LabelledPlan } from "../../measure/labelledPlans";
import { formatProblems, formatScoreTable, summarize } from "../../measure/score";
import { checkLabels } from "./labelChecks";

const ROOT = path.join(__dirname, "..", "..");
const LABEL_DIR = path.join(ROOT, "test", "fixtures", "labels");
const HOLDOUT_DIR = path.join(ROOT, "test", "fixtures", "holdout");

const SEEDS: LabelledPlan[] = BUNDLED_CITIES.map((city) =>
  readLabelledPlan(path.join(ROOT, "seeds", city.file), path.join(LABEL_DIR, `${city.file}.json`)),
);
const HOLDOUT = readLabelledPlan(path.join(HOLDOUT_DIR, "plan.txt"), path.join(HOLDOUT_DIR, "plan.labels.json"));

describe.each([...SEEDS, HOLDOUT].map((plan) => [plan.labels.city, plan] as const))("labels of %s", (_city, plan) =>
  checkLabels(plan),
);

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
