/**
 * 补贴测算's sensitivity table and the .xlsx's Monte Carlo, recalculated by HyperFormula and held
 * to the budget core for the same rows: sensitivity() to the grid and the ranked table, and
 * simulateBudget() / SUBSIDY_SIMULATE (seed 2024, 1,000 draws) to the built-in P10/P50/P90.
 *
 * HyperFormula needs useArrayArithmetic for expressions over ranges inside SUMPRODUCT and MMULT,
 * which Excel and LibreOffice evaluate that way natively (test/system/budget-libreoffice.test.ts
 * checks LibreOffice).
 */
import { HyperFormula } from "hyperformula";
import type { Catalog } from "../../src/core/catalog";
import { BUDGET_PARAMETER_LABELS, sensitivity } from "../../src/core/budget/sensitivity";
import { simulateBudget } from "../../src/core/budget/simulate";
import { DEFAULT_PROGRAM_DEFINITIONS } from "../../src/core/budget/defaults";
import type { BudgetLine } from "../../src/core/budget/types";
import { callSheetFunction } from "../../src/core/sheet/registry";
import { columnIndex, columnLetter, renderWorkbook, sheetByKey } from "../../src/workbook";
import type { RenderedSheet, RenderedWorkbook } from "../../src/workbook";
import { BUDGET_CELLS } from "../../templates/budget";
import {
  SENSITIVITY_TOP_ROWS,
  SHEET_SIMULATION_ITERATIONS,
  SHEET_SIMULATION_SEED,
} from "../../templates/budgetAnalysis";
import { renderedToSheets, useSheetFunctions } from "../helpers/hyperformula";
import { scrapRecoveryTarget } from "../helpers/targets";

const catalog: Catalog = {
  plan: { government: "开封市人民政府", title: "", docNumber: null, date: null },
  targets: [scrapRecoveryTarget({ id: "开封-01" })],
  warnings: [],
};

type Inputs = Partial<
  Record<
    "program" | "year" | "volume" | "takeUp" | "amountYuan" | "rate" | "priceYuan" | "capYuan" | "formula",
    string | number | null
  >
>;
const rowOf = (programId: string, year: number) =>
  DEFAULT_PROGRAM_DEFINITIONS.findIndex((definition) => definition.id === programId) * 3 + (year - 2025);
const CUSTOM = DEFAULT_PROGRAM_DEFINITIONS.length * 3; // first blank row

/** What a finance user types: volumes, a binding cap, take-ups near 100%, own programs, a formula row. */
const EDITS: Array<[number, Inputs]> = [
  [rowOf("applianceAc", 2025), { volume: 20000 }],
  [rowOf("applianceAc", 2026), { volume: 24000, rate: 0.2 }],
  [rowOf("applianceTv", 2025), { volume: 5000, priceYuan: 15000 }], // 15% of 15,000 = 2,250: the cap binds
  [rowOf("applianceFridge", 2026), { volume: 3000, capYuan: null }], // no cap
  [rowOf("eBike", 2025), { volume: 50000, takeUp: 0.95 }], // +20% and +10% run into the 100% clamp
  [rowOf("busNev", 2027), { volume: 40 }],
  [rowOf("agriMachinery", 2026), { volume: 150, amountYuan: 25000 }],
  [
    CUSTOM,
    { program: "旧家具以旧换新", year: 2025, volume: 1200, takeUp: 0.8, rate: 0.1, priceYuan: 6000, capYuan: 500 },
  ],
  [
    CUSTOM + 1,
    {
      program: "智能家居以旧换新",
      year: 2026,
      volume: 1000,
      priceYuan: 3000,
      formula: "volume * 0.6 * min(price * 15%, 2000)",
    },
  ],
  [CUSTOM + 2, { program: "旧家具以旧换新", year: 2026, volume: 900, amountYuan: 300 }], // same program again, after a formula row
  [
    CUSTOM + 3,
    { program: "家电以旧换新（空调）", year: 2027, volume: 700, rate: 0.15, priceYuan: 3500, capYuan: 2000 },
  ], // a default program's name, far down
];
const SCRAP_BASELINE = 8000;

function columnOf(sheet: RenderedSheet, key: string): number {
  return columnIndex(sheet.table!.columns.find((column) => column.key === key)!.letter);
}

/** The workbook's cells with the user's inputs typed in, as HyperFormula sheets. */
function filledSheets(workbook: RenderedWorkbook, edits = EDITS) {
  // 补贴测算 reads 目标总表 (and 说明), never 月度填报 or 部门预警: those stay out, to keep HyperFormula quick.
  const sheets = renderedToSheets(workbook, ["reports", "departments"]);
  const budget = sheetByKey(workbook.sheets, "budget");
  const targets = sheetByKey(workbook.sheets, "targets");
  const rows = sheets["补贴测算"];
  for (const [index, inputs] of edits) {
    const sheetRow = budget.table!.firstDataRow - 1 + index;
    for (const [key, value] of Object.entries(inputs)) (rows[sheetRow] ??= [])[columnOf(budget, key)] = value;
  }
  sheets["目标总表"][targets.table!.firstDataRow - 1][columnOf(targets, "baseline")] = SCRAP_BASELINE;
  return sheets;
}

function engine(sheets: ReturnType<typeof renderedToSheets>): HyperFormula {
  return HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", smartRounding: false, useArrayArithmetic: true });
}

type Value = ReturnType<HyperFormula["getCellValue"]>;

/** Reads cells of 补贴测算 by A1 ref. */
function reader(hf: HyperFormula) {
  const sheet = hf.getSheetId("补贴测算")!;
  return (ref: string): Value => {
    const match = /^([A-Z]+)(\d+)$/.exec(ref)!;
    return hf.getCellValue({ sheet, col: columnIndex(match[1]), row: Number(match[2]) - 1 });
  };
}

/** The budget lines the core sees for the sheet's table, as SUBSIDY_SIMULATE reads them. */
function linesOf(
  budget: RenderedSheet,
  value: (ref: string) => Value,
  options: { withFormulas: boolean },
): BudgetLine[] {
  const table = budget.table!;
  const at = (key: string, index: number) =>
    value(`${table.columns.find((column) => column.key === key)!.letter}${table.firstDataRow + index}`);
  const numberOrNull = (cell: Value) => (typeof cell === "number" ? cell : null);
  const lines: BudgetLine[] = [];
  for (let index = 0; index < table.dataRowCount; index++) {
    const program = at("program", index);
    const formula = at("formula", index);
    if (program === null || program === "") continue;
    if (!options.withFormulas && typeof formula === "string" && formula !== "") continue;
    lines.push({
      programId: String(program),
      programName: String(program),
      year: at("year", index) as number,
      volume: at("volumeUsed", index) as number,
      takeUp: numberOrNull(at("takeUp", index)) ?? 1,
      amountYuan: numberOrNull(at("amountYuan", index)),
      rate: numberOrNull(at("rate", index)),
      priceYuan: numberOrNull(at("priceYuan", index)),
      capYuan: numberOrNull(at("capYuan", index)),
      formula: typeof formula === "string" && formula !== "" ? formula : null,
      funding: { central: 1, provincial: 0, city: 0 },
    });
  }
  return lines;
}

function expectRelative(actual: Value, expected: number, label: string): void {
  if (typeof actual !== "number")
    throw new Error(`${label}: expected a number near ${expected}, got ${JSON.stringify(actual)}`);
  // Rounding only: the sheet sums the same products in the same order, a few ulps at most.
  expect({ label, gap: Math.abs(actual - expected) / Math.max(1, Math.abs(expected)) < 1e-12 }).toEqual({
    label,
    gap: true,
  });
}

/** The sensitivity grid of the calculation area, rows that apply: program, parameter label, low, high, swing, rank. */
function gridOf(workbook: RenderedWorkbook, value: (ref: string) => Value) {
  const budget = sheetByKey(workbook.sheets, "budget");
  const block = budget.blocks.find((candidate) => candidate.cells[0]?.[0] === "敏感性分析（全部项目 × 参数，未排序）")!;
  const letter = (offset: number) => columnLetter(block.column + offset);
  const rows = [];
  for (let offset = 2; offset < block.cells.length; offset++) {
    const row = block.row + offset + 1;
    if (value(`${letter(3)}${row}`) !== 1) continue;
    rows.push({
      program: value(`${letter(1)}${row}`) as string,
      parameter: value(`${letter(2)}${row}`) as string,
      low: value(`${letter(4)}${row}`) as number,
      high: value(`${letter(5)}${row}`) as number,
      swing: value(`${letter(6)}${row}`) as number,
      rank: value(`${letter(8)}${row}`) as number,
    });
  }
  return rows;
}

/** The ranked table users read: program, parameter, lowered, raised, swing. */
function rankedOf(value: (ref: string) => Value) {
  const letter = (offset: number) => columnLetter(BUDGET_CELLS.sensitivityColumn + offset);
  return Array.from({ length: SENSITIVITY_TOP_ROWS }, (_unused, index) => {
    const row = BUDGET_CELLS.sensitivityTitleRow + 3 + index;
    return [0, 1, 2, 3, 4].map((offset) => value(`${letter(offset)}${row}`));
  });
}

const ZH_LABEL = new Map(
  Object.entries(BUDGET_PARAMETER_LABELS["zh-CN"]).map(([parameter, label]) => [label, parameter]),
);

/** The sheet's grid and ranked table equal the core's sensitivity for the same lines. */
function expectSensitivityEqualsCore(
  workbook: RenderedWorkbook,
  value: (ref: string) => Value,
  lines: BudgetLine[],
  change: number,
  skipPrograms: ReadonlySet<string> = new Set(),
) {
  const core = sensitivity(lines, change);
  const expectedRows = core.rows.filter((row) => !skipPrograms.has(row.programId));
  const grid = gridOf(workbook, value);
  expect(grid.map((row) => `${row.program}/${ZH_LABEL.get(row.parameter)}`).sort()).toEqual(
    expectedRows.map((row) => `${row.programId}/${row.parameter}`).sort(),
  );
  for (const row of expectedRows) {
    const sheetRow = grid.find(
      (candidate) => candidate.program === row.programId && ZH_LABEL.get(candidate.parameter) === row.parameter,
    )!;
    expectRelative(sheetRow.low, row.lowTotalYuan, `${row.programId} ${row.parameter} low`);
    expectRelative(sheetRow.high, row.highTotalYuan, `${row.programId} ${row.parameter} high`);
  }
  // Ranked: the core's order of swings; a tie may list its members in either order.
  const ranked = rankedOf(value);
  expectedRows.slice(0, SENSITIVITY_TOP_ROWS).forEach((row, index) => {
    const [program, parameter, low, high, swing] = ranked[index];
    expectRelative(swing, row.swingYuan, `rank ${index + 1} swing`);
    const same = expectedRows.find(
      (candidate) => candidate.programId === program && candidate.parameter === ZH_LABEL.get(String(parameter)),
    )!;
    expect(Math.abs(same.swingYuan - row.swingYuan)).toBeLessThanOrEqual(1e-6 * Math.max(1, row.swingYuan));
    expectRelative(low, same.lowTotalYuan, `rank ${index + 1} low`);
    expectRelative(high, same.highTotalYuan, `rank ${index + 1} high`);
  });
  return { core, ranked };
}

describe("补贴测算 sensitivity and Monte Carlo in the .xlsx (built-in formulas)", () => {
  const workbook = renderWorkbook(catalog, { flavour: "builtin" });
  const budget = sheetByKey(workbook.sheets, "budget");
  const sheets = filledSheets(workbook);
  const hf = engine(sheets);
  const value = reader(hf);
  const lines = linesOf(budget, value, { withFormulas: false });

  it("reads the lines a user filled in (checks the fixture, not the sheet)", () => {
    expect(lines.filter((line) => line.volume > 0)).toHaveLength(16); // 6 trajectory rows + 10 typed
    expect(lines.some((line) => line.formula !== null)).toBe(false);
  });

  it("lists every program × parameter the core varies, with the core's lowered and raised totals", () => {
    const { core } = expectSensitivityEqualsCore(workbook, value, lines, 0.2);
    expectRelative(
      value(`${columnLetter(BUDGET_CELLS.sensitivityColumn + 3)}${BUDGET_CELLS.sensitivityTitleRow + 1}`),
      core.baseTotalYuan,
      "基准总额",
    );
    // A finance user's reading: the e-bike take-up of 95% can rise only to 100%.
    const eBikeTakeUp = core.rows.find((row) => row.programId.startsWith("电动自行车") && row.parameter === "takeUp")!;
    expect(eBikeTakeUp.highTotalYuan - core.baseTotalYuan).toBeCloseTo(50000 * 0.05 * 500, 0);
  });

  it("ranks the parameter that moves the total most first", () => {
    const ranked = rankedOf(value);
    const core = sensitivity(lines, 0.2);
    expect(ranked[0][4]).toBeCloseTo(core.rows[0].swingYuan, 2);
    for (let index = 1; index < ranked.length; index++)
      expect(ranked[index - 1][4] as number).toBeGreaterThanOrEqual(ranked[index][4] as number);
  });

  it("gives P10/P50/P90 equal to the core's simulation and SUBSIDY_SIMULATE for seed 2024, 1,000 draws", () => {
    expect(value("N6")).toBe(SHEET_SIMULATION_ITERATIONS);
    expect(value("O6")).toBe(SHEET_SIMULATION_SEED);
    const core = simulateBudget(lines, { iterations: SHEET_SIMULATION_ITERATIONS, seed: SHEET_SIMULATION_SEED });
    expectRelative(value("K9"), core.p10, "P10");
    expectRelative(value("L9"), core.p50, "P50");
    expectRelative(value("M9"), core.p90, "P90");
    const column = (pick: (line: BudgetLine) => string | number | null) => lines.map((line) => [pick(line)]);
    const spilled = callSheetFunction("SUBSIDY_SIMULATE", [
      column((line) => line.programId),
      column((line) => line.year),
      column((line) => line.volume),
      column((line) => line.amountYuan),
      column((line) => line.rate),
      column((line) => line.priceYuan),
      column((line) => line.capYuan),
      column((line) => line.takeUp),
      [[0.2, 0.1, 0.1]],
      [[SHEET_SIMULATION_ITERATIONS]],
      [[SHEET_SIMULATION_SEED]],
    ]) as number[][];
    expect(spilled[0]).toEqual([core.p10, core.p50, core.p90]);
    expect(core.p10).toBeLessThan(core.p50);
    expect(core.p50).toBeLessThan(core.p90);
  });

  // The last two cases edit the engine above: they run after the read-only ones.
  it("follows edited ranges and change (a zero range included) and still equals the core", () => {
    const sheetId = hf.getSheetId("补贴测算")!;
    hf.batch(() => {
      hf.setCellContents({ sheet: sheetId, col: columnIndex("K"), row: 5 }, 0.3);
      hf.setCellContents({ sheet: sheetId, col: columnIndex("M"), row: 5 }, 0);
      hf.setCellContents(
        { sheet: sheetId, col: BUDGET_CELLS.sensitivityColumn + 1, row: BUDGET_CELLS.sensitivityTitleRow },
        0.5,
      );
    });
    const core = simulateBudget(lines, {
      iterations: SHEET_SIMULATION_ITERATIONS,
      seed: SHEET_SIMULATION_SEED,
      ranges: { volume: 0.3, takeUp: 0.1, price: 0 },
    });
    expectRelative(value("K9"), core.p10, "P10");
    expectRelative(value("L9"), core.p50, "P50");
    expectRelative(value("M9"), core.p90, "P90");
    expectSensitivityEqualsCore(workbook, value, lines, 0.5);
  });

  it("shows #N/A for a row the core refuses, and says so instead of a wrong answer when the seed is changed", () => {
    const sheetId = hf.getSheetId("补贴测算")!;
    const row = budget.table!.firstDataRow - 1 + CUSTOM + 4;
    // A rate without a price: the row's cost is #N/A, and the core refuses it.
    hf.batch(() => {
      for (const [key, input] of Object.entries({ program: "缺价格", year: 2025, volume: 10, rate: 0.1 }))
        hf.setCellContents({ sheet: sheetId, col: columnOf(budget, key), row }, input);
    });
    expect(value("K9")).toMatchObject({ type: "NA" });
    expect(
      value(`${columnLetter(BUDGET_CELLS.sensitivityColumn + 4)}${BUDGET_CELLS.sensitivityTitleRow + 3}`),
    ).toMatchObject({ type: "NA" });
    hf.setCellContents({ sheet: sheetId, col: columnIndex("O"), row: 5 }, 7);
    expect(String(value("K9"))).toMatch(/种子2024/);
  });
});

describe("补贴测算 sensitivity in the add-in flavour (custom formulas counted at their cost)", () => {
  useSheetFunctions(["SUBSIDY_COST", "SUBSIDY_FORMULA", "TRAJECTORY"]);

  it("equals the core for every program without a custom formula, the formula row's cost included in every total", () => {
    const workbook = renderWorkbook(catalog, { flavour: "addin" });
    const budget = sheetByKey(workbook.sheets, "budget");
    const hf = engine(filledSheets(workbook));
    const value = reader(hf);
    const lines = linesOf(budget, value, { withFormulas: true });
    expect(lines.filter((line) => line.formula !== null)).toHaveLength(1);
    expectSensitivityEqualsCore(workbook, value, lines, 0.2, new Set(["智能家居以旧换新"]));
    // The add-in flavour has no pre-drawn block: SUBSIDY_SIMULATE with the same seed and iterations.
    expect(value("N6")).toBe(SHEET_SIMULATION_ITERATIONS);
    expect(value("O6")).toBe(SHEET_SIMULATION_SEED);
    expect(budget.blocks.some((block) => String(block.cells[0]?.[0]).startsWith("模拟抽样"))).toBe(false);
  });
});
