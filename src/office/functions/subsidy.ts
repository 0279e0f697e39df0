/**
 * Subsidy custom functions (namespace LX). Thin: each passes its arguments to the shared
 * registry (src/core/sheet/registry.ts → src/core/sheet/subsidyFunctions.ts), which coerces,
 * broadcasts and computes; errors come back as CustomFunctions.Error values. The JSDoc is the
 * public Excel signature (functions.json is generated from it at build). Every parameter is a
 * range (any[][]): a single cell arrives as a 1×1 range, a column of rows in one call.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata maps only any[][] to an untyped range parameter */
import { formulaEngineLoaded, loadFormulaEngine } from "../../core/budget/formula";
import { evaluateForExcel } from "./excel";

/**
 * Evaluates a function that may run a user formula: mathjs is imported on the first such call
 * (so the functions' start-up does not carry it); the cell shows #BUSY! until then.
 */
async function withFormulaEngine(name: string, args: Array<any[][] | undefined>): Promise<any[][]> {
  if (!formulaEngineLoaded()) await loadFormulaEngine();
  return evaluateForExcel(name, args);
}

/**
 * 补贴金额:数量 × 每件补贴(给定每件补贴额时用它,否则为 MIN(补贴比例 × 价格, 每件上限))。Subsidy cost in yuan.
 * @customfunction SUBSIDY_COST
 * @param volume 补贴数量(辆/台),不能为负。
 * @param [amount] 每件补贴额(元);给定时优先于比例、价格和上限。
 * @param [rate] 补贴比例(0.15 或 15%)。
 * @param [price] 每件平均价格(元)。
 * @param [cap] 每件补贴上限(元);空白为不设上限。
 * @returns 补贴金额(元)。
 */
export function subsidyCost(
  volume: any[][],
  amount?: any[][],
  rate?: any[][],
  price?: any[][],
  cap?: any[][],
): any[][] {
  return evaluateForExcel("SUBSIDY_COST", [volume, amount, rate, price, cap]);
}

/**
 * 按自定义公式计算补贴金额(仅允许四则运算、乘方和 min/max/round/abs/floor/ceil)。Custom program formula, evaluated safely.
 * @customfunction SUBSIDY_FORMULA
 * @param formula 公式,如 volume * 0.6 * min(price * 15%, 2000);变量 volume、price、amount、rate、cap、takeUp。
 * @param volume 数量(辆/台)。
 * @param [price] 每件平均价格(元)。
 * @param [amount] 每件补贴额(元)。
 * @param [rate] 补贴比例。
 * @param [cap] 每件补贴上限(元)。
 * @param [takeUp] 申领比例(0–1)。
 * @returns 补贴金额(元)。
 */
export function subsidyFormula(
  formula: any[][],
  volume: any[][],
  price?: any[][],
  amount?: any[][],
  rate?: any[][],
  cap?: any[][],
  takeUp?: any[][],
): Promise<any[][]> {
  return withFormulaEngine("SUBSIDY_FORMULA", [formula, volume, price, amount, rate, cap, takeUp]);
}

/**
 * 按项目和年度汇总补贴资金(元),含合计行列;可选中央/省级/市级。Budget by program and year, spilled.
 * @customfunction SUBSIDY_BUDGET
 * @param programs 项目名称,一行一个(空行跳过)。
 * @param years 各行年度。
 * @param volumes 各行数量(空白为 0)。
 * @param [amounts] 各行每件补贴额(元),或一个单元格通用。
 * @param [rates] 各行补贴比例。
 * @param [prices] 各行平均价格(元)。
 * @param [caps] 各行每件上限(元)。
 * @param [takeUps] 各行申领比例,默认 1。
 * @param [shares] 资金分担比例:每行3列(中央、省级、市级),或一行通用。
 * @param [level] total(合计,默认)、central(中央)、provincial(省级)、city(市级)。
 * @param [formulas] 各行自定义公式(空白则按补贴额或比例计算)。
 * @returns 表格:首行年度,每个项目一行,末行和末列为合计。
 */
export function subsidyBudget(
  programs: any[][],
  years: any[][],
  volumes: any[][],
  amounts?: any[][],
  rates?: any[][],
  prices?: any[][],
  caps?: any[][],
  takeUps?: any[][],
  shares?: any[][],
  level?: any[][],
  formulas?: any[][],
): Promise<any[][]> {
  return withFormulaEngine("SUBSIDY_BUDGET", [
    programs,
    years,
    volumes,
    amounts,
    rates,
    prices,
    caps,
    takeUps,
    shares,
    level,
    formulas,
  ]);
}

/**
 * 补贴总额的蒙特卡洛模拟,向右溢出 P10、P50、P90(元);同一种子结果相同。Monte Carlo P10/P50/P90 of the total.
 * @customfunction SUBSIDY_SIMULATE
 * @param programs 项目名称,一行一个(空行跳过)。
 * @param years 各行年度。
 * @param volumes 各行数量(空白为 0)。
 * @param [amounts] 各行每件补贴额(元)。
 * @param [rates] 各行补贴比例。
 * @param [prices] 各行平均价格(元)。
 * @param [caps] 各行每件上限(元)。
 * @param [takeUps] 各行申领比例,默认 1。
 * @param [ranges] 数量、申领比例、价格的相对波动范围(1–3个单元格),默认 20%、10%、10%。
 * @param [iterations] 模拟次数,默认 10000。
 * @param [seed] 随机种子,默认 2024。
 * @param [formulas] 各行自定义公式。
 * @returns 一行:P10、P50、P90(元)。
 */
export function subsidySimulate(
  programs: any[][],
  years: any[][],
  volumes: any[][],
  amounts?: any[][],
  rates?: any[][],
  prices?: any[][],
  caps?: any[][],
  takeUps?: any[][],
  ranges?: any[][],
  iterations?: any[][],
  seed?: any[][],
  formulas?: any[][],
): Promise<any[][]> {
  return withFormulaEngine("SUBSIDY_SIMULATE", [
    programs,
    years,
    volumes,
    amounts,
    rates,
    prices,
    caps,
    takeUps,
    ranges,
    iterations,
    seed,
    formulas,
  ]);
}
