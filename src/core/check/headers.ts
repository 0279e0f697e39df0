/**
 * Header mapping for report and baseline tables: Chinese or English column names, in any order,
 * possibly with the English under the Chinese ("期间\nPeriod", "期间 (period)").
 */
import type { ReportField } from "./types";

/** Normalised header text → field. Keys are lower-case with spaces, underscores and hyphens removed. */
const REPORT_HEADERS: Record<string, ReportField> = {
  期间: "period",
  月份: "period",
  报告期: "period",
  填报期间: "period",
  填报月份: "period",
  年月: "period",
  统计期: "period",
  日期: "period",
  period: "period",
  month: "period",
  reportperiod: "period",
  date: "period",
  部门: "department",
  责任单位: "department",
  填报单位: "department",
  填报部门: "department",
  牵头单位: "department",
  牵头部门: "department",
  责任部门: "department",
  department: "department",
  dept: "department",
  agency: "department",
  目标编号: "targetId",
  指标编号: "targetId",
  编号: "targetId",
  目标id: "targetId",
  targetid: "targetId",
  target: "targetId",
  id: "targetId",
  填报值: "value",
  完成值: "value",
  实际值: "value",
  本期值: "value",
  数值: "value",
  完成数: "value",
  value: "value",
  reportedvalue: "value",
  reported: "value",
  actual: "value",
  口径: "basis",
  统计口径: "basis",
  填报口径: "basis",
  basis: "basis",
  measure: "basis",
};

/** Baseline table columns (a baselines file or the 目标总表 sheet). */
export type BaselineField = "targetId" | "baseline";

const BASELINE_HEADERS: Record<string, BaselineField> = {
  目标编号: "targetId",
  指标编号: "targetId",
  编号: "targetId",
  目标id: "targetId",
  targetid: "targetId",
  target: "targetId",
  id: "targetId",
  基期值: "baseline",
  基期数: "baseline",
  基数: "baseline",
  基线值: "baseline",
  基准值: "baseline",
  "2023年值": "baseline",
  "2023年基期值": "baseline",
  "2023年数": "baseline",
  baseline: "baseline",
  baselinevalue: "baseline",
  basevalue: "baseline",
  "2023baseline": "baseline",
};

function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s_\-.:：*]+/g, "");
}

/** Candidate names in one header cell: the whole text, then each part split on brackets, slashes and line breaks. */
function headerCandidates(cell: unknown): string[] {
  if (typeof cell !== "string" && typeof cell !== "number") return [];
  const text = String(cell).trim();
  if (!text) return [];
  const parts = text
    .split(/[\n\r/|()（）[\]【】]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  return [text, ...parts].map(normalise);
}

function mapRow<Field extends string>(
  cells: ReadonlyArray<unknown>,
  dictionary: Record<string, Field>,
): Partial<Record<Field, number>> {
  const columns: Partial<Record<Field, number>> = {};
  cells.forEach((cell, columnIndex) => {
    for (const candidate of headerCandidates(cell)) {
      const field = dictionary[candidate];
      if (field !== undefined) {
        if (columns[field] === undefined) columns[field] = columnIndex;
        return;
      }
    }
  });
  return columns;
}

/**
 * Maps a report header row to column indices.
 * @param cells the header row's cell values
 * @returns field → 0-based column index, for the fields found
 * @example mapReportHeader(["月份", "责任单位", "目标编号", "填报值"]) // → { period: 0, department: 1, targetId: 2, value: 3 }
 */
export function mapReportHeader(cells: ReadonlyArray<unknown>): Partial<Record<ReportField, number>> {
  return mapRow(cells, REPORT_HEADERS);
}

/**
 * Maps a baselines header row (目标编号/id and 基期值/baseline) to column indices.
 * @param cells the header row's cell values
 * @returns field → 0-based column index, for the fields found
 * @example mapBaselineHeader(["目标编号", "指标", "基期值"]) // → { targetId: 0, baseline: 2 }
 */
export function mapBaselineHeader(cells: ReadonlyArray<unknown>): Partial<Record<BaselineField, number>> {
  return mapRow(cells, BASELINE_HEADERS);
}

export const REQUIRED_REPORT_FIELDS: readonly ReportField[] = ["period", "department", "targetId", "value"];

/** Where the header was found in a table: its index in `rows`, the columns, and how many header-like rows follow it. */
export interface HeaderLocation<Field extends string> {
  index: number;
  columns: Partial<Record<Field, number>>;
  /** Index of the first data row (skips a second, English header row). */
  dataStart: number;
}

/** Rows scanned for a header (titles or notes may sit above it). */
const HEADER_SCAN_ROWS = 10;

function locate<Field extends string>(
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
  map: (cells: ReadonlyArray<unknown>) => Partial<Record<Field, number>>,
  required: readonly Field[],
): HeaderLocation<Field> | { missing: Field[] } {
  let best: { index: number; columns: Partial<Record<Field, number>>; found: number } | undefined;
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let index = 0; index < limit; index++) {
    const columns = map(rows[index]);
    const found = required.filter((field) => columns[field] !== undefined).length;
    if (found === required.length) {
      let dataStart = index + 1;
      // A second header row (the English names under the Chinese ones) is not data.
      while (dataStart < rows.length && required.every((field) => map(rows[dataStart])[field] !== undefined))
        dataStart++;
      return { index, columns, dataStart };
    }
    if (!best || found > best.found) best = { index, columns, found };
  }
  return { missing: required.filter((field) => best?.columns[field] === undefined) };
}

/**
 * Finds the report header among the first rows of a table.
 * @param rows the table
 * @returns the header's location, or the required fields that could not be found
 */
export function findReportHeader(
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
): HeaderLocation<ReportField> | { missing: ReportField[] } {
  return locate(rows, mapReportHeader, REQUIRED_REPORT_FIELDS);
}

/**
 * Finds the baselines header (目标编号 + 基期值) among the first rows of a table.
 * @param rows the table
 * @returns the header's location, or the fields that could not be found
 */
export function findBaselineHeader(
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
): HeaderLocation<BaselineField> | { missing: BaselineField[] } {
  return locate(rows, mapBaselineHeader, ["targetId", "baseline"]);
}
