/**
 * Two kinds of error (see README "Errors"): misuse and invalid arguments throw a
 * LiangxinError carrying an Excel-style code; data problems are returned as warnings.
 * Each adapter maps LiangxinError once: custom functions to CustomFunctions.Error,
 * the CLI to "#CODE message" on stdout/stderr and an exit code, the task pane to a message.
 */

/** Excel's error values, language-neutral. */
export type ExcelErrorCode = "#VALUE!" | "#NUM!" | "#N/A" | "#DIV/0!" | "#NAME?" | "#REF!" | "#NULL!";

export class LiangxinError extends Error {
  constructor(
    public readonly code: ExcelErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "LiangxinError";
  }
}

export function isLiangxinError(error: unknown): error is LiangxinError {
  return error instanceof LiangxinError;
}
