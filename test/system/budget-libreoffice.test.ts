/**
 * The 补贴测算 sheet without the add-in: write a city's workbook with the CLI (`liangxin
 * workbook`, built-in formulas), fill it as a finance user would (a 2023 报废汽车回收量 baseline,
 * volumes, a changed take-up, rate, cap and funding split, custom programs), let LibreOffice
 * recalculate it, and check every row's cost and split, the totals by year and level and the
 * program × year grid against the budget core (src/core/budget) to 1e-6 relative.
 *
 * Two catalogs: 南平 as extracted (报废汽车回收量 doubles from the 2023 baseline the user types),
 * and the same plan with that target reworded (全市报废汽车回收量) and cumulative (3万辆 over
 * 2024–2027, no baseline needed), so the link's containment match and the cumulative branch
 * (each year's increment) are checked too. A third file types a row's shares that do not add up
 * to 100%: the core refuses them, the sheet must show #N/A rather than lose the missing part.
 *
 * The sensitivity table and the built-in Monte Carlo (pre-drawn uniforms for seed 2024, 1,000
 * draws) are held to the core's sensitivity() and simulateBudget() for the same rows, to 1e-12
 * relative: the same products in the same order, so only rounding differs.
 *
 * Deliberate difference: a row with a 自定义公式 needs the add-in; the .xlsx shows 需加载项 there
 * and leaves it out of every total, the sensitivity and the simulation, so the core's answer for
 * the sheet is the budget without it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Catalog } from "../../src/core/catalog";
import { BUNDLED_CITIES } from "../../src/core/cities";
import {
  budgetLinesFromPrograms,
  computeBudget,
  computeBudgetLine,
  DEFAULT_BUDGET_YEARS,
} from "../../src/core/budget/budget";
import { DEFAULT_PROGRAM_DEFINITIONS, defaultPrograms, provinceOfPlan } from "../../src/core/budget/defaults";
import { BUDGET_PARAMETER_LABELS, sensitivity } from "../../src/core/budget/sensitivity";
import { simulateBudget } from "../../src/core/budget/simulate";
import type { BudgetLine, FundingShares } from "../../src/core/budget/types";
import { SCRAPPING_INDICATOR, trajectoryForIndicator, volumesFromTrajectory } from "../../src/core/budget/volume";
import { callSheetFunction, isSheetError, type SheetMatrix } from "../../src/core/sheet/registry";
import { captureIo } from "../../src/cli/io";
import { run as runWorkbook } from "../../src/cli/commands/workbook";
import { loadCatalog } from "../../src/cli/readers/catalog";
import { columnLetter, renderWorkbook, sheetByKey } from "../../src/workbook";
import { BUDGET_CELLS } from "../../templates/budget";
import {
  SENSITIVITY_TOP_ROWS,
  SHEET_SIMULATION_ITERATIONS,
  SHEET_SIMULATION_SEED,
} from "../../templates/budgetAnalysis";
import { computed, expectClose, letterOf, readSheetValues, recalculateWithLibreOffice } from "./lo";

const CITY = "南平";
const SCRAP_BASELINE_VEHICLES = 12000; // the user's 2023 报废汽车回收量, 辆
const CUMULATIVE_SCRAP_VEHICLES = 30000; // 3万辆 scrapped over 2024–2027 in the reworded case
// The user's default split: central 80% (instead of the region's default), the local rest 60:40 province:city.
const CENTRAL_SHARE = 0.8;
const PROVINCIAL_PART_OF_LOCAL = 0.6;
const DEFAULT_SPLIT: FundingShares = {
  central: CENTRAL_SHARE,
  provincial: (1 - CENTRAL_SHARE) * PROVINCIAL_PART_OF_LOCAL,
  city: (1 - CENTRAL_SHARE) * (1 - PROVINCIAL_PART_OF_LOCAL),
};

// ---- what the finance user types ---------------------------------------------------------------

/** Input cells of one table row; null clears a prefilled default. */
interface RowInputs {
  program?: string;
  year?: number;
  unit?: string;
  volume?: number;
  takeUp?: number | null;
  amountYuan?: number | null;
  rate?: number | null;
  priceYuan?: number | null;
  capYuan?: number | null;
  formula?: string;
  /** The row's own funding shares; a level left out stays blank. */
  shares?: Partial<FundingShares>;
}

/** Edits keyed by the table's row key (`<programId>-<year>` or `custom-<n>`). */
const EDITS: Record<string, RowInputs> = {
  // Car scrapping follows the 报废汽车回收量 trajectory; one year's take-up changed, one volume typed over it.
  "carScrapNev-2026": { takeUp: 0.45 },
  "carScrapNev-2027": { volume: 30000 },
  "carScrapFuel-2025": { shares: { central: 0.9, provincial: 0.06, city: 0.04 } },
  // Air conditioners in all three years; 2026 at the 一级能效 rate of 20%.
  "applianceAc-2025": { volume: 20000 },
  "applianceAc-2026": { volume: 24000, rate: 0.2 },
  "applianceAc-2027": { volume: 26000, takeUp: 0.9 },
  // A dear television: 15% of 15,000 = 2,250 hits the 2,000 cap.
  "applianceTv-2025": { volume: 5000, priceYuan: 15000 },
  // Cap removed: 15% of 16,000 = 2,400 per fridge.
  "applianceFridge-2026": { volume: 3000, priceYuan: 16000, capYuan: null },
  // Take-up cleared: blank counts as 100%.
  "eBike-2025": { volume: 50000, takeUp: null },
  "busNev-2027": { volume: 40 },
  "agriMachinery-2026": { volume: 150, amountYuan: 25000 },
  // The user's own programs: rate × price with a cap, then a fixed amount in the next year.
  "custom-1": {
    program: "旧家具以旧换新",
    year: 2025,
    unit: "套",
    volume: 1200,
    takeUp: 0.8,
    rate: 0.1,
    priceYuan: 6000,
    capYuan: 500,
    shares: { central: 0.5, provincial: 0.3, city: 0.2 },
  },
  "custom-2": { program: "旧家具以旧换新", year: 2026, unit: "套", volume: 900, amountYuan: 300 },
  // A custom formula: the add-in evaluates it, the .xlsx says 需加载项.
  "custom-3": {
    program: "智能家居以旧换新",
    year: 2026,
    unit: "套",
    volume: 1000,
    priceYuan: 3000,
    formula: "volume * 0.6 * min(price * 15%, 2000)",
  },
};

const INPUT_KEYS = [
  "program",
  "year",
  "unit",
  "volume",
  "takeUp",
  "amountYuan",
  "rate",
  "priceYuan",
  "capYuan",
  "formula",
] as const;

// ---- the core's answer for the same inputs -----------------------------------------------------

interface CoreRow {
  rowKey: string;
  line: BudgetLine;
  /** Volume from the linked trajectory, when the row is linked (before any typed volume). */
  trajectoryVolume: number | null;
}

/** The budget lines the core sees: the default programs with the user's edits, then the custom rows. */
function coreRows(catalog: Catalog, scrapBaseline: number | null): CoreRow[] {
  const province = provinceOfPlan(catalog.plan, BUNDLED_CITIES) ?? undefined;
  const link = trajectoryForIndicator(catalog, SCRAPPING_INDICATOR, scrapBaseline);
  if (!link) throw new Error(`${CITY}: no ${SCRAPPING_INDICATOR} target to link`);
  const scrapVolumes = volumesFromTrajectory(link.spec, DEFAULT_BUDGET_YEARS);
  const programs = defaultPrograms(province).map((program) => ({ ...program, funding: { ...DEFAULT_SPLIT } }));
  const linked = (programId: string) =>
    programs.find((program) => program.id === programId)?.volumeIndicator === SCRAPPING_INDICATOR;
  const lines = budgetLinesFromPrograms(
    programs,
    DEFAULT_BUDGET_YEARS,
    (programId, year) =>
      EDITS[`${programId}-${year}`]?.volume ?? (linked(programId) ? scrapVolumes.get(year) : undefined),
  );
  const rows: CoreRow[] = lines.map((line) => ({
    rowKey: `${line.programId}-${line.year}`,
    line: withEdits(line, EDITS[`${line.programId}-${line.year}`] ?? {}),
    trajectoryVolume: linked(line.programId) ? scrapVolumes.get(line.year)! : null,
  }));
  for (const [rowKey, edit] of Object.entries(EDITS).filter(([key]) => key.startsWith("custom-"))) {
    const blank: BudgetLine = {
      programId: edit.program!,
      programName: edit.program!,
      year: edit.year!,
      volume: 0,
      takeUp: 1,
      amountYuan: null,
      rate: null,
      priceYuan: null,
      capYuan: null,
      formula: null,
      funding: { ...DEFAULT_SPLIT },
    };
    rows.push({ rowKey, line: withEdits(blank, edit), trajectoryVolume: null });
  }
  return rows;
}

function withEdits(line: BudgetLine, edit: RowInputs): BudgetLine {
  const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  return {
    ...line,
    volume: pick(edit.volume, line.volume),
    takeUp: pick(edit.takeUp, line.takeUp) ?? 1, // blank take-up = 100%
    amountYuan: pick(edit.amountYuan, line.amountYuan),
    rate: pick(edit.rate, line.rate),
    priceYuan: pick(edit.priceYuan, line.priceYuan),
    capYuan: pick(edit.capYuan, line.capYuan),
    formula: edit.formula ?? line.formula,
    // A blank share counts as 0, as SUBSIDY_BUDGET reads it.
    funding: edit.shares
      ? { central: edit.shares.central ?? 0, provincial: edit.shares.provincial ?? 0, city: edit.shares.city ?? 0 }
      : line.funding,
  };
}

/** SUBSIDY_BUDGET (the add-in's grid) over lines without custom formulas, as program name → [year…, 合计]. */
function subsidyBudgetGrid(lines: readonly BudgetLine[]): Map<string, number[]> {
  const column = (pick: (line: BudgetLine) => string | number | null): SheetMatrix => lines.map((line) => [pick(line)]);
  const grid = callSheetFunction("SUBSIDY_BUDGET", [
    column((line) => line.programName ?? line.programId),
    column((line) => line.year),
    column((line) => line.volume),
    column((line) => line.amountYuan),
    column((line) => line.rate),
    column((line) => line.priceYuan),
    column((line) => line.capYuan),
    column((line) => line.takeUp),
  ]);
  if (isSheetError(grid) || !Array.isArray(grid)) throw new Error(`SUBSIDY_BUDGET failed: ${JSON.stringify(grid)}`);
  expect(grid[0].slice(1, -1)).toEqual([...DEFAULT_BUDGET_YEARS]);
  return new Map(grid.slice(1).map((row) => [String(row[0]), row.slice(1) as number[]]));
}

// ---- the cases ---------------------------------------------------------------------------------

interface Case {
  name: string;
  catalog: Catalog;
  /** What the user types as the 2023 报废汽车回收量 in 目标总表 (null: left blank). */
  scrapBaseline: number | null;
  /** Edits on top of EDITS. */
  extraEdits?: Record<string, RowInputs>;
}

/** The plan with its scrapping target reworded and made cumulative: 到2027年累计报废汽车3万辆. */
function cumulativeVariant(catalog: Catalog): Catalog {
  const scrap = trajectoryForIndicator(catalog, SCRAPPING_INDICATOR, SCRAP_BASELINE_VEHICLES)!.target;
  return {
    ...catalog,
    targets: catalog.targets.map((target) =>
      target.id !== scrap.id
        ? target
        : {
            ...target,
            indicator: `全市${SCRAPPING_INDICATOR}`,
            kind: "cumulative",
            comparator: ">=",
            value: 3,
            unit: "万辆",
            normalizedValue: CUMULATIVE_SCRAP_VEHICLES,
            baseYear: null,
            startYear: 2024,
            targetYear: 2027,
          },
    ),
  };
}

const extracted = loadCatalog(CITY, process.cwd());
const CASES: Case[] = [
  { name: "南平 (growth, baseline typed)", catalog: extracted, scrapBaseline: SCRAP_BASELINE_VEHICLES },
  { name: "南平 reworded (cumulative, contained name)", catalog: cumulativeVariant(extracted), scrapBaseline: null },
];
// A typing slip: a 2027 row with only its central share filled (90%), so 10% has no payer.
const MISTYPED_SHARES: Case = {
  name: "南平 with a row's shares not adding up",
  catalog: extracted,
  scrapBaseline: SCRAP_BASELINE_VEHICLES,
  extraEdits: {
    "custom-4": {
      program: "旧家具以旧换新",
      year: 2027,
      unit: "套",
      volume: 100,
      amountYuan: 300,
      shares: { central: 0.9 },
    },
  },
};

// ---- the test ----------------------------------------------------------------------------------

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-lo-budget-"));
const outDir = path.join(workDir, "recalculated");
const recalculated = new Map<string, Map<string, number | string>>();

/** Writes each case's workbook with the CLI, fills it, and recalculates them all in one LibreOffice run. */
beforeAll(async () => {
  const files: string[] = [];
  for (const [index, testCase] of [...CASES, MISTYPED_SHARES].entries()) {
    const catalogFile = path.join(workDir, `catalog-${index}.json`);
    fs.writeFileSync(catalogFile, JSON.stringify(testCase.catalog));
    const generated = path.join(workDir, `generated-${index}.xlsx`);
    const io = captureIo(workDir);
    expect(await runWorkbook(["--catalog", catalogFile, "-o", generated], io)).toBe(0);
    const layout = layoutOf(testCase.catalog);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(generated);
    const budgetSheet = workbook.getWorksheet("补贴测算")!;
    // The CLI's file has the layout this test reads by: same headers in the same columns.
    for (const column of layout.table.columns)
      expect(budgetSheet.getCell(`${column.letter}${layout.table.headerRow}`).value).toBe(column.header);

    if (testCase.scrapBaseline !== null) {
      const targets = sheetByKey(layout.rendered.sheets, "targets").table!;
      const scrapTarget = trajectoryForIndicator(testCase.catalog, SCRAPPING_INDICATOR, testCase.scrapBaseline)!.target;
      workbook
        .getWorksheet("目标总表")!
        .getCell(
          `${letterOf(targets, "baseline")}${targets.firstDataRow + targets.rowKeys.indexOf(scrapTarget.id)}`,
        ).value = testCase.scrapBaseline;
    }
    budgetSheet.getCell("B6").value = CENTRAL_SHARE;
    budgetSheet.getCell("B7").value = PROVINCIAL_PART_OF_LOCAL;
    for (const [rowKey, edit] of Object.entries({ ...EDITS, ...testCase.extraEdits })) {
      for (const key of INPUT_KEYS) {
        if (edit[key] !== undefined) budgetSheet.getCell(layout.cell(key, rowKey)).value = edit[key];
      }
      for (const [level, key] of [
        ["central", "centralShare"],
        ["provincial", "provincialShare"],
        ["city", "cityShare"],
      ] as const) {
        if (edit.shares?.[level] !== undefined)
          budgetSheet.getCell(layout.cell(key, rowKey)).value = edit.shares[level];
      }
    }
    const filled = path.join(workDir, `budget-${index}.xlsx`);
    await workbook.xlsx.writeFile(filled);
    files.push(filled);
  }
  recalculateWithLibreOffice(files, outDir);
  for (const [index, testCase] of [...CASES, MISTYPED_SHARES].entries()) {
    recalculated.set(testCase.name, await readSheetValues(path.join(outDir, `budget-${index}.xlsx`), "补贴测算"));
  }
});

afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

/** Where a catalog's workbook puts each table cell (the builtin flavour the CLI writes). */
function layoutOf(catalog: Catalog) {
  const rendered = renderWorkbook(catalog, { flavour: "builtin" });
  const table = sheetByKey(rendered.sheets, "budget").table!;
  const cell = (key: string, rowKey: string) => {
    const index = table.rowKeys.indexOf(rowKey);
    if (index < 0) throw new Error(`no row ${rowKey} in 补贴测算`);
    return `${letterOf(table, key)}${table.firstDataRow + index}`;
  };
  return { rendered, table, cell };
}

describe.each(CASES)("补贴测算 recalculated by LibreOffice: $name", (testCase) => {
  const { cell } = layoutOf(testCase.catalog);
  const rows = coreRows(testCase.catalog, testCase.scrapBaseline);
  // The .xlsx computes no custom formula (需加载项), so its totals are the core's without those rows.
  const sheetLines = rows.filter((row) => row.line.formula === null).map((row) => row.line);
  const expected = computeBudget(sheetLines);
  const sheet = () => recalculated.get(testCase.name)!;

  it("takes car-scrapping volumes from the 报废汽车回收量 trajectory, a typed volume winning", () => {
    const linkedRows = rows.filter((row) => row.trajectoryVolume !== null);
    expect(linkedRows.length).toBe(2 * DEFAULT_BUDGET_YEARS.length);
    for (const row of linkedRows) {
      expect(row.trajectoryVolume).toBeGreaterThan(0);
      expectClose(
        computed(sheet(), cell("trajectoryVolume", row.rowKey)),
        row.trajectoryVolume!,
        `${row.rowKey} 轨迹数量`,
      );
      expectClose(computed(sheet(), cell("volumeUsed", row.rowKey)), row.line.volume, `${row.rowKey} 测算数量`);
    }
    // Growth: the 2023 baseline doubles by 2027. Cumulative: 3万辆 over four years, 7,500 a year.
    const trajectory2027 = testCase.scrapBaseline !== null ? 2 * testCase.scrapBaseline : CUMULATIVE_SCRAP_VEHICLES / 4;
    expectClose(
      computed(sheet(), cell("trajectoryVolume", "carScrapNev-2027")),
      trajectory2027,
      "carScrapNev-2027 轨迹数量",
    );
    expect(computed(sheet(), cell("volumeUsed", "carScrapNev-2027"))).toBe(30000);
  });

  it("gives every row the core model's cost and split by level", () => {
    let costed = 0;
    for (const row of rows.filter((candidate) => candidate.line.formula === null)) {
      const result = computeBudgetLine(row.line);
      expectClose(computed(sheet(), cell("costYuan", row.rowKey)), result.costYuan, `${row.rowKey} 补贴金额`);
      expectClose(computed(sheet(), cell("centralYuan", row.rowKey)), result.byLevel.central, `${row.rowKey} 中央承担`);
      expectClose(
        computed(sheet(), cell("provincialYuan", row.rowKey)),
        result.byLevel.provincial,
        `${row.rowKey} 省级承担`,
      );
      expectClose(computed(sheet(), cell("cityYuan", row.rowKey)), result.byLevel.city, `${row.rowKey} 市级承担`);
      if (result.costYuan > 0) costed++;
    }
    expect(costed).toBe(16); // 6 linked scrapping rows + the 10 other rows with volumes
    // Checks a finance user would make by hand.
    expect(computed(sheet(), cell("costYuan", "applianceTv-2025"))).toBe(5000 * 2000); // the cap binds
    expect(computed(sheet(), cell("costYuan", "applianceFridge-2026"))).toBeCloseTo(3000 * 2400, 6); // no cap
    expect(computed(sheet(), cell("costYuan", "custom-1"))).toBeCloseTo(1200 * 0.8 * 500, 6);
  });

  it("shows 需加载项 for a custom formula row and leaves it out of the totals", () => {
    expect(computed(sheet(), cell("costYuan", "custom-3"))).toBe("需加载项");
    for (const key of ["centralYuan", "provincialYuan", "cityYuan"])
      expect(computed(sheet(), cell(key, "custom-3"))).toBe("");
    // The add-in would compute it: 1000 × 0.6 × min(450, 2000) = 270,000 元.
    expect(computeBudgetLine(rows.find((row) => row.rowKey === "custom-3")!.line).costYuan).toBeCloseTo(270000, 6);
  });

  it("leaves untouched blank rows blank", () => {
    for (const key of ["costYuan", "centralYuan"]) expect(computed(sheet(), cell(key, "custom-6"))).toBe("");
  });

  it("derives the default split from the central share and the provincial part", () => {
    expectClose(computed(sheet(), BUDGET_CELLS.provincialShare), DEFAULT_SPLIT.provincial, "省级承担比例");
    expectClose(computed(sheet(), BUDGET_CELLS.cityShare), DEFAULT_SPLIT.city, "市级承担比例");
  });

  it("totals each year and funding level as the core model does", () => {
    DEFAULT_BUDGET_YEARS.forEach((year, index) => {
      const row = BUDGET_CELLS.summaryFirstRow + index;
      const amounts = expected.byYear.get(year)!;
      expect(computed(sheet(), `E${row}`)).toBe(year);
      expectClose(computed(sheet(), `F${row}`), amounts.central, `${year} 中央`);
      expectClose(computed(sheet(), `G${row}`), amounts.provincial, `${year} 省级`);
      expectClose(computed(sheet(), `H${row}`), amounts.city, `${year} 市级`);
      expectClose(computed(sheet(), `I${row}`), amounts.total, `${year} 合计`);
    });
    const totalRow = BUDGET_CELLS.summaryFirstRow + DEFAULT_BUDGET_YEARS.length;
    expectClose(computed(sheet(), `F${totalRow}`), expected.grandTotal.central, "合计 中央");
    expectClose(computed(sheet(), `G${totalRow}`), expected.grandTotal.provincial, "合计 省级");
    expectClose(computed(sheet(), `H${totalRow}`), expected.grandTotal.city, "合计 市级");
    expectClose(computed(sheet(), `I${totalRow}`), expected.grandTotal.total, "合计");
  });

  // The sheet knows programs by name: the core's programId for the same rows is the name.
  const byName = sheetLines.map((line) => ({ ...line, programId: line.programName ?? line.programId }));
  const expectEqual = (actual: number | string | null, expectedValue: number, label: string) => {
    if (typeof actual !== "number" || Math.abs(actual - expectedValue) > 1e-12 * Math.max(1, Math.abs(expectedValue))) {
      throw new Error(`${label}: expected ${expectedValue}, LibreOffice gave ${JSON.stringify(actual)}`);
    }
  };

  it("gives P10/P50/P90 from the pre-drawn uniforms equal to the core's simulation (seed 2024, 1,000 draws)", () => {
    const core = simulateBudget(byName, { iterations: SHEET_SIMULATION_ITERATIONS, seed: SHEET_SIMULATION_SEED });
    expectEqual(computed(sheet(), "K9"), core.p10, "P10");
    expectEqual(computed(sheet(), "L9"), core.p50, "P50");
    expectEqual(computed(sheet(), "M9"), core.p90, "P90");
    expect(core.p10).toBeLessThan(expected.grandTotal.total);
    expect(core.p90).toBeGreaterThan(expected.grandTotal.total);
  });

  it("lists every program × parameter with the core's lowered and raised totals, the largest swing first", () => {
    const core = sensitivity(byName, 0.2);
    const parameterOf = new Map(
      Object.entries(BUDGET_PARAMETER_LABELS["zh-CN"]).map(([parameter, label]) => [label, parameter]),
    );
    const gridBlock = sheetByKey(layoutOf(testCase.catalog).rendered.sheets, "budget").blocks.find((block) =>
      String(block.cells[0]?.[0]).startsWith("敏感性分析（全部"),
    )!;
    const gridCell = (offset: number, index: number) =>
      computed(sheet(), `${columnLetter(gridBlock.column + offset)}${gridBlock.row + 3 + index}`);
    const grid = Array.from({ length: gridBlock.cells.length - 2 }, (_unused, index) => index)
      .filter((index) => gridCell(3, index) === 1)
      .map((index) => ({
        key: `${String(gridCell(1, index))}/${parameterOf.get(String(gridCell(2, index)))}`,
        low: gridCell(4, index),
        high: gridCell(5, index),
      }));
    expect(grid.map((row) => row.key).sort()).toEqual(
      core.rows.map((row) => `${row.programId}/${row.parameter}`).sort(),
    );
    for (const row of core.rows) {
      const sheetRow = grid.find((candidate) => candidate.key === `${row.programId}/${row.parameter}`)!;
      expectEqual(sheetRow.low, row.lowTotalYuan, `${sheetRow.key} 下调`);
      expectEqual(sheetRow.high, row.highTotalYuan, `${sheetRow.key} 上调`);
    }
    const rankedCell = (offset: number, index: number) =>
      computed(
        sheet(),
        `${columnLetter(BUDGET_CELLS.sensitivityColumn + offset)}${BUDGET_CELLS.sensitivityTitleRow + 3 + index}`,
      );
    core.rows.slice(0, SENSITIVITY_TOP_ROWS).forEach((row, index) => {
      expectEqual(rankedCell(4, index), row.swingYuan, `第${index + 1}名 摆幅`);
      // Ties (volume and amount move a fixed-amount program alike) may list either member first.
      const shown = core.rows.find(
        (candidate) =>
          candidate.programId === rankedCell(0, index) &&
          candidate.parameter === parameterOf.get(String(rankedCell(1, index))),
      )!;
      expect(Math.abs(shown.swingYuan - row.swingYuan)).toBeLessThanOrEqual(1e-6 * row.swingYuan);
    });
    expectEqual(
      computed(sheet(), `${columnLetter(BUDGET_CELLS.sensitivityColumn + 3)}${BUDGET_CELLS.sensitivityTitleRow + 1}`),
      core.baseTotalYuan,
      "基准总额",
    );
  });

  it("fills the program × year grid as SUBSIDY_BUDGET does", () => {
    const grid = subsidyBudgetGrid(sheetLines);
    const firstRow = BUDGET_CELLS.tableHeaderRow + 1;
    const letters = [...DEFAULT_BUDGET_YEARS, "合计"].map((_label, index) =>
      columnLetter(BUDGET_CELLS.pivotColumn + 1 + index),
    );
    const pivotLetter = columnLetter(BUDGET_CELLS.pivotColumn);
    const expectRow = (row: number, name: string, amounts: readonly number[]) => {
      expect(computed(sheet(), `${pivotLetter}${row}`)).toBe(name);
      amounts.forEach((amount, index) =>
        expectClose(
          computed(sheet(), `${letters[index]}${row}`),
          amount,
          `${name} ${String([...DEFAULT_BUDGET_YEARS, "合计"][index])}`,
        ),
      );
    };
    DEFAULT_PROGRAM_DEFINITIONS.forEach((definition, index) =>
      expectRow(firstRow + index, definition.name, grid.get(definition.name)!),
    );
    // Programs the user added are summed in one 其他 row.
    const customNames = [...grid.keys()].filter(
      (name) => name !== "合计" && !DEFAULT_PROGRAM_DEFINITIONS.some((definition) => definition.name === name),
    );
    expect(customNames).toEqual(["旧家具以旧换新"]);
    const otherRow = firstRow + DEFAULT_PROGRAM_DEFINITIONS.length;
    expect(String(computed(sheet(), `${pivotLetter}${otherRow}`))).toMatch(/^其他/);
    grid
      .get("旧家具以旧换新")!
      .forEach((amount, index) =>
        expectClose(computed(sheet(), `${letters[index]}${otherRow}`), amount, `其他 ${index}`),
      );
    expectRow(otherRow + 1, "合计", grid.get("合计")!);
    expectClose(
      computed(sheet(), `${letters[DEFAULT_BUDGET_YEARS.length]}${otherRow + 1}`),
      expected.grandTotal.total,
      "grid 合计",
    );
  });
});

describe("补贴测算 recalculated by LibreOffice: a row's own shares not adding up to 100%", () => {
  const { cell } = layoutOf(MISTYPED_SHARES.catalog);
  const sheet = () => recalculated.get(MISTYPED_SHARES.name)!;

  it("is refused by the core, and the sheet shows #N/A in that row's split and that year's totals", () => {
    const blank: BudgetLine = {
      programId: "旧家具以旧换新",
      year: 2027,
      volume: 0,
      takeUp: 1,
      amountYuan: null,
      rate: null,
      priceYuan: null,
      capYuan: null,
      formula: null,
      funding: { ...DEFAULT_SPLIT },
    };
    const line = withEdits(blank, MISTYPED_SHARES.extraEdits!["custom-4"]);
    expect(() => computeBudgetLine(line)).toThrow(expect.objectContaining({ code: "#NUM!" }));

    expect(computed(sheet(), cell("costYuan", "custom-4"))).toBe(30000);
    for (const key of ["centralYuan", "provincialYuan", "cityYuan"])
      expect(computed(sheet(), cell(key, "custom-4"))).toBe("#N/A");
    const row2027 = BUDGET_CELLS.summaryFirstRow + DEFAULT_BUDGET_YEARS.indexOf(2027);
    const totalRow = BUDGET_CELLS.summaryFirstRow + DEFAULT_BUDGET_YEARS.length;
    for (const letter of ["F", "G", "H", "I"]) {
      expect(computed(sheet(), `${letter}${row2027}`)).toBe("#N/A");
      expect(computed(sheet(), `${letter}${totalRow}`)).toBe("#N/A");
      expect(typeof computed(sheet(), `${letter}${BUDGET_CELLS.summaryFirstRow}`)).toBe("number"); // 2025 is unaffected
    }
  });
});
