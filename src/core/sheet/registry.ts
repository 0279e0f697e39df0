/**
 * Every sheet function the product offers, by Excel name. The Excel custom functions
 * (src/functions) and `liangxin calc` both evaluate through here.
 *
 * Adding a table of functions is one import and one spread:
 *   import { SUBSIDY_FUNCTIONS } from "../budget/sheetFunctions";
 *   export const SHEET_FUNCTIONS = { ...TRAJECTORY_FUNCTIONS, ...SUBSIDY_FUNCTIONS };
 * Each entry is an ElementwiseSheetFunction (per-cell compute, ranges broadcast) or a
 * RangeSheetFunction (whole ranges in, any shape out); see ./engine.
 */
import type { SheetFunction } from "./engine";
import { evaluateSheetFunction } from "./engine";
import { TRAJECTORY_FUNCTIONS } from "./trajectoryFunctions";
import { SUBSIDY_FUNCTIONS } from "../budget/sheetFunctions";
import type { SheetArgument, SheetResult } from "./values";
import { sheetError } from "./values";

export const SHEET_FUNCTIONS: Readonly<Record<string, SheetFunction>> = { ...TRAJECTORY_FUNCTIONS, ...SUBSIDY_FUNCTIONS };

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
