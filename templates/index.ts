/**
 * The sheet definitions: one declarative file per sheet. They depend on the workbook layer
 * (src/workbook) only for its model types, A1 helpers and formula builders; the layer's renderer
 * reads this registry. Hosts import src/workbook, never this folder directly.
 */
import type { SheetKey, SheetTemplate } from "../src/workbook/model";
import { budgetSheet } from "./budget";
import { departmentsSheet } from "./departments";
import { guideSheet } from "./guide";
import { reportsSheet } from "./reports";
import { targetsSheet } from "./targets";
import { trajectorySheet } from "./trajectory";

export { TOLERANCE_CELL } from "./guide";
export { TRAJECTORY_YEARS } from "./trajectory";
export { DEFAULT_REPORT_ROWS, reportRowsFor } from "./reports";
export { KIND_LABELS, BASIS_LABELS, MISSING_BASELINE, KEPT_TARGET_LABEL, EXAMPLE_LABEL } from "./labels";

/** Every sheet definition, by key (one definition for the add-in and the .xlsx writer). */
export const SHEET_TEMPLATES: Readonly<Record<SheetKey, SheetTemplate>> = {
  guide: guideSheet,
  targets: targetsSheet,
  trajectory: trajectorySheet,
  reports: reportsSheet,
  departments: departmentsSheet,
  budget: budgetSheet,
};

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
