/**
 * The plan extractor: turns the decoded text of one 两新 plan into a catalog of targets.
 * Pure and total: whatever the input, it returns a catalog (problems go to `warnings`).
 *
 * Pipeline: normalise text (offsets kept) → plan particulars → heading blocks → departments
 * (brackets, 以下…均需… sentences, appendix 责任分工表) → targets and milestones → indicator,
 * domain, department and id for each.
 */
import type { Catalog, Target } from "../catalog";
import { readPlanInfo } from "./planInfo";
import {
  findResponsibilities,
  type DepartmentName,
  type Responsibility,
  type ResponsibilityMention,
} from "./responsibility";
import { blockAt, splitBlocks, type Block, type Heading } from "./sections";
import { readResponsibilityTable, type TableRow } from "./table";
import { findTargets, findTargetsIn, planYears, type FoundTarget } from "./targets";
import { findTableTargets } from "./indicatorTable";
import { parseResponsibility } from "./responsibility";
import { normalizePlanText, toRawSpan, type CleanText } from "./text";
import { domainOf, indicatorName, targetDomain } from "./naming";
import { createGoalLinker } from "./linking";

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

/** Departments responsible for one block, with where each statement stands. */
interface BlockDepartments {
  mentions: ResponsibilityMention[];
  tableRow: TableRow | null;
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
  const { targets: found, unread } = findTargets(clean.text, years);

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

  for (const sentence of unread) {
    const span = toRawSpan(clean, sentence.start, sentence.end);
    const line = raw.slice(0, span.start).split("\n").length;
    warnings.push(
      `第${line}行：含年份和数字的句子未识别出目标（dated sentence with numbers not read as a target）：${raw.slice(span.start, Math.min(span.end, span.start + 40))}`,
    );
  }
  if (targets.length === 0) warnings.push("未找到目标：这是一份两新实施方案吗？（no targets found: is this a plan?）");
  return {
    plan: { government: info.government, title: info.title, docNumber: info.docNumber, date: info.date },
    targets,
    warnings,
  };
}

/** The year a plan was issued: its 文号's year (云政办〔2024〕7号), else its date's; null when neither. */
function issueYearOf(docNumber: string | null, date: string | null): number | null {
  const written = /[〔[【（]([0-9]{4})[〕\]】）]/.exec(docNumber ?? "")?.[1] ?? /^([0-9]{4})-/.exec(date ?? "")?.[1];
  return written === undefined ? null : Number(written);
}

/** Departments per block, and the block each heading opens (for enclosing headings). */
type DepartmentIndex = Map<Block, BlockDepartments> & { byHeading: Map<Heading, Block> };

/**
 * The body target a task table's goal restates: the same milestone, or the same number and unit,
 * said in words that share at least a third of the table phrase's two-character words (half for a
 * milestone). Each body target is restated at most once.
 * @param sameValue - body targets with the goal's number and unit (or every body milestone)
 * @param words - the table's words for the goal (default: its source span; an indicator-table
 *   row passes its indicator, as the row's other cells are numbers and departments)
 */
function bodyStatementOf(
  goal: FoundTarget,
  sameValue: readonly FoundTarget[],
  taken: ReadonlyMap<FoundTarget, unknown>,
  text: string,
  words: string = text.slice(goal.start, goal.end),
): FoundTarget | null {
  const phrase = bigrams(words);
  let best: FoundTarget | null = null;
  let bestShare = goal.kind === "milestone" ? 0.5 : 1 / 3;
  for (const candidate of sameValue) {
    if (taken.has(candidate)) continue;
    const stated = bigrams(text.slice(candidate.start, candidate.end));
    let shared = 0;
    for (const pair of phrase) if (stated.has(pair)) shared++;
    const share = phrase.size === 0 ? 0 : shared / phrase.size;
    if (share >= bestShare) {
      best = candidate;
      bestShare = share;
    }
  }
  return best;
}

/** What a restatement must repeat: the milestone-ness, or the number and unit. */
function statedKey(item: FoundTarget): string {
  return item.kind === "milestone" ? "milestone" : `${item.value ?? ""}|${item.unit ?? ""}`;
}

/** Two-character words of each run of Chinese in a text. */
function bigrams(text: string): Set<string> {
  const pairs = new Set<string>();
  for (const [run] of text.matchAll(/[\u4e00-\u9fff]+/g)) {
    for (let index = 0; index + 1 < run.length; index++) pairs.add(run.slice(index, index + 2));
  }
  return pairs;
}

// Words every task name has: they say nothing about which task a row is.
const GENERIC_TASK_WORDS =
  /推进|推动|加快|实施|开展|加强|支持|促进|完善|健全|发展|设备|更新|行动|领域|工作|提升|全面|[和及与的]/g;

/**
 * How well a table row's name fits a task title, from their specific two-character words (推进,
 * 设备, 更新 … dropped): the share of the row's words the title has, plus a tenth of their Dice
 * overlap to prefer the closer title (医疗设备更新 fits 推进医疗卫生设备更新 better than 教育、医疗
 * 和文旅设备更新行动). 0 when they share no word.
 */
function nameFit(rowTitle: string, taskTitle: string): number {
  const row = bigrams(rowTitle.replace(GENERIC_TASK_WORDS, "|"));
  const task = bigrams(taskTitle.replace(GENERIC_TASK_WORDS, "|"));
  let shared = 0;
  for (const pair of row) if (task.has(pair)) shared++;
  if (shared === 0) return 0;
  return shared / row.size + (0.1 * 2 * shared) / (row.size + task.size);
}

/**
 * Which task each table row belongs to: the task whose target the row restates; else the task
 * whose title fits the row's name best (see nameFit); else,
 * only when the table's numbers agree with the tasks' wherever names matched, the task of the same
 * number. Several rows may belong to one task; a task takes its first row's departments.
 */
function blockDepartmentIndex(
  blocks: readonly Block[],
  mentions: readonly ResponsibilityMention[],
  table: readonly TableRow[],
  rowBlocks: ReadonlyMap<TableRow, Block>,
  text: string,
): DepartmentIndex {
  const index = Object.assign(new Map<Block, BlockDepartments>(), { byHeading: new Map<Heading, Block>() });
  for (const block of blocks) {
    index.set(block, { mentions: [], tableRow: null });
    if (block.path.length > 0) index.byHeading.set(block.path[block.path.length - 1], block);
  }
  for (const mention of mentions) {
    const entry = index.get(blockAt(blocks, mention.start));
    if (entry && (mention.lead !== null || mention.support.length > 0)) entry.mentions.push(mention);
  }
  promoteClosingStatements(blocks, index, text);
  const rows = table.filter((row) => row.responsibility !== null);
  if (rows.length === 0) return index;
  const tasks = blocks.filter((block) => !block.isAppendix && !block.isGoals && block.task !== "");
  const numberOf = (block: Block): number | null => block.path[block.path.length - 1].number;
  const assigned = new Map<TableRow, Block>();
  for (const row of rows) {
    const restated = rowBlocks.get(row);
    if (restated) {
      assigned.set(row, restated);
      continue;
    }
    let best: Block | null = null;
    // At least half the row's specific words.
    let bestScore = 0.5;
    for (const block of tasks) {
      for (const rowTitle of row.titles) {
        // Ties go to the deeper heading: a task rather than the part that groups it.
        const score = nameFit(rowTitle, block.task) + 0.001 * block.path.length;
        if (score > bestScore) {
          best = block;
          bestScore = score;
        }
      }
    }
    if (best) assigned.set(row, best);
  }
  // Numbers are a fallback only where they have not been seen to disagree with names.
  const numbersAgree = [...assigned].every(([row, block]) => row.number === numberOf(block));
  const numbered = tasks.filter((block) => numberOf(block) !== null);
  const numbersUnique = new Set(numbered.map(numberOf)).size === numbered.length;
  if (numbersAgree && numbersUnique) {
    for (const row of rows) {
      if (assigned.has(row) || row.number === null) continue;
      const block = numbered.find((candidate) => numberOf(candidate) === row.number);
      if (block && ![...assigned.values()].includes(block)) assigned.set(row, block);
    }
  }
  for (const [row, block] of assigned) {
    const entry = index.get(block);
    if (entry && !entry.tableRow) entry.tableRow = row;
  }
  return index;
}

/**
 * A statement that closes a section (本行动由市工信局牵头，…按职责分工负责。 or 责任单位：X、Y on a line of
 * its own after the last numbered item, before the next heading of the section's level or higher)
 * covers the whole section: it is moved from the last item's block to the section heading's, so
 * every item without a statement of its own has it (see departmentsFor).
 */
function promoteClosingStatements(blocks: readonly Block[], index: DepartmentIndex, text: string): void {
  blocks.forEach((block, blockIndex) => {
    const entry = index.get(block);
    const closing = entry?.mentions[entry.mentions.length - 1];
    if (!entry || !closing || block.path.length < 2 || block.isAppendix || block.isGoals) return;
    const parent = block.path[block.path.length - 2];
    const next = blocks[blockIndex + 1];
    const nextHeading = next?.path[next.path.length - 1];
    if (nextHeading && next.path.length > 0 && nextHeading.rank > parent.rank && !next.isAppendix) return;
    // A paragraph of its own, after the item's text, with nothing after it in the block.
    const ownLine = closing.start > block.start && text[closing.start - 1] === "\n";
    if (!ownLine || text.slice(closing.end, block.end).replace(/[。；\s]/g, "") !== "") return;
    const parentEntry = index.get(index.byHeading.get(parent) as Block);
    if (!parentEntry) return;
    entry.mentions.pop();
    parentEntry.mentions.push(closing);
  });
}

/**
 * A split statement's departments for one item: the topic sharing most specific two-character
 * words (设备, 更新 … dropped) with the item's task title and indicator, else the first topic.
 * @param words - the item's task title and indicator
 */
function forTopic(responsibility: Responsibility | null, words: string): Responsibility | null {
  const topics = (responsibility as ResponsibilityMention | null)?.topics;
  if (!topics || topics.length === 0) return responsibility;
  const item = bigrams(words.replace(GENERIC_TASK_WORDS, "|"));
  let best = topics[0];
  let bestShared = 0;
  for (const topic of topics) {
    let shared = 0;
    for (const pair of bigrams(topic.topic.replace(GENERIC_TASK_WORDS, "|"))) if (item.has(pair)) shared++;
    if (shared > bestShared) {
      best = topic;
      bestShared = shared;
    }
  }
  return { lead: best.lead, support: best.support, leadInferred: best.leadInferred };
}

/**
 * Departments for a position in a block: the first statement after it in the block (plans put
 * the bracket at the end of the task), else the last before it, else the table row, else the
 * nearest enclosing heading's.
 */
function departmentsFor(block: Block, position: number, index: DepartmentIndex): Responsibility | null {
  const own = index.get(block);
  if (own) {
    const after = own.mentions.find((mention) => mention.end > position);
    const chosen = after ?? own.mentions[own.mentions.length - 1];
    if (chosen) return chosen;
    if (own.tableRow?.responsibility) return own.tableRow.responsibility;
  }
  // An enclosing heading's statement covers its children that have none.
  for (let depth = block.path.length - 2; depth >= 0; depth--) {
    const outer = index.byHeading.get(block.path[depth]);
    const entry = outer ? index.get(outer) : undefined;
    if (entry && entry.mentions.length > 0) return entry.mentions[entry.mentions.length - 1];
  }
  return null;
}

/**
 * Whether two goals were stated together: one 分别 phrase (same clause span), items of one list
 * (数字化研发设计工具普及率达到85%、关键工序数控化率达到65%), or the next phrase stating another rate
 * of the same field (…普及率超过90%，关键工序数控化率超过75%). Consecutive growth goals (报废汽车
 * 回收量…，二手车交易量…) are separate headline goals with departments of their own: not siblings.
 */
function isSibling(previous: FoundTarget, item: FoundTarget, text: string): boolean {
  if (previous.start === item.start && previous.end === item.end) return true;
  if (item.start < previous.end) return false;
  const between = text.slice(previous.end, item.start);
  if (/^[、和及]?$/.test(between)) return true;
  const field = domainOf([item.indicator]);
  return (
    between === "，" &&
    previous.kind === "share" &&
    item.kind === "share" &&
    field !== "综合" &&
    domainOf([previous.indicator]) === field
  );
}

/**
 * Whether an outcome with no field of its own (拉动消费8亿元以上) continues the goal stated just before
 * it in the same clause (…家电以旧换新2.5万台（套）以上，拉动消费8亿元以上): it is that goal's outcome,
 * so it has that goal's departments rather than those of a task sharing a common word (消费).
 * Investment totals are linked on their own (to the task opening the equipment part).
 */
function continuesGoal(previous: FoundTarget, item: FoundTarget, text: string): boolean {
  if (item.start < previous.end || text.slice(previous.end, item.start) !== "，") return false;
  return /^(?:拉动|带动)/.test(item.indicator) && domainOf([item.indicator]) === "综合" && !/投资/.test(item.indicator);
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
