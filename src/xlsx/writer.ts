/**
 * The .xlsx writer: renders a RenderedWorkbook (src/workbook/model.ts) with exceljs, then adds the
 * charts (exceljs has none) by post-processing the zip (./charts.ts), and the workbook state
 * the add-in reads (src/workbook/workbookState.ts) as a custom XML part (./customXml.ts), so the add-in
 * recognises the file's sheets as its own and can load a city into it without losing anything.
 *
 * Formula cells are written without cached results and the workbook asks for a full
 * recalculation on load, so Excel and WPS compute on open (LibreOffice: see docs/workbook.md).
 */
import ExcelJS from "exceljs";
import type { CellContent, RenderedSheet, RenderedStyle, RenderedWorkbook } from "../workbook";
import { isFormulaCell } from "../workbook";
import { parseCell } from "../workbook";
import type { Catalog } from "../core/catalog";
import { STATE_SHEET_NAME, stateToCells, stateToXml, workbookStateOf } from "../workbook";
import { addCharts } from "./charts";
import { addCustomXmlPart } from "./customXml";

/** exceljs keeps data validations per range on the sheet; the typings omit that collection. */
interface SheetValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

/** What the file's saved state says was written (the add-in keeps dropped targets from it). */
export interface WorkbookSource {
  /** The catalog rendered; its targets are saved in the state. Without it the state lists no targets. */
  catalog?: Catalog;
  /** Short city name (e.g. 南平), when known. */
  city?: string | null;
  /** Receives what had to change for the file to be valid (excelCellText), for the caller to show. */
  warnings?: string[];
}

/**
 * Writes the rendered workbook as .xlsx bytes, with the workbook state as a custom XML part.
 * @param rendered output of renderWorkbook (normally the "builtin" flavour for files)
 * @param source the catalog rendered and its city, saved in the state for the add-in
 * @returns the .xlsx file contents
 */
export async function writeWorkbookXlsx(rendered: RenderedWorkbook, source: WorkbookSource = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "liangxin";
  workbook.created = new Date(0); // reproducible bytes: the content, not the clock, defines the file
  workbook.modified = new Date(0);
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const sheet of rendered.sheets) writeSheet(workbook, sheet, source.warnings);
  const state = workbookStateOf(rendered, {
    targets: source.catalog?.targets ?? [],
    city: source.city ?? null,
    loadedAt: "",
  });
  // A second copy of the state in a very-hidden sheet: a program that drops custom XML parts on
  // save (WPS is reported to) keeps sheets.
  const stateSheet = workbook.addWorksheet(STATE_SHEET_NAME, { state: "veryHidden" });
  stateToCells(state).forEach((piece, index) => (stateSheet.getCell(index + 1, 1).value = piece));
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const charts = rendered.charts.map((chart) => ({
    ...chart,
    title: excelCellText(chart.title, source.warnings),
    series: chart.series.map((one) => ({ ...one, name: excelCellText(one.name, source.warnings) })),
  }));
  const withCharts = await addCharts(buffer, charts);
  return (await addCustomXmlPart(withCharts, stateToXml(state))).bytes;
}

function excelValue(cell: CellContent, warnings?: string[]): ExcelJS.CellValue {
  if (cell === null) return null;
  if (isFormulaCell(cell)) return { formula: cell.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
  return typeof cell === "string" ? excelCellText(cell, warnings) : cell;
}

/** Excel's limit on the characters in one cell. */
export const EXCEL_CELL_MAX_CHARS = 32_767;
/** What ends a cell cut at Excel's limit, so a reader knows the text goes on in the source. */
export const TRUNCATION_MARKER = "…[截断]";
/**
 * Characters XML 1.0 forbids (C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF)
 * and UTF-16 halves without their pair: one of them in a plan or a report makes the sheet's XML
 * ill-formed, and LibreOffice then blanks every string after it.
 */
const XML_ILLEGAL =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text as an .xlsx cell can hold it: characters XML forbids replaced by U+FFFD (so positions in a
 * source clause stay where they were), and text over Excel's 32,767 characters cut with
 * "…[截断]". Each change adds a warning to `warnings` (once per kind of change and text start).
 * @param text the cell's text
 * @param warnings where to say what was changed (zh-CN, then English)
 * @returns the text to write
 * @example excelCellText("南平\uFFFE市") // "南平\uFFFD市"
 */
export function excelCellText(text: string, warnings?: string[]): string {
  let safe = text.replace(XML_ILLEGAL, "\ufffd");
  if (safe !== text) {
    warnings?.push(
      `“${safe.slice(0, 20)}…”含 XML 不允许的字符，已替换为 � (characters .xlsx cannot hold were replaced)`,
    );
  }
  if (safe.length > EXCEL_CELL_MAX_CHARS) {
    let end = EXCEL_CELL_MAX_CHARS - TRUNCATION_MARKER.length;
    if (/[\ud800-\udbff]/.test(safe[end - 1])) end--; // never split a surrogate pair
    warnings?.push(
      `“${safe.slice(0, 20)}…”共 ${safe.length} 个字符，超过 Excel 单元格上限 ${EXCEL_CELL_MAX_CHARS}，已截断 (text cut at Excel's cell limit)`,
    );
    safe = safe.slice(0, end) + TRUNCATION_MARKER;
  }
  return safe;
}

/** Expands "A3:C5" (or "B2") into every cell address. */
function cellsOf(range: string): { row: number; column: number }[] {
  const [startRef, endRef = startRef] = range.split(":");
  const start = parseCell(startRef);
  const end = parseCell(endRef);
  const cells: { row: number; column: number }[] = [];
  for (let row = start.row; row <= end.row; row++) {
    for (let column = start.column; column <= end.column; column++) cells.push({ row, column });
  }
  return cells;
}

/** Writes one rendered sheet into an exceljs workbook (also used for the round's handout files). */
export function writeSheet(workbook: ExcelJS.Workbook, sheet: RenderedSheet, warnings?: string[]): void {
  const worksheet = workbook.addWorksheet(sheet.name, {
    views:
      sheet.frozen.rows || sheet.frozen.columns
        ? [{ state: "frozen", xSplit: sheet.frozen.columns, ySplit: sheet.frozen.rows }]
        : [],
  });
  for (const [letter, width] of Object.entries(sheet.columnWidths)) worksheet.getColumn(letter).width = width;

  for (const block of sheet.blocks) {
    block.cells.forEach((row, rowOffset) => {
      row.forEach((cell, columnOffset) => {
        if (cell === null) return;
        worksheet.getCell(block.row + rowOffset + 1, block.column + columnOffset + 1).value = excelValue(
          cell,
          warnings,
        );
      });
    });
  }

  if (sheet.table) {
    const table = sheet.table;
    // The table's cells are already written; exceljs rewrites them from `rows`, so pass the same values.
    const lastColumn = table.columns.length;
    const rows: ExcelJS.CellValue[][] = [];
    for (let row = table.firstDataRow; row < table.firstDataRow + table.dataRowCount; row++) {
      const values: ExcelJS.CellValue[] = [];
      for (let column = 1; column <= lastColumn; column++) values.push(worksheet.getCell(row, column).value);
      rows.push(values);
    }
    worksheet.addTable({
      name: table.name,
      displayName: table.name,
      ref: `A${table.headerRow}`,
      headerRow: true,
      style: { theme: table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: table.columns.map((column) => ({ name: column.header, filterButton: table.showFilterButtons })),
      rows,
    });
  }

  for (const { range, format } of sheet.numberFormats) {
    for (const { row, column } of cellsOf(range)) worksheet.getCell(row, column + 1).numFmt = format;
  }
  for (const style of sheet.styles) applyStyle(worksheet, style);
  for (const { cell, text } of sheet.notes) worksheet.getCell(cell).note = excelCellText(text, warnings);

  const validations = (worksheet as unknown as { dataValidations: SheetValidations }).dataValidations;
  for (const validation of sheet.validations) {
    const common = {
      allowBlank: validation.allowBlank,
      showErrorMessage: true,
      errorStyle: "stop",
      error: validation.error,
    };
    if (validation.type === "list") {
      const formula = validation.listSource ?? `"${(validation.listValues ?? []).join(",")}"`;
      validations.add(validation.range, { type: "list", formulae: [formula], ...common });
    } else {
      const { min, max } = validation;
      const bounds =
        min !== undefined && max !== undefined
          ? { operator: "between" as const, formulae: [min, max] }
          : min !== undefined
            ? { operator: "greaterThanOrEqual" as const, formulae: [min] }
            : { operator: "lessThanOrEqual" as const, formulae: [max ?? Number.MAX_VALUE] };
      validations.add(validation.range, { type: validation.type, ...bounds, ...common });
    }
  }

  let priority = 1;
  for (const format of sheet.conditionalFormats) {
    worksheet.addConditionalFormatting({
      ref: format.range,
      rules: format.rules.map((rule) => ({
        type: "expression",
        priority: priority++,
        formulae: [rule.formula.replace(/^=/, "")],
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: rule.fill } },
          font: { color: { argb: rule.fontColor } },
        },
      })),
    });
  }
}

function applyStyle(worksheet: ExcelJS.Worksheet, style: RenderedStyle): void {
  for (const { row, column } of cellsOf(style.range)) {
    const cell = worksheet.getCell(row, column + 1);
    if (style.bold !== undefined || style.italic !== undefined || style.fontColor || style.fontSize) {
      cell.font = {
        ...cell.font,
        ...(style.bold !== undefined ? { bold: style.bold } : {}),
        ...(style.italic !== undefined ? { italic: style.italic } : {}),
        ...(style.fontColor ? { color: { argb: style.fontColor } } : {}),
        ...(style.fontSize ? { size: style.fontSize } : {}),
      };
    }
    if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: style.fill } };
    if (style.wrap) cell.alignment = { ...cell.alignment, wrapText: true, vertical: "top" };
  }
}
