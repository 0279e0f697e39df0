/** Reading report and baseline sheets from .xlsx files with exceljs. */
import * as fs from "fs";
import ExcelJS from "exceljs";
import { checkZipSize } from "../../readers/zip";

export interface SheetRows {
  sheet: string;
  /** rows[i] is spreadsheet row i + 1; cells 0-based (column A = 0). */
  rows: unknown[][];
}

/**
 * The value a user sees in a cell, as a plain value: formula results, rich text joined, hyperlink
 * text; dates as "YYYY-MM-DD" (exceljs gives UTC midnight, which local-time parsing could shift).
 */
export function plainCellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== "object") return value;
  if ("result" in value) return plainCellValue((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("text" in value) return plainCellValue((value as { text: ExcelJS.CellValue }).text);
  if ("error" in value) return (value as ExcelJS.CellErrorValue).error;
  return null;
}

/**
 * Reads every worksheet of an .xlsx file as 2-D arrays of plain values. The archive's declared
 * uncompressed size is checked first: a zip bomb named .xlsx is refused before exceljs inflates it.
 * @param filePath the workbook's path
 * @returns one entry per worksheet, in workbook order
 * @throws PlanReadError "tooLarge" above 200 MB uncompressed, "corrupt" without a zip directory
 */
export async function readXlsxSheets(filePath: string): Promise<SheetRows[]> {
  const bytes = fs.readFileSync(filePath);
  checkZipSize(bytes);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((worksheet) => {
    const rows: unknown[][] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      // row.values is 1-based and sparse (index 0 unused).
      const values = row.values as ExcelJS.CellValue[];
      const cells: unknown[] = [];
      for (let column = 1; column < values.length; column++) cells.push(plainCellValue(values[column]));
      rows[rowNumber - 1] = cells;
    });
    for (let index = 0; index < rows.length; index++) if (!rows[index]) rows[index] = [];
    return { sheet: worksheet.name, rows };
  });
}
