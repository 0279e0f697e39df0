/**
 * Issue 12's accuracy floors, on plans written in the conventions the issue lists (test/fixtures/
 * conventions: sub-items with their own leads, 会同/为主/参与, abbreviations such as 县工信 and 市监局,
 * governments as leads, indicator tables with 2023年/2025年/2027年 columns and 责任单位, paired years,
 * situation figures in the preamble). Labelled by docs/accuracy.md's rules, with supporting
 * departments. Written by the engineer who changed the extractor, not blind: docs/accuracy.md says so.
 */
import * as fs from "fs";
import * as path from "path";
import { readLabelledPlan, scoreOf, type LabelledPlan } from "../../measure/labelledPlans";
import { formatProblems, formatScoreTable, summarize } from "../../measure/score";
import { checkLabels } from "./labelChecks";

const DIR = path.join(__dirname, "..", "fixtures", "conventions");

const PLANS: LabelledPlan[] = fs
  .readdirSync(DIR)
  .filter((name) => name.endsWith(".labels.json"))
  .sort()
  .map((name) => {
    const labelPath = path.join(DIR, name);
    const { file } = JSON.parse(fs.readFileSync(labelPath, "utf8")) as { file: string };
    return readLabelledPlan(path.join(DIR, file), labelPath);
  });

describe.each(PLANS.map((plan) => [plan.labels.city, plan] as const))("conventions plan %s", (_city, plan) => {
  checkLabels(plan);
});

describe("extractor accuracy on plans in the conventions of issue 12", () => {
  const scores = PLANS.map(scoreOf);
  const summary = summarize(scores);

  beforeAll(() => {
    console.log(`${formatScoreTable(scores)}\n\n${formatProblems(scores)}`);
  });

  it("finds at least 97% of the quantified targets, with at most 3% items that are not targets", () => {
    expect(summary.quantifiedRecall).toBeGreaterThanOrEqual(0.97);
    expect(summary.falsePositiveShare).toBeLessThanOrEqual(0.03);
  });

  it("dates at least 95% of the quantified targets it finds right", () => {
    expect(summary.targetYearAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it("finds at least 85% of the milestones with the right deadline", () => {
    expect(summary.milestoneRecall).toBeGreaterThanOrEqual(0.85);
  });

  it("names the right lead for 95% and exactly the right supporting departments for 90% where the plan names them", () => {
    expect(summary.lead.total).toBeGreaterThan(0);
    expect(summary.leadAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(summary.supportAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});
