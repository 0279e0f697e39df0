/** Uncertainty of the budget (不确定性): Monte Carlo over volume, take-up and price → P10/P50/P90. */
import { mean, quantileSorted } from "simple-statistics";
import { LiangxinError } from "../errors";
import { computeBudget } from "./budget";
import { compileProgramFormula } from "./formula";
import { seededRandom, triangular } from "./random";
import type { BudgetLine } from "./types";

/**
 * Relative half-widths of the ranges drawn from (0.2 → the value may be 20% lower or higher).
 * These are modelling assumptions, not statistics: set them from local experience.
 */
export interface UncertaintyRanges {
  volume: number;
  takeUp: number;
  price: number;
}

/** Example ranges (示例假设): volume ±20%, take-up ±10%, price ±10%. */
export const DEFAULT_UNCERTAINTY: Readonly<UncertaintyRanges> = { volume: 0.2, takeUp: 0.1, price: 0.1 };
export const DEFAULT_ITERATIONS = 10000;
export const DEFAULT_SEED = 2024;
export const MAX_ITERATIONS = 1_000_000;

export interface SimulationOptions {
  iterations?: number;
  seed?: number;
  ranges?: Partial<UncertaintyRanges>;
}

export interface Percentiles {
  p10: number;
  p50: number;
  p90: number;
  mean: number;
}

export interface SimulationResult extends Percentiles {
  iterations: number;
  seed: number;
  ranges: UncertaintyRanges;
  /** Percentiles of each year's total, yuan. */
  byYear: Map<number, Percentiles>;
}

type LineCost = (volumeFactor: number, takeUpFactor: number, priceFactor: number) => number;

/**
 * The cost of a validated line under multipliers, without allocating: the simulation's hot path
 * (10,000 draws × dozens of lines). Same arithmetic as computeBudgetLine.
 */
function lineCostFunction(line: BudgetLine): LineCost {
  const { volume, takeUp, amountYuan, rate, priceYuan, capYuan } = line;
  const clampedTakeUp = (factor: number) => Math.min(1, takeUp * factor);
  if (line.formula !== null && line.formula.trim() !== "") {
    const formula = compileProgramFormula(line.formula);
    return (volumeFactor, takeUpFactor, priceFactor) =>
      formula.evaluate({
        volume: volume * volumeFactor,
        takeUp: clampedTakeUp(takeUpFactor),
        price: priceYuan === null ? null : priceYuan * priceFactor,
        amount: amountYuan,
        rate,
        cap: capYuan,
      });
  }
  if (amountYuan !== null)
    return (volumeFactor, takeUpFactor) => volume * volumeFactor * clampedTakeUp(takeUpFactor) * amountYuan;
  const cap = capYuan ?? Number.POSITIVE_INFINITY;
  return (volumeFactor, takeUpFactor, priceFactor) =>
    volume * volumeFactor * clampedTakeUp(takeUpFactor) * Math.min(rate! * priceYuan! * priceFactor, cap);
}

/** Uniform draws per iteration and program: volume, take-up, price, in that order. */
export const DRAWS_PER_PROGRAM = 3;

/**
 * The random stream of one program in a simulation: the seed's Mulberry32 stream from position
 * program × iterations × 3, giving (volume, take-up, price) uniforms for iteration 0, then 1, ….
 * Each program owns a fixed slice of the stream, so its draws do not depend on how many programs
 * there are: the .xlsx's pre-drawn 模拟抽样 block (templates/budget.ts) lays them out by program slot
 * and reproduces simulateBudget with built-in formulas.
 * @param seed the simulation's seed.
 * @param programIndex 0-based, in order of first appearance in the lines.
 * @param iterations the simulation's iteration count.
 * @returns a generator of uniforms in [0, 1).
 * @example
 * const random = programRandom(2024, 1, 1000); random(); // program 2's volume draw in iteration 1
 */
export function programRandom(seed: number, programIndex: number, iterations: number): () => number {
  return seededRandom(seed, programIndex * iterations * DRAWS_PER_PROGRAM);
}

function percentiles(sample: number[]): Percentiles {
  const sorted = sample.slice().sort((a, b) => a - b);
  return {
    p10: quantileSorted(sorted, 0.1),
    p50: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
    mean: mean(sorted),
  };
}

function checkRange(name: string, value: number): void {
  if (!Number.isFinite(value))
    throw new LiangxinError("#VALUE!", `SUBSIDY_SIMULATE: ${name} 范围必须是数字 (range must be a number)`);
  if (value < 0 || value > 1)
    throw new LiangxinError("#NUM!", `SUBSIDY_SIMULATE: ${name} 范围应在0–1之间 (range is a share between 0 and 1)`);
}

/**
 * Monte Carlo simulation of the grand total (and each year's total).
 *
 * In each iteration every program draws three multipliers from triangular distributions on
 * [1 − r, 1 + r] peaking at 1 — volume, take-up and price, with r from `ranges` — and applies
 * them to all its years (a program's misjudgement persists across years; programs are
 * independent). Take-up is clamped to 0..1. Price only moves rate-based lines (and formulas
 * that use price). Draws: program k (first-appearance order) takes its uniforms from its own
 * slice of the seed's stream (see programRandom). Percentiles are simple-statistics'
 * quantileSorted (type 7, linear interpolation: Excel's PERCENTILE / PERCENTILE.INC). The same
 * seed and iterations give the same result.
 * @param lines program-year rows (see computeBudgetLine).
 * @param options iterations (default 10,000), seed (default 2024), ranges (default ±20% / ±10% / ±10%).
 * @returns P10/P50/P90 and mean of the total in yuan, overall and by year.
 * @throws LiangxinError #NUM! for iterations outside 1..1,000,000 or a range outside 0..1;
 *   errors of invalid lines.
 * @example
 * simulateBudget(lines, { seed: 7 }).p90; // the total exceeded in only 10% of draws
 */
export function simulateBudget(lines: readonly BudgetLine[], options: SimulationOptions = {}): SimulationResult {
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const seed = options.seed ?? DEFAULT_SEED;
  const ranges: UncertaintyRanges = { ...DEFAULT_UNCERTAINTY, ...options.ranges };
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new LiangxinError(
      "#NUM!",
      `SUBSIDY_SIMULATE: 模拟次数应为1–${MAX_ITERATIONS}的整数 (iterations must be an integer in 1..${MAX_ITERATIONS})`,
    );
  }
  if (!Number.isFinite(seed))
    throw new LiangxinError("#VALUE!", "SUBSIDY_SIMULATE: seed 必须是数字 (seed must be a number)");
  checkRange("volume", ranges.volume);
  checkRange("takeUp", ranges.takeUp);
  checkRange("price", ranges.price);
  computeBudget(lines); // validates every line once, so the loop below meets no bad input
  const lineCosts = lines.map(lineCostFunction);

  const programIndex = new Map<string, number>();
  for (const line of lines) if (!programIndex.has(line.programId)) programIndex.set(line.programId, programIndex.size);
  const lineProgram = lines.map((line) => programIndex.get(line.programId)!);
  const years = [...new Set(lines.map((line) => line.year))];
  const lineYear = lines.map((line) => years.indexOf(line.year));
  const programCount = programIndex.size;
  const volumeFactor = new Float64Array(programCount);
  const takeUpFactor = new Float64Array(programCount);
  const priceFactor = new Float64Array(programCount);
  const totals: number[] = new Array(iterations);
  const yearTotals = years.map(() => new Array<number>(iterations));
  const yearSum = new Float64Array(years.length);
  const programRandoms = Array.from({ length: programCount }, (_unused, program) =>
    programRandom(seed, program, iterations),
  );

  for (let iteration = 0; iteration < iterations; iteration++) {
    for (let program = 0; program < programCount; program++) {
      const random = programRandoms[program];
      volumeFactor[program] = triangular(random(), 1 - ranges.volume, 1, 1 + ranges.volume);
      takeUpFactor[program] = triangular(random(), 1 - ranges.takeUp, 1, 1 + ranges.takeUp);
      priceFactor[program] = triangular(random(), 1 - ranges.price, 1, 1 + ranges.price);
    }
    yearSum.fill(0);
    let total = 0;
    for (let index = 0; index < lines.length; index++) {
      const program = lineProgram[index];
      const cost = lineCosts[index](volumeFactor[program], takeUpFactor[program], priceFactor[program]);
      total += cost;
      yearSum[lineYear[index]] += cost;
    }
    totals[iteration] = total;
    for (let year = 0; year < years.length; year++) yearTotals[year][iteration] = yearSum[year];
  }
  return {
    ...percentiles(totals),
    iterations,
    seed,
    ranges,
    byYear: new Map(years.map((year, index) => [year, percentiles(yearTotals[index])])),
  };
}
