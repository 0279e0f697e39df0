/**
 * The subsidy sheet functions: SUBSIDY_COST, SUBSIDY_FORMULA, SUBSIDY_BUDGET, SUBSIDY_SIMULATE.
 * Specs only: coercion and broadcasting are the sheet engine's (src/core/sheet), the math is the
 * budget core's. Registered in src/core/sheet/registry.ts.
 */
import { LiangxinError } from "../errors";
import type { Coerced, ParamSpec } from "./coerce";
import { BLANK, coerceCell } from "./coerce";
import type { ElementwiseSheetFunction, RangeSheetFunction, SheetFunction } from "./engine";
import type { SheetMatrix, SheetResult, SheetScalar } from "./values";
import { isBlank, isSheetError } from "./values";
import { computeBudget } from "../budget/budget";
import { compileProgramFormula } from "../budget/formula";
import { DEFAULT_ITERATIONS, DEFAULT_SEED, DEFAULT_UNCERTAINTY, simulateBudget } from "../budget/simulate";
import { subsidyCost } from "../budget/subsidy";
import { FUNDING_LEVELS, type BudgetLine, type FundingLevel } from "../budget/types";

const number = (name: string, description: string, optional = false): ParamSpec => ({
  name,
  type: "number",
  optional,
  description,
});

const VOLUME = number("volume", "Subsidised units (辆/台), ≥ 0.");
const AMOUNT = number("amount", "Fixed subsidy per unit, yuan; when given it wins over rate, price and cap.", true);
const RATE = number("rate", "Share of the price paid (0.15 or 15%).", true);
const PRICE = number("price", "Average price per unit, yuan.", true);
const CAP = number("cap", "Largest subsidy per unit, yuan; blank for no cap.", true);

const optionalNumber = (value: Coerced): number | null => (typeof value === "number" ? value : null);

const SUBSIDY_COST: ElementwiseSheetFunction = {
  name: "SUBSIDY_COST",
  shape: "elementwise",
  description: "Subsidy cost: volume × (amount, or MIN(rate × price, cap)), in yuan.",
  descriptionZh: "补贴金额:数量 × 每件补贴(给定每件补贴额时用它,否则为 MIN(补贴比例 × 价格, 每件上限)),单位元。",
  params: [VOLUME, AMOUNT, RATE, PRICE, CAP],
  compute: (args) =>
    subsidyCost(args[0] as number, {
      amountYuan: optionalNumber(args[1]),
      rate: optionalNumber(args[2]),
      priceYuan: optionalNumber(args[3]),
      capYuan: optionalNumber(args[4]),
    }),
};

const SUBSIDY_FORMULA: ElementwiseSheetFunction = {
  name: "SUBSIDY_FORMULA",
  shape: "elementwise",
  description: "A custom program formula (e.g. volume * 0.6 * min(price * 15%, 2000)) evaluated safely; yuan.",
  descriptionZh: "按自定义公式计算补贴金额(仅允许四则运算、乘方和 min/max/round/abs/floor/ceil),单位元。",
  params: [
    { name: "formula", type: "text", description: "Formula over volume, price, amount, rate, cap, takeUp." },
    VOLUME,
    PRICE,
    AMOUNT,
    RATE,
    CAP,
    number("takeUp", "Take-up share (0..1).", true),
  ],
  compute: (args) =>
    compileProgramFormula(args[0] as string).evaluate({
      volume: args[1] as number,
      price: optionalNumber(args[2]),
      amount: optionalNumber(args[3]),
      rate: optionalNumber(args[4]),
      cap: optionalNumber(args[5]),
      takeUp: optionalNumber(args[6]),
    }),
};

// ---- Range functions over the 补贴测算 table: one row per program and year. ----

const PROGRAMS: ParamSpec = {
  name: "programs",
  type: "range",
  description: "Program names, one per row (blank rows are skipped).",
};
const YEARS: ParamSpec = { name: "years", type: "range", description: "Year of each row." };
const VOLUMES: ParamSpec = { name: "volumes", type: "range", description: "Eligible units of each row (blank = 0)." };
const column = (name: string, description: string): ParamSpec => ({ name, type: "range", optional: true, description });
const AMOUNTS = column("amounts", "Fixed subsidy per unit of each row, yuan (or one cell for all).");
const RATES = column("rates", "Subsidy rate of each row (or one cell).");
const PRICES = column("prices", "Average price of each row, yuan (or one cell).");
const CAPS = column("caps", "Cap per unit of each row, yuan (or one cell).");
const TAKE_UPS = column("takeUps", "Take-up share of each row (or one cell); default 1.");
/** The program rows SUBSIDY_BUDGET and SUBSIDY_SIMULATE both start with (args 0–7, read by linesFrom). */
const PROGRAM_ROW_PARAMS: readonly ParamSpec[] = [PROGRAMS, YEARS, VOLUMES, AMOUNTS, RATES, PRICES, CAPS, TAKE_UPS];
const FORMULAS = column("formulas", "Custom formula of each row (blank = use amount or rate × price).");

const LEVEL_KEYWORDS: Readonly<Record<string, FundingLevel | "total">> = {
  total: "total",
  合计: "total",
  总计: "total",
  central: "central",
  中央: "central",
  provincial: "provincial",
  province: "provincial",
  省级: "provincial",
  省: "provincial",
  city: "city",
  市级: "city",
  市: "city",
};
const LEVEL: ParamSpec = {
  name: "level",
  type: "kind",
  optional: true,
  defaultValue: "total",
  keywords: LEVEL_KEYWORDS,
  description: "total (default), central, provincial or city.",
};

/** The cells of an argument in reading order (a column, a row or a single cell). */
function cellsOf(matrix: SheetMatrix): SheetScalar[] {
  return matrix.flat();
}

/** One cell of a column argument for row `index`: the row's own cell, the only cell, or blank. */
function cellAt(cells: readonly SheetScalar[], index: number): SheetScalar {
  if (cells.length === 0) return null;
  return cells.length === 1 ? cells[0] : cells[index];
}

function rowError(functionName: string, rowNumber: number, message: string): LiangxinError {
  return new LiangxinError("#VALUE!", `${functionName}: 第${rowNumber}行 (row ${rowNumber}): ${message}`);
}

function numberAt(
  cells: readonly SheetScalar[],
  index: number,
  spec: ParamSpec,
  functionName: string,
  fallback: number | null,
): number | null {
  const value = coerceCell(cellAt(cells, index), { ...spec, type: "number", optional: true }, functionName);
  if (isSheetError(value))
    throw new LiangxinError(
      value.error,
      `${functionName}: 第${index + 1}行 (row ${index + 1}) ${spec.name}: ${value.message ?? value.error}`,
    );
  return typeof value === "number" ? value : fallback;
}

/**
 * Reads the table arguments into budget lines. Rows whose program cell is blank are skipped
 * (pre-formatted empty rows); a row with a program but a bad year or value is an error naming
 * the row. Funding shares: an n×3 range (central, provincial, city) or one 1×3 row for all;
 * without it every line is 100% central (only the total is meaningful then).
 */
function linesFrom(args: readonly SheetMatrix[], shares: SheetMatrix | null, functionName: string): BudgetLine[] {
  const [programs, years, volumes, amounts, rates, prices, caps, takeUps, formulas] = args.map(cellsOf);
  for (const [name, cells] of [
    ["years", years],
    ["volumes", volumes],
  ] as const) {
    if (cells.length > 1 && cells.length !== programs.length) {
      throw new LiangxinError(
        "#N/A",
        `${functionName}: ${name} 与 programs 行数不同 (${name} and programs differ in size)`,
      );
    }
  }
  const lines: BudgetLine[] = [];
  for (let index = 0; index < programs.length; index++) {
    const program = programs[index];
    if (isBlank(program)) continue;
    if (isSheetError(program))
      throw new LiangxinError(
        program.error,
        `${functionName}: 第${index + 1}行 (row ${index + 1}): ${program.message ?? program.error}`,
      );
    const year = numberAt(years, index, YEARS, functionName, null);
    if (year === null || !Number.isInteger(year))
      throw rowError(functionName, index + 1, "年度应为整数 (year must be a whole number)");
    const formulaCell = cellAt(formulas, index);
    let funding = { central: 1, provincial: 0, city: 0 };
    if (shares && shares.length > 0) {
      const shareRow = shares.length === 1 ? shares[0] : shares[index];
      if (!shareRow || shareRow.length !== 3) {
        throw new LiangxinError(
          "#N/A",
          `${functionName}: shares 应为每行3列（中央、省级、市级）(shares need 3 columns per row)`,
        );
      }
      const [central, provincial, city] = FUNDING_LEVELS.map((level, levelIndex) =>
        numberAt([shareRow[levelIndex]], 0, { ...PROGRAMS, name: `shares.${level}` }, functionName, 0),
      ) as number[];
      funding = { central, provincial, city };
    }
    lines.push({
      programId: String(program),
      programName: `${functionName}: 第${index + 1}行 (row ${index + 1}) ${String(program)}`,
      year,
      volume: numberAt(volumes, index, VOLUMES, functionName, 0)!,
      takeUp: numberAt(takeUps, index, TAKE_UPS, functionName, 1)!,
      amountYuan: numberAt(amounts, index, AMOUNTS, functionName, null),
      rate: numberAt(rates, index, RATES, functionName, null),
      priceYuan: numberAt(prices, index, PRICES, functionName, null),
      capYuan: numberAt(caps, index, CAPS, functionName, null),
      formula: isBlank(formulaCell) || isSheetError(formulaCell) ? null : String(formulaCell),
      funding,
    });
  }
  if (lines.length === 0) throw new LiangxinError("#N/A", `${functionName}: 没有项目行 (no program rows)`);
  return lines;
}

function scalarArgument(matrix: SheetMatrix, spec: ParamSpec, functionName: string): Coerced {
  const cells = cellsOf(matrix);
  if (cells.length > 1)
    throw new LiangxinError("#VALUE!", `${functionName}: ${spec.name} 应为单个单元格 (${spec.name} must be one cell)`);
  const value = coerceCell(cells[0] ?? null, spec, functionName);
  if (isSheetError(value)) throw new LiangxinError(value.error, value.message ?? value.error);
  return value === BLANK ? undefined : value;
}

const SUBSIDY_BUDGET: RangeSheetFunction = {
  name: "SUBSIDY_BUDGET",
  shape: "range",
  description:
    "Budget table from program rows: spills programs down and years across (with 合计 row and column), in yuan, for the total or one funding level.",
  descriptionZh: "按项目和年度汇总补贴资金(元),可选中央/省级/市级分担;向下向右溢出,含合计行列。",
  params: [
    ...PROGRAM_ROW_PARAMS,
    column("shares", "Funding shares, 3 columns (central, provincial, city) per row or one row for all."),
    LEVEL,
    FORMULAS,
  ],
  evaluate(args, functionName): SheetResult {
    const level = scalarArgument(args[9], LEVEL, functionName) as FundingLevel | "total";
    const lines = linesFrom(
      [...args.slice(0, PROGRAM_ROW_PARAMS.length), args[10]],
      args[8].length > 0 ? args[8] : null,
      functionName,
    );
    if (level !== "total" && args[8].length === 0) {
      throw new LiangxinError(
        "#VALUE!",
        `${functionName}: 按${level}汇总需要 shares 分担比例 (level ${level} needs shares)`,
      );
    }
    const budget = computeBudget(lines);
    const years = [...budget.byYear.keys()].sort((a, b) => a - b);
    const cost = new Map<string, number>();
    for (const line of budget.lines) {
      const key = `${line.programId}\u0000${line.year}`;
      cost.set(key, (cost.get(key) ?? 0) + (level === "total" ? line.costYuan : line.byLevel[level]));
    }
    const pick = (amounts: { total: number } & Record<FundingLevel, number>) =>
      level === "total" ? amounts.total : amounts[level];
    const rows: SheetMatrix = [["项目", ...years, "合计"]];
    for (const [programId, amounts] of budget.byProgram) {
      rows.push([programId, ...years.map((year) => cost.get(`${programId}\u0000${year}`) ?? 0), pick(amounts)]);
    }
    rows.push(["合计", ...years.map((year) => pick(budget.byYear.get(year)!)), pick(budget.grandTotal)]);
    return rows;
  },
};

const ITERATIONS: ParamSpec = {
  name: "iterations",
  type: "integer",
  optional: true,
  defaultValue: DEFAULT_ITERATIONS,
  description: "Number of draws; default 10,000.",
};
const SEED: ParamSpec = {
  name: "seed",
  type: "integer",
  optional: true,
  defaultValue: DEFAULT_SEED,
  description: "Random seed; the same seed gives the same result. Default 2024.",
};

const SUBSIDY_SIMULATE: RangeSheetFunction = {
  name: "SUBSIDY_SIMULATE",
  shape: "range",
  description:
    "Monte Carlo of the total budget over volume, take-up and price ranges: spills P10, P50, P90 (yuan) across one row.",
  descriptionZh:
    "对数量、申领比例和价格的不确定范围做蒙特卡洛模拟,向右溢出补贴总额的 P10、P50、P90(元);同一随机种子结果相同。",
  params: [
    ...PROGRAM_ROW_PARAMS,
    column("ranges", "Relative ranges ± for volume, take-up and price (1 to 3 cells); default 20%, 10%, 10%."),
    ITERATIONS,
    SEED,
    FORMULAS,
  ],
  evaluate(args, functionName): SheetResult {
    const lines = linesFrom([...args.slice(0, PROGRAM_ROW_PARAMS.length), args[11]], null, functionName);
    const rangeCells = cellsOf(args[8]);
    if (rangeCells.length > 3)
      throw new LiangxinError(
        "#VALUE!",
        `${functionName}: ranges 最多3个单元格（数量、申领比例、价格）(at most 3 cells)`,
      );
    const defaults = [DEFAULT_UNCERTAINTY.volume, DEFAULT_UNCERTAINTY.takeUp, DEFAULT_UNCERTAINTY.price];
    const [volume, takeUp, price] = defaults.map((fallback, index) =>
      numberAt(
        rangeCells.length > index ? [rangeCells[index]] : [],
        0,
        { ...PROGRAMS, name: "ranges" },
        functionName,
        fallback,
      ),
    ) as number[];
    const iterations = scalarArgument(args[9], ITERATIONS, functionName) as number;
    const seed = scalarArgument(args[10], SEED, functionName) as number;
    const result = simulateBudget(lines, { iterations, seed, ranges: { volume, takeUp, price } });
    return [[result.p10, result.p50, result.p90]];
  },
};

/** The subsidy functions, for src/core/sheet/registry.ts. */
export const SUBSIDY_FUNCTIONS: Readonly<Record<string, SheetFunction>> = {
  SUBSIDY_COST,
  SUBSIDY_FORMULA,
  SUBSIDY_BUDGET,
  SUBSIDY_SIMULATE,
};
