/**
 * The workbook layer: the neutral sheet model, the renderer that turns the sheet definitions
 * (templates/) and a catalog into it, A1 helpers, and what a reload needs (merge, id reconciliation,
 * the saved workbook state). Hosts (src/office, src/xlsx, src/cli) import this index only.
 */
import type { RenderedSheet, SheetKey } from "./model";

export * from "./model";
export { renderWorkbook, departmentsOf } from "./render";
export { columnLetter, columnIndex, cellRef, quoteSheet, absoluteRange, parseCell } from "./a1";
export * from "./merge";
export * from "./reconcile";
export * from "./workbookState";
export * from "./chunks";
export {
  SHEET_TEMPLATES,
  TOLERANCE_CELL,
  TRAJECTORY_YEARS,
  DEFAULT_REPORT_ROWS,
  KIND_LABELS,
  BASIS_LABELS,
  MISSING_BASELINE,
  KEPT_TARGET_LABEL,
  EXAMPLE_LABEL,
  inputColumnsOf,
} from "../../templates";
export { renderHandout, HANDOUT_SHEET, HANDOUT_HEADER_ROW } from "../../templates/handout";
export type { HandoutInput, PreviousFigure, RenderedHandout } from "../../templates/handout";

/** Finds a rendered sheet by key. */
export function sheetByKey(sheets: readonly RenderedSheet[], key: SheetKey): RenderedSheet {
  const sheet = sheets.find((candidate) => candidate.key === key);
  if (!sheet) throw new Error(`sheetByKey: no sheet ${key}`);
  return sheet;
}
