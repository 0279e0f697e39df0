/**
 * Declarative sheet functions and the one evaluator that applies their argument specs: coercion,
 * range broadcasting and errors as values. The Excel custom functions and `liangxin calc` both call
 * evaluateSheetFunction, so they cannot disagree.
 */
import type { Coerced, ParamSpec } from "./coerce";
import { BLANK, coerceCell } from "./coerce";
import type { SheetArgument, SheetMatrix, SheetResult, SheetScalar } from "./values";
import { errorFromException, isSheetError, sheetError } from "./values";

interface SheetFunctionBase {
  /** Excel name, upper case (TARGET_GAP). */
  name: string;
  /** One line, English; shown by `calc --list` and in the metadata. */
  description: string;
  /** One line, Chinese, for the docs and the task pane. */
  descriptionZh: string;
  params: readonly ParamSpec[];
}

/**
 * Element-wise function: every argument may be a cell or a range; ranges are broadcast like Excel's
 * array arithmetic (a single row or column repeats; cells past a shorter range are #N/A) and the
 * result has the combined shape. `compute` gets one coerced value per parameter (never BLANK or an
 * error) and may throw LiangxinError. It must not keep the array it is given (it is reused).
 */
export interface ElementwiseSheetFunction extends SheetFunctionBase {
  shape: "elementwise";
  compute(args: readonly Coerced[]): SheetScalar;
}

/** Function over whole ranges (FORECAST_TARGET, LAGGARDS): gets each argument as rows of raw cells. */
export interface RangeSheetFunction extends SheetFunctionBase {
  shape: "range";
  evaluate(args: readonly SheetMatrix[], functionName: string): SheetResult;
}

export type SheetFunction = ElementwiseSheetFunction | RangeSheetFunction;

/** Excel-style signature: TARGET_GAP(reported, baseline, target, date, [kind], [mode]). */
export function signatureOf(fn: SheetFunction): string {
  return `${fn.name}(${fn.params.map((param) => (param.optional ? `[${param.name}]` : param.name)).join(", ")})`;
}

/** Rows of cells for any argument: a range as is, a flat array as one row, a cell as 1×1, omitted as []. */
export function toMatrix(argument: SheetArgument): SheetMatrix {
  if (argument === undefined || argument === null) return [];
  if (Array.isArray(argument)) {
    if (argument.length > 0 && Array.isArray(argument[0])) return argument as SheetMatrix;
    return [argument as SheetScalar[]];
  }
  return [[argument as SheetScalar]];
}

/**
 * Evaluates a sheet function as a cell would. Never throws.
 * @param fn the function's spec
 * @param args one argument per parameter (missing trailing ones are omitted)
 * @returns a single value when every argument is a single cell (or the function returns one), else rows
 */
export function evaluateSheetFunction(fn: SheetFunction, args: readonly SheetArgument[]): SheetResult {
  try {
    if (args.length > fn.params.length) {
      return sheetError(
        "#VALUE!",
        `${fn.name}：最多 ${fn.params.length} 个参数 (${fn.name} takes at most ${fn.params.length} arguments)`,
      );
    }
    if (fn.shape === "range")
      return finiteResult(
        fn.evaluate(
          fn.params.map((_param, index) => toMatrix(args[index])),
          fn.name,
        ),
        fn.name,
      );
    return evaluateElementwise(fn, args);
  } catch (exception) {
    return errorFromException(exception, fn.name);
  }
}

function evaluateElementwise(fn: ElementwiseSheetFunction, args: readonly SheetArgument[]): SheetResult {
  const params = fn.params;
  const count = params.length;
  const values: Coerced[] = new Array(count);
  let ranges: (SheetMatrix | undefined)[] | undefined;
  let rows = 1;
  let columns = 1;
  // Coerce single cells once; only ranges are read cell by cell.
  for (let index = 0; index < count; index++) {
    let argument = args[index];
    if (Array.isArray(argument)) {
      const matrix = toMatrix(argument);
      if (matrix.length === 1 && matrix[0].length === 1) {
        argument = matrix[0][0];
      } else if (matrix.length === 0 || matrix[0].length === 0) {
        argument = undefined;
      } else {
        ranges ??= new Array(count);
        ranges[index] = matrix;
        if (matrix.length > rows) rows = matrix.length;
        if (matrix[0].length > columns) columns = matrix[0].length;
        continue;
      }
    }
    values[index] = coerceCell(argument, params[index], fn.name);
  }
  if (!ranges) return computeCell(fn, values);

  const result: SheetMatrix = new Array(rows);
  const cellValues: Coerced[] = values.slice();
  for (let row = 0; row < rows; row++) {
    const resultRow: SheetScalar[] = new Array(columns);
    for (let column = 0; column < columns; column++) {
      let outside = false;
      for (let index = 0; index < count; index++) {
        const range = ranges[index];
        if (!range) continue;
        const rangeRow = range.length === 1 ? range[0] : range[row];
        const cellColumn = rangeRow && rangeRow.length === 1 ? 0 : column;
        if (!rangeRow || cellColumn >= rangeRow.length) {
          outside = true;
          break;
        }
        cellValues[index] = coerceCell(rangeRow[cellColumn], params[index], fn.name);
      }
      resultRow[column] = outside
        ? sheetError("#N/A", `${fn.name}：区域大小不一致 (${fn.name}: ranges of different sizes)`)
        : computeCell(fn, cellValues);
    }
    result[row] = resultRow;
  }
  return result;
}

function computeCell(fn: ElementwiseSheetFunction, values: readonly Coerced[]): SheetScalar {
  let blank = false;
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (value === BLANK) blank = true;
    else if (isSheetError(value)) return value;
  }
  if (blank) return "";
  try {
    return finiteScalar(fn.compute(values), fn.name);
  } catch (exception) {
    return errorFromException(exception, fn.name);
  }
}

/**
 * What Excel would show for a computed value: a number that is not finite (an overflow, 0/0) is
 * #NUM!, never Infinity, NaN or an empty cell left by a null.
 */
function finiteScalar(value: SheetScalar, functionName: string): SheetScalar {
  if (typeof value === "number" && !Number.isFinite(value))
    return sheetError(
      "#NUM!",
      `${functionName}：结果不是有限数值（${value}）(${functionName}: the result is not a finite number)`,
    );
  return value;
}

/** finiteScalar over a function's whole result, spilled ranges cell by cell. */
function finiteResult(result: SheetResult, functionName: string): SheetResult {
  if (!Array.isArray(result)) return finiteScalar(result, functionName);
  return result.map((row) => row.map((cell) => finiteScalar(cell, functionName)));
}
