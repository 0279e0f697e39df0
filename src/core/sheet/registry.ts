/**
 * Every sheet function the product offers, by Excel name. The Excel custom functions
 * (src/office/functions) and `liangxin calc` both evaluate through here.
 *
 * Adding a table of functions is one import and one spread:
 *   import { SUBSIDY_FUNCTIONS } from "./subsidyFunctions";
 *   export const SHEET_FUNCTIONS = { ...TRAJECTORY_FUNCTIONS, ...SUBSIDY_FUNCTIONS };
 * Each entry is an ElementwiseSheetFunction (per-cell compute, ranges broadcast) or a
 * RangeSheetFunction (whole ranges in, any shape out); see ./engine.
 */
import type { SheetFunction } from "./engine";
import { evaluateSheetFunction } from "./engine";
import { TRAJECTORY_FUNCTIONS } from "./trajectoryFunctions";
import { SUBSIDY_FUNCTIONS } from "./subsidyFunctions";
import type { SheetArgument, SheetResult } from "./values";
import { sheetError } from "./values";

export const SHEET_FUNCTIONS: Readonly<Record<string, SheetFunction>> = {
  ...TRAJECTORY_FUNCTIONS,
  ...SUBSIDY_FUNCTIONS,
};

/** The custom functions' namespace, as manifest.xml declares it (Functions.Namespace): Excel calls them LX.TARGET_GAP(…). */
export const CUSTOM_FUNCTION_NAMESPACE = "LX";

// A call of a registered function not already qualified (LX.TARGET_GAP, _xlfn.X) nor part of a longer name.
const BARE_CALL = new RegExp(`(?<![A-Za-z0-9_.])(${Object.keys(SHEET_FUNCTIONS).join("|")})\\(`, "gi");
// String literals ("…" with "" inside) and quoted sheet names ('…' with '' inside) are left as they are.
const QUOTED_OR_CODE = /("(?:[^"]|"")*"|'(?:[^']|'')*')|[^"']+/g;

/**
 * Qualifies every call of a registered sheet function with the namespace: =TARGET_GAP(…) → =LX.TARGET_GAP(…).
 * The add-in writes its own formulas this way because LX.NAME always resolves while the add-in is
 * installed, whereas the bare names are LAMBDA workbook names that Excel without LAMBDA (2019/2021) lacks.
 * Text inside string literals and quoted sheet names is not touched; already qualified calls stay as they are.
 * @param formula an A1 formula, with or without the leading "="
 * @param namespace the namespace (default LX)
 * @returns the formula with qualified calls
 * @example qualifyCustomFunctions('=IF(A1="","",TARGET_GAP(A1,B1,C1,D1))') // '=IF(A1="","",LX.TARGET_GAP(A1,B1,C1,D1))'
 */
export function qualifyCustomFunctions(formula: string, namespace: string = CUSTOM_FUNCTION_NAMESPACE): string {
  return formula.replace(QUOTED_OR_CODE, (part: string, quoted: string | undefined) =>
    quoted !== undefined
      ? part
      : part.replace(BARE_CALL, (_call, name: string) => `${namespace}.${name.toUpperCase()}(`),
  );
}

/** Finds a function by name, case-insensitive, with or without the LX. prefix. */
export function findSheetFunction(name: string): SheetFunction | undefined {
  const key = name.trim().toUpperCase().replace(/^LX\./, "");
  return Object.prototype.hasOwnProperty.call(SHEET_FUNCTIONS, key) ? SHEET_FUNCTIONS[key] : undefined;
}

/**
 * Evaluates a sheet function by name as a cell would; never throws.
 * @param name Excel name (TARGET_GAP)
 * @param args the arguments (cells, ranges as rows, undefined for omitted)
 * @returns the cell value, the spilled rows, or an error value (#NAME? for an unknown function)
 * @example callSheetFunction("TARGET_GAP", [60, 100, 200, "2025-06", "growth"]) // -0.1514718625761429
 */
export function callSheetFunction(name: string, args: readonly SheetArgument[]): SheetResult {
  const fn = findSheetFunction(name);
  if (!fn) return sheetError("#NAME?", `未知函数 ${name} (unknown function ${name})`);
  return evaluateSheetFunction(fn, args);
}

export type { SheetFunction, ElementwiseSheetFunction, RangeSheetFunction } from "./engine";
export { evaluateSheetFunction, signatureOf } from "./engine";
export type { ParamSpec, ParamType, Coerced } from "./coerce";
export { BLANK, coerceCell } from "./coerce";
export type { SheetArgument, SheetError, SheetMatrix, SheetResult, SheetScalar } from "./values";
export { isSheetError, sheetError, errorFromException } from "./values";
