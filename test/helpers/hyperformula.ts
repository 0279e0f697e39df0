/**
 * Recalculating the rendered templates in HyperFormula (a headless spreadsheet engine; GPL, so a
 * development dependency only), with the product's own sheet functions plugged in under their
 * LX. names for the add-in flavour, so tests check what formulas compute, not just their text.
 */
import { CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula } from "hyperformula";
import { callSheetFunction, CUSTOM_FUNCTION_NAMESPACE, SHEET_FUNCTIONS } from "../../src/core/sheet/registry";
import { isSheetError } from "../../src/core/sheet/values";
import { isFormulaCell } from "../../src/workbook";
import type { RenderedWorkbook, SheetKey } from "../../src/workbook";

export type SheetRows = (string | number | boolean | null)[][];

/**
 * Sheet name → rows of cells (formulas as "=…") from the rendered blocks. `_xlfn.` is dropped:
 * HyperFormula knows MINIFS and RRI by their plain names.
 */
export function renderedToSheets(
  workbook: RenderedWorkbook,
  skip: readonly SheetKey[] = [],
): Record<string, SheetRows> {
  const sheets: Record<string, SheetRows> = {};
  for (const sheet of workbook.sheets) {
    if (skip.includes(sheet.key)) continue;
    const rows: SheetRows = [];
    for (const block of sheet.blocks) {
      block.cells.forEach((cells, rowOffset) =>
        cells.forEach((cell, columnOffset) => {
          if (cell === null) return;
          (rows[block.row + rowOffset] ??= [])[block.column + columnOffset] = isFormulaCell(cell)
            ? cell.formula.replace(/_xlfn\./g, "")
            : cell;
        }),
      );
    }
    sheets[sheet.name] = Array.from(rows, (row) => Array.from(row ?? [], (cell) => cell ?? null));
  }
  return sheets;
}

/**
 * A HyperFormula engine over the rendered workbook, exact arithmetic (no smart rounding).
 * `skip` leaves sheets out that a test does not read and no other sheet refers to: the built-in
 * 补贴测算 alone holds ~4,400 formulas (its Monte Carlo), most of a recalculation's time.
 */
export function recalculate(workbook: RenderedWorkbook, skip: readonly SheetKey[] = []): HyperFormula {
  return HyperFormula.buildFromSheets(renderedToSheets(workbook, skip), { licenseKey: "gpl-v3", smartRounding: false });
}

/**
 * Registers the named sheet functions (e.g. "TARGET_GAP") with HyperFormula under their LX. names for
 * the enclosing describe block, evaluated by the product's registry cell by cell.
 */
export function useSheetFunctions(names: readonly string[]): void {
  const qualified = names.map((name) => `${CUSTOM_FUNCTION_NAMESPACE}.${name}`);
  class SheetFunctionsPlugin extends FunctionPlugin {
    static override implementedFunctions = Object.fromEntries(
      names.map((name, index) => [
        qualified[index],
        {
          method: "evaluate",
          parameters: SHEET_FUNCTIONS[name].params.map((param) => ({
            argumentType: FunctionArgumentType.SCALAR,
            optionalArg: Boolean(param.optional),
          })),
        },
      ]),
    );
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- HyperFormula's Ast and InterpreterState types are internal
    evaluate(ast: any, state: any): unknown {
      const name = String(ast.procedureName);
      return this.runFunction(ast.args, state, this.metadata(name), (...args: unknown[]) => {
        const result = callSheetFunction(
          name,
          args.map((arg) => (arg === EmptyValue || arg === undefined ? null : arg)),
        );
        if (isSheetError(result))
          return new CellError(
            result.error === "#NUM!" ? ErrorType.NUM : result.error === "#N/A" ? ErrorType.NA : ErrorType.VALUE,
            result.message,
          );
        return result as number | string;
      });
    }
  }
  beforeAll(() =>
    HyperFormula.registerFunctionPlugin(SheetFunctionsPlugin, {
      enGB: Object.fromEntries(qualified.map((name) => [name, name])),
    }),
  );
  afterAll(() => HyperFormula.unregisterFunctionPlugin(SheetFunctionsPlugin));
}
