/** Report and baseline files → ReportTable[] for the pure check core. */
import * as fs from "fs";
import * as path from "path";
import { findBaselineHeader, findReportHeader } from "../../core/check";
import type { ReportTable } from "../../core/check";
import type { CliIo } from "../io";
import { readCsvBytes } from "./csv";
import { startProgress } from "./progress";
import type { SheetRows } from "./xlsx";

/** A file that could not be read at all. */
export interface FileFailure {
  file: string;
  message: string;
}

export interface ReadTablesResult {
  tables: ReportTable[];
  failures: FileFailure[];
}

/** Sheet names preferred in a workbook: the template's own sheets. */
export const REPORT_SHEET = "月度填报";
export const BASELINE_SHEET = "目标总表";

/**
 * Expands the command line's inputs: files as given, directories to the .csv/.xlsx files in them
 * (sorted by name).
 */
export function expandInputs(inputs: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    if (fs.existsSync(absolute) && fs.statSync(absolute).isDirectory()) {
      for (const name of fs.readdirSync(absolute).sort()) {
        if (/\.(csv|xlsx)$/i.test(name) && !name.startsWith("~$")) files.push(path.join(input, name));
      }
    } else files.push(input);
  }
  return files;
}

/**
 * The sheets of a workbook to read: the preferred sheet, and — for reports (`allTables`) — every
 * other sheet with a header too, so a department's second sheet of reports is read, never skipped
 * in silence; for baselines the preferred sheet alone (年度轨迹 repeats 目标总表's 基期值).
 */
function pickSheets(
  file: string,
  sheets: SheetRows[],
  preferred: string,
  hasHeader: (rows: unknown[][]) => boolean,
  allTables: boolean,
): ReportTable[] {
  const named = sheets.find((sheet) => sheet.sheet === preferred);
  const others = sheets.filter((sheet) => sheet !== named && hasHeader(sheet.rows));
  let chosen = named ? (allTables ? [named, ...others] : [named]) : others;
  if (chosen.length === 0 && sheets.length > 0) chosen = [sheets[0]]; // the core then reports the missing columns
  return chosen.map((sheet) => ({ file: chosen.length === 1 ? file : `${file}!${sheet.sheet}`, rows: sheet.rows }));
}

async function readTables(
  files: readonly string[],
  io: CliIo,
  label: string,
  preferredSheet: string,
  hasHeader: (rows: unknown[][]) => boolean,
  allTables: boolean,
): Promise<ReadTablesResult> {
  const tables: ReportTable[] = [];
  const failures: FileFailure[] = [];
  const progress = startProgress(io, files.length, label);
  for (const file of files) {
    progress.increment(path.basename(file));
    const absolute = path.resolve(io.cwd, file);
    try {
      if (/\.xlsx$/i.test(file)) {
        // exceljs loads only when a workbook is given (CSV-only checks start faster).
        const { readXlsxSheets } = await import("./xlsx");
        tables.push(...pickSheets(file, await readXlsxSheets(absolute), preferredSheet, hasHeader, allTables));
      } else if (/\.(csv|txt|tsv)$/i.test(file)) {
        tables.push({ file, rows: readCsvBytes(fs.readFileSync(absolute)).rows });
      } else {
        failures.push({ file, message: "只支持 .csv 和 .xlsx 文件 (only .csv and .xlsx are supported)" });
      }
    } catch (error) {
      const message =
        (error as NodeJS.ErrnoException).code === "ENOENT"
          ? "文件不存在 (no such file)"
          : error instanceof Error
            ? error.message
            : String(error);
      failures.push({ file, message });
    }
  }
  progress.stop();
  return { tables, failures };
}

/** A sheet whose header has every required field (an ambiguous one too: the core names its columns). */
function isTable(header: object): boolean {
  return !("missing" in header) || "ambiguous" in header;
}

/**
 * Reads monthly report files (.csv or .xlsx; in a workbook the 月度填报 sheet and every other sheet with a report header).
 * @param files paths as the user gave them (relative to io.cwd)
 * @param io the command's io (progress bar on a TTY)
 */
export function readReportFiles(files: readonly string[], io: CliIo): Promise<ReadTablesResult> {
  return readTables(files, io, "读取月报", REPORT_SHEET, (rows) => isTable(findReportHeader(rows)), true);
}

/**
 * Reads baselines files (.csv or .xlsx; in a workbook the 目标总表 sheet, or every sheet with 目标编号 and 基期值 columns).
 * @param files paths as the user gave them (relative to io.cwd)
 * @param io the command's io
 */
export function readBaselineFiles(files: readonly string[], io: CliIo): Promise<ReadTablesResult> {
  return readTables(files, io, "读取基期值", BASELINE_SHEET, (rows) => isTable(findBaselineHeader(rows)), false);
}
