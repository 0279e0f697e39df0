/**
 * Opens an .xlsx file as the fake Excel host would show it: each sheet's cells as
 * `Range.formulas` reads them ("=…" for formulas), its tables, no worksheet marker (exceljs cannot
 * write one), and the workbook's state part as Office.js `customXmlParts.getByNamespace` finds it.
 */
import ExcelJS from "exceljs";
import { STATE_NAMESPACE } from "../../src/workbook/workbookState";
import { readCustomXmlParts } from "../../src/xlsx";
import type { FakeSheet } from "../../measure/fakeExcel";

type Cell = string | number | boolean;

function formulasCell(cell: ExcelJS.Cell): Cell | null {
  if (cell.formula) return `=${cell.formula}`;
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "object" && "richText" in value) return value.richText.map((run) => run.text).join("");
  throw new Error(`xlsxWorkbook: unexpected cell value at ${cell.address}: ${JSON.stringify(value)}`);
}

export async function openXlsxAsFake(
  bytes: Buffer,
): Promise<{ sheets: Array<Partial<FakeSheet> & { name: string }>; stateXml: string | null }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheets = workbook.worksheets.map((worksheet) => {
    const grid: Cell[][] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        const value = formulasCell(cell);
        if (value === null) return;
        grid[rowNumber - 1] ??= [];
        grid[rowNumber - 1][columnNumber - 1] = value;
      });
    });
    for (let row = 0; row < grid.length; row++) grid[row] ??= [];
    // exceljs keeps loaded tables by name; the typings do not expose the map.
    const tables = Object.keys((worksheet as unknown as { tables: Record<string, unknown> }).tables ?? {}).map(
      (name) => ({ name, range: "", style: "", converted: false }),
    );
    const visibility =
      worksheet.state === "veryHidden" ? "VeryHidden" : worksheet.state === "hidden" ? "Hidden" : "Visible";
    return { name: worksheet.name, marker: null, visibility, grid, tables };
  });
  const [stateXml = null] = await readCustomXmlParts(bytes, STATE_NAMESPACE);
  return { sheets, stateXml };
}
