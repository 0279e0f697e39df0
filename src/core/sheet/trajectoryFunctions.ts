/**
 * The trajectory sheet functions: REQUIRED_GROWTH, TRAJECTORY, TARGET_GAP, TARGET_STATUS,
 * FORECAST_TARGET, LAGGARDS. Specs only: coercion and broadcasting are the engine's; the math is core's.
 */
import { forecastTarget } from "../forecast";
import type { GapMode } from "../gap";
import { pathDirection, targetGap } from "../gap";
import { statusLabel } from "../i18n";
import type { ReportPeriod } from "../period";
import { DEFAULT_TOLERANCE, targetStatus } from "../status";
import type { TrajectoryKind } from "../trajectory";
import { DEFAULT_BASE_YEAR, DEFAULT_TARGET_YEAR, checkPlanPeriod, expectedValue, requiredGrowth } from "../trajectory";
import type { Coerced, ParamSpec } from "./coerce";
import { BLANK, coerceCell } from "./coerce";
import type { ElementwiseSheetFunction, RangeSheetFunction, SheetFunction } from "./engine";
import type { SheetError, SheetMatrix, SheetScalar } from "./values";
import { isBlank, isSheetError, sheetError } from "./values";

/** Kind keywords: the trajectory kinds, the catalog's kind names and Chinese aliases. */
export const KIND_KEYWORDS: Readonly<Record<string, TrajectoryKind>> = {
  growth: "growth",
  growth_vs_baseline: "growth",
  flow: "growth",
  增长: "growth",
  level: "level",
  stock: "level",
  存量: "level",
  水平: "level",
  share: "share",
  占比: "share",
  比重: "share",
  比例: "share",
  cumulative: "cumulative",
  累计: "cumulative",
  annual: "annual",
  每年: "annual",
  年度: "annual",
};

const MODE_KEYWORDS: Readonly<Record<string, GapMode>> = {
  rel: "rel",
  relative: "rel",
  相对: "rel",
  abs: "abs",
  absolute: "abs",
  绝对: "abs",
};

const BASELINE: ParamSpec = {
  name: "baseline",
  labelZh: "基期值",
  type: "number",
  description: "Base-year figure (2023 by default).",
};
const TARGET: ParamSpec = {
  name: "target",
  labelZh: "目标年值",
  type: "number",
  description: "Target-year figure (for growth: baseline × (1 + growth)).",
};
const DATE: ParamSpec = {
  name: "date",
  labelZh: "报告期",
  type: "period",
  description: "Report date: a year (2025), 2025-06, an ISO date or a date.",
};
const KIND: ParamSpec = {
  name: "kind",
  type: "kind",
  optional: true,
  defaultValue: "growth",
  keywords: KIND_KEYWORDS,
  description: "growth (default), level, share, cumulative or annual.",
};
const REPORTED: ParamSpec = {
  name: "reported",
  labelZh: "报告值",
  type: "number",
  description: "Reported figure (year-to-date for flows).",
};
const BASE_YEAR: ParamSpec = {
  name: "baseYear",
  labelZh: "基期年份",
  type: "year",
  optional: true,
  defaultValue: DEFAULT_BASE_YEAR,
  description: "Base year; default 2023.",
};
const TARGET_YEAR: ParamSpec = {
  name: "targetYear",
  labelZh: "目标年份",
  type: "year",
  optional: true,
  defaultValue: DEFAULT_TARGET_YEAR,
  description: "Target year; default 2027.",
};

/**
 * The expected value from TRAJECTORY's first parameters (shared by the gap and status functions),
 * after refusing a report date outside the plan period (#NUM!, never an extrapolation).
 */
function expectedFrom(
  args: readonly Coerced[],
  first: number,
  baseYear: number,
  targetYear: number,
  startYear?: number,
): number {
  const period = args[first + 2] as ReportPeriod;
  const expected = expectedValue(
    args[first + 3] as TrajectoryKind,
    args[first] as number,
    args[first + 1] as number,
    period.year,
    period.month,
    baseYear,
    targetYear,
    startYear,
  );
  checkPlanPeriod(period, baseYear, targetYear);
  return expected;
}

/** TARGET_GAP/TARGET_STATUS: the signed gap (negative = behind) of args [reported, baseline, target, date, kind]. */
function gapFrom(args: readonly Coerced[], mode: GapMode): number {
  const direction = pathDirection(args[4] as TrajectoryKind, args[1] as number, args[2] as number);
  return targetGap(args[0] as number, expectedFrom(args, 1, DEFAULT_BASE_YEAR, DEFAULT_TARGET_YEAR), mode, direction);
}

const REQUIRED_GROWTH: ElementwiseSheetFunction = {
  name: "REQUIRED_GROWTH",
  shape: "elementwise",
  description: "Annual growth rate needed from baseline to target (agrees with Excel's RRI).",
  descriptionZh: "从基期值到目标值所需的年均增长率(与 Excel RRI 一致)。",
  params: [BASELINE, TARGET, BASE_YEAR, TARGET_YEAR],
  compute: (args) => requiredGrowth(args[0] as number, args[1] as number, args[2] as number, args[3] as number),
};

const TRAJECTORY: ElementwiseSheetFunction = {
  name: "TRAJECTORY",
  shape: "elementwise",
  description: "Expected value on the target's trajectory at a report date.",
  descriptionZh: "报告期目标轨迹上的应达值。",
  params: [
    BASELINE,
    TARGET,
    DATE,
    KIND,
    BASE_YEAR,
    TARGET_YEAR,
    {
      name: "startYear",
      labelZh: "起算年份",
      type: "year",
      optional: true,
      description: "First counted year of a cumulative target; default baseYear + 1.",
    },
  ],
  compute: (args) => expectedFrom(args, 0, args[4] as number, args[5] as number, args[6] as number | undefined),
};

const TARGET_GAP: ElementwiseSheetFunction = {
  name: "TARGET_GAP",
  shape: "elementwise",
  description:
    "Gap of a reported figure to its trajectory: reported/expected − 1 (rel) or reported − expected (abs), sign flipped for a falling path; negative = behind.",
  descriptionZh: "报告值与目标轨迹的差距:相对(报告值/应达值 − 1)或绝对(报告值 − 应达值),下降类目标取反;负数为落后。",
  params: [
    REPORTED,
    BASELINE,
    TARGET,
    DATE,
    KIND,
    {
      name: "mode",
      type: "mode",
      optional: true,
      defaultValue: "rel",
      keywords: MODE_KEYWORDS,
      description: "rel (default) or abs.",
    },
  ],
  compute: (args) => gapFrom(args, args[5] as GapMode),
};

const TARGET_STATUS: ElementwiseSheetFunction = {
  name: "TARGET_STATUS",
  shape: "elementwise",
  description: "Status of a reported figure: 正常 (on track), 预警 (at risk) or 落后 (behind).",
  descriptionZh: "报告值状态:正常、预警或落后(差距低于 −容差为落后)。",
  params: [
    REPORTED,
    BASELINE,
    TARGET,
    DATE,
    KIND,
    {
      name: "tolerance",
      labelZh: "预警容差",
      type: "number",
      optional: true,
      defaultValue: DEFAULT_TOLERANCE,
      description: "Tolerance for 预警; default 0.1 (10%).",
    },
  ],
  compute: (args) => statusLabel(targetStatus(gapFrom(args, "rel"), args[5] as number)),
};

/** Coerces a range function's single-cell argument (its first cell); BLANK/undefined come back as such. */
function cellArgument(matrix: SheetMatrix, param: ParamSpec, functionName: string): Coerced {
  return coerceCell(matrix[0]?.[0], param, functionName);
}

/** An error value the user's range holds (#N/A from a lookup): keeps its code, says which cell. */
function errorInCell(error: SheetError, functionName: string, param: ParamSpec, cellNumber: number): SheetError {
  return sheetError(
    error.error,
    `${functionName}：第 ${cellNumber} 个${param.labelZh ?? param.name}是错误值 ${error.error} (${functionName}: ${param.name} cell ${cellNumber} is ${error.error})`,
  );
}

function cells(matrix: SheetMatrix): SheetScalar[] {
  const flat: SheetScalar[] = [];
  for (const row of matrix) for (const cell of row) flat.push(cell);
  return flat;
}

const VALUES_PARAM: ParamSpec = {
  name: "values",
  labelZh: "已报告的值",
  type: "range",
  description: "Reported values (a column or row; blanks are skipped).",
};
const DATES_PARAM: ParamSpec = {
  name: "dates",
  labelZh: "报告期",
  type: "range",
  description: "Their report dates, same size.",
};
const VALUE_CELL: ParamSpec = { ...VALUES_PARAM, type: "number" };
const DATE_CELL: ParamSpec = { ...DATES_PARAM, type: "period" };
const FORECAST_TARGET_YEAR: ParamSpec = {
  ...TARGET_YEAR,
  labelZh: "预测年份",
  description: "Year to project (its end); default 2027.",
};
const FORECAST_TARGET_VALUE: ParamSpec = {
  name: "target",
  labelZh: "目标值",
  type: "number",
  optional: true,
  description: "Target, for the probability of reaching it.",
};

const FORECAST_TARGET: RangeSheetFunction = {
  name: "FORECAST_TARGET",
  shape: "range",
  description:
    "Projected target-year value, spilled right with the 95% interval (low, high) and the probability of reaching the target.",
  descriptionZh: "目标年预测值,向右溢出 95% 区间下限、上限和达标概率。",
  params: [VALUES_PARAM, DATES_PARAM, FORECAST_TARGET_YEAR, FORECAST_TARGET_VALUE],
  evaluate([values, dates, targetYearCell, targetCell], functionName) {
    const valueCells = cells(values);
    const dateCells = cells(dates);
    if (valueCells.length !== dateCells.length)
      return sheetError(
        "#N/A",
        `${functionName}：已报告的值与报告期的单元格数不同 (${functionName}: values and dates must have the same number of cells)`,
      );
    const targetYear = cellArgument(targetYearCell, FORECAST_TARGET_YEAR, functionName);
    const target = cellArgument(targetCell, FORECAST_TARGET_VALUE, functionName);
    if (isSheetError(targetYear)) return targetYear;
    if (isSheetError(target)) return target;
    const observations: { period: ReportPeriod; value: number }[] = [];
    for (let index = 0; index < valueCells.length; index++) {
      if (isBlank(valueCells[index])) continue; // not reported yet
      const cellNumber = index + 1;
      const value = coerceCell(valueCells[index], VALUE_CELL, functionName, cellNumber);
      const period = coerceCell(dateCells[index], DATE_CELL, functionName, cellNumber);
      if (isSheetError(value))
        return value === valueCells[index] ? errorInCell(value, functionName, VALUES_PARAM, cellNumber) : value;
      if (isSheetError(period))
        return period === dateCells[index] ? errorInCell(period, functionName, DATES_PARAM, cellNumber) : period;
      if (period === BLANK)
        return sheetError(
          "#VALUE!",
          `${functionName}：第 ${cellNumber} 个值没有报告期 (${functionName}: value ${cellNumber} has no date)`,
        );
      observations.push({ period: period as ReportPeriod, value: value as number });
    }
    const latestYear = Math.max(...observations.map((observation) => observation.period.year));
    if (observations.length > 0 && (targetYear as number) < latestYear)
      return sheetError(
        "#NUM!",
        `${functionName}：预测年份 ${targetYear as number} 早于最近的报告期（${latestYear} 年），不是预测` +
          ` (${functionName}: targetYear ${targetYear as number} is before the latest report, ${latestYear})`,
      );
    const forecast = forecastTarget(observations, targetYear as number, target as number | undefined);
    return [
      [forecast.value, forecast.low, forecast.high, Number.isNaN(forecast.probability) ? "" : forecast.probability],
    ];
  },
};

const THRESHOLD: ParamSpec = {
  name: "threshold",
  labelZh: "阈值",
  type: "number",
  optional: true,
  defaultValue: 0,
  description: "List gaps below −threshold (≥ 0); default 0.",
};

const GAP_CELL: ParamSpec = { name: "gaps", labelZh: "差距", type: "number", optional: true, description: "" };

const LAGGARDS: RangeSheetFunction = {
  name: "LAGGARDS",
  shape: "range",
  description:
    "Departments whose gap is below −threshold, each once (at its worst gap), worst first; spills down; a blank cell when none is.",
  descriptionZh: "差距低于 −阈值的责任部门,每个部门列一次(按其最大差距),最落后的在前,向下溢出;没有落后部门时为空白。",
  params: [
    { name: "departments", labelZh: "责任部门", type: "range", description: "Lead departments, one per row." },
    {
      name: "gaps",
      labelZh: "差距",
      type: "range",
      description:
        "Their gaps (TARGET_GAP), same size; numeric text is read as a number, blanks, other text and errors are skipped.",
    },
    THRESHOLD,
  ],
  evaluate([departments, gaps, thresholdCell], functionName) {
    const departmentCells = cells(departments);
    const gapCells = cells(gaps);
    if (departmentCells.length !== gapCells.length)
      return sheetError(
        "#N/A",
        `${functionName}：责任部门与差距的单元格数不同 (${functionName}: departments and gaps must have the same number of cells)`,
      );
    const threshold = cellArgument(thresholdCell, THRESHOLD, functionName);
    if (isSheetError(threshold)) return threshold;
    if ((threshold as number) < 0)
      return sheetError(
        "#NUM!",
        `${functionName}：阈值不能为负数（${threshold as number}）(${functionName}: threshold must not be negative)`,
      );
    const worstGap = new Map<string, number>();
    for (let index = 0; index < departmentCells.length; index++) {
      const department = departmentCells[index];
      // Numeric text ("-0.25", "-25%") is a gap as Excel would coerce it; other text, blanks and errors are skipped.
      const gap = isSheetError(gapCells[index]) ? undefined : coerceCell(gapCells[index], GAP_CELL, functionName);
      // A row without a department or a computable gap cannot be ranked.
      if (isBlank(department) || isSheetError(department) || typeof gap !== "number" || !Number.isFinite(gap)) continue;
      const name = String(department).trim();
      const previousGap = worstGap.get(name);
      if (gap < -(threshold as number) && (previousGap === undefined || gap < previousGap)) worstGap.set(name, gap);
    }
    // Nobody behind is the normal state of a new or healthy workbook: an empty result, not an error.
    if (worstGap.size === 0) return [[""]];
    return [...worstGap.entries()].sort((left, right) => left[1] - right[1]).map(([name]) => [name]);
  },
};

export const TRAJECTORY_FUNCTIONS: Readonly<Record<string, SheetFunction>> = {
  REQUIRED_GROWTH,
  TRAJECTORY,
  TARGET_GAP,
  TARGET_STATUS,
  FORECAST_TARGET,
  LAGGARDS,
};
