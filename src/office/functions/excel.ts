/**
 * The Excel edge of the sheet functions: evaluate through the shared registry and turn neutral
 * error values into CustomFunctions.Error. Used by every custom-function file (trajectory, subsidy).
 */
import type { ExcelErrorCode } from "../../core/errors";
import { callSheetFunction } from "../../core/sheet/registry";
import type { SheetArgument, SheetResult, SheetScalar } from "../../core/sheet/values";
import { isSheetError } from "../../core/sheet/values";

/** The part of the Office custom-functions runtime used here (a global in Excel, absent in Node). */
interface CustomFunctionsRuntime {
  Error: new (code: string, message?: string) => object;
  ErrorCode: Record<string, string>;
}

const ERROR_CODE_NAMES: Record<ExcelErrorCode, string> = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
  "#DIV/0!": "divisionByZero",
  "#NUM!": "invalidNumber",
  "#NULL!": "nullReference",
  "#NAME?": "invalidName",
  "#REF!": "invalidReference",
};

/** Excel shows a custom message only with these two codes; others would drop it anyway. */
const CODES_WITH_MESSAGE = new Set<ExcelErrorCode>(["#VALUE!", "#N/A"]);

function runtime(): CustomFunctionsRuntime | undefined {
  return (globalThis as { CustomFunctions?: CustomFunctionsRuntime }).CustomFunctions;
}

/** One cell as Excel takes it: errors become CustomFunctions.Error; null becomes an empty cell. */
export function toExcelCell(value: SheetScalar): unknown {
  if (value === null) return "";
  if (!isSheetError(value)) return value;
  const customFunctions = runtime();
  if (!customFunctions) return value;
  const code = customFunctions.ErrorCode[ERROR_CODE_NAMES[value.error]] ?? value.error;
  return CODES_WITH_MESSAGE.has(value.error) && value.message
    ? new customFunctions.Error(code, value.message)
    : new customFunctions.Error(code);
}

/** A result as rows of Excel cells (a single value is a 1×1 range, which Excel shows as the value). */
export function toExcelResult(result: SheetResult): unknown[][] {
  if (!Array.isArray(result)) return [[toExcelCell(result)]];
  return result.map((row) => row.map(toExcelCell));
}

/**
 * Evaluates a registered sheet function for Excel: same registry as `liangxin calc`, errors as values.
 * @param name the Excel name (TARGET_GAP)
 * @param args the arguments as Excel passes them (ranges as rows; omitted optionals null)
 * @returns rows of cells, never throwing
 */
export function evaluateForExcel(name: string, args: readonly SheetArgument[]): unknown[][] {
  try {
    return toExcelResult(callSheetFunction(name, args));
  } catch (exception) {
    // callSheetFunction never throws; this guards the conversion itself so no exception reaches Excel.
    return toExcelResult({
      error: "#VALUE!",
      message: `${name}: ${exception instanceof Error ? exception.message : String(exception)}`,
    });
  }
}
