/**
 * The .xlsx report of `liangxin check` (exceljs and the chart injector load only for this format).
 * Written with exceljs's streaming WorkbookWriter: each row goes to the file as it is added, so
 * memory stays flat in the number of rows (the in-memory workbook needed 3.4 GB for 200,000 rows).
 */
import * as fs from "fs";
import ExcelJS from "exceljs";
import type { CheckedRow, CheckResult, RowIssue } from "../../core/check";
import type { Locale } from "../../core/i18n";
import { statusLabel } from "../../core/i18n";
import { absoluteRange } from "../../workbook";
import type { ChartSpec } from "../../workbook";
import { addCharts } from "../../xlsx/charts";
import { excelCellText } from "../../xlsx/writer";
import type { Labels } from "./checkOutput";
import { LABELS } from "./checkOutput";

export interface CheckWorkbookOptions {
  locale: Locale;
  planTitle: string;
  tolerance: number;
}

const STATUS_FILL: Record<string, string> = { behind: "FFF4B6B6", atRisk: "FFFFE699", onTrack: "FFC6EFCE" };

type StreamingWorkbook = ExcelJS.stream.xlsx.WorkbookWriter;

/** Cell values as the file can hold them: text made XML-safe and capped (excelCellText), numbers as they are. */
function safeRow(values: readonly unknown[], warnings: string[]): ExcelJS.CellValue[] {
  return values.map((value) =>
    typeof value === "string" ? excelCellText(value, warnings) : (value as ExcelJS.CellValue),
  );
}

/**
 * A sheet of the report: bold frozen header, column formats, an autofilter, then the rows, each
 * committed to the file as it is written.
 */
/** Rows written between yields to the event loop (see addSheet). */
const ROWS_PER_YIELD = 2000;

async function addSheet<Row>(
  workbook: StreamingWorkbook,
  name: string,
  columns: Array<{ header: string; width: number; format?: string }>,
  rows: readonly Row[],
  cells: (row: Row) => unknown[],
  warnings: string[],
  styleRow?: (excelRow: ExcelJS.Row, row: Row) => void,
): Promise<void> {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.header,
    width: column.width,
    style: column.format ? { numFmt: column.format } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  if (rows.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.getRow(1).commit();
  let written = 0;
  for (const row of rows) {
    const excelRow = sheet.addRow(safeRow(cells(row), warnings));
    styleRow?.(excelRow, row);
    excelRow.commit();
    // exceljs's zip stream compresses only when the event loop turns; a pause between batches lets it
    // catch up (it ignores backpressure, so without one more of the sheet waits in memory).
    if (++written % ROWS_PER_YIELD === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
}

/** Charts in one report at most (one per target behind, worst first); the rest are listed without a chart. */
export const MAX_CHARTS = 60;
/** Rows each chart block takes on the charts sheet (data on the left, the chart beside it). */
const CHART_BLOCK_ROWS = 18;

/**
 * The charts sheet: for each target behind (worst first), its department's reports in period
 * order — period, reported value, trajectory — and a line chart of the two.
 */
function addChartsSheet(workbook: StreamingWorkbook, result: CheckResult, l: Labels, warnings: string[]): ChartSpec[] {
  if (result.behind.length === 0) return [];
  const sheetName = l.charts;
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = [{ width: 10 }, { width: 14 }, { width: 14 }];
  const series = new Map<string, CheckedRow[]>();
  for (const row of result.rows) {
    const key = `${row.department}\u0000${row.targetId}`;
    const list = series.get(key);
    if (list) list.push(row);
    else series.set(key, [row]);
  }
  const charts: ChartSpec[] = [];
  let top = 1;
  for (const flagged of result.behind.slice(0, MAX_CHARTS)) {
    const reports = series.get(`${flagged.department}\u0000${flagged.targetId}`) ?? [];
    // A target reported under both 口径 is charted on the basis of its latest report.
    const latestBasis = reports.find((row) => row.file === flagged.file && row.row === flagged.row)?.basis;
    const rows = reports
      .filter((row) => row.basis === latestBasis)
      .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
    const rawTitle = l.chartTitle
      .replace("{department}", flagged.department)
      .replace("{targetId}", flagged.targetId)
      .replace("{indicator}", flagged.indicator);
    const title = excelCellText(rawTitle, warnings);
    sheet.getCell(top, 1).value = title;
    sheet.getCell(top, 1).font = { bold: true };
    sheet.getRow(top + 1).values = [l.period, l.value, l.expected];
    sheet.getRow(top + 1).font = { bold: true };
    rows.forEach((row, index) => {
      sheet.getRow(top + 2 + index).values = [row.period, row.value, row.expected];
      sheet.getCell(top + 2 + index, 2).numFmt = "#,##0.##";
      sheet.getCell(top + 2 + index, 3).numFmt = "#,##0.##";
    });
    // Rows go out in order: the block is finished, later blocks only write below it.
    for (let rowNumber = top; rowNumber < top + Math.max(CHART_BLOCK_ROWS, rows.length + 3); rowNumber++)
      sheet.getRow(rowNumber).commit();
    const first = top + 2;
    const last = top + 1 + rows.length;
    charts.push({
      sheet: sheetName,
      type: "line",
      title,
      from: `E${top}`,
      to: `M${top + CHART_BLOCK_ROWS - 2}`,
      categories: absoluteRange(sheetName, "A", first, "A", last),
      series: [
        { name: l.value, values: absoluteRange(sheetName, "B", first, "B", last), color: "C00000" },
        { name: l.expected, values: absoluteRange(sheetName, "C", first, "C", last), color: "4472C4" },
      ],
    });
    top += Math.max(CHART_BLOCK_ROWS, rows.length + 3);
  }
  sheet.commit();
  return charts;
}

/**
 * The .xlsx report: league table, targets behind, all rows, rejected rows, notes, and a line chart
 * of reported values against the trajectory for each target behind (up to MAX_CHARTS). Streams the
 * sheets to the file; the charts (which exceljs cannot write) are added to the finished file after.
 * @param result the check result
 * @param filePath where to write
 * @param options labels and the plan's title
 * @returns what had to change for the file to be valid (XML-illegal characters, over-long text)
 */
export async function writeCheckWorkbook(
  result: CheckResult,
  filePath: string,
  options: CheckWorkbookOptions,
): Promise<string[]> {
  const l = LABELS[options.locale];
  const warnings: string[] = [];
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: filePath,
    useStyles: true,
    // Inline strings: a shared-strings table would keep every distinct string in memory until the end.
    useSharedStrings: false,
  });
  workbook.creator = "liangxin check";
  const pct = "0.0%";
  const num = "#,##0.##";
  const zh = options.locale === "zh-CN";

  await addSheet(
    workbook,
    zh ? "部门预警" : "Departments",
    [
      { header: l.department, width: 24 },
      { header: l.behind, width: 8 },
      { header: l.atRisk, width: 8 },
      { header: l.onTrack, width: 8 },
      { header: l.worstGap, width: 12, format: pct },
      { header: l.targetsBehind, width: 40 },
    ],
    result.departments,
    (entry) => [
      entry.department,
      entry.behind,
      entry.atRisk,
      entry.onTrack,
      entry.worstGap,
      entry.targetsBehind.join("、"),
    ],
    warnings,
  );
  await addSheet(
    workbook,
    zh ? "落后目标" : "Behind",
    [
      { header: l.department, width: 24 },
      { header: l.targetId, width: 12 },
      { header: l.indicator, width: 24 },
      { header: l.period, width: 10 },
      { header: l.value, width: 14, format: num },
      { header: l.expected, width: 14, format: num },
      { header: l.gap, width: 10, format: pct },
      { header: l.runRate, width: 14, format: num },
      { header: l.file, width: 24 },
      { header: l.row, width: 8 },
    ],
    result.behind,
    (entry) => [
      entry.department,
      entry.targetId,
      entry.indicator,
      entry.period,
      entry.value,
      entry.expected,
      entry.gap,
      entry.runRate,
      entry.file,
      entry.row,
    ],
    warnings,
  );
  await addSheet(
    workbook,
    zh ? "全部行" : "Rows",
    [
      { header: l.file, width: 24 },
      { header: l.row, width: 8 },
      { header: l.targetId, width: 12 },
      { header: l.indicator, width: 24 },
      { header: l.department, width: 24 },
      { header: l.period, width: 10 },
      { header: l.basis, width: 8 },
      { header: l.value, width: 14, format: num },
      { header: l.expected, width: 14, format: num },
      { header: l.gap, width: 10, format: pct },
      { header: l.status, width: 8 },
      { header: l.runRate, width: 14, format: num },
      { header: l.targetValue, width: 14, format: num },
      { header: l.baseline, width: 14, format: num },
      { header: l.forecast, width: 16, format: num },
      { header: l.forecastLow, width: 14, format: num },
      { header: l.forecastHigh, width: 14, format: num },
      { header: l.probability, width: 10, format: pct },
    ],
    result.rows,
    (row) => [
      row.file,
      row.row,
      row.targetId,
      row.indicator,
      row.department,
      row.period,
      row.basis === "ytd" ? "累计" : "时点",
      row.value,
      row.expected,
      row.gap,
      statusLabel(row.status, options.locale),
      row.runRate,
      row.targetValue,
      row.baselineValue,
      row.forecast?.value ?? null,
      row.forecast?.low ?? null,
      row.forecast?.high ?? null,
      row.forecast && Number.isFinite(row.forecast.probability) ? row.forecast.probability : null,
    ],
    warnings,
    // Colour the status column like the 月度填报 sheet does.
    (excelRow, row) => {
      excelRow.getCell(11).fill = { type: "pattern", pattern: "solid", fgColor: { argb: STATUS_FILL[row.status] } };
    },
  );
  const issueColumns = [
    { header: l.file, width: 28 },
    { header: l.row, width: 8 },
    { header: l.column, width: 14 },
    { header: l.reason, width: 70 },
  ];
  const issueCells = (entry: RowIssue): unknown[] => [
    entry.file,
    entry.row || null,
    entry.column ?? null,
    entry.reason,
  ];
  await addSheet(workbook, zh ? "退回行" : "Rejected", issueColumns, result.errors, issueCells, warnings);
  await addSheet(workbook, zh ? "提示" : "Notes", issueColumns, result.notes, issueCells, warnings);
  const charts = addChartsSheet(workbook, result, l, warnings);
  await workbook.commit();
  if (charts.length > 0) fs.writeFileSync(filePath, await addCharts(fs.readFileSync(filePath), charts));
  return [...new Set(warnings)];
}
