/**
 * Columns the round reads and writes by header name — in returned handout files and in the office
 * workbook's 月度填报 — so neither a department's inserted columns nor a new 月度填报 layout moves
 * a figure into the wrong column. The check's mapping (src/core/check/headers.ts) decides the report
 * fields; this adds the round's own (problems, measures, notes, the previous figure).
 */
import { mapReportHeader, REQUIRED_REPORT_FIELDS } from "../check/headers";
import type { ReportField } from "../check/types";

/** Every column the round knows: the check's report fields and the round's text fields. */
export type RoundField = ReportField | "indicator" | "notes" | "problems" | "measures" | "previousValue";

/** Normalised header → field, for headers the check's mapping does not know (本期填报值, 存在问题 …). */
const ROUND_HEADERS: Record<string, RoundField> = {
  本期填报值: "value",
  本月填报值: "value",
  指标: "indicator",
  指标名称: "indicator",
  indicator: "indicator",
  备注: "notes",
  notes: "notes",
  note: "notes",
  remarks: "notes",
  存在问题: "problems",
  问题: "problems",
  problems: "problems",
  issues: "problems",
  下步措施: "measures",
  下一步措施: "measures",
  措施: "measures",
  nextsteps: "measures",
  measures: "measures",
  上期值: "previousValue",
  上期填报值: "previousValue",
  previousvalue: "previousValue",
  lastmonth: "previousValue",
};

function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s_\-.:：*]+/g, "");
}

/**
 * Maps a header row to the round's fields: the check's own mapping first, then the round's text columns.
 * @param cells the header row's cell values
 * @returns field → 0-based column index
 * @example mapRoundHeader(["目标编号", "指标", "期间", "责任单位", "本期填报值", "存在问题"])
 *   // → { targetId: 0, indicator: 1, period: 2, department: 3, value: 4, problems: 5 }
 */
export function mapRoundHeader(cells: ReadonlyArray<unknown>): Partial<Record<RoundField, number>> {
  const columns: Partial<Record<RoundField, number>> = { ...mapReportHeader(cells) };
  cells.forEach((cell, index) => {
    if (typeof cell !== "string") return;
    const text = cell.trim();
    const candidates = [text, ...text.split(/[\n\r/|()（）[\]【】]+/)].map(normalise).filter(Boolean);
    for (const candidate of candidates) {
      const field = ROUND_HEADERS[candidate];
      if (field === undefined) continue;
      if (columns[field] === undefined && !Object.values(columns).includes(index)) columns[field] = index;
      return;
    }
  });
  return columns;
}

/** Rows searched for the header: a department may insert a few rows of its own above it. */
export const ROUND_HEADER_SCAN_ROWS = 40;

export interface RoundHeader {
  /** 0-based index of the header row in the rows given. */
  index: number;
  columns: Partial<Record<RoundField, number>>;
  /** 0-based index of the first data row (after a second-language header row, if any). */
  dataStart: number;
}

/**
 * Finds the report header (期间, 责任单位, 目标编号, 填报值 at least) in a sheet's rows.
 * @param rows a sheet as rows of cell values
 * @returns the header, or null when the sheet has none in its first ROUND_HEADER_SCAN_ROWS rows
 */
export function findRoundHeader(rows: ReadonlyArray<ReadonlyArray<unknown>>): RoundHeader | null {
  const required: readonly ReportField[] = REQUIRED_REPORT_FIELDS;
  const limit = Math.min(rows.length, ROUND_HEADER_SCAN_ROWS);
  for (let index = 0; index < limit; index++) {
    const columns = mapRoundHeader(rows[index] ?? []);
    if (!required.every((field) => columns[field] !== undefined)) continue;
    let dataStart = index + 1;
    while (
      dataStart < rows.length &&
      required.every((field) => mapRoundHeader(rows[dataStart] ?? [])[field] !== undefined)
    )
      dataStart++;
    return { index, columns, dataStart };
  }
  return null;
}
