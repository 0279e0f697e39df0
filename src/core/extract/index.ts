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
import { findResponsibilities, type DepartmentName, type Responsibility, type ResponsibilityMention } from "./responsibility";
import { blockAt, splitBlocks, type Block, type Heading } from "./sections";
import { readResponsibilityTable, type TableRow } from "./table";
import { findTargets, planYears, type FoundTarget } from "./targets";
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
    return { plan: { ...EMPTY_PLAN }, targets: [], warnings: [`提取失败（extraction failed）：${error instanceof Error ? error.message : String(error)}`] };
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
  const years = planYears(clean.text);
  const { targets: found, unread } = findTargets(clean.text, years);

  const departmentsOf = blockDepartmentIndex(blocks, responsibilities, table);
  const laterSupport = responsibilities.filter((mention) => mention.appliesToLater.length > 0);

  // Indicator tables (重点指标表), often in an appendix: each row names its own departments.
  const tableTargets = new Map<FoundTarget, Responsibility | null>();
  for (const { target, departments } of findTableTargets(clean.text, years)) {
    const parsed = departments ? parseResponsibility(departments, info.level) : null;
    tableTargets.set(target, parsed?.lead ? { lead: parsed.lead, support: parsed.support, leadInferred: parsed.leadInferred || parsed.support.length > 0 } : null);
    found.push(target);
  }
  // Document order (milestones of a clause are found after its numbers).
  found.sort((left, right) => left.start - right.start || left.anchor - right.anchor);

  // Whether a block has departments does not depend on the position asked about.
  const linkGoal = createGoalLinker(blocks, clean.text, (candidate) => departmentsFor(candidate, candidate.end, departmentsOf) !== null);
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
    if (block.isGoals) {
      linkedTask = linkGoal(item.indicator);
      if (linkedTask) {
        const linked = departmentsFor(linkedTask, linkedTask.end, departmentsOf);
        if (linked) responsibility = { ...linked, leadInferred: true };
      }
      if (!responsibility && previousGoal && isSibling(previousGoal.item, item, clean.text)) responsibility = previousGoal.responsibility;
      previousGoal = { item, responsibility };
    } else {
      responsibility = departmentsFor(block, item.anchor, departmentsOf);
    }
    // 以下各项任务均需…负责落实 adds its departments to every task after it.
    const extra = laterSupport.filter((mention) => mention.start < item.anchor).flatMap((mention) => mention.appliesToLater);
    targets.push(toTarget(item, block, responsibility, extra, clean));
  }
  targets.forEach((target, index) => {
    target.id = `${city}-${String(index + 1).padStart(targets.length > 99 ? 3 : 2, "0")}`;
  });

  for (const sentence of unread) {
    const span = toRawSpan(clean, sentence.start, sentence.end);
    const line = raw.slice(0, span.start).split("\n").length;
    warnings.push(`第${line}行：含年份和数字的句子未识别出目标（dated sentence with numbers not read as a target）：${raw.slice(span.start, Math.min(span.end, span.start + 40))}`);
  }
  if (targets.length === 0) warnings.push("未找到目标：这是一份两新实施方案吗？（no targets found: is this a plan?）");
  return { plan: { government: info.government, title: info.title, docNumber: info.docNumber, date: info.date }, targets, warnings };
}

/** Departments per block, and the block each heading opens (for enclosing headings). */
type DepartmentIndex = Map<Block, BlockDepartments> & { byHeading: Map<Heading, Block> };

function blockDepartmentIndex(blocks: readonly Block[], mentions: readonly ResponsibilityMention[], table: readonly TableRow[]): DepartmentIndex {
  const index = Object.assign(new Map<Block, BlockDepartments>(), { byHeading: new Map<Heading, Block>() });
  for (const block of blocks) {
    index.set(block, { mentions: [], tableRow: null });
    if (block.path.length > 0) index.byHeading.set(block.path[block.path.length - 1], block);
  }
  for (const mention of mentions) {
    const entry = index.get(blockAt(blocks, mention.start));
    if (entry && (mention.lead !== null || mention.support.length > 0)) entry.mentions.push(mention);
  }
  if (table.length === 0) return index;
  // Table rows map to tasks by title, else by task number when numbers are unique.
  const numbered = blocks.filter((block) => !block.isAppendix && block.path.length > 0 && block.path[block.path.length - 1].number !== null);
  const numbers = numbered.map((block) => block.path[block.path.length - 1].number);
  const numbersUnique = new Set(numbers).size === numbers.length;
  const bare = (title: string): string => title.replace(/[^\u4e00-\u9fff0-9A-Za-z]/g, "");
  const rowTitles = table.map((row) => bare(row.title));
  const sameTask = (rowTitle: string, title: string): boolean =>
    rowTitle !== "" && (rowTitle === title || (title.length >= 4 && rowTitle.length >= 4 && (title.includes(rowTitle) || rowTitle.includes(title))));
  for (const block of blocks) {
    if (block.isAppendix || block.task === "") continue;
    const title = bare(block.task);
    const rowIndex = rowTitles.findIndex((rowTitle) => sameTask(rowTitle, title));
    let row = rowIndex >= 0 ? table[rowIndex] : undefined;
    const number = block.path[block.path.length - 1].number;
    if (!row && numbersUnique && number !== null) row = table.find((candidate) => candidate.number === number);
    const entry = index.get(block);
    if (entry && row) entry.tableRow = row;
  }
  return index;
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
    if (own.tableRow) return own.tableRow.responsibility;
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
  return between === "，" && previous.kind === "share" && item.kind === "share" && field !== "综合" && domainOf([previous.indicator]) === field;
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

function toTarget(item: FoundTarget, block: Block, responsibility: Responsibility | null, extraSupport: readonly DepartmentName[], clean: CleanText): Target {
  const span = toRawSpan(clean, item.start, item.end);
  const rawText = clean.rawText.slice(span.start, span.end);
  const support: string[] = [];
  for (const name of [...(responsibility?.support ?? []), ...extraSupport]) {
    if (name.canonical !== responsibility?.lead?.canonical && !support.includes(name.canonical)) support.push(name.canonical);
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
