/**
 * The add-in flavour of 补贴测算 computed by HyperFormula with the product's own sheet functions
 * plugged in (cell-by-cell ones: SUBSIDY_COST, SUBSIDY_FORMULA, TRAJECTORY), so the add-in's
 * formulas are checked against the core model, not just their text.
 */
import type { Catalog, Target } from "../../src/core/catalog";
import { budgetLinesFromPrograms, computeBudget } from "../../src/core/budget/budget";
import { defaultPrograms, DEFAULT_PROGRAM_DEFINITIONS } from "../../src/core/budget/defaults";
import { volumesFromTrajectory } from "../../src/core/budget/volume";
import { renderWorkbook, sheetByKey, columnIndex } from "../../src/workbook";
import type { RenderedSheet } from "../../src/workbook";
import { BUDGET_CELLS } from "../../templates/budget";
import { recalculate, useSheetFunctions } from "../helpers/hyperformula";
import { scrapRecoveryTarget } from "../helpers/targets";

const PLUGGED = ["SUBSIDY_COST", "SUBSIDY_FORMULA", "TRAJECTORY"];

function target(overrides: Partial<Target>): Target {
  return scrapRecoveryTarget({ id: "开封-01", ...overrides });
}
const catalog: Catalog = {
  plan: { government: "开封市人民政府", title: "", docNumber: null, date: null },
  targets: [target({})],
  warnings: [],
};

const refOf = (sheet: RenderedSheet, key: string, dataIndex: number) =>
  `${sheet.table!.columns.find((column) => column.key === key)!.letter}${sheet.table!.firstDataRow + dataIndex}`;
const address = (sheet: number, ref: string) => {
  const match = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return { sheet, col: columnIndex(match[1]), row: Number(match[2]) - 1 };
};

describe("补贴测算 add-in formulas", () => {
  useSheetFunctions(PLUGGED);

  it("compute the core model's costs and totals (开封, 中部: 90% central)", () => {
    const workbook = renderWorkbook(catalog, { flavour: "addin" });
    const budget = sheetByKey(workbook.sheets, "budget");
    const hf = recalculate(workbook, ["reports", "departments"]);
    const budgetId = hf.getSheetId("补贴测算")!;
    hf.setCellContents(
      address(hf.getSheetId("目标总表")!, refOf(sheetByKey(workbook.sheets, "targets"), "baseline", 0)),
      8000,
    );
    const fridge = DEFAULT_PROGRAM_DEFINITIONS.findIndex((definition) => definition.id === "applianceFridge") * 3 + 1; // 2026
    hf.setCellContents(address(budgetId, refOf(budget, "volume", fridge)), 3000);
    const custom = DEFAULT_PROGRAM_DEFINITIONS.length * 3; // first blank row: a program of your own with a formula
    hf.setCellContents(address(budgetId, refOf(budget, "program", custom)), "以旧换新（自定义）");
    hf.setCellContents(address(budgetId, refOf(budget, "year", custom)), 2025);
    hf.setCellContents(address(budgetId, refOf(budget, "volume", custom)), 100);
    hf.setCellContents(address(budgetId, refOf(budget, "priceYuan", custom)), 5000);
    hf.setCellContents(address(budgetId, refOf(budget, "formula", custom)), "volume * 0.6 * min(price * 15%, 2000)");
    const value = (ref: string) => hf.getCellValue(address(budgetId, ref));

    const scrap = volumesFromTrajectory(
      { kind: "growth", baselineValue: 8000, targetValue: 16000 },
      [2025, 2026, 2027],
    );
    const volumes: Record<string, Record<number, number>> = {
      carScrapNev: Object.fromEntries(scrap),
      carScrapFuel: Object.fromEntries(scrap),
      applianceFridge: { 2026: 3000 },
    };
    const expected = computeBudget(
      budgetLinesFromPrograms(defaultPrograms("河南"), [2025, 2026, 2027], (id, year) => volumes[id]?.[year]),
    );
    expect(value(refOf(budget, "costYuan", 1))).toBeCloseTo(expected.lines[1].costYuan, 4);
    expect(value(refOf(budget, "costYuan", fridge))).toBe(3000 * 600);
    expect(value(refOf(budget, "costYuan", custom))).toBeCloseTo(45000, 6);
    const year2025 = BUDGET_CELLS.summaryFirstRow;
    expect(value(`F${year2025}`)).toBeCloseTo((expected.byYear.get(2025)!.total + 45000) * 0.9, 2);
    expect(value(`I${year2025 + 3}`)).toBeCloseTo(expected.grandTotal.total + 45000, 2);
  });
});
