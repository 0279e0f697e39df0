/**
 * Issue 2 "How good it must be", on plans the extractor was not written from: synthetic plans in
 * other governments' conventions (test/fixtures/unseen: a province, a big city, a county, a
 * provincial transport-sector plan, a small district plan, a consumer-goods plan, the four
 * plans of an independent blind measurement: a 直辖市, a 自治区, a PDF paste and a county, and the
 * four of a second one: a province with a 主要目标 list, a 计划单列市 with a 重点任务清单 table, an
 * 农业 plan issued by three departments and a district's subsidy rules, and those of a third and fourth),
 * labelled by the rules of docs/accuracy.md before the extractor was run on them. Same scorer
 * and thresholds as the seeds.
 */
import * as fs from "fs";
import * as path from "path";
import { readLabelledPlan, scoreOf, type LabelledPlan } from "../../measure/labelledPlans";
import { formatProblems, formatScoreTable, summarize } from "../../measure/score";
import { checkLabels } from "./labelChecks";

const UNSEEN_DIR = path.join(__dirname, "..", "fixtures", "unseen");

const PLANS: LabelledPlan[] = fs
  .readdirSync(UNSEEN_DIR)
  .filter((name) => name.endsWith(".labels.json"))
  .sort()
  .map((name) => {
    const labelPath = path.join(UNSEEN_DIR, name);
    const { file } = JSON.parse(fs.readFileSync(labelPath, "utf8")) as { file: string };
    return readLabelledPlan(path.join(UNSEEN_DIR, file), labelPath);
  });

describe.each(PLANS.map((plan) => [plan.labels.city, plan] as const))("unseen plan %s", (_city, plan) => {
  it("is marked as a synthetic fixture on its first line", () => {
    expect(plan.text.split("\n")[0]).toMatch(/合成(?:测试|评测)/);
  });

  checkLabels(plan);
});

describe("extractor accuracy on plans in other governments' conventions", () => {
  const scores = PLANS.map(scoreOf);
  const summary = summarize(scores);

  beforeAll(() => {
    // These fixtures are for improving the extractor: print every miss (unlike the hold-out).
    console.log(`${formatScoreTable(scores)}\n\n${formatProblems(scores)}`);
  });

  it("covers at least four plans and 120 quantified targets", () => {
    expect(scores.length).toBeGreaterThanOrEqual(4);
    expect(summary.quantified.total).toBeGreaterThanOrEqual(120);
  });

  it("finds at least 95% of the quantified targets with the right value, unit, kind and target year", () => {
    expect(summary.quantifiedRecall).toBeGreaterThanOrEqual(0.95);
  });

  it("extracts at most 5% items that are not targets", () => {
    expect(summary.falsePositiveShare).toBeLessThanOrEqual(0.05);
  });

  it("names the right lead department for at least 90% of targets whose task names one", () => {
    expect(summary.lead.total).toBeGreaterThan(0);
    expect(summary.leadAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("finds at least 80% of the milestones with the right deadline", () => {
    expect(summary.milestoneRecall).toBeGreaterThanOrEqual(0.8);
  });

  it("keeps every source span an exact slice of the plan text", () => {
    expect(scores.flatMap((score) => score.sourceSpanErrors)).toEqual([]);
  });
});
