/**
 * Department attribution: which statement, table row or enclosing heading names the departments
 * of a position in the plan. Statements in a block (brackets, 责任单位： lines) come first, a
 * closing statement covers its section, a task table row fills a task with no statement, and an
 * enclosing heading's statement covers its children.
 */
import { specificBigrams } from "../../bigrams";
import { blockAt, type Block, type Heading } from "../sections";
import type { Responsibility, ResponsibilityMention } from "./statements";
import type { TableRow } from "./table";

/** Departments responsible for one block, with where each statement stands. */
export interface BlockDepartments {
  mentions: ResponsibilityMention[];
  tableRow: TableRow | null;
}

/** Departments per block, and the block each heading opens (for enclosing headings). */
export type DepartmentIndex = Map<Block, BlockDepartments> & { byHeading: Map<Heading, Block> };

/**
 * How well a table row's name fits a task title, from their specific two-character words (推进,
 * 设备, 更新 … dropped): the share of the row's words the title has, plus a tenth of their Dice
 * overlap to prefer the closer title (医疗设备更新 fits 推进医疗卫生设备更新 better than 教育、医疗
 * 和文旅设备更新行动). 0 when they share no word.
 */
function nameFit(rowTitle: string, taskTitle: string): number {
  const row = specificBigrams(rowTitle);
  const task = specificBigrams(taskTitle);
  let shared = 0;
  for (const pair of row.keys()) if (task.has(pair)) shared++;
  if (shared === 0) return 0;
  return shared / row.size + (0.1 * 2 * shared) / (row.size + task.size);
}

/**
 * Which task each table row belongs to: the task whose target the row restates; else the task
 * whose title fits the row's name best (see nameFit); else, only when some rows matched by name
 * and the table's numbers agree with the tasks' wherever they did, the task of the same number. Several rows may belong to one task; a task takes its first row's departments.
 */
export function blockDepartmentIndex(
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
  // A table none of whose rows matches a task by name (an indicator table) is never attached by number.
  const numbersAgree = assigned.size > 0 && [...assigned].every(([row, block]) => row.number === numberOf(block));
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
export function forTopic(responsibility: Responsibility | null, words: string): Responsibility | null {
  const topics = (responsibility as ResponsibilityMention | null)?.topics;
  if (!topics || topics.length === 0) return responsibility;
  const item = specificBigrams(words);
  let best = topics[0];
  let bestShared = 0;
  for (const topic of topics) {
    let shared = 0;
    for (const pair of specificBigrams(topic.topic).keys()) if (item.has(pair)) shared++;
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
export function departmentsFor(block: Block, position: number, index: DepartmentIndex): Responsibility | null {
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
