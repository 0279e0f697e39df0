/**
 * Excel-like coercion of one cell to the type a parameter declares. Coercers return values,
 * never throw: an error becomes a SheetError in that cell only.
 *
 * - number: numbers as they are; TRUE/FALSE → 1/0; numeric text ("60", "45%") → its number;
 *   other text → #VALUE!; ±Infinity/NaN → #NUM!; an error in the cell passes through.
 * - integer: as number, then truncated toward zero (Excel truncates year arguments).
 * - year: as integer, and within 1990–2100 (the report dates the product accepts, src/core/period.ts);
 *   a year outside is #NUM! — a base year of −1e20 is a typing slip, not a plan.
 * - period: a report date (see parseReportPeriod): a year, "2025-06", 2025.06, 202506, an ISO date, a date
 *   serial; a date outside 1990–2100 is #NUM! with the reason.
 * - kind / mode: a keyword (case-insensitive; Chinese aliases accepted), looked up in the table's own
 *   keys only (`__proto__` or `constructor` is not a kind); unknown → #N/A with a message.
 * - text: anything, as text.
 * - Blank (empty cell, "" or omitted): an optional parameter takes its default; a required one
 *   makes the result cell blank — an unreported row shows nothing rather than a −100% gap.
 *
 * Messages are Chinese first, the English after in parentheses, both naming the sheet function:
 * `TARGET_GAP：报告值应为数字，而不是 "abc" (TARGET_GAP expects a number for reported, not "abc")`.
 */
import { LiangxinError } from "../errors";
import type { ReportPeriod } from "../period";
import { EARLIEST_REPORT_YEAR, LATEST_REPORT_YEAR, parseReportPeriod, UnreadableReportDate } from "../period";
import type { SheetError } from "./values";
import { errorFromException, isSheetError, sheetError } from "./values";

export type ParamType = "number" | "integer" | "year" | "period" | "kind" | "mode" | "text" | "range";

export interface ParamSpec {
  /** Parameter name as Excel shows it (camelCase, English). */
  name: string;
  /**
   * Chinese label, as the custom function's JSDoc gives it (基期值, 报告期), for the Chinese part of
   * messages; without one, messages use `name` in both languages.
   */
  labelZh?: string;
  type: ParamType;
  optional?: boolean;
  /** Used when an optional argument is blank or omitted. */
  defaultValue?: number | string;
  /** Allowed keywords for "kind"/"mode": alias (lower case) → canonical value. */
  keywords?: Readonly<Record<string, string>>;
  description: string;
}

/** Marker for "a required argument is blank": the result cell is blank. */
export const BLANK = Symbol("blank");
/** What a coerced cell can be; `undefined` is an omitted optional without a default. */
export type Coerced = number | string | ReportPeriod | SheetError | typeof BLANK | undefined;

const NUMERIC_TEXT = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*(%?)\s*$/;

/**
 * Coerces one cell for a parameter.
 * @param value the cell value as the host passes it
 * @param param the parameter's spec
 * @param functionName the sheet function's name, for messages
 * @param cellNumber the cell's position (from 1) where a function reads a range cell by cell, for messages
 * @returns the coerced value, BLANK, undefined (omitted optional) or a SheetError
 * @example coerceCell("45%", { name: "rate", type: "number", description: "" }, "F") // 0.45
 * @example coerceCell("abc", { name: "reported", labelZh: "报告值", type: "number", description: "" }, "TARGET_GAP")
 *   // { error: "#VALUE!", message: 'TARGET_GAP：报告值应为数字，而不是 "abc" (TARGET_GAP expects a number for reported, not "abc")' }
 */
export function coerceCell(value: unknown, param: ParamSpec, functionName: string, cellNumber?: number): Coerced {
  if (value === null || value === undefined || value === "") {
    if (param.defaultValue !== undefined) return param.defaultValue;
    return param.optional ? undefined : BLANK;
  }
  if (isSheetError(value)) return value;
  const subject = cellNumber === undefined ? undefined : { zh: `第 ${cellNumber} 个`, en: ` in cell ${cellNumber}` };
  switch (param.type) {
    case "number":
      return toNumber(value, param, functionName, subject);
    case "integer": {
      const number = toNumber(value, param, functionName, subject);
      return typeof number === "number" ? Math.trunc(number) : number;
    }
    case "year":
      return toYear(value, param, functionName, subject);
    case "period":
      return toPeriod(value, param, functionName, subject);
    case "kind":
    case "mode":
      return toKeyword(value, param, functionName);
    case "text":
    case "range":
      return typeof value === "string" ? value : String(value);
  }
}

/** Where in a range a bad cell sits, for messages: "第 2 个" before the label, " in cell 2" after the name. */
interface CellSubject {
  zh: string;
  en: string;
}

/**
 * The parameter as the Chinese part of a message names it, `before` other Chinese text: its label
 * (报告值应为数字), or its English name spaced off (volume 应为数字).
 */
function zhLabel(param: ParamSpec, subject?: CellSubject): string {
  return (subject?.zh ?? "") + (param.labelZh ?? `${subject ? " " : ""}${param.name} `);
}

/** A cell value as Excel would show it in a message (TRUE, not true). */
function cellText(value: unknown): string {
  return typeof value === "boolean" ? String(value).toUpperCase() : String(value);
}

function toNumber(value: unknown, param: ParamSpec, functionName: string, subject?: CellSubject): number | SheetError {
  const where = subject?.en ?? "";
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? value
      : sheetError(
          "#NUM!",
          `${functionName}：${zhLabel(param, subject)}须为有限数值 (${functionName} got a non-finite number for ${param.name}${where})`,
        );
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string") {
    const match = NUMERIC_TEXT.exec(value);
    if (match) {
      const number = Number(match[1] ? value.trim().slice(0, -1) : value);
      return match[1] ? number / 100 : number;
    }
  }
  const text = cellText(value);
  return sheetError(
    "#VALUE!",
    `${functionName}：${zhLabel(param, subject)}应为数字，而不是 "${text}" (${functionName} expects a number for ${param.name}${where}, not "${text}")`,
  );
}

function toYear(value: unknown, param: ParamSpec, functionName: string, subject?: CellSubject): number | SheetError {
  const number = toNumber(value, param, functionName, subject);
  if (typeof number !== "number") return number;
  const year = Math.trunc(number);
  if (year >= EARLIEST_REPORT_YEAR && year <= LATEST_REPORT_YEAR) return year;
  return sheetError(
    "#NUM!",
    `${functionName}：${zhLabel(param, subject)}须在 ${EARLIEST_REPORT_YEAR}–${LATEST_REPORT_YEAR} 年之间，而不是 ${cellText(value)}` +
      ` (${functionName} expects ${param.name}${subject?.en ?? ""} between ${EARLIEST_REPORT_YEAR} and ${LATEST_REPORT_YEAR}, not ${cellText(value)})`,
  );
}

function toPeriod(
  value: unknown,
  param: ParamSpec,
  functionName: string,
  subject?: CellSubject,
): ReportPeriod | SheetError {
  const where = subject?.en ?? "";
  const text = cellText(value);
  if (typeof value !== "number" && typeof value !== "string" && !(value instanceof Date)) {
    return sheetError(
      "#VALUE!",
      `${functionName}：${zhLabel(param, subject)}应为日期，而不是 "${text}" (${functionName} expects a date for ${param.name}${where}, not "${text}")`,
    );
  }
  try {
    return parseReportPeriod(value);
  } catch (error) {
    // A date read but outside 1990–2100, or an ambiguous 2025.1: the core's own words say why.
    if (error instanceof LiangxinError && !(error instanceof UnreadableReportDate)) {
      const located = errorFromException(error, functionName);
      return subject
        ? sheetError(
            located.error,
            `${located.message ?? ""}（${subject.zh.trim()}${param.labelZh ?? param.name} / ${param.name}${subject.en}）`,
          )
        : located;
    }
    if (error instanceof LiangxinError) {
      return sheetError(
        error.code,
        `${functionName}：${zhLabel(param, subject)}无法识别 "${text}"，请用 2025、2025-06、2025-06-30 或日期` +
          ` (${functionName} cannot read "${text}" as a report date for ${param.name}${where}; use 2025, 2025-06, 2025-06-30 or a date)`,
      );
    }
    throw error;
  }
}

function toKeyword(value: unknown, param: ParamSpec, functionName: string): string | SheetError {
  const keywords = param.keywords ?? {};
  const key = typeof value === "string" ? value.trim().toLowerCase() : undefined;
  // Own keys only: `toString` or `__proto__` typed as a kind must not find Object.prototype's members.
  if (key !== undefined && Object.hasOwn(keywords, key)) return keywords[key];
  const allowed = [...new Set(Object.values(keywords))];
  const text = cellText(value);
  return sheetError(
    "#N/A",
    `${functionName}：未知的${param.labelZh ?? ` ${param.name}`} "${text}"，可用 ${allowed.join("、")}` +
      ` (${functionName} does not know the ${param.name} "${text}"; use ${allowed.join(", ")})`,
  );
}
