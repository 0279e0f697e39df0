/**
 * Cell values of the spreadsheet-function layer, neutral of any host: what a custom function
 * receives and returns, with errors as values ({ error: "#NUM!", message }). The Excel adapter
 * (src/functions) turns errors into CustomFunctions.Error; the CLI prints them.
 */
import type { ExcelErrorCode } from "../errors";
import { isLiangxinError } from "../errors";

/** An error shown in a cell. Excel shows the message only with #VALUE! and #N/A. */
export interface SheetError {
  error: ExcelErrorCode;
  message?: string;
}

/** One cell: a number, text, a boolean, blank (null) or an error. */
export type SheetScalar = number | string | boolean | null | SheetError;
/** A range, row by row. */
export type SheetMatrix = SheetScalar[][];
/** What a function returns: one value, or a range that spills. */
export type SheetResult = SheetScalar | SheetMatrix;
/**
 * What an argument can be: a cell value, a range (rows of cells; a flat array is one row, like
 * Excel's {1,2,3}), or omitted (undefined/null). Left open because hosts pass what they pass.
 */
export type SheetArgument = unknown;

export function sheetError(code: ExcelErrorCode, message?: string): SheetError {
  return message === undefined ? { error: code } : { error: code, message };
}

export function isSheetError(value: unknown): value is SheetError {
  return typeof value === "object" && value !== null && typeof (value as SheetError).error === "string" && (value as SheetError).error.startsWith("#");
}

/** Blank as Excel passes it: an empty cell or an omitted argument. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/**
 * The one place an exception becomes a cell error. A LiangxinError keeps its code; its message,
 * written by a core function ("requiredGrowth requires …"), is re-addressed to the sheet function
 * the user called ("REQUIRED_GROWTH requires …"). Anything else is a bug: #VALUE! with its text,
 * never an escaped exception.
 */
export function errorFromException(exception: unknown, functionName: string): SheetError {
  if (isLiangxinError(exception)) {
    return sheetError(exception.code, exception.message.replace(/^[a-z][A-Za-z]*(?=[\s:])/, functionName));
  }
  const text = exception instanceof Error ? exception.message : String(exception);
  return sheetError("#VALUE!", `${functionName}: ${text}`);
}
