/** The budget by program × year × funding level, and its totals (补贴资金测算). */
import { LiangxinError } from "../errors";
import { compileProgramFormula, type ProgramFormula } from "./formula";
import { perUnitSubsidy } from "./subsidy";
import {
  FUNDING_LEVELS,
  type BudgetAmounts,
  type BudgetLine,
  type BudgetLineResult,
  type BudgetResult,
  type FundingShares,
  type SubsidyProgram,
} from "./types";

/** Years the plans run to: 2025–2027 (the 2024 measures started mid-2024). */
export const DEFAULT_BUDGET_YEARS: readonly number[] = [2025, 2026, 2027];

const SHARE_SUM_TOLERANCE = 1e-6;

// Formulas are compiled once per text: the Monte Carlo evaluates the same line thousands of times.
const formulaCache = new Map<string, ProgramFormula>();
function programFormula(text: string): ProgramFormula {
  let compiled = formulaCache.get(text);
  if (!compiled) {
    if (formulaCache.size > 500) formulaCache.clear();
    compiled = compileProgramFormula(text);
    formulaCache.set(text, compiled);
  }
  return compiled;
}

/**
 * Checks funding shares: each in 0..1 and together 1.
 * @throws LiangxinError #NUM! otherwise.
 * @example
 * checkFundingShares({ central: 0.9, provincial: 0.05, city: 0.05 }); // ok
 */
export function checkFundingShares(shares: FundingShares): void {
  for (const level of FUNDING_LEVELS) {
    const share = shares[level];
    if (!Number.isFinite(share))
      throw new LiangxinError("#VALUE!", `资金分担比例必须是数字 (funding share ${level} must be a number)`);
    if (share < 0 || share > 1)
      throw new LiangxinError("#NUM!", `资金分担比例应在0–1之间 (funding share ${level} must be between 0 and 1)`);
  }
  const sum = shares.central + shares.provincial + shares.city;
  if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) {
    throw new LiangxinError(
      "#NUM!",
      `中央、省、市分担比例之和应为100%，现为${(sum * 100).toFixed(2)}% (funding shares must sum to 1)`,
    );
  }
}

/**
 * Cost of one program-year (补贴金额) and its split by funding level.
 *
 * Formula: cost = volume × takeUp × perUnitSubsidy(line), or the line's formula when it has
 * one (the formula's result is the total, in yuan); byLevel = cost × funding share.
 * @param line the program-year's parameters (volume in units, takeUp share, money in yuan).
 * @returns the line with subsidisedUnits, perUnitYuan, costYuan and byLevel.
 * @throws LiangxinError (#VALUE!/#NUM!) with the program and year in its message.
 * @example
 * computeBudgetLine({ programId: "carScrapNev", year: 2025, volume: 1000, takeUp: 0.5, amountYuan: 20000,
 *   rate: null, priceYuan: null, capYuan: null, formula: null,
 *   funding: { central: 0.9, provincial: 0.05, city: 0.05 } }).costYuan; // 10000000
 */
export function computeBudgetLine(line: BudgetLine): BudgetLineResult {
  try {
    if (!Number.isFinite(line.volume)) throw new LiangxinError("#VALUE!", "数量必须是数字 (volume must be a number)");
    if (line.volume < 0) throw new LiangxinError("#NUM!", "数量不能为负 (volume must not be negative)");
    if (!Number.isFinite(line.takeUp))
      throw new LiangxinError("#VALUE!", "申领比例必须是数字 (take-up must be a number)");
    if (line.takeUp < 0 || line.takeUp > 1)
      throw new LiangxinError("#NUM!", "申领比例应在0–1之间 (take-up must be between 0 and 1)");
    checkFundingShares(line.funding);
    const subsidisedUnits = line.volume * line.takeUp;
    let perUnitYuan: number | null = null;
    let costYuan: number;
    if (line.formula !== null && line.formula.trim() !== "") {
      costYuan = programFormula(line.formula).evaluate({
        volume: line.volume,
        takeUp: line.takeUp,
        price: line.priceYuan,
        amount: line.amountYuan,
        rate: line.rate,
        cap: line.capYuan,
      });
    } else {
      perUnitYuan = perUnitSubsidy(line);
      costYuan = subsidisedUnits * perUnitYuan;
    }
    return {
      ...line,
      subsidisedUnits,
      perUnitYuan,
      costYuan,
      byLevel: {
        central: costYuan * line.funding.central,
        provincial: costYuan * line.funding.provincial,
        city: costYuan * line.funding.city,
      },
    };
  } catch (error) {
    if (error instanceof LiangxinError) {
      throw new LiangxinError(error.code, `${line.programName ?? line.programId} ${line.year}: ${error.message}`);
    }
    throw error;
  }
}

function emptyAmounts(): BudgetAmounts {
  return { central: 0, provincial: 0, city: 0, total: 0 };
}

function addTo(amounts: BudgetAmounts, line: BudgetLineResult): void {
  amounts.total += line.costYuan;
  for (const level of FUNDING_LEVELS) amounts[level] += line.byLevel[level];
}

/**
 * The budget (补贴资金测算表): every program-year's cost, with sums by year, by program and
 * overall, each split into central / provincial / city.
 * @param lines program-year rows (see computeBudgetLine).
 * @returns lines in input order; byYear and byProgram in first-seen order; grandTotal.
 * @throws LiangxinError from the first invalid line.
 * @example
 * computeBudget(budgetLinesFromPrograms(defaultPrograms("河南"), [2025], () => 100)).grandTotal.total;
 */
export function computeBudget(lines: readonly BudgetLine[]): BudgetResult {
  const results = lines.map(computeBudgetLine);
  const byYear = new Map<number, BudgetAmounts>();
  const byProgram = new Map<string, BudgetAmounts>();
  const grandTotal = emptyAmounts();
  for (const line of results) {
    if (!byYear.has(line.year)) byYear.set(line.year, emptyAmounts());
    if (!byProgram.has(line.programId)) byProgram.set(line.programId, emptyAmounts());
    addTo(byYear.get(line.year)!, line);
    addTo(byProgram.get(line.programId)!, line);
    addTo(grandTotal, line);
  }
  return { lines: results, byYear, byProgram, grandTotal };
}

/** Only the grand total in yuan (the hot path of sensitivity and Monte Carlo). */
export function budgetTotal(lines: readonly BudgetLine[]): number {
  let total = 0;
  for (const line of lines) total += computeBudgetLine(line).costYuan;
  return total;
}

/**
 * Expands programs into program-year lines.
 * @param programs the programs with their parameters.
 * @param years e.g. DEFAULT_BUDGET_YEARS.
 * @param volumeOf eligible units of a program in a year (typed in or from a trajectory, see
 *   volume.ts); null or undefined → 0 (not yet filled in).
 * @returns programs × years, program-major.
 * @example
 * budgetLinesFromPrograms(defaultPrograms(), [2025, 2026], (id, year) => (id === "busNev" ? 50 : 0)).length; // 32
 */
export function budgetLinesFromPrograms(
  programs: readonly SubsidyProgram[],
  years: readonly number[],
  volumeOf: (programId: string, year: number) => number | null | undefined,
): BudgetLine[] {
  const lines: BudgetLine[] = [];
  for (const program of programs) {
    for (const year of years) {
      lines.push({
        programId: program.id,
        programName: program.name,
        year,
        volume: volumeOf(program.id, year) ?? 0,
        takeUp: program.takeUp,
        amountYuan: program.amountYuan,
        rate: program.rate,
        priceYuan: program.priceYuan,
        capYuan: program.capYuan,
        formula: program.formula,
        funding: { ...program.funding },
      });
    }
  }
  return lines;
}
