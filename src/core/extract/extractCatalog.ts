/**
 * The extraction pipeline: turns the decoded text of one 两新 plan into a catalog of targets.
 * Pure and total: whatever the input, it returns a catalog (problems go to `warnings`).
 *
 * Pipeline: normalise text (offsets kept) → plan particulars → heading blocks → departments
 * (brackets, 以下…均需… sentences, appendix 责任分工表) → targets and milestones → indicator,
 * domain, department and id for each.
 */
import type { Catalog, Fact, Target } from "../catalog";
import { blockDepartmentIndex, departmentsFor, forTopic } from "./departments/attribution";
import { createGoalLinker } from "./departments/linking";
import { bodyStatementOf, continuesGoal, isSibling, statedKey } from "./departments/restatements";
import { findResponsibilities } from "./departments/findStatements";
import { parseResponsibility, type DepartmentName, type Responsibility } from "./departments/statements";
import { readResponsibilityTable, type TableRow } from "./departments/table";
import { findTableTargets } from "./indicatorTable";
import { indicatorName, targetDomain } from "./naming";
import { readPlanInfo } from "./planInfo";
import { blockAt, splitBlocks, type Block } from "./sections";
import { findTargets, findTargetsIn, planYears, type FoundTarget } from "./targets";
import { normalizePlanText, toRawSpan, type CleanText } from "./text";

export interface ExtractOptions {
  /** Short city name for ids (南平 → 南平-07); derived from the text when absent. */
  cityName?: string;
}

const EMPTY_PLAN = { government: "", title: "", docNumber: null, date: null };

/**
 * Extracts the target catalog from a plan's decoded text. Never throws.
 *
 * @param text - the decoded plan text (UTF-8 or GB18030 already decoded, see decodePlanBytes)
 * @param options - cityName for ids, e.g. "南平"
 * @returns plan particulars, targets in document order, warnings
 * @example
 * extractCatalog("到2027年，再生资源回收量达到30万吨以上。", { cityName: "南平" }).targets[0].id // → "南平-01"
 */
export function extractCatalog(text: string, options: ExtractOptions = {}): Catalog {
  try {
    return extract(typeof text === "string" ? text : "", options);
  } catch (error) {
    // A bug must not take the host down: report it as a warning instead.
    return {
      plan: { ...EMPTY_PLAN },
      targets: [],
      warnings: [`提取失败（extraction failed）：${error instanceof Error ? error.message : String(error)}`],
    };
  }
}

function extract(raw: string, options: ExtractOptions): Catalog {
  const warnings: string[] = [];
  if (raw.trim().length === 0) {
    return { plan: { ...EMPTY_PLAN }, targets: [], warnings: ["文本为空，未提取到目标（empty text: no targets）"] };
  }
  const clean = normalizePlanText(raw);
  const lines = clean.text.split("\n");
  const info = readPlanInfo(lines);
  const city = (options.cityName ?? "").trim() || info.shortName || "plan";
  const blocks = splitBlocks(clean.text);
  const responsibilities = findResponsibilities(clean.text, info.level);
  const table = readResponsibilityTable(clean.text, info.level);
  const years = planYears(clean.text, issueYearOf(info.docNumber, info.date));
  const scanned = findTargets(clean.text, years);
  const unread = scanned.unread;
  const found = scanned.targets.filter((item) => !item.situation);
  const facts = scanned.targets.filter((item) => item.situation).map((item) => toFact(item, clean));

  const laterSupport = responsibilities.filter((mention) => mention.appliesToLater.length > 0);
  const tableTargets = new Map<FoundTarget, Responsibility | null>();

  // Task tables' 工作目标 cells, dated by the row's 完成时限. A goal the body states too (same
  // number and unit, or the same milestone) is not a second target: the row lends the body
  // target its departments and tells which task the row belongs to.
  const bodyTargets = new Map<string, FoundTarget[]>();
  for (const item of found) {
    if (blockAt(blocks, item.anchor).isAppendix) continue;
    const key = statedKey(item);
    bodyTargets.set(key, [...(bodyTargets.get(key) ?? []), item]);
  }
  const restatedBy = new Map<FoundTarget, TableRow>();
  const rowBlocks = new Map<TableRow, Block>();
  for (const row of table) {
    if (!row.goal) continue;
    for (const goal of findTargetsIn(clean.text, row.goal.start, row.goal.end, row.deadlineYear, years)) {
      if (goal.situation) continue;
      const stated = bodyStatementOf(goal, bodyTargets.get(statedKey(goal)) ?? [], restatedBy, clean.text);
      if (stated) {
        restatedBy.set(stated, row);
        const block = blockAt(blocks, stated.anchor);
        if (!block.isGoals && !rowBlocks.has(row)) rowBlocks.set(row, block);
      } else {
        tableTargets.set(goal, row.responsibility);
        found.push(goal);
      }
    }
  }
  const departmentsOf = blockDepartmentIndex(blocks, responsibilities, table, rowBlocks, clean.text);

  // Indicator tables (重点指标表), often in an appendix: each row names its own departments. A cell
  // that restates a body target (same number, unit and year, said in the same words) is not a
  // second target: like a task-table row, it lends the body target its departments.
  const indicatorRestated = new Map<FoundTarget, Responsibility>();
  for (const { target, departments } of findTableTargets(clean.text, years)) {
    const parsed = departments ? parseResponsibility(departments, info.level) : null;
    const responsibility = parsed?.lead
      ? { lead: parsed.lead, support: parsed.support, leadInferred: parsed.leadInferred || parsed.support.length > 0 }
      : null;
    const sameYear = (bodyTargets.get(statedKey(target)) ?? []).filter(
      (candidate) => candidate.targetYear === target.targetYear,
    );
    const stated = bodyStatementOf(target, sameYear, indicatorRestated, clean.text, target.indicator);
    if (stated) {
      if (responsibility) indicatorRestated.set(stated, responsibility);
      continue;
    }
    tableTargets.set(target, responsibility);
    found.push(target);
  }
  // Document order (milestones of a clause are found after its numbers).
  found.sort((left, right) => left.start - right.start || left.anchor - right.anchor);

  // Whether a block has departments does not depend on the position asked about.
  const linkGoal = createGoalLinker(
    blocks,
    clean.text,
    (candidate) => departmentsFor(candidate, candidate.end, departmentsOf) !== null,
  );
  const targets: Target[] = [];
  // The goal read just before, for 分别 pairs and 、-lists whose later members match no task.
  let previousGoal: { item: FoundTarget; responsibility: Responsibility | null } | null = null;
  for (const item of found) {
    const block = blockAt(blocks, item.anchor);
    if (tableTargets.has(item)) {
      targets.push(toTarget(item, block, tableTargets.get(item) ?? null, [], clean));
      continue;
    }
    if (block.isAppendix) continue;
    let responsibility: Responsibility | null = null;
    let linkedTask: Block | null = null;
    if (block.isGoals && previousGoal && continuesGoal(previousGoal.item, item, clean.text)) {
      responsibility = previousGoal.responsibility;
      previousGoal = { item, responsibility };
    } else if (block.isGoals) {
      linkedTask = linkGoal(item.indicator);
      if (linkedTask) {
        const linked = forTopic(
          departmentsFor(linkedTask, linkedTask.end, departmentsOf),
          `${linkedTask.task}|${item.indicator}`,
        );
        if (linked) responsibility = { lead: linked.lead, support: linked.support, leadInferred: true };
      }
      if (!responsibility && previousGoal && isSibling(previousGoal.item, item, clean.text))
        responsibility = previousGoal.responsibility;
      previousGoal = { item, responsibility };
    } else {
      responsibility = forTopic(departmentsFor(block, item.anchor, departmentsOf), `${block.task}|${item.indicator}`);
    }
    // The task table's row for this very target, unless the text states departments for it.
    const restatedResponsibility = restatedBy.get(item)?.responsibility ?? indicatorRestated.get(item);
    if (restatedResponsibility && (block.isGoals || (departmentsOf.get(block)?.mentions.length ?? 0) === 0))
      responsibility = restatedResponsibility;
    // 以下各项任务均需…负责落实 adds its departments to every task after it.
    const extra = laterSupport
      .filter((mention) => mention.start < item.anchor)
      .flatMap((mention) => mention.appliesToLater);
    targets.push(toTarget(item, block, responsibility, extra, clean));
  }
  targets.forEach((target, index) => {
    target.id = `${city}-${String(index + 1).padStart(targets.length > 99 ? 3 : 2, "0")}`;
  });

  // Line numbers from one list of line starts (a split per warning would be quadratic in the text).
  const lineStarts = unread.length > 0 ? [...raw.matchAll(/\n/g)].map((match) => (match.index ?? 0) + 1) : [];
  for (const sentence of unread) {
    const span = toRawSpan(clean, sentence.start, sentence.end);
    const line = 1 + linesBefore(lineStarts, span.start);
    warnings.push(
      `第${line}行：含年份和数字的句子未识别出目标（dated sentence with numbers not read as a target）：${raw.slice(span.start, Math.min(span.end, span.start + 40))}`,
    );
  }
  if (targets.length === 0) warnings.push("未找到目标：这是一份两新实施方案吗？（no targets found: is this a plan?）");
  return {
    plan: { government: info.government, title: info.title, docNumber: info.docNumber, date: info.date },
    targets,
    ...(facts.length > 0 ? { facts } : {}),
    warnings,
  };
}

/** A situation figure as the catalog keeps it (see Fact). */
function toFact(item: FoundTarget, clean: CleanText): Fact {
  const span = toRawSpan(clean, item.start, item.end);
  return {
    indicator: item.indicator,
    value: item.value ?? 0,
    unit: item.unit ?? "",
    normalizedValue: item.normalizedValue ?? 0,
    year: item.situation?.year ?? null,
    source: { text: clean.rawText.slice(span.start, span.end), start: span.start, end: span.end },
  };
}

/** The year a plan was issued: its 文号's year (云政办〔2024〕7号), else its date's; null when neither. */
function issueYearOf(docNumber: string | null, date: string | null): number | null {
  const written = /[〔[【（]([0-9]{4})[〕\]】）]/.exec(docNumber ?? "")?.[1] ?? /^([0-9]{4})-/.exec(date ?? "")?.[1];
  return written === undefined ? null : Number(written);
}

/**
 * A name cut from the clause; nothing or a bare verb (淘汰) is named after its task instead: the
 * task itself when its title holds the verb (加快淘汰国四…柴油货车 → 淘汰国四…柴油货车).
 */
function indicatorOf(indicator: string, block: Block): string {
  if (block.task === "" || block.isGoals || indicator.length >= 4) return indicator;
  if (indicator === "" || block.task.includes(indicator)) return indicatorName(block.task) || block.task;
  return `${indicator}（${block.task}）`;
}

function toTarget(
  item: FoundTarget,
  block: Block,
  responsibility: Responsibility | null,
  extraSupport: readonly DepartmentName[],
  clean: CleanText,
): Target {
  const span = toRawSpan(clean, item.start, item.end);
  const rawText = clean.rawText.slice(span.start, span.end);
  const support: string[] = [];
  for (const name of [...(responsibility?.support ?? []), ...extraSupport]) {
    if (name.canonical !== responsibility?.lead?.canonical && !support.includes(name.canonical))
      support.push(name.canonical);
  }
  const titles = block.path.map((heading) => heading.title).reverse();
  return {
    id: "",
    section: block.section,
    task: block.isGoals ? "" : block.task,
    indicator: indicatorOf(item.indicator, block),
    domain: targetDomain(item.indicator, titles),
    kind: item.kind,
    comparator: item.comparator,
    value: item.value,
    unit: item.unit,
    normalizedValue: item.normalizedValue,
    baseYear: item.baseYear,
    startYear: item.startYear,
    targetYear: item.targetYear,
    lead: responsibility?.lead?.canonical ?? null,
    support,
    leadOriginal: responsibility?.lead?.original ?? null,
    leadInferred: responsibility?.lead ? responsibility.leadInferred : false,
    source: { text: rawText, start: span.start, end: span.end },
  };
}

/** How many of the sorted line starts are at or before a position (binary search). */
function linesBefore(lineStarts: readonly number[], position: number): number {
  let low = 0;
  let high = lineStarts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (lineStarts[middle] <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}
