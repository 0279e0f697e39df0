/**
 * The target catalog: what the extractor produces from one plan's text and what every other
 * part of the product (trajectory, templates, report check, budget) consumes.
 * The JSON Schema of this shape is schemas/catalog.schema.json.
 */

/** How a target is measured (see README "Target kinds"). */
export type TargetKind =
  | "growth_vs_baseline" // 较2023年增长45% / 增加约一倍: relative to the base year's figure
  | "level" // an absolute amount to reach: 再生金属产能达到50万吨
  | "share" // a percentage of a whole: 普及率超过90%
  | "cumulative" // a total over the period: 累计… / 到2027年完成…246公里
  | "annual" // a per-year amount: 每年…10个以上
  | "milestone"; // a deadline with no number: 到2027年全面淘汰…

export const TARGET_KINDS: readonly TargetKind[] = [
  "growth_vs_baseline",
  "level",
  "share",
  "cumulative",
  "annual",
  "milestone",
];

/** 以上/不低于/不少于 → ">=", 超过 → ">", 约/左右 → "~", 以下/不超过 → "<=", plain → "=". */
export type Comparator = ">=" | ">" | "~" | "<=" | "=";

/** A slice of the decoded plan text: `text === planText.slice(start, end)` (JS string indices). */
export interface SourceSpan {
  text: string;
  start: number;
  end: number;
}

export interface PlanInfo {
  /** Issuing government, e.g. 南平市人民政府. */
  government: string;
  title: string;
  /** e.g. 南政规〔2024〕8号; null for drafts without one. */
  docNumber: string | null;
  /** ISO date of issue (YYYY-MM-DD) where the text gives one. */
  date: string | null;
}

export interface Target {
  /** Stable, readable id: city short name + number in document order, e.g. 南平-07. */
  id: string;
  /** Heading path, e.g. 二、(一) 5. */
  section: string;
  /** Title of the numbered task the target sits in ("" for 总体要求 targets). */
  task: string;
  /** Short Chinese name of what is measured, e.g. 二手车交易量. */
  indicator: string;
  /** Field: 工业, 建筑市政, 交通, 农业, 教育, 文旅, 医疗, 消费品, 回收利用, 标准, 综合 … */
  domain: string;
  kind: TargetKind;
  /** null for milestones. */
  comparator: Comparator | null;
  /** As written: 45 for 45%, 1 for 一倍, 0.2 for 0.2万台; null for milestones. */
  value: number | null;
  /** As written: "%", "倍", "万台", "公里"; null for milestones. */
  unit: string | null;
  /** In base units: 0.45 for 45%, 1.0 for 一倍 (a ratio), 2000 for 0.2万台. */
  normalizedValue: number | null;
  /** 2023 where measured against 2023; null otherwise. */
  baseYear: number | null;
  /** First counted year of cumulative or per-year targets. */
  startYear: number | null;
  targetYear: number | null;
  /** Canonical name of the lead department, e.g. 市工业和信息化局; null where none is known. */
  lead: string | null;
  /** Canonical names of supporting departments (co-leads first). */
  support: string[];
  /** The lead department as spelled in the text. */
  leadOriginal: string | null;
  /** True when the lead was not named as such (first of a list, linked from a task, a table). */
  leadInferred: boolean;
  source: SourceSpan;
}

/**
 * A situation figure the plan states (全市电梯总数16.1万台; 2023年…达到186家; 2024年产量有望超过70万辆):
 * where things stand, not a goal. Kept beside the targets as a candidate baseline, never as a target.
 */
export interface Fact {
  /** What is measured, cut from the clause as a target's indicator is. */
  indicator: string;
  value: number;
  /** As written: "万台", "%", "家". */
  unit: string;
  /** In base units, as a target's normalizedValue. */
  normalizedValue: number;
  /** The year the figure is for (2023 in 2023年全市…), or null when the text names none. */
  year: number | null;
  source: SourceSpan;
}

export interface Catalog {
  plan: PlanInfo;
  targets: Target[];
  /**
   * Situation figures stated in the plan (see Fact), in text order. Absent when there are none,
   * and in catalogs written before facts were read: readers treat absence as none.
   */
  facts?: Fact[];
  /** Data problems found while reading (unparsed clauses, empty input …); never thrown. */
  warnings: string[];
}
