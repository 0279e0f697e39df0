/**
 * Header mapping for report and baseline tables: Chinese or English column names, in any order,
 * possibly with the English under the Chinese ("期间\nPeriod", "期间 (period)").
 */
import type { ReportField } from "./types";

/** Normalised header text → field. Keys are lower-case with spaces, underscores and hyphens removed. */
const REPORT_HEADERS = headerTable<ReportField>({
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
});

/**
 * How plainly a header names its field, when two columns map to one field: the lowest rank wins,
 * and two columns of the same lowest rank are an error naming both (never the first silently).
 * 0 (unlisted): the report's own words (期间, 填报单位, 目标编号, 填报值, 口径);
 * 1: general words (月份, 部门, 编号, 数值 …), often a helper column beside the report's own —
 *    the templated 月度填报 sheet has a 月 (Month) column beside 期间;
 * 2: words that usually mean something else in a report: 日期/date is the submission date beside
 *    期间, 牵头单位 the plan's lead department beside the 填报单位 that reports.
 */
const HEADER_RANKS: ReadonlyMap<string, number> = new Map([
  ...["月份", "年月", "统计期", "填报月份", "month"].map((name): [string, number] => [name, 1]),
  ...["部门", "责任单位", "责任部门", "department", "dept", "agency"].map((name): [string, number] => [name, 1]),
  ...["编号", "指标编号", "id", "target"].map((name): [string, number] => [name, 1]),
  ...["完成值", "实际值", "本期值", "数值", "完成数", "value", "actual"].map((name): [string, number] => [name, 1]),
  ...["measure"].map((name): [string, number] => [name, 1]),
  ...["日期", "date", "牵头单位", "牵头部门"].map((name): [string, number] => [name, 2]),
]);

/** Baseline table columns (a baselines file or the 目标总表 sheet). */
export type BaselineField = "targetId" | "baseline";

const BASELINE_HEADERS = headerTable<BaselineField>({
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
});

/** A Map, not an object: a header cell "__proto__" or "constructor" must not find a prototype's member. */
function headerTable<Field extends string>(entries: Record<string, Field>): ReadonlyMap<string, Field> {
  return new Map(Object.entries(entries));
}

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

/** Two or more columns that map to one field, none of them obviously the one meant. */
export interface AmbiguousColumns<Field extends string> {
  field: Field;
  /** The header cells as written, in column order. */
  headers: string[];
  /** Their 0-based column indices. */
  columns: number[];
}

/** A header row mapped to fields: the column of each field found, and the fields with competing columns. */
export interface MappedHeader<Field extends string> {
  columns: Partial<Record<Field, number>>;
  ambiguous: AmbiguousColumns<Field>[];
}

function mapRow<Field extends string>(
  cells: ReadonlyArray<unknown>,
  dictionary: ReadonlyMap<string, Field>,
): MappedHeader<Field> {
  const found = new Map<Field, Array<{ column: number; header: string; rank: number }>>();
  cells.forEach((cell, columnIndex) => {
    for (const candidate of headerCandidates(cell)) {
      const field = dictionary.get(candidate);
      if (field === undefined) continue;
      const list = found.get(field) ?? [];
      list.push({ column: columnIndex, header: String(cell).trim(), rank: HEADER_RANKS.get(candidate) ?? 0 });
      found.set(field, list);
      return;
    }
  });
  const columns: Partial<Record<Field, number>> = {};
  const ambiguous: AmbiguousColumns<Field>[] = [];
  for (const [field, list] of found) {
    const bestRank = Math.min(...list.map((entry) => entry.rank));
    const preferred = list.filter((entry) => entry.rank === bestRank);
    columns[field] = preferred[0].column;
    if (preferred.length > 1)
      ambiguous.push({
        field,
        headers: preferred.map((entry) => entry.header),
        columns: preferred.map((entry) => entry.column),
      });
  }
  return { columns, ambiguous };
}

/**
 * Maps a report header row to column indices.
 * @param cells the header row's cell values
 * @returns field → 0-based column index, for the fields found
 * @example mapReportHeader(["月份", "责任单位", "目标编号", "填报值"]) // → { period: 0, department: 1, targetId: 2, value: 3 }
 */
export function mapReportHeader(cells: ReadonlyArray<unknown>): Partial<Record<ReportField, number>> {
  return mapRow(cells, REPORT_HEADERS).columns;
}

/**
 * Maps a baselines header row (目标编号/id and 基期值/baseline) to column indices.
 * @param cells the header row's cell values
 * @returns field → 0-based column index, for the fields found
 * @example mapBaselineHeader(["目标编号", "指标", "基期值"]) // → { targetId: 0, baseline: 2 }
 */
export function mapBaselineHeader(cells: ReadonlyArray<unknown>): Partial<Record<BaselineField, number>> {
  return mapRow(cells, BASELINE_HEADERS).columns;
}

export const REQUIRED_REPORT_FIELDS: readonly ReportField[] = ["period", "department", "targetId", "value"];

/** Where the header was found in a table: its index in `rows`, the columns, and how many header-like rows follow it. */
export interface HeaderLocation<Field extends string> {
  index: number;
  columns: Partial<Record<Field, number>>;
  /** Index of the first data row (skips a second, English header row). */
  dataStart: number;
}

/** Why no header could be used: required fields not found, or fields with competing columns. */
export type HeaderProblem<Field extends string> =
  { missing: Field[] } | { missing: []; ambiguous: AmbiguousColumns<Field>[]; index: number };

/** Rows scanned for a header (titles or notes may sit above it). */
const HEADER_SCAN_ROWS = 10;

function locate<Field extends string>(
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
  dictionary: ReadonlyMap<string, Field>,
  required: readonly Field[],
): HeaderLocation<Field> | HeaderProblem<Field> {
  let best: { index: number; columns: Partial<Record<Field, number>>; found: number } | undefined;
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  const hasAll = (cells: ReadonlyArray<unknown> | undefined): boolean => {
    const columns = mapRow(cells ?? [], dictionary).columns;
    return required.every((field) => columns[field] !== undefined);
  };
  for (let index = 0; index < limit; index++) {
    const { columns, ambiguous } = mapRow(rows[index] ?? [], dictionary);
    const found = required.filter((field) => columns[field] !== undefined).length;
    if (found === required.length) {
      if (ambiguous.length > 0) return { missing: [], ambiguous, index };
      let dataStart = index + 1;
      // A second header row (the English names under the Chinese ones) is not data.
      while (dataStart < rows.length && hasAll(rows[dataStart])) dataStart++;
      return { index, columns, dataStart };
    }
    if (!best || found > best.found) best = { index, columns, found };
  }
  return { missing: required.filter((field) => best?.columns[field] === undefined) };
}

/**
 * Finds the report header among the first rows of a table.
 * @param rows the table
 * @returns the header's location, or the required fields that could not be found, or the fields two
 *   columns compete for (the plainer header wins — 期间 over 月份 over 日期, 填报单位 over 部门 over 牵头单位 — and
 *   two equally plain ones are ambiguous)
 */
export function findReportHeader(
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
): HeaderLocation<ReportField> | HeaderProblem<ReportField> {
  return locate(rows, REPORT_HEADERS, REQUIRED_REPORT_FIELDS);
}

/**
 * Finds the baselines header (目标编号 + 基期值) among the first rows of a table.
 * @param rows the table
 * @returns the header's location, or the fields that could not be found or are ambiguous
 */
export function findBaselineHeader(
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
): HeaderLocation<BaselineField> | HeaderProblem<BaselineField> {
  return locate(rows, BASELINE_HEADERS, ["targetId", "baseline"]);
}
