import { HyperFormula } from "hyperformula";
import type { Catalog, Target } from "../../src/core/catalog";
import { budgetLinesFromPrograms, computeBudget } from "../../src/core/budget/budget";
import { defaultPrograms, DEFAULT_PROGRAM_DEFINITIONS } from "../../src/core/budget/defaults";
import { volumesFromTrajectory } from "../../src/core/budget/volume";
import { callSheetFunction } from "../../src/core/sheet/registry";
import { renderWorkbook, sheetByKey, isFormulaCell, columnIndex, columnLetter } from "../../src/workbook";
import type { CellContent, RenderedSheet } from "../../src/workbook";
import { BUDGET_CELLS, CUSTOM_PROGRAM_ROWS } from "../../templates/budget";
import { renderedToSheets } from "../helpers/hyperformula";
import { scrapRecoveryTarget } from "../helpers/targets";

function target(overrides: Partial<Target>): Target {
  return scrapRecoveryTarget({ id: "南平-01", ...overrides });
}
const catalog: Catalog = {
  plan: {
    government: "南平市人民政府",
    title: "南平市推动大规模设备更新和消费品以旧换新实施方案",
    docNumber: null,
    date: null,
  },
  targets: [
    target({}),
    target({ id: "南平-02", indicator: "二手车交易量", normalizedValue: 0.45, value: 45, unit: "%" }),
  ],
  warnings: [],
};

function address(sheetId: number, ref: string) {
  const match = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return { sheet: sheetId, col: columnIndex(match[1]), row: Number(match[2]) - 1 };
}

function columnRef(sheet: RenderedSheet, key: string, dataIndex: number): string {
  const column = sheet.table!.columns.find((candidate) => candidate.key === key)!;
  return `${column.letter}${sheet.table!.firstDataRow + dataIndex}`;
}

describe("补贴测算 sheet", () => {
  const builtin = renderWorkbook(catalog, { flavour: "builtin" });
  const addin = renderWorkbook(catalog, { flavour: "addin" });
  const budgetBuiltin = sheetByKey(builtin.sheets, "budget");
  const budgetAddin = sheetByKey(addin.sheets, "budget");

  it("lists every default program in every year, plus blank rows for your own programs", () => {
    expect(budgetBuiltin.table!.dataRowCount).toBe(DEFAULT_PROGRAM_DEFINITIONS.length * 3 + CUSTOM_PROGRAM_ROWS);
    expect(budgetBuiltin.table!.rowKeys[0]).toBe("carScrapNev-2025");
  });

  it("keeps every parameter an input the user can edit, never hidden in a formula", () => {
    const inputs = budgetBuiltin.inputColumns.map((column) => column.key);
    for (const key of [
      "program",
      "year",
      "volume",
      "takeUp",
      "amountYuan",
      "rate",
      "priceYuan",
      "capYuan",
      "formula",
      "centralShare",
      "provincialShare",
      "cityShare",
      "linkedIndicator",
    ]) {
      expect(inputs).toContain(key);
    }
    expect(budgetBuiltin.inputCells.map((cell) => cell.key)).toEqual(
      expect.arrayContaining(["centralShare", "provincialPartOfLocal", "seed"]),
    );
  });

  it("uses the custom functions in the add-in flavour and only built-ins in the file flavour", () => {
    const formulas = (sheet: RenderedSheet) =>
      sheet.blocks
        .flatMap((block) => block.cells.flat())
        .filter((cell): cell is { formula: string } => cell !== null && isFormulaCell(cell as CellContent))
        .map((cell) => cell.formula)
        .join("\n");
    expect(formulas(budgetAddin)).toMatch(/SUBSIDY_COST\(/);
    expect(formulas(budgetAddin)).toMatch(/SUBSIDY_SIMULATE\(/);
    expect(formulas(budgetAddin)).toMatch(/SUBSIDY_BUDGET\(/);
    expect(formulas(budgetBuiltin)).not.toMatch(/SUBSIDY_/);
    expect(formulas(budgetBuiltin)).toMatch(/MIN\(/);
  });

  it("takes the east-region split for 南平 (福建): 85% central", () => {
    const sheets = renderedToSheets(builtin);
    expect(sheets["补贴测算"][5][1]).toBe(0.85);
  });

  describe("computed without the add-in (HyperFormula on the built-in flavour)", () => {
    // 补贴测算 reads 目标总表, never 月度填报 or 部门预警: those stay out, to keep HyperFormula quick.
    const sheets = renderedToSheets(builtin, ["reports", "departments"]);
    const baselineRef = columnRef(sheetByKey(builtin.sheets, "targets"), "baseline", 0);
    const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", smartRounding: false });
    const targetsId = hf.getSheetId("目标总表")!;
    const budgetId = hf.getSheetId("补贴测算")!;
    // The user's 2023 baseline for 报废汽车回收量 (辆) and two typed volumes.
    hf.setCellContents(address(targetsId, baselineRef), 10000);
    const acIndex = DEFAULT_PROGRAM_DEFINITIONS.findIndex((definition) => definition.id === "applianceAc") * 3; // 2025 row
    hf.setCellContents(address(budgetId, columnRef(budgetBuiltin, "volume", acIndex)), 5000);
    const busIndex = DEFAULT_PROGRAM_DEFINITIONS.findIndex((definition) => definition.id === "busNev") * 3 + 2; // 2027 row
    hf.setCellContents(address(budgetId, columnRef(budgetBuiltin, "volume", busIndex)), 40);
    const value = (ref: string) => hf.getCellValue(address(budgetId, ref));

    const trajectory = volumesFromTrajectory(
      { kind: "growth", baselineValue: 10000, targetValue: 20000 },
      [2025, 2026, 2027],
    );
    const volumes: Record<string, Record<number, number>> = {
      carScrapNev: Object.fromEntries(trajectory),
      carScrapFuel: Object.fromEntries(trajectory),
      applianceAc: { 2025: 5000 },
      busNev: { 2027: 40 },
    };
    const expected = computeBudget(
      budgetLinesFromPrograms(defaultPrograms("福建"), [2025, 2026, 2027], (id, year) => volumes[id]?.[year]),
    );

    it("links scrapping volumes to the 报废汽车回收量 trajectory", () => {
      expect(value(columnRef(budgetBuiltin, "trajectoryVolume", 0))).toBeCloseTo(trajectory.get(2025)!, 6);
      expect(value(columnRef(budgetBuiltin, "volumeUsed", 2))).toBeCloseTo(20000, 6);
    });

    it("gives each row the core model's cost", () => {
      expect(value(columnRef(budgetBuiltin, "costYuan", 0))).toBeCloseTo(expected.lines[0].costYuan, 4);
      expect(value(columnRef(budgetBuiltin, "costYuan", acIndex))).toBeCloseTo(5000 * 600, 6);
    });

    it("totals each year and level as the core model does", () => {
      [2025, 2026, 2027].forEach((year, index) => {
        const row = BUDGET_CELLS.summaryFirstRow + index;
        expect(value(`F${row}`)).toBeCloseTo(expected.byYear.get(year)!.central, 2);
        expect(value(`G${row}`)).toBeCloseTo(expected.byYear.get(year)!.provincial, 2);
        expect(value(`H${row}`)).toBeCloseTo(expected.byYear.get(year)!.city, 2);
        expect(value(`I${row}`)).toBeCloseTo(expected.byYear.get(year)!.total, 2);
      });
      expect(value(`I${BUDGET_CELLS.summaryFirstRow + 3}`)).toBeCloseTo(expected.grandTotal.total, 2);
    });

    it("fills the program × year grid like SUBSIDY_BUDGET", () => {
      const pivot = callSheetFunction("SUBSIDY_BUDGET", [
        expected.lines.map((line) => [line.programName ?? line.programId]),
        expected.lines.map((line) => [line.year]),
        expected.lines.map((line) => [line.volume]),
        expected.lines.map((line) => [line.amountYuan]),
        expected.lines.map((line) => [line.rate]),
        expected.lines.map((line) => [line.priceYuan]),
        expected.lines.map((line) => [line.capYuan]),
        expected.lines.map((line) => [line.takeUp]),
      ]) as (string | number)[][];
      const firstProgramRow = BUDGET_CELLS.tableHeaderRow + 1;
      const letters = [1, 2, 3, 4].map((offset) => columnLetter(BUDGET_CELLS.pivotColumn + offset)); // 2025, 2026, 2027, 合计
      pivot.slice(1, -1).forEach((row, index) => {
        row
          .slice(1)
          .forEach((amount, column) =>
            expect(value(`${letters[column]}${firstProgramRow + index}`)).toBeCloseTo(amount as number, 2),
          );
      });
      expect(value(`AD${firstProgramRow + DEFAULT_PROGRAM_DEFINITIONS.length + 1}`)).toBeCloseTo(
        expected.grandTotal.total,
        2,
      );
    });
  });
});
