/**
 * Writes a department's handout (templates/handout.ts) as .xlsx: the rendered sheet through the
 * workbook writer, then sheet protection without a password (formulas and ids are not overwritten
 * by accident; the yellow input cells stay editable) and a landscape A4 print setup.
 */
import ExcelJS from "exceljs";
import type { RenderedHandout } from "../workbook";
import { parseCell } from "../workbook";
import { writeSheet } from "./writer";

function* cellsIn(range: string): Generator<{ row: number; column: number }> {
  const [startRef, endRef = startRef] = range.split(":");
  const start = parseCell(startRef);
  const end = parseCell(endRef);
  for (let row = start.row; row <= end.row; row++)
    for (let column = start.column; column <= end.column; column++) yield { row, column };
}

/**
 * The handout file's bytes.
 * @param handout the rendered handout
 * @param catalogId the office workbook's catalog id (also kept in the file's keywords)
 * @returns .xlsx bytes
 */
export async function writeHandoutXlsx(handout: RenderedHandout, catalogId: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "liangxin";
  workbook.keywords = catalogId;
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  writeSheet(workbook, handout.sheet);
  const worksheet = workbook.getWorksheet(handout.sheet.name);
  if (!worksheet) throw new Error(`writeHandoutXlsx: no sheet ${handout.sheet.name}`);
  for (const range of handout.unlocked)
    for (const { row, column } of cellsIn(range)) worksheet.getCell(row, column + 1).protection = { locked: false };
  worksheet.pageSetup = {
    ...worksheet.pageSetup,
    paperSize: 9, // A4
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: handout.printTitleRows,
  };
  worksheet.headerFooter = { oddFooter: "&A — 第 &P 页，共 &N 页" };
  await worksheet.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: false,
    deleteRows: false,
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
