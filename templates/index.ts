/**
 * The sheet templates: one declarative definition per sheet, rendered to the neutral model
 * (templates/model.ts) that the add-in's sheet builder and the .xlsx writer both write.
 */
export * from "./model";
export { renderWorkbook, departmentsOf, SHEET_TEMPLATES } from "./render";
export { columnLetter, columnIndex, cellRef, quoteSheet, absoluteRange, parseCell } from "./a1";
export { TOLERANCE_CELL } from "./guide";
export { TRAJECTORY_YEARS } from "./trajectory";
export { DEFAULT_REPORT_ROWS } from "./reports";
export { KIND_LABELS, BASIS_LABELS, MISSING_BASELINE, KEPT_TARGET_LABEL, EXAMPLE_LABEL } from "./labels";

import type { RenderedSheet, SheetKey } from "./model";
import { SHEET_TEMPLATES } from "./render";

/**
 * The input columns of a sheet's table (user-typed; never overwritten on reload), by key and header,
 * so a reload can read them back by header and re-place them by row key (target id).
 */
export function inputColumnsOf(sheet: SheetKey): ReadonlyArray<{ key: string; header: string; headerEn: string }> {
  const table = SHEET_TEMPLATES[sheet].table;
  return (table?.columns ?? [])
    .filter((column) => column.role === "input")
    .map(({ key, header, headerEn }) => ({ key, header, headerEn }));
}

/** Finds a rendered sheet by key. */
export function sheetByKey(sheets: readonly RenderedSheet[], key: SheetKey): RenderedSheet {
  const sheet = sheets.find((candidate) => candidate.key === key);
  if (!sheet) throw new Error(`sheetByKey: no sheet ${key}`);
  return sheet;
}
