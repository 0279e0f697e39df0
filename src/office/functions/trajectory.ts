/**
 * Trajectory custom functions (namespace LX). Thin: each passes its arguments to the shared
 * registry (src/core/sheet), which coerces, broadcasts ranges and computes; errors come back as
 * CustomFunctions.Error values. The JSDoc is the public Excel signature: functions.json is generated
 * from it at build (custom-functions-metadata-plugin). Every parameter is a range (any[][]) so that
 * a whole report column is evaluated in one call; a single cell arrives as a 1×1 range.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata maps only any[][] to an untyped range parameter */
import { evaluateForExcel } from "./excel";

/**
 * 从基期值到目标值所需的年均增长率(与 Excel RRI 一致)。Annual growth rate needed from baseline to target.
 * @customfunction REQUIRED_GROWTH
 * @param baseline 基期值(默认 2023 年),须为正数。
 * @param target 目标年值。
 * @param [baseYear] 基期年份,默认 2023。
 * @param [targetYear] 目标年份,默认 2027。
 * @returns 年均增长率(0.189 即 18.9%)。
 */
export function requiredGrowth(baseline: any[][], target: any[][], baseYear?: any[][], targetYear?: any[][]): any[][] {
  return evaluateForExcel("REQUIRED_GROWTH", [baseline, target, baseYear, targetYear]);
}

/**
 * 报告期目标轨迹上的应达值。Expected value on the target's trajectory at a report date.
 * @customfunction TRAJECTORY
 * @param baseline 基期值(默认 2023 年)。
 * @param target 目标年值(增长类:基期值 × (1 + 增幅))。
 * @param date 报告期:年份 2025、2025-06、2025.06、日期或日期序号;须在基期年至目标年之间。
 * @param [kind] growth(默认,流量)、level(存量)、share(占比)、cumulative(累计)、annual(每年)。
 * @param [baseYear] 基期年份,默认 2023。
 * @param [targetYear] 目标年份,默认 2027。
 * @param [startYear] 累计类起算年份,默认基期年份 + 1。
 * @returns 应达值(流量为年初至报告期累计)。
 */
export function trajectory(
  baseline: any[][],
  target: any[][],
  date: any[][],
  kind?: any[][],
  baseYear?: any[][],
  targetYear?: any[][],
  startYear?: any[][],
): any[][] {
  return evaluateForExcel("TRAJECTORY", [baseline, target, date, kind, baseYear, targetYear, startYear]);
}

/**
 * 报告值与目标轨迹的差距,负数为落后(目标低于基期值时低于轨迹为好)。Gap to the trajectory (negative = behind, also for reductions).
 * @customfunction TARGET_GAP
 * @param reported 报告值(流量为年初至报告期累计)。
 * @param baseline 基期值(默认 2023 年)。
 * @param target 目标年值。
 * @param date 报告期:年份 2025、2025-06、2025.06、日期或日期序号;须在基期年至目标年之间。
 * @param [kind] growth(默认)、level、share、cumulative、annual。
 * @param [mode] rel(默认,报告值/应达值 − 1)或 abs(报告值 − 应达值);下降类目标取反。
 * @returns 差距。
 */
export function targetGap(
  reported: any[][],
  baseline: any[][],
  target: any[][],
  date: any[][],
  kind?: any[][],
  mode?: any[][],
): any[][] {
  return evaluateForExcel("TARGET_GAP", [reported, baseline, target, date, kind, mode]);
}

/**
 * 报告值状态:正常、预警或落后。Status: 正常 (on track), 预警 (at risk) or 落后 (behind).
 * @customfunction TARGET_STATUS
 * @param reported 报告值(流量为年初至报告期累计)。
 * @param baseline 基期值(默认 2023 年)。
 * @param target 目标年值。
 * @param date 报告期:年份 2025、2025-06、2025.06、日期或日期序号;须在基期年至目标年之间。
 * @param [kind] growth(默认)、level、share、cumulative、annual。
 * @param [tolerance] 预警容差,默认 0.1(10%):差距低于 −容差为落后。
 * @returns 正常、预警或落后。
 */
export function targetStatus(
  reported: any[][],
  baseline: any[][],
  target: any[][],
  date: any[][],
  kind?: any[][],
  tolerance?: any[][],
): any[][] {
  return evaluateForExcel("TARGET_STATUS", [reported, baseline, target, date, kind, tolerance]);
}

/**
 * 目标年预测值,向右溢出 95% 区间下限、上限和达标概率。Projected target-year value with interval and probability.
 * @customfunction FORECAST_TARGET
 * @param values 已报告的值(一列或一行;空白跳过)。
 * @param dates 对应的报告期,大小相同。
 * @param [targetYear] 预测年份(年末),默认 2027。
 * @param [target] 目标值,用于计算达标概率。
 * @returns 一行:预测值、下限、上限、达标概率。
 */
export function forecastTarget(values: any[][], dates: any[][], targetYear?: any[][], target?: any[][]): any[][] {
  return evaluateForExcel("FORECAST_TARGET", [values, dates, targetYear, target]);
}

/**
 * 差距低于 −阈值的责任部门,每个部门一次,最落后的在前。Departments behind, worst first.
 * @customfunction LAGGARDS
 * @param departments 责任部门,一行一个。
 * @param gaps 对应的差距(TARGET_GAP),大小相同;空白和错误跳过。
 * @param [threshold] 阈值,默认 0。
 * @returns 部门名称,向下溢出。
 */
export function laggards(departments: any[][], gaps: any[][], threshold?: any[][]): any[][] {
  return evaluateForExcel("LAGGARDS", [departments, gaps, threshold]);
}
