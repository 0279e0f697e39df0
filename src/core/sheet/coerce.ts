/**
 * Excel-like coercion of one cell to the type a parameter declares. Coercers return values,
 * never throw: an error becomes a SheetError in that cell only.
 *
 * - number: numbers as they are; TRUE/FALSE → 1/0; numeric text ("60", "45%") → its number;
 *   other text → #VALUE!; ±Infinity/NaN → #NUM!; an error in the cell passes through.
 * - integer: as number, then truncated toward zero (Excel truncates year arguments).
 * - period: a report date (see parseReportPeriod): a year, "2025-06", an ISO date, a date serial.
 * - kind / mode: a keyword (case-insensitive; Chinese aliases accepted); unknown → #N/A with a message.
 * - text: anything, as text.
 * - Blank (empty cell, "" or omitted): an optional parameter takes its default; a required one
 *   makes the result cell blank — an unreported row shows nothing rather than a −100% gap.
 */
import { LiangxinError } from "../errors";
import type { ReportPeriod } from "../period";
import { parseReportPeriod } from "../period";
import type { SheetError } from "./values";
import { isSheetError, sheetError } from "./values";

export type ParamType = "number" | "integer" | "period" | "kind" | "mode" | "text" | "range";

export interface ParamSpec {
  /** Parameter name as Excel shows it (camelCase, English). */
  name: string;
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
 * @returns the coerced value, BLANK, undefined (omitted optional) or a SheetError
 * @example coerceCell("45%", { name: "rate", type: "number", description: "" }, "F") // 0.45
 */
export function coerceCell(value: unknown, param: ParamSpec, functionName: string): Coerced {
  if (value === null || value === undefined || value === "") {
    if (param.defaultValue !== undefined) return param.defaultValue;
    return param.optional ? undefined : BLANK;
  }
  if (isSheetError(value)) return value;
  switch (param.type) {
    case "number":
      return toNumber(value, param, functionName);
    case "integer": {
      const number = toNumber(value, param, functionName);
      return typeof number === "number" ? Math.trunc(number) : number;
    }
    case "period":
      return toPeriod(value, param, functionName);
    case "kind":
    case "mode":
      return toKeyword(value, param, functionName);
    case "text":
    case "range":
      return typeof value === "string" ? value : String(value);
  }
}

function toNumber(value: unknown, param: ParamSpec, functionName: string): number | SheetError {
  if (typeof value === "number") {
    return Number.isFinite(value) ? value : sheetError("#NUM!", `${functionName} got a non-finite number for ${param.name}`);
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string") {
    const match = NUMERIC_TEXT.exec(value);
    if (match) {
      const number = Number(match[1] ? value.trim().slice(0, -1) : value);
      return match[1] ? number / 100 : number;
    }
  }
  return sheetError("#VALUE!", `${functionName} expects a number for ${param.name}, not "${String(value)}"`);
}

function toPeriod(value: unknown, param: ParamSpec, functionName: string): ReportPeriod | SheetError {
  if (typeof value !== "number" && typeof value !== "string" && !(value instanceof Date)) {
    return sheetError("#VALUE!", `${functionName} expects a date for ${param.name}, not "${String(value)}"`);
  }
  try {
    return parseReportPeriod(value);
  } catch (error) {
    if (error instanceof LiangxinError) {
      return sheetError(error.code, `${functionName} cannot read "${String(value)}" as a report date for ${param.name} (use 2025, 2025-06, 2025-06-30 or a date)`);
    }
    throw error;
  }
}

function toKeyword(value: unknown, param: ParamSpec, functionName: string): string | SheetError {
  const keyword = typeof value === "string" ? param.keywords?.[value.trim().toLowerCase()] : undefined;
  if (keyword !== undefined) return keyword;
  const allowed = [...new Set(Object.values(param.keywords ?? {}))].join(", ");
  return sheetError("#N/A", `${functionName} does not know the ${param.name} "${String(value)}" (use ${allowed})`);
}
