/**
 * Appendix responsibility tables (责任分工表): rows of 序号 | 重点任务 | 具体任务 | 责任单位,
 * tab-separated in text exports. Each row maps a task number and title to its departments.
 */
import type { GovernmentLevel } from "../departments";
import { parseResponsibility, splitTopLevel, type Responsibility } from "./responsibility";

export interface TableRow {
  /** 序号 of the row (the task number in the body). */
  number: number;
  /** 具体任务: the task title ("" when the row has none). */
  title: string;
  /** Departments of the row; a table names no lead, so the first is taken (inferred). */
  responsibility: Responsibility;
}

const DEPARTMENT_CELL = /^(?:市|省|县|区)?[\u4e00-\u9fff（）]{2,30}(?:局|委|办|办公室|中心|公司|社|行|分行|队|海关|管委会|院|政府|厅|室|部)(?:牵头)?(?:[、，,]|$)/;

/**
 * Reads tab-separated rows whose first cell is a number and whose last cell lists departments.
 * @param text - cleaned plan text
 * @param level - government level, for canonical names
 * @returns rows in text order
 * @example
 * readResponsibilityTable("1\t加快技术改造\t市发展改革委、工业和信息化局", "city")[0].responsibility.lead?.canonical
 * // → "市发展改革委"
 */
export function readResponsibilityTable(text: string, level: GovernmentLevel): TableRow[] {
  const rows: TableRow[] = [];
  let inIndicatorTable = false;
  for (const line of text.split("\n")) {
    if (!line.includes("\t")) {
      inIndicatorTable = false;
      continue;
    }
    const cells = line.split("\t").map((cell) => cell.trim()).filter((cell) => cell.length > 0);
    // A 重点指标表 (指标 … 2027年目标 … 责任单位) numbers indicators, not tasks: its rows are read as targets.
    if (cells.some((cell) => /指标/.test(cell)) && cells.some((cell) => /目标/.test(cell))) inIndicatorTable = true;
    if (inIndicatorTable) continue;
    if (cells.length < 2 || !/^[0-9]{1,3}$/.test(cells[0])) continue;
    const departments = cells[cells.length - 1];
    if (!DEPARTMENT_CELL.test(splitTopLevel(departments, /[、，,]/)[0] + "、")) continue;
    const parsed = parseResponsibility(departments, level);
    if (!parsed.lead) continue;
    rows.push({
      number: Number(cells[0]),
      title: cells.length >= 3 ? cells[cells.length - 2] : "",
      responsibility: { lead: parsed.lead, support: parsed.support, leadInferred: parsed.leadInferred || parsed.support.length > 0 },
    });
  }
  return rows;
}
