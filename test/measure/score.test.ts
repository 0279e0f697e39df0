import type { Catalog, Target } from "../../src/core/catalog";
import {
  formatProblems,
  formatScoreTable,
  resolveAnchor,
  scorePlan,
  summarize,
  valueIndexInAnchor,
  type LabelFile,
  type LabelTarget,
} from "../../measure/score";

// A two-clause excerpt in the seeds' style, with the labels an analyst would write for it.
const PLAN_TEXT =
  "到2027年，设备投资规模较2023年增长25%以上；普及率、数控化率分别超过90%、75%。" +
  "使用8年以上的公务用车分批更新。到2027年，全面淘汰备案非标电动自行车。（市商务局牵头，市公安局配合）";

function label(overrides: Partial<LabelTarget> & Pick<LabelTarget, "anchor">): LabelTarget {
  return {
    occurrence: 1,
    indicator: "指标",
    kind: "share",
    comparator: ">",
    value: null,
    unit: "%",
    targetYear: 2027,
    lead: null,
    leadNamed: false,
    ...overrides,
  };
}

const LABELS: LabelFile = {
  file: "excerpt.txt",
  city: "样例",
  targets: [
    label({
      anchor: "增长25%以上",
      indicator: "设备投资规模",
      kind: "growth_vs_baseline",
      comparator: ">=",
      value: 25,
    }),
    label({ anchor: "分别超过90%", indicator: "普及率", value: 90 }),
    label({ anchor: "75%。", indicator: "数控化率", value: 75 }),
    label({
      anchor: "全面淘汰备案非标电动自行车",
      indicator: "非标电动自行车",
      kind: "milestone",
      comparator: null,
      unit: null,
      lead: "市商务局",
      leadNamed: true,
    }),
  ],
};

/** An extracted target whose source is the text between two substrings (inclusive of both). */
function target(id: string, fromText: string, toText: string, fields: Partial<Target>): Target {
  const start = PLAN_TEXT.indexOf(fromText);
  const end = PLAN_TEXT.indexOf(toText, start) + toText.length;
  return {
    id,
    section: "一、",
    task: "",
    indicator: "",
    domain: "综合",
    kind: "share",
    comparator: ">",
    value: null,
    unit: "%",
    normalizedValue: null,
    baseYear: null,
    startYear: null,
    targetYear: 2027,
    lead: null,
    support: [],
    leadOriginal: null,
    leadInferred: false,
    source: { text: PLAN_TEXT.slice(start, end), start, end },
    ...fields,
  };
}

function catalogOf(targets: Target[]): Catalog {
  return { plan: { government: "样例市人民政府", title: "样例", docNumber: null, date: null }, targets, warnings: [] };
}

const canonical = (name: string): string => name.replace(/^市商务局$/, "市商务局（canonical）");

const PERFECT = [
  target("样例-01", "设备投资规模", "25%以上", { kind: "growth_vs_baseline", comparator: ">=", value: 25 }),
  target("样例-02", "普及率", "90%", { value: 90 }),
  target("样例-03", "普及率", "75%", { value: 75 }),
  target("样例-04", "到2027年，全面", "电动自行车", {
    kind: "milestone",
    comparator: null,
    value: null,
    unit: null,
    lead: "市商务局（canonical）",
  }),
];

describe("resolveAnchor", () => {
  it("finds the n-th occurrence and reports a missing one as -1", () => {
    expect(resolveAnchor(PLAN_TEXT, "到2027年", 2)).toBe(PLAN_TEXT.lastIndexOf("到2027年"));
    expect(resolveAnchor(PLAN_TEXT, "到2027年", 3)).toBe(-1);
    expect(resolveAnchor(PLAN_TEXT, "增长26%", 1)).toBe(-1);
  });
});

describe("valueIndexInAnchor", () => {
  it("points at the target's number, skipping a base year", () => {
    expect(valueIndexInAnchor("二手车交易量较2023年增长45%")).toBe("二手车交易量较2023年增长".length);
    expect(valueIndexInAnchor("较2023年增长一倍")).toBe("较2023年增长".length);
    expect(valueIndexInAnchor("0.2万台以上")).toBe(0);
  });
});

describe("scorePlan", () => {
  it("scores a perfect catalog at 100% on every measure", () => {
    const score = scorePlan(PLAN_TEXT, LABELS, catalogOf(PERFECT), canonical);
    expect(score.quantified).toEqual({ correct: 3, total: 3 });
    expect(score.milestones).toEqual({ correct: 1, total: 1 });
    expect(score.lead).toEqual({ correct: 1, total: 1 });
    expect(score.falsePositives).toEqual([]);
    expect(score.misses).toEqual([]);
  });

  it("counts a threshold as a false positive, with its clause text", () => {
    const threshold = target("样例-05", "使用8年以上", "公务用车", { kind: "level", value: 8, unit: "年" });
    const score = scorePlan(PLAN_TEXT, LABELS, catalogOf([...PERFECT, threshold]), canonical);
    expect(score.falsePositives).toEqual([
      expect.objectContaining({ id: "样例-05", value: 8, text: "使用8年以上的公务用车" }),
    ]);
    expect(summarize([score]).falsePositiveShare).toBeCloseTo(1 / 5);
  });

  it("reports a wrong value as a miss naming what the clause held", () => {
    const wrongValue = [...PERFECT];
    wrongValue[2] = target("样例-03", "普及率", "75%", { value: 7.5 });
    const score = scorePlan(PLAN_TEXT, LABELS, catalogOf(wrongValue), canonical);
    expect(score.quantified).toEqual({ correct: 2, total: 3 });
    expect(score.misses[0].reason).toContain("7.5");
    expect(score.misses[0].context).toContain("75%");
    expect(score.falsePositives.map((item) => item.id)).toEqual(["样例-03"]);
  });

  it("matches one target to one label only, even when its clause covers two", () => {
    // One target spanning both 90% and 75% can satisfy only the label with its value.
    const merged = target("样例-02", "普及率", "75%", { value: 90 });
    const score = scorePlan(PLAN_TEXT, LABELS, catalogOf([PERFECT[0], merged, PERFECT[3]]), canonical);
    expect(score.quantified).toEqual({ correct: 2, total: 3 });
    expect(score.misses.map((miss) => miss.label.indicator)).toEqual(["数控化率"]);
  });

  it("accepts a full-width unit but counts a wrong kind or year as a miss", () => {
    const variants = [...PERFECT];
    variants[0] = target("样例-01", "设备投资规模", "25%以上", { kind: "level", value: 25 });
    variants[1] = target("样例-02", "普及率", "90%", { value: 90, unit: "％" });
    variants[2] = target("样例-03", "普及率", "75%", { value: 75, targetYear: 2025 });
    const score = scorePlan(PLAN_TEXT, LABELS, catalogOf(variants), canonical);
    expect(score.quantified).toEqual({ correct: 1, total: 3 });
    expect(score.misses.map((miss) => miss.reason)).toEqual([
      "样例-01: kind level ≠ growth_vs_baseline",
      "样例-03: targetYear 2025 ≠ 2027",
    ]);
  });

  it("checks the lead against the canonical name of the labelled department", () => {
    const withSpelling = [...PERFECT];
    withSpelling[3] = { ...PERFECT[3], lead: "市商务局" };
    const score = scorePlan(PLAN_TEXT, LABELS, catalogOf(withSpelling), canonical);
    expect(score.lead).toEqual({ correct: 0, total: 1 });
    expect(score.leadMisses[0]).toEqual(
      expect.objectContaining({ expected: "市商务局（canonical）", got: "市商务局" }),
    );
  });

  it("flags a source whose text is not the slice it claims", () => {
    const badSpan = [...PERFECT];
    badSpan[0] = { ...PERFECT[0], source: { ...PERFECT[0].source, text: "增长25%" } };
    const score = scorePlan(PLAN_TEXT, LABELS, catalogOf(badSpan), canonical);
    expect(score.sourceSpanErrors).toHaveLength(1);
  });

  it("scores an empty catalog as zero recall and no false positives", () => {
    const summary = summarize([scorePlan(PLAN_TEXT, LABELS, catalogOf([]), canonical)]);
    expect(summary.quantifiedRecall).toBe(0);
    expect(summary.milestoneRecall).toBe(0);
    expect(summary.falsePositiveShare).toBe(0);
  });
});

describe("formatScoreTable and formatProblems", () => {
  it("print a total row and each problem with its text", () => {
    const threshold = target("样例-05", "使用8年以上", "公务用车", { kind: "level", value: 8, unit: "年" });
    const scores = [scorePlan(PLAN_TEXT, LABELS, catalogOf([PERFECT[0], threshold]), canonical)];
    expect(formatScoreTable(scores)).toMatch(/total\s+33\.3% 1\/3/);
    const problems = formatProblems(scores);
    expect(problems).toContain("FALSE POSITIVE  样例-05 8年 level");
    expect(problems).toContain("MISS  普及率 = 90%");
  });
});
