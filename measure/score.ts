/**
 * Accuracy scorer for the extractor (issue 2, "How good it must be").
 *
 * Pure: it takes a plan's decoded text, the analyst's labels for that plan and the catalog the
 * extractor produced, and measures
 *   - recall of quantified targets with the right value, unit, kind and target year (≥ 95%),
 *   - the share of extracted items that match no label (≤ 5%),
 *   - lead accuracy where the text names the task's departments (≥ 90%),
 *   - milestone recall (reported).
 * It returns the misses and false positives with their text so a developer can act on them.
 * Rules for what counts as a target are in docs/accuracy.md.
 */
import type { Catalog, Comparator, Target, TargetKind } from "../src/core/catalog";

/** One target as a careful policy analyst reads it from the plan (test/fixtures/labels/*.json). */
export interface LabelTarget {
  /** Exact substring of the decoded plan text containing the target's number (or, for a milestone, its key phrase). */
  anchor: string;
  /** 1-based: which occurrence of `anchor` in the text. */
  occurrence: number;
  indicator: string;
  kind: TargetKind;
  comparator: Comparator | null;
  /** As written (45 for 45%, 1 for 一倍, 0.2 for 0.2万台); null for milestones. */
  value: number | null;
  unit: string | null;
  targetYear: number | null;
  /** Lead department as spelled in the text (first named, or the explicit 牵头 one); null where none. */
  lead: string | null;
  /** True when the text names the departments responsible for this target's task. */
  leadNamed: boolean;
  /**
   * Supporting departments as spelled in the text, where the labeller recorded them (labels written
   * since issue 12); absent in older label files, which score no support.
   */
  support?: string[];
  note?: string;
}

export interface LabelFile {
  /** Seed file name (or "plan.txt" for the hold-out plan). */
  file: string;
  city: string;
  targets: LabelTarget[];
}

/** A label placed in the text. */
export interface ResolvedLabel extends LabelTarget {
  anchorStart: number;
  anchorEnd: number;
  /** Offset of the target's number inside the anchor (anchor start for milestones). */
  point: number;
}

/** Why a label did not count as found, with what the extractor produced there. */
export interface LabelMiss {
  label: ResolvedLabel;
  reason: string;
  /** About 40 characters of text around the anchor. */
  context: string;
  /** The extracted target matched to this label, if any (its attributes were wrong). */
  matched: Target | null;
}

export interface FalsePositive {
  id: string;
  kind: TargetKind;
  value: number | null;
  unit: string | null;
  targetYear: number | null;
  text: string;
}

export interface LeadMiss {
  label: ResolvedLabel;
  expected: string;
  got: string | null;
  targetId: string;
}

export interface Count {
  correct: number;
  total: number;
}

export interface PlanScore {
  file: string;
  city: string;
  /** Quantified (non-milestone) labels found with right value, unit, kind, target year. */
  quantified: Count;
  /** Milestone labels found with kind milestone and the right target year. */
  milestones: Count;
  /** Extracted targets that match no label (correct = extracted - unmatched). */
  extracted: Count;
  /** Matched labels whose task names its departments, with the right canonical lead. */
  lead: Count;
  /** Matched labels with recorded support, whose supporting departments are exactly right (as a set). */
  support: Count;
  /** Matched quantified labels (right value) with the right target year. */
  targetYear: Count;
  misses: LabelMiss[];
  falsePositives: FalsePositive[];
  leadMisses: LeadMiss[];
  /** Anchors that could not be found in the text (a broken label file). */
  unresolvedAnchors: string[];
  /** Extracted targets whose source.text is not text.slice(start, end). */
  sourceSpanErrors: string[];
}

export interface ScoreSummary {
  /** Micro-averaged over plans: correct / total. */
  quantifiedRecall: number;
  falsePositiveShare: number;
  leadAccuracy: number;
  milestoneRecall: number;
  supportAccuracy: number;
  targetYearAccuracy: number;
  quantified: Count;
  milestones: Count;
  lead: Count;
  extracted: number;
  falsePositives: number;
}

// Arabic numbers (half- or full-width, with a decimal point) and runs of Chinese numerals.
const ARABIC_NUMBER = /[0-9０-９]+(?:[.．][0-9０-９]+)?/g;
const CHINESE_NUMBER = /[一二两三四五六七八九十百千]+/g;

/**
 * Offset of the `occurrence`-th (1-based) occurrence of `anchor` in `text`, or -1.
 * @example resolveAnchor("甲乙甲", "甲", 2) // 2
 */
export function resolveAnchor(text: string, anchor: string, occurrence: number): number {
  if (anchor.length === 0 || occurrence < 1) return -1;
  let offset = -1;
  for (let seen = 0; seen < occurrence; seen++) {
    offset = text.indexOf(anchor, offset + 1);
    if (offset < 0) return -1;
  }
  return offset;
}

/**
 * Index inside `anchor` of the target's number: the first Arabic number that is not a year
 * (four digits followed by 年, 至 or a dash), else the first run of Chinese numerals, else 0.
 * @example valueIndexInAnchor("二手车交易量较2023年增长45%") // index of "45"
 */
export function valueIndexInAnchor(anchor: string): number {
  for (const match of anchor.matchAll(ARABIC_NUMBER)) {
    const after = anchor.slice((match.index ?? 0) + match[0].length).trimStart();
    const isYear = /^[12][0-9]{3}$/.test(match[0]) && /^[年至—–\-~～]/.test(after);
    if (!isYear) return match.index ?? 0;
  }
  const chinese = CHINESE_NUMBER.exec(anchor);
  CHINESE_NUMBER.lastIndex = 0;
  return chinese ? chinese.index : 0;
}

/** Places every label in the text; labels whose anchor is missing are returned separately. */
export function resolveLabels(
  text: string,
  labels: readonly LabelTarget[],
): { resolved: ResolvedLabel[]; unresolved: LabelTarget[] } {
  const resolved: ResolvedLabel[] = [];
  const unresolved: LabelTarget[] = [];
  for (const label of labels) {
    const anchorStart = resolveAnchor(text, label.anchor, label.occurrence);
    if (anchorStart < 0) {
      unresolved.push(label);
      continue;
    }
    const point = label.kind === "milestone" ? anchorStart : anchorStart + valueIndexInAnchor(label.anchor);
    resolved.push({ ...label, anchorStart, anchorEnd: anchorStart + label.anchor.length, point });
  }
  resolved.sort((left, right) => left.point - right.point);
  return { resolved, unresolved };
}

/** Units compare after NFKC (％ → %, （） → ()) and without spaces. */
function normalizeUnit(unit: string | null): string | null {
  return unit === null ? null : unit.normalize("NFKC").replace(/\s+/g, "");
}

function sameValue(labelValue: number | null, targetValue: number | null): boolean {
  if (labelValue === null || targetValue === null) return labelValue === targetValue;
  return Math.abs(labelValue - targetValue) <= 1e-9 * Math.max(1, Math.abs(labelValue));
}

/** A milestone's key phrase only has to overlap the clause; a number has to lie inside it. */
function covers(target: Target, label: ResolvedLabel): boolean {
  const { start, end } = target.source;
  if (label.kind === "milestone") return start < label.anchorEnd && label.anchorStart < end;
  return start <= label.point && label.point < end;
}

function attributeErrors(label: ResolvedLabel, target: Target): string[] {
  const errors: string[] = [];
  if (normalizeUnit(label.unit) !== normalizeUnit(target.unit))
    errors.push(`unit ${target.unit ?? "null"} ≠ ${label.unit ?? "null"}`);
  if (label.kind !== target.kind) errors.push(`kind ${target.kind} ≠ ${label.kind}`);
  if (label.targetYear !== target.targetYear)
    errors.push(`targetYear ${target.targetYear ?? "null"} ≠ ${label.targetYear ?? "null"}`);
  return errors;
}

function contextAround(text: string, label: ResolvedLabel): string {
  const from = Math.max(0, label.anchorStart - 20);
  const to = Math.min(text.length, label.anchorEnd + 20);
  return text.slice(from, to).replace(/\s+/g, " ");
}

function describeTarget(target: Target): string {
  const value = target.value === null ? "milestone" : `${target.value}${target.unit ?? ""}`;
  return `${target.id} (${value}, ${target.kind}, ${target.targetYear ?? "no year"})`;
}

/**
 * Scores one plan's catalog against its labels.
 *
 * A target matches a label when the label's point (the number inside its anchor; for a milestone
 * the anchor itself) lies within the target's source [start, end) and the values are equal
 * (both null for milestones). Matching is one-to-one and greedy in text order, preferring the
 * candidate with the most right attributes (unit, kind, target year), then the shortest clause.
 *
 * @param text the decoded plan text the catalog's offsets refer to
 * @param labelFile the analyst's labels for this plan
 * @param catalog what the extractor returned for `text`
 * @param canonicalDepartment maps a department as spelled to its canonical name
 * @returns counts, misses, false positives and lead misses for this plan
 */
export function scorePlan(
  text: string,
  labelFile: LabelFile,
  catalog: Catalog,
  canonicalDepartment: (name: string) => string,
): PlanScore {
  const { resolved, unresolved } = resolveLabels(text, labelFile.targets);
  const matchedTargetIds = new Set<number>();
  const score: PlanScore = {
    file: labelFile.file,
    city: labelFile.city,
    quantified: { correct: 0, total: 0 },
    milestones: { correct: 0, total: 0 },
    extracted: { correct: 0, total: catalog.targets.length },
    lead: { correct: 0, total: 0 },
    support: { correct: 0, total: 0 },
    targetYear: { correct: 0, total: 0 },
    misses: [],
    falsePositives: [],
    leadMisses: [],
    unresolvedAnchors: unresolved.map((label) => label.anchor),
    sourceSpanErrors: catalog.targets
      .filter((target) => text.slice(target.source.start, target.source.end) !== target.source.text)
      .map((target) => `${target.id}: [${target.source.start}, ${target.source.end}) ≠ “${target.source.text}”`),
  };

  for (const label of resolved) {
    const isMilestone = label.kind === "milestone";
    const count = isMilestone ? score.milestones : score.quantified;
    count.total += 1;
    const covering = catalog.targets
      .map((target, index) => ({ target, index }))
      .filter(({ target, index }) => !matchedTargetIds.has(index) && covers(target, label));
    const candidates = covering
      .filter(({ target }) => sameValue(label.value, target.value))
      .sort(
        (left, right) =>
          attributeErrors(label, left.target).length - attributeErrors(label, right.target).length ||
          left.target.source.end - left.target.source.start - (right.target.source.end - right.target.source.start),
      );
    const best = candidates[0];
    if (!best) {
      const near = covering.map(({ target }) => describeTarget(target)).join("; ");
      score.misses.push({
        label,
        reason: near
          ? `no target with value ${label.value ?? "null"} here; clause has ${near}`
          : "no extracted target covers the anchor",
        context: contextAround(text, label),
        matched: null,
      });
      continue;
    }
    matchedTargetIds.add(best.index);
    const errors = attributeErrors(label, best.target);
    if (errors.length === 0) count.correct += 1;
    else
      score.misses.push({
        label,
        reason: `${best.target.id}: ${errors.join(", ")}`,
        context: contextAround(text, label),
        matched: best.target,
      });

    if (!isMilestone) {
      score.targetYear.total += 1;
      if (label.targetYear === best.target.targetYear) score.targetYear.correct += 1;
    }
    if (label.leadNamed && label.support !== undefined) {
      score.support.total += 1;
      const expected = new Set(label.support.map((name) => canonicalDepartment(name)));
      const got = new Set(best.target.support);
      if (expected.size === got.size && [...expected].every((name) => got.has(name))) score.support.correct += 1;
    }
    if (label.leadNamed && label.lead !== null) {
      score.lead.total += 1;
      const expected = canonicalDepartment(label.lead);
      if (best.target.lead === expected) score.lead.correct += 1;
      else score.leadMisses.push({ label, expected, got: best.target.lead, targetId: best.target.id });
    }
  }

  catalog.targets.forEach((target, index) => {
    if (matchedTargetIds.has(index)) return;
    score.falsePositives.push({
      id: target.id,
      kind: target.kind,
      value: target.value,
      unit: target.unit,
      targetYear: target.targetYear,
      text: target.source.text,
    });
  });
  score.extracted.correct = score.extracted.total - score.falsePositives.length;
  return score;
}

function ratio(count: Count, whenEmpty: number): number {
  return count.total === 0 ? whenEmpty : count.correct / count.total;
}

/**
 * Micro-averaged totals over several plans (each label and each extracted item weighs the same).
 * @example summarize([scorePlan(text, labels, catalog, canonicalDepartment)]).quantifiedRecall
 */
export function summarize(scores: readonly PlanScore[]): ScoreSummary {
  const add = (pick: (score: PlanScore) => Count): Count =>
    scores.reduce(
      (sum, score) => ({ correct: sum.correct + pick(score).correct, total: sum.total + pick(score).total }),
      {
        correct: 0,
        total: 0,
      },
    );
  const quantified = add((score) => score.quantified);
  const milestones = add((score) => score.milestones);
  const lead = add((score) => score.lead);
  const support = add((score) => score.support);
  const targetYear = add((score) => score.targetYear);
  const extracted = add((score) => score.extracted);
  const falsePositives = extracted.total - extracted.correct;
  return {
    quantifiedRecall: ratio(quantified, 1),
    falsePositiveShare: extracted.total === 0 ? 0 : falsePositives / extracted.total,
    leadAccuracy: ratio(lead, 1),
    supportAccuracy: ratio(support, 1),
    targetYearAccuracy: ratio(targetYear, 1),
    milestoneRecall: ratio(milestones, 1),
    quantified,
    milestones,
    lead,
    extracted: extracted.total,
    falsePositives,
  };
}

/** Pads to a terminal column width, counting CJK characters as two columns. */
function padDisplay(text: string, width: number): string {
  const columns = [...text].reduce((sum, char) => sum + (/[\u2e80-\uffef]/.test(char) ? 2 : 1), 0);
  return text + " ".repeat(Math.max(0, width - columns));
}

function percent(count: Count): string {
  return count.total === 0 ? "   –  " : `${((100 * count.correct) / count.total).toFixed(1).padStart(5)}%`;
}

/** A per-plan table plus a total row, for the benchmark and test output. */
export function formatScoreTable(scores: readonly PlanScore[]): string {
  const header = "plan        quantified          false positives     lead                milestones";
  const row = (name: string, q: Count, fp: Count, lead: Count, ms: Count): string =>
    [
      padDisplay(name, 10),
      `${percent(q)} ${`${q.correct}/${q.total}`.padEnd(8)}`,
      `${percent(fp)} ${`${fp.correct}/${fp.total}`.padEnd(8)}`,
      `${percent(lead)} ${`${lead.correct}/${lead.total}`.padEnd(8)}`,
      `${percent(ms)} ${ms.correct}/${ms.total}`,
    ].join("  ");
  const falsePositiveCount = (score: PlanScore): Count => ({
    correct: score.falsePositives.length,
    total: score.extracted.total,
  });
  const lines = [header];
  for (const score of scores)
    lines.push(row(score.city, score.quantified, falsePositiveCount(score), score.lead, score.milestones));
  const total = summarize(scores);
  lines.push(
    row(
      "total",
      total.quantified,
      { correct: total.falsePositives, total: total.extracted },
      total.lead,
      total.milestones,
    ),
  );
  return lines.join("\n");
}

/** Misses, lead misses and false positives as readable lines, for the benchmark. */
export function formatProblems(scores: readonly PlanScore[]): string {
  const lines: string[] = [];
  for (const score of scores) {
    for (const anchor of score.unresolvedAnchors) lines.push(`${score.city}  LABEL ANCHOR NOT FOUND  “${anchor}”`);
    for (const error of score.sourceSpanErrors) lines.push(`${score.city}  SOURCE SPAN  ${error}`);
    for (const miss of score.misses) {
      const expected = miss.label.kind === "milestone" ? "milestone" : `${miss.label.value}${miss.label.unit ?? ""}`;
      lines.push(
        `${score.city}  MISS  ${miss.label.indicator} = ${expected} ${miss.label.kind} ${miss.label.targetYear ?? ""}: ${miss.reason}\n      …${miss.context}…`,
      );
    }
    for (const leadMiss of score.leadMisses)
      lines.push(
        `${score.city}  LEAD  ${leadMiss.targetId} ${leadMiss.label.indicator}: got ${leadMiss.got ?? "null"}, expected ${leadMiss.expected}`,
      );
    for (const falsePositive of score.falsePositives) {
      const value = falsePositive.value === null ? "milestone" : `${falsePositive.value}${falsePositive.unit ?? ""}`;
      lines.push(
        `${score.city}  FALSE POSITIVE  ${falsePositive.id} ${value} ${falsePositive.kind}\n      “${falsePositive.text.replace(/\s+/g, " ")}”`,
      );
    }
  }
  return lines.join("\n");
}
