/**
 * Appendix task tables (重点任务清单 / 任务分工表 / 责任分工表), tab-separated in text exports:
 *
 *   序号	重点任务	工作目标	牵头单位	配合单位	完成时限
 *   3	重点用能设备能效提升	新增高效节能变压器1000台以上	市发改委	市经信局、市市场监管局	2025年底
 *
 * The header names the columns, so they are read by name wherever they stand: the task's name
 * (重点任务, 具体任务 …), its goal (工作目标), its lead (牵头单位), its other departments (配合单位,
 * or 责任单位 where no lead column exists) and its deadline (完成时限). A table without such a
 * header is read the old way: a number first, the departments last. Indicator tables (指标 …
 * 目标) are read by indicatorTable.ts; project lists (项目名称 …) name no task and are skipped.
 */
import type { GovernmentLevel } from "../../departments";
import { parseResponsibility, splitTopLevel, type DepartmentName, type Responsibility } from "./statements";
import { scanYears } from "../years";
import { lineSpans, tabCells } from "../text";

export interface TableRow {
  /** 序号 of the row; null where the table has no number column. */
  number: number | null;
  /** The most specific task name of the row (具体任务 before 重点任务); "" when none. */
  title: string;
  /** Every task-name cell of the row (重点任务, 具体任务 …), for matching body tasks by name. */
  titles: string[];
  /** Departments of the row; null when its department cells are empty. */
  responsibility: Responsibility | null;
  /** Clean-text span of the 工作目标 cell, or null where the table has none. */
  goal: { start: number; end: number } | null;
  /** Year of the 完成时限 cell (2025年底 → 2025), else null. */
  deadlineYear: number | null;
}

interface TaskColumns {
  number: number;
  titles: number[];
  goal: number;
  lead: number;
  support: number[];
  /** 责任单位 where no lead column exists: a list whose first (or （牵头）) department leads. */
  responsible: number;
  deadline: number;
}

const NUMBER_HEADER = /^(?:序号|编号)$/;
// Ordered from the broad to the specific: the last non-empty one is the row's title.
const TITLE_HEADERS = [
  /^(?:重点任务|主要任务|重点工作|任务类别|重点领域|领域|行动)$/,
  /^(?:具体任务|工作任务|任务名称|任务事项|工作事项|重点事项|任务|事项|工作内容|任务内容|主要内容)$/,
];
const GOAL_HEADER = /^(?:工作目标|主要目标|任务目标|具体目标|预期目标|目标要求|工作目标及要求|目标)$/;
const LEAD_HEADER = /^(?:牵头单位|牵头部门|牵头责任单位|牵头)$/;
const SUPPORT_HEADER = /^(?:配合单位|配合部门|参与单位|协办单位|协同单位|责任单位|责任部门)$/;
const RESPONSIBLE_HEADER = /^(?:责任单位|责任部门|主要责任单位|实施单位|承办单位)$/;
const DEADLINE_HEADER = /^(?:完成时限|完成时间|时间节点|时限|完成期限|时间安排|进度安排|完成时限要求)$/;
/** A list of projects (梧溪县…技改项目 | 建设内容及规模 | 总投资): not tasks of the plan. */
const PROJECT_HEADER = /项目名称|建设内容|总投资/;

const DEPARTMENT_CELL =
  /^(?:市|省|县|区)?[\u4e00-\u9fff（）]{2,30}(?:局|委|办|办公室|中心|公司|社|行|分行|队|海关|管委会|院|政府|厅|室|部)(?:（牵头）|牵头)?(?:[、，,]|$)/;

/** Columns of a task table's header, or null when the line is no such header. */
function readTaskHeader(cells: readonly string[]): TaskColumns | "other" | null {
  const find = (pattern: RegExp): number => cells.findIndex((cell) => pattern.test(cell));
  const lead = find(LEAD_HEADER);
  const number = find(NUMBER_HEADER);
  const titles = TITLE_HEADERS.map(find).filter((index) => index >= 0);
  const goal = find(GOAL_HEADER);
  const responsible = lead < 0 ? find(RESPONSIBLE_HEADER) : -1;
  const support =
    lead >= 0 ? cells.map((cell, index) => (SUPPORT_HEADER.test(cell) ? index : -1)).filter((index) => index >= 0) : [];
  const named = [lead, number, goal, responsible, ...titles, ...support].filter((index) => index >= 0).length;
  if (named < 2) return null;
  if (cells.some((cell) => PROJECT_HEADER.test(cell))) return "other";
  if (lead < 0 && responsible < 0) return "other";
  if (titles.length === 0 && goal < 0 && number < 0) return "other";
  return { number, titles, goal, lead, support, responsible, deadline: find(DEADLINE_HEADER) };
}

function namesOf(cell: string, level: GovernmentLevel): DepartmentName[] {
  if (cell === "" || /^[—\-－/无]+$/.test(cell)) return [];
  const parsed = parseResponsibility(cell, level);
  return parsed.lead ? [parsed.lead, ...parsed.support] : [];
}

/** A row's departments by column: the 牵头单位 cell leads (named), the others support. */
function rowResponsibility(
  cells: ReadonlyArray<{ text: string }>,
  columns: TaskColumns,
  level: GovernmentLevel,
): Responsibility | null {
  const cell = (index: number): string => (index >= 0 ? (cells[index]?.text ?? "") : "");
  if (columns.lead >= 0) {
    const leads = namesOf(cell(columns.lead), level);
    const support = columns.support.flatMap((index) => namesOf(cell(index), level));
    if (leads.length === 0)
      return support.length > 0 ? { lead: support[0], support: support.slice(1), leadInferred: true } : null;
    return { lead: leads[0], support: [...leads.slice(1), ...support], leadInferred: false };
  }
  const text = cell(columns.responsible);
  if (text === "") return null;
  const parsed = parseResponsibility(text, level);
  if (!parsed.lead) return null;
  // 市经信局（牵头）、市财政局 names its lead; a bare list's first department is only taken as lead.
  return {
    lead: parsed.lead,
    support: parsed.support,
    leadInferred: parsed.leadInferred || (!/牵头/.test(text) && parsed.support.length > 0),
  };
}

/**
 * Reads the rows of every task table in cleaned plan text: by header name where the table has a
 * header (序号 | 重点任务 | 工作目标 | 牵头单位 | 配合单位 | 完成时限, in any order), else rows whose
 * first cell is a number and whose last cell lists departments.
 * @param text - cleaned plan text
 * @param level - government level, for canonical names
 * @returns rows in text order
 * @example
 * readResponsibilityTable("1\t加快技术改造\t市发展改革委、工业和信息化局", "city")[0].responsibility?.lead?.canonical
 * // → "市发展改革委"
 */
export function readResponsibilityTable(text: string, level: GovernmentLevel): TableRow[] {
  const rows: TableRow[] = [];
  // The current table: its header's columns, "other" for a table this reader leaves alone, or
  // null for a table without a header (read the old way).
  let columns: TaskColumns | "other" | null = null;
  for (const { start: lineStart, end: lineEnd } of lineSpans(text)) {
    const line = text.slice(lineStart, lineEnd);
    if (!line.includes("\t")) {
      columns = null;
    } else {
      const cells = tabCells(line);
      const texts = cells.map((cell) => cell.text);
      const nonEmpty = texts.filter((cell) => cell.length > 0);
      // A 重点指标表 (指标 … 2027年目标 … 责任单位) numbers indicators, not tasks: its rows are read as targets.
      if (nonEmpty.some((cell) => /指标/.test(cell)) && nonEmpty.some((cell) => /目标/.test(cell))) columns = "other";
      else if (!/^[0-9]{1,3}$/.test(nonEmpty[0] ?? "")) columns = readTaskHeader(texts) ?? columns;
      else if (columns !== "other") {
        const row = columns ? readRow(cells, columns, lineStart, level) : readBareRow(nonEmpty, level);
        if (row) rows.push(row);
      }
    }
  }
  return rows;
}

function readRow(
  cells: ReadonlyArray<{ text: string; start: number }>,
  columns: TaskColumns,
  lineStart: number,
  level: GovernmentLevel,
): TableRow | null {
  const numberCell = columns.number >= 0 ? (cells[columns.number]?.text ?? "") : "";
  // A section row (一、重点任务) in a numbered table is not a task.
  if (columns.number >= 0 && !/^[0-9]{1,3}$/.test(numberCell)) return null;
  const titles = columns.titles.map((index) => cells[index]?.text ?? "").filter((title) => title.length > 0);
  const goalCell = columns.goal >= 0 ? cells[columns.goal] : undefined;
  const goal =
    goalCell && goalCell.text !== ""
      ? { start: lineStart + goalCell.start, end: lineStart + goalCell.start + goalCell.text.length }
      : null;
  const deadlineCell = columns.deadline >= 0 ? (cells[columns.deadline]?.text ?? "") : "";
  const deadlines = scanYears(deadlineCell).filter((year) => year.role === "deadline");
  const responsibility = rowResponsibility(cells, columns, level);
  if (!responsibility && !goal) return null;
  return {
    number: numberCell === "" ? null : Number(numberCell),
    title: titles.length > 0 ? titles[titles.length - 1] : "",
    titles,
    responsibility,
    goal,
    deadlineYear: deadlines.length > 0 ? deadlines[deadlines.length - 1].year : null,
  };
}

/** A row of a table with no header: 序号 first, departments last, the task name before them. */
function readBareRow(cells: readonly string[], level: GovernmentLevel): TableRow | null {
  if (cells.length < 2) return null;
  const departments = cells[cells.length - 1];
  if (!DEPARTMENT_CELL.test(splitTopLevel(departments, /[、，,]/)[0] + "、")) return null;
  const parsed = parseResponsibility(departments, level);
  if (!parsed.lead) return null;
  const title = cells.length >= 3 ? cells[cells.length - 2] : "";
  return {
    number: Number(cells[0]),
    title,
    titles: title ? [title] : [],
    responsibility: {
      lead: parsed.lead,
      support: parsed.support,
      leadInferred: parsed.leadInferred || parsed.support.length > 0,
    },
    goal: null,
    deadlineYear: null,
  };
}
