/**
 * `liangxin collect handout/returned/*.xlsx --into office.xlsx [--replace]`: reads the departments'
 * returned files (also re-saved by WPS or LibreOffice, with renamed sheets or inserted rows: the
 * table is found by its headers, the plan by its catalog id), appends their rows to 月度填报 without
 * duplicates and reports, per department, what was received, what is missing and which rows were
 * rejected (issue 14). Nothing typed in the office workbook is overwritten; with --replace a second
 * submission replaces the rows an earlier collect wrote, and the replaced rows are listed.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { CollectedFigures, CollectPlan, OfficeRow, ReturnedFile, RoundField } from "../../core/round";
import { findCatalogId, findRoundHeader, planCollect, reportKey } from "../../core/round";
import { departmentNames } from "../../core/check/departments";
import { renderWorkbook, STATE_NAMESPACE } from "../../workbook";
import { addCharts } from "../../xlsx/charts";
import { addCustomXmlPart, readCustomXmlParts } from "../../xlsx/customXml";
import type { CliIo } from "../io";
import { readOfficeWorkbook } from "../readers/office";
import { expandInputs, REPORT_SHEET } from "../readers/tables";
import { plainCellValue, readXlsxSheets } from "../readers/xlsx";
import { localeOf, parseCommandArgs } from "./roundArgs";

const HELP = `用法 Usage: liangxin collect <退回的填报表.xlsx 或目录…> --into <调度表.xlsx> [选项]

把各单位退回的填报表收入调度表的「月度填报」：按表头找表、按目标清单校验码核对，不重复追加，
不覆盖办公室录入的数据；按单位列出已收、未收和退回的行（文件、行号、原因）。
Collects returned report files into the office workbook's 月度填报.

选项 Options:
  --into <文件>         办公室的调度表（就地更新，原文件另存为 .bak.xlsx） the office workbook (updated in place)
  --replace             第二次报送替换第一次收集的行（列出被替换的行） a second submission replaces the first
  --city <城市|清单>    工作簿中没有保存目标清单时使用 when the workbook has no saved catalog
  --format table|json   报告格式（默认 table） report format
  --lang zh-CN|en-US    报告语言（默认 zh-CN）
文件按给出的顺序处理：第二次报送请放在后面。 Files are taken in the order given: put a resubmission last.
退出码 Exit: 0 已收集；2 有退回的行或文件（其余已收）或用法错误；1 无法收集
`;

/** The sheet listing every collected row (when, from which file): what --replace may replace. */
export const LOG_SHEET = "收集记录";
const LOG_HEADER = ["收集时间", "期间", "部门", "目标编号", "填报值", "口径", "来源文件", "来源行", "操作", "原值"];

function rowsOf(worksheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: unknown[] = [];
    for (let column = 1; column < values.length; column++) cells.push(plainCellValue(values[column]));
    rows[rowNumber - 1] = cells;
  });
  for (let index = 0; index < rows.length; index++) if (!rows[index]) rows[index] = [];
  return rows;
}

/** Moves the relative row references of an A1 formula by `rows` (text in quotes untouched). */
export function shiftFormulaRows(formula: string, rows: number): string {
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(
            /(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(])/g,
            (whole, colAbs: string, col: string, rowAbs: string, row: string) =>
              rowAbs ? whole : `${colAbs}${col}${Number(row) + rows}`,
          ),
    )
    .join("");
}

interface ReportSheet {
  worksheet: ExcelJS.Worksheet;
  columns: Partial<Record<RoundField, number>>;
  headerRow: number;
  /** Last row of the Excel table (or of the sheet's rows when there is no table). */
  tableEnd: number;
  table: ExcelJS.Table | null;
}

function findReportSheet(workbook: ExcelJS.Workbook): ReportSheet | null {
  const candidates = [
    ...workbook.worksheets.filter((sheet) => sheet.name === REPORT_SHEET),
    ...workbook.worksheets.filter((sheet) => sheet.name !== REPORT_SHEET),
  ];
  for (const worksheet of candidates) {
    const rows = rowsOf(worksheet);
    const header = findRoundHeader(rows);
    if (!header) continue;
    const tables = Object.values((worksheet as unknown as { tables: Record<string, ExcelJS.Table> }).tables ?? {});
    const table = tables.find((candidate) => {
      const ref = (candidate as unknown as { table: { tableRef?: string } }).table.tableRef ?? "";
      return Number(/^[A-Z]+(\d+)/.exec(ref)?.[1]) === header.index + 1;
    });
    const ref = table ? ((table as unknown as { table: { tableRef: string } }).table.tableRef ?? "") : "";
    const tableEnd = Number(/:[A-Z]+(\d+)$/.exec(ref)?.[1] ?? rows.length);
    return { worksheet, columns: header.columns, headerRow: header.index + 1, tableEnd, table: table ?? null };
  }
  return null;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(
    "collect",
    args,
    {
      into: { type: "string" },
      replace: { type: "boolean" },
      city: { type: "string" },
      format: { type: "string" },
      lang: { type: "string" },
    },
    HELP,
    io,
  );
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const locale = localeOf(values.lang);
  const format = values.format ?? "table";
  if (!values.into || positionals.length === 0 || !locale || (format !== "table" && format !== "json")) {
    io.stderr(
      `collect: ${!values.into ? "需要 --into <调度表.xlsx> (the office workbook is required)" : positionals.length === 0 ? "需要退回的填报表 (returned files are required)" : !locale ? "--lang 只能是 zh-CN 或 en-US" : "--format 只能是 table 或 json"}\n\n${HELP}`,
    );
    return 2;
  }
  const officeFile = path.resolve(io.cwd, values.into);
  let office;
  try {
    office = await readOfficeWorkbook(values.into, io, values.city);
  } catch (error) {
    io.stderr(`collect: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(officeFile);
  const reportSheet = findReportSheet(workbook);
  if (!reportSheet) {
    io.stderr(`collect: ${values.into} 中找不到「月度填报」表（期间、部门、目标编号、填报值 列）(no report table)\n`);
    return 1;
  }
  const names = departmentNames(office.catalog);
  const { worksheet, columns } = reportSheet;
  const field = (row: number, key: RoundField): unknown =>
    columns[key] === undefined ? null : plainCellValue(worksheet.getCell(row, (columns[key] as number) + 1).value);
  const officeRows: OfficeRow[] = [];
  let lastUsed = reportSheet.headerRow;
  for (let row = reportSheet.headerRow + 1; row <= Math.max(worksheet.rowCount, reportSheet.tableEnd); row++) {
    const entry = {
      row,
      targetId: field(row, "targetId"),
      department: field(row, "department"),
      period: field(row, "period"),
      value: field(row, "value"),
      basis: field(row, "basis"),
    };
    if ([entry.targetId, entry.department, entry.period, entry.value].some((cell) => cell !== null && cell !== "")) {
      lastUsed = row;
      officeRows.push({ ...entry, targetId: String(entry.targetId ?? ""), department: String(entry.department ?? "") });
    }
  }
  let log = workbook.getWorksheet(LOG_SHEET);
  const collectedKeys = new Set<string>();
  if (log) {
    for (const cells of rowsOf(log).slice(1)) {
      const [, period, department, targetId] = cells.map((cell) => String(cell ?? ""));
      if (period && department && targetId) collectedKeys.add(reportKey(targetId, names.canonical(department), period));
    }
  }

  const returned: ReturnedFile[] = [];
  const unreadable: CollectPlan["rejected"] = [];
  for (const file of expandInputs(positionals, io.cwd).filter((name) => !/\.csv$/i.test(name))) {
    try {
      const sheets = await readXlsxSheets(path.resolve(io.cwd, file));
      const cells = sheets.flatMap((sheet) => sheet.rows.slice(0, 15).flat());
      returned.push({
        file,
        sheets: sheets.map((sheet) => ({ name: sheet.sheet, rows: sheet.rows })),
        catalogId: findCatalogId(cells),
      });
    } catch (error) {
      const message =
        (error as NodeJS.ErrnoException).code === "ENOENT"
          ? "文件不存在 (no such file)"
          : error instanceof Error
            ? error.message
            : String(error);
      unreadable.push({ file, row: 0, code: "unreadableFile", reason: `无法读取文件：${message}` });
    }
  }

  const plan = planCollect(returned, officeRows, office.catalog, {
    catalogId: office.catalogId,
    collectedKeys,
    replace: values.replace ?? false,
    baselines: office.baselines,
    locale,
  });
  plan.rejected.unshift(...unreadable);

  // Write: appends into the first blank rows after the last used one (growing the table when full), replacements in place.
  const write = (row: number, figures: CollectedFigures): void => {
    const set = (key: RoundField, value: ExcelJS.CellValue): void => {
      if (columns[key] !== undefined) worksheet.getCell(row, (columns[key] as number) + 1).value = value;
    };
    set("period", figures.period);
    set("department", figures.department);
    set("targetId", figures.targetId);
    set("value", figures.value);
    set("basis", figures.basis || null);
    const extra = [
      columns.problems === undefined && figures.problems ? `存在问题：${figures.problems}` : "",
      columns.measures === undefined && figures.measures ? `下步措施：${figures.measures}` : "",
    ].filter(Boolean);
    set("problems", figures.problems || null);
    set("measures", figures.measures || null);
    const notes = [figures.notes, ...extra].filter(Boolean).join("；");
    set("notes", notes || null);
  };
  let next = lastUsed + 1;
  for (const append of plan.appends) {
    if (append.officeRow !== undefined) {
      write(append.officeRow, append);
      continue;
    }
    if (next > reportSheet.tableEnd) growTable(reportSheet, next);
    write(next, append);
    next++;
  }
  for (const replacement of plan.replacements) write(replacement.officeRow, replacement);

  const changed = plan.appends.length + plan.replacements.length;
  if (changed > 0) {
    if (!log) {
      log = workbook.addWorksheet(LOG_SHEET);
      log.addRow(LOG_HEADER);
      log.getRow(1).font = { bold: true };
      log.columns.forEach((column, index) => (column.width = [18, 9, 20, 10, 12, 6, 36, 7, 6, 12][index] ?? 10));
    }
    const stamp = new Date().toISOString().slice(0, 16).replace("T", " ");
    for (const entry of [...plan.appends, ...plan.replacements])
      log.addRow([
        stamp,
        entry.period,
        entry.department,
        entry.targetId,
        entry.value,
        entry.basis,
        path.basename(entry.file),
        entry.row,
        entry.action === "append" ? "新增" : "替换",
        entry.action === "replace" ? String(entry.previousValue ?? "") : "",
      ]);
    workbook.calcProperties.fullCalcOnLoad = true;
    let bytes: Buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    bytes = await restoreParts(bytes, fs.readFileSync(officeFile), office.catalog);
    const backup = officeFile.replace(/\.xlsx$/i, "") + ".bak.xlsx";
    fs.copyFileSync(officeFile, backup);
    fs.writeFileSync(officeFile, bytes);
  }

  if (format === "json") io.stdout(JSON.stringify(plan, null, 1) + "\n");
  else io.stdout(formatReport(plan, locale === "en-US"));
  io.stderr(
    `collect: ${returned.length} 个文件，新增 ${plan.appends.length} 行，替换 ${plan.replacements.length} 行，退回 ${plan.rejected.length} 项 → ${values.into}\n`,
  );
  return plan.rejected.length > 0 ? 2 : 0;
}

/** Adds a row below a full table: the formulas of the row above, moved down; the table's range grows. */
function growTable(sheet: ReportSheet, row: number): void {
  const above = sheet.worksheet.getRow(row - 1);
  const target = sheet.worksheet.getRow(row);
  above.eachCell({ includeEmpty: false }, (cell, column) => {
    const value = cell.value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue | null;
    const formula =
      value && typeof value === "object" && "formula" in value && value.formula
        ? value.formula
        : value && typeof value === "object" && "sharedFormula" in value
          ? (cell as unknown as { formula?: string }).formula
          : undefined;
    const into = target.getCell(column);
    if (formula) into.value = { formula: shiftFormulaRows(formula, 1) } as ExcelJS.CellFormulaValue;
    into.style = { ...cell.style };
  });
  sheet.tableEnd = row;
  if (sheet.table) {
    const model = (sheet.table as unknown as { table: { tableRef: string; autoFilterRef?: string } }).table;
    model.tableRef = model.tableRef.replace(/\d+$/, String(row));
    if (model.autoFilterRef) model.autoFilterRef = model.autoFilterRef.replace(/\d+$/, String(row));
  }
}

/**
 * exceljs keeps cells, styles, tables, validations and conditional formats, but not the workbook's
 * saved state (custom XML) or its charts: both are put back — the state from the original file, the
 * charts as `liangxin workbook` draws them for this catalog (their data ranges do not move).
 */
async function restoreParts(
  bytes: Buffer,
  original: Buffer,
  catalog: Parameters<typeof renderWorkbook>[0],
): Promise<Buffer> {
  let result = bytes;
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(result);
  const sheetNames = [
    ...((await zip.file("xl/workbook.xml")?.async("string")) ?? "").matchAll(/<sheet\b[^>]*name="([^"]+)"/g),
  ].map((match) => match[1]);
  const hadCharts = Object.keys((await JSZip.loadAsync(original)).files).some((name) => name.startsWith("xl/charts/"));
  const hasCharts = Object.keys(zip.files).some((name) => name.startsWith("xl/charts/"));
  if (hadCharts && !hasCharts) {
    const charts = renderWorkbook(catalog, { flavour: "builtin" }).charts.filter((chart) =>
      sheetNames.includes(chart.sheet),
    );
    result = await addCharts(result, charts);
  }
  for (const part of await readCustomXmlParts(original, STATE_NAMESPACE))
    result = (await addCustomXmlPart(result, part)).bytes;
  return result;
}

function formatReport(plan: CollectPlan, english: boolean): string {
  const lines: string[] = [];
  const state = english
    ? { received: "received", earlier: "before", missing: "MISSING" }
    : { received: "已收", earlier: "此前已收", missing: "未收" };
  for (const period of plan.periods) {
    lines.push(english ? `Period ${period}` : `期间 ${period}`);
    // Chinese columns pad with full-width spaces so that names and labels line up on a terminal.
    const pad = (label: string, width: number): string =>
      english ? label.padEnd(width * 2) : label.padEnd(width, "\u3000");
    const counts = english ? ["new", "repl", "same", "rej", "blank"] : ["新增", "替换", "未变", "退回", "空白"];
    lines.push(
      `  ${pad(english ? "department" : "单位", 14)} ${pad(english ? "state" : "状态", 4)} ${counts.map((label) => label.padStart(english ? 6 : 3, english ? " " : "\u3000")).join("")}  ${english ? "files" : "文件"}`,
    );
    for (const receipt of plan.receipts.filter(
      (entry) => entry.period === period && (entry.lead || entry.state !== "missing"),
    )) {
      const numbers = [receipt.appended, receipt.replaced, receipt.unchanged, receipt.rejected, receipt.blank];
      lines.push(
        `  ${pad(receipt.department, 14)} ${pad(state[receipt.state], 4)} ${numbers.map((count) => String(count).padStart(6)).join("")}  ${receipt.files.map((file) => path.basename(file)).join(", ")}`,
      );
    }
    const missing = plan.receipts.filter((entry) => entry.period === period && entry.state === "missing");
    const missingLeads = missing.filter((entry) => entry.lead).map((entry) => entry.department);
    const missingSupport = missing.filter((entry) => !entry.lead).map((entry) => entry.department);
    lines.push(
      english
        ? `  missing lead departments: ${missingLeads.length ? missingLeads.join(", ") : "none"}`
        : `  未收（牵头单位）：${missingLeads.length ? missingLeads.join("、") : "无"}`,
    );
    if (missingSupport.length)
      lines.push(
        english
          ? `  not returned by ${missingSupport.length} supporting departments (they return a file only when they have figures of their own)`
          : `  另有 ${missingSupport.length} 个配合单位未退回（本单位无数据的可不退回）：${missingSupport.join("、")}`,
      );
  }
  if (plan.replacements.length) {
    lines.push(english ? "Replaced (second submissions):" : "已替换（第二次报送）：");
    for (const entry of plan.replacements)
      lines.push(
        english
          ? `  月度填报 row ${entry.officeRow}: ${entry.targetId} ${entry.department} ${entry.period} ${String(entry.previousValue)} → ${entry.value} (${path.basename(entry.file)} row ${entry.row})`
          : `  月度填报第${entry.officeRow}行：${entry.targetId} ${entry.department} ${entry.period} ${String(entry.previousValue)} → ${entry.value}（${path.basename(entry.file)} 第${entry.row}行）`,
      );
  }
  if (plan.rejected.length || plan.notes.length) {
    lines.push(english ? "Rejected:" : "退回：");
    for (const issue of [...plan.rejected, ...plan.notes])
      lines.push(
        `  ${path.basename(issue.file)}${issue.row ? (english ? ` row ${issue.row}` : ` 第${issue.row}行`) : ""}：${issue.reason}`,
      );
  }
  return lines.join("\n") + "\n";
}
