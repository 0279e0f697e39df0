/** Baselines (the 2023 figures) from a baselines table or the 目标总表 sheet. */
import type { Locale } from "../i18n";
import { readNumberCell, readTextCell } from "./cells";
import { findBaselineHeader } from "./headers";
import { issueReason } from "./issues";
import type { ReportTable, RowIssue } from "./types";

export interface BaselineReadResult {
  /** Target id → baseline, in the target's base unit. */
  baselines: Map<string, number>;
  /** Rows whose baseline could not be read (text, negative, conflicting), and tables without the columns. */
  errors: RowIssue[];
}

/**
 * Reads baselines from tables with a target id column (目标编号/id) and a baseline column
 * (基期值/baseline). Blank baselines are skipped (the target is then reported as missing one
 * when a row needs it); the same id twice with different values is an error.
 * @param tables baseline tables (header row included)
 * @param locale language of the reasons
 * @returns the baselines by target id and the rows that could not be read
 * @example readBaselines([{ file: "b.csv", rows: [["目标编号", "基期值"], ["南平-01", 120]] }]).baselines.get("南平-01") // → 120
 */
export function readBaselines(tables: readonly ReportTable[], locale: Locale = "zh-CN"): BaselineReadResult {
  const baselines = new Map<string, number>();
  const firstSeen = new Map<string, { file: string; row: number }>();
  const errors: RowIssue[] = [];
  for (const table of tables) {
    const firstRowNumber = table.firstRowNumber ?? 1;
    const header = findBaselineHeader(table.rows);
    if ("ambiguous" in header) {
      for (const { field, headers } of header.ambiguous)
        errors.push({
          file: table.file,
          row: 0,
          code: "ambiguousColumns",
          reason: issueReason(
            "ambiguousColumns",
            {
              field: field === "targetId" ? "目标编号" : "基期值",
              columns: headers.map((text) => `“${text}”`).join("、"),
            },
            locale,
          ),
        });
      continue;
    }
    if ("missing" in header) {
      const columns = header.missing.map((field) => (field === "targetId" ? "目标编号" : "基期值")).join("、");
      errors.push({
        file: table.file,
        row: 0,
        code: "missingColumns",
        reason: issueReason("missingColumns", { columns }, locale),
      });
      continue;
    }
    const idColumn = header.columns.targetId as number;
    const baselineColumn = header.columns.baseline as number;
    for (let index = header.dataStart; index < table.rows.length; index++) {
      const cells = table.rows[index];
      const targetId = readTextCell(cells[idColumn]);
      if (!targetId) continue;
      const row = firstRowNumber + index;
      const cell = readNumberCell(cells[baselineColumn]);
      if (cell.kind === "blank") continue;
      if (cell.kind === "text" || cell.value < 0) {
        const text = cell.kind === "text" ? cell.text : String(cell.value);
        errors.push({
          file: table.file,
          row,
          code: "badBaseline",
          reason: issueReason("badBaseline", { text }, locale),
        });
        continue;
      }
      const previous = baselines.get(targetId);
      if (previous !== undefined && previous !== cell.value) {
        const other = firstSeen.get(targetId) as { file: string; row: number };
        const detail = { targetId, otherFile: other.file, otherRow: other.row };
        errors.push({
          file: table.file,
          row,
          code: "conflictingBaseline",
          reason: issueReason("conflictingBaseline", detail, locale),
        });
        continue;
      }
      baselines.set(targetId, cell.value);
      if (!firstSeen.has(targetId)) firstSeen.set(targetId, { file: table.file, row });
    }
  }
  return { baselines, errors };
}
