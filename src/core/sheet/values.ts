/**
 * Cell values of the spreadsheet-function layer, neutral of any host: what a custom function
 * receives and returns, with errors as values ({ error: "#NUM!", message }). The Excel adapter
 * (src/office/functions) turns errors into CustomFunctions.Error; the CLI prints them.
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
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as SheetError).error === "string" &&
    (value as SheetError).error.startsWith("#")
  );
}

/** Blank as Excel passes it: an empty cell or an omitted argument. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/** A core function's name opening its message: "requiredGrowth：…" or "requiredRunRate: …". */
const CORE_FUNCTION_NAME = /^[a-z][A-Za-z]*(?=[\s:：])/;

/**
 * The one place an exception becomes a cell error. A LiangxinError keeps its code; its message,
 * written by a core function ("requiredGrowth：基期值须为正数 (requiredGrowth requires …)"), is
 * re-addressed to the sheet function the user called, in the Chinese text and in the English after it
 * ("REQUIRED_GROWTH：基期值须为正数 (REQUIRED_GROWTH requires …)"). Anything else is a bug: #VALUE!
 * with its text, never an escaped exception.
 */
export function errorFromException(exception: unknown, functionName: string): SheetError {
  if (isLiangxinError(exception)) {
    const coreName = CORE_FUNCTION_NAME.exec(exception.message)?.[0];
    const message =
      coreName === undefined
        ? exception.message
        : exception.message.replace(new RegExp(`\\b${coreName}\\b`, "g"), functionName);
    return sheetError(exception.code, message);
  }
  const text = exception instanceof Error ? exception.message : String(exception);
  return sheetError("#VALUE!", `${functionName}：内部错误 (internal error)：${text}`);
}
