/** 目标总表: one row per target, the planner's baseline and notes, target value and required growth. */
import type { Target } from "../src/core/catalog";
import type { Locale } from "../src/core/i18n";
import { figuresAreRates, targetValueRule, trajectoryKindForTarget } from "../src/core/trajectory";
import type { TargetValueRule } from "../src/core/trajectory";
import { BASELINE_UNIT_RATIO, isPercentUnit, unitOfFigures } from "../src/core/units";
import {
  KEPT_TARGET_LABEL,
  KIND_LABELS,
  EXAMPLE_LABEL,
  OWN_UNIT_LABEL,
  UNIT_MISMATCH_LABEL,
  UNIT_OF_FIGURES_NOTE,
} from "./labels";
import { BASE_YEAR, TARGET_YEAR, yearOrDefault } from "../src/workbook/formulas";
import type {
  CellValue,
  ColumnTemplate,
  FormulaRow,
  SheetContext,
  SheetExtras,
  SheetKey,
  SheetTemplate,
} from "../src/workbook/model";
import { STATUS_COLOURS } from "../src/workbook/model";
import { exampleTargets } from "./examples";

/** Number format of figures in the unit of figures: shares as percentages, the rest with thousands separators. */
export const PERCENT_FORMAT = "0.0%";
export const FIGURE_FORMAT = "#,##0.00";

/**
 * The 计量单位 cell of a target: its unit of figures (src/core/units.ts), 自定 for growth targets,
 * blank for milestones.
 */
export function unitOfFiguresCell(target: Target, ctx: SheetContext): CellValue {
  if (target.kind === "milestone") return null;
  return unitOfFigures(target) ?? OWN_UNIT_LABEL[ctx.locale];
}

/**
 * A 计量单位 formula column for a table of free rows (月度填报): the unit of figures of the target
 * whose id is in column `idKey`, looked up in 目标总表 ("" for a blank or unknown id).
 */
export function unitOfFiguresColumn(idKey: string): ColumnTemplate {
  const lookup = (row: FormulaRow): string => {
    const id = row.ref(idKey);
    // &"" turns the empty cell INDEX returns as 0 into "".
    return `=IF(${id}="","",IFERROR(INDEX(${row.ctx.column("targets", "unitOfFigures")},MATCH(${id},${row.ctx.column("targets", "id")},0))&"",""))`;
  };
  return {
    key: "unitOfFigures",
    header: "计量单位",
    headerEn: "Unit of figures",
    width: 8,
    role: "formula",
    formula: { addin: lookup, builtin: lookup },
    note: UNIT_OF_FIGURES_NOTE,
  };
}

/**
 * Per-row number formats of a target-keyed table's column (rows where `formatOf` gives one),
 * consecutive rows with the same format merged into one range.
 */
export function targetRowFormats(
  ctx: SheetContext,
  sheet: SheetKey,
  columnKey: string,
  formatOf: (target: Target) => string | null,
): Array<{ range: string; format: string }> {
  const table = ctx.tableOf(sheet);
  const letter = ctx.letter(sheet, columnKey);
  const ranges: Array<{ range: string; format: string }> = [];
  let run: { first: number; last: number; format: string } | null = null;
  const close = () => {
    if (run)
      ranges.push({
        range: run.first === run.last ? `${letter}${run.first}` : `${letter}${run.first}:${letter}${run.last}`,
        format: run.format,
      });
    run = null;
  };
  ctx.targets.forEach((target, index) => {
    const row = table.firstDataRow + index;
    const format = formatOf(target);
    if (format && run && run.format === format && run.last === row - 1) run.last = row;
    else {
      close();
      if (format) run = { first: row, last: row, format };
    }
  });
  close();
  return ranges;
}

/**
 * 可能单位不一致: a typed baseline more than BASELINE_UNIT_RATIO times off its level or cumulative
 * target (30万吨 typed as 30 where 300000 吨 were meant), or a rate above 100% (shares, points targets).
 */
function unitCheckFormula(row: FormulaRow): string {
  const target = targetOfRow(row);
  const baseline = row.ref("baseline");
  const targetValue = row.ref("targetValue");
  const label = UNIT_MISMATCH_LABEL[row.ctx.locale];
  // Only an amount to reach (达到/累计, the catalog's own value) can be compared with a baseline by size.
  if (target && targetValueRule(target) === "value" && (target.kind === "level" || target.kind === "cumulative")) {
    // Multiplied rather than divided: no #DIV/0! for a zero baseline; only positive pairs have a ratio.
    const positiveFarApart = `AND(${baseline}>0,${targetValue}>0,OR(${targetValue}>${BASELINE_UNIT_RATIO}*${baseline},${baseline}>${BASELINE_UNIT_RATIO}*${targetValue}))`;
    return `=IF(AND(ISNUMBER(${baseline}),ISNUMBER(${targetValue})),IF(${positiveFarApart},"${label}",""),"")`;
  }
  if (target && figuresAreRates(target)) return `=IF(AND(ISNUMBER(${baseline}),${baseline}>1),"${label}","")`;
  return `=""`;
}

/** 类型 of targets whose rule is not their kind's plain one: the reader sees 年均增长, not 每年. */
const RULE_KIND_LABELS: Record<Locale, Partial<Record<TargetValueRule, string>>> = {
  "zh-CN": { points: "提高百分点", annualRate: "年均增长", annualPoints: "每年提高百分点" },
  "en-US": { points: "Points vs base year", annualRate: "Annual growth rate", annualPoints: "Points per year" },
};

/** The 类型 cell: the catalog kind's label, or the rule's where it differs (年均增长15% is not 15 a year). */
function kindLabel(target: Target, ctx: SheetContext): string {
  const rule = targetValueRule(target);
  return (rule && RULE_KIND_LABELS[ctx.locale][rule]) ?? KIND_LABELS[ctx.locale][target.kind];
}

/** The catalog target a 目标总表 formula row belongs to (the table's rows are ctx.targets in order). */
function targetOfRow(row: FormulaRow): Target | undefined {
  return row.ctx.targets[row.row - row.ctx.tableOf("targets").firstDataRow];
}

/**
 * Target value, by the target's rule (targetValueFromCatalog in src/core/trajectory.ts), written for the
 * row's own target so the cell shows the arithmetic: relative B·(1+x); points B+x; annual growth rate
 * B·(1+x)^(y1−y0); points per year B+x·(y1−y0); otherwise x. Blank until a needed baseline is typed.
 */
function targetValueFormula(row: FormulaRow): string {
  const target = targetOfRow(row);
  const rule = target ? targetValueRule(target) : null;
  const baseline = row.ref("baseline");
  const normalized = row.ref("normalizedValue");
  if (rule === null) return `=""`;
  if (rule === "value") return `=IF(${normalized}="","",${normalized})`;
  const { baseYear, targetYear } = years(row);
  const expression = {
    relative: `${baseline}*(1+${normalized})`,
    points: `${baseline}+${normalized}`,
    annualRate: `${baseline}*POWER(1+${normalized},${targetYear}-${baseYear})`,
    annualPoints: `${baseline}+${normalized}*(${targetYear}-${baseYear})`,
  }[rule];
  return `=IF(OR(${baseline}="",${normalized}=""),"",${expression})`;
}

/** Required annual growth only means something on a compound path (growth, level) with a baseline. */
function requiredGrowthGuard(row: FormulaRow): string {
  const kind = row.ref("trajectoryKind");
  return `OR(${row.ref("baseline")}="",${row.ref("targetValue")}="",AND(${kind}<>"growth",${kind}<>"level"))`;
}

/** The years a row's formulas use: blanks get the defaults of planYears (a rate per year from the year before its start year; else 2023; target 2027). */
function years(row: FormulaRow): { baseYear: string; targetYear: string } {
  const target = targetOfRow(row);
  const rule = target ? targetValueRule(target) : null;
  const baseFallback =
    rule === "annualRate" || rule === "annualPoints"
      ? `IF(${row.ref("startYear")}="",${BASE_YEAR},${row.ref("startYear")}-1)`
      : String(BASE_YEAR);
  return {
    baseYear: yearOrDefault(row.ref("baseYear"), baseFallback),
    targetYear: yearOrDefault(row.ref("targetYear"), TARGET_YEAR),
  };
}

export const targetsSheet: SheetTemplate = {
  key: "targets",
  tableHeaderRow: 2,
  frozen: { rows: 2, columns: 1 },
  table: {
    name: "LX_Targets",
    style: "TableStyleMedium2",
    rows: { from: "targets" },
    rowKeyColumn: "id",
    columns: [
      { key: "id", header: "编号", headerEn: "ID", width: 10, role: "catalog", fromTarget: (t) => t.id },
      { key: "section", header: "章节", headerEn: "Section", width: 10, role: "catalog", fromTarget: (t) => t.section },
      { key: "task", header: "任务", headerEn: "Task", width: 24, role: "catalog", fromTarget: (t) => t.task },
      {
        key: "indicator",
        header: "指标",
        headerEn: "Indicator",
        width: 20,
        role: "catalog",
        fromTarget: (t) => t.indicator,
      },
      { key: "domain", header: "领域", headerEn: "Domain", width: 8, role: "catalog", fromTarget: (t) => t.domain },
      { key: "kind", header: "类型", headerEn: "Kind", width: 11, role: "catalog", fromTarget: kindLabel },
      {
        key: "trajectoryKind",
        header: "轨迹口径",
        headerEn: "Trajectory kind",
        width: 10,
        role: "catalog",
        fromTarget: (t) => trajectoryKindForTarget(t),
        note: {
          zh:
            "公式使用的轨迹类型，也决定月度填报的默认口径：growth 流量复合增长（按「累计」即年初至今填报）、level 存量复合增长（按「水平」即月末时点填报）、" +
            "share 比重线性（水平）、cumulative 累计、annual 每年（累计）；节点任务为空。率、比例、占比、强度、单位…能耗、产能、保有量等按水平，" +
            "交易量、回收量、投资、销量、销售额、产量等按累计（见 docs/functions.md）。",
          en:
            "Trajectory used by the formulas, and the default 口径 of monthly reports: growth (flow; report year-to-date, 累计), level (stock; report the month-end level, 水平), " +
            "share (linear; level), cumulative, annual (year-to-date); blank for milestones. Rates, shares, intensities, capacities and stocks are levels; volumes and amounts are year-to-date.",
        },
      },
      {
        key: "comparator",
        header: "比较",
        headerEn: "Comparator",
        width: 6,
        role: "catalog",
        fromTarget: (t) => t.comparator,
      },
      { key: "value", header: "数值", headerEn: "Value", width: 8, role: "catalog", fromTarget: (t) => t.value },
      { key: "unit", header: "单位", headerEn: "Unit", width: 7, role: "catalog", fromTarget: (t) => t.unit },
      {
        key: "normalizedValue",
        header: "标准值",
        headerEn: "Normalized value",
        width: 11,
        numberFormat: "#,##0",
        role: "catalog",
        fromTarget: (t) => t.normalizedValue,
        note: {
          zh: "换算为「计量单位」的数值：45% → 45%（即 0.45），一倍 → 1，0.2万台 → 2000（台）。",
          en: "In the 计量单位 unit: 45% → 45% (0.45), 一倍 → 1, 0.2万台 → 2000 (台).",
        },
      },
      {
        key: "baseYear",
        header: "基期年",
        headerEn: "Base year",
        width: 7,
        role: "catalog",
        fromTarget: (t) => t.baseYear,
      },
      {
        key: "startYear",
        header: "起始年",
        headerEn: "Start year",
        width: 7,
        role: "catalog",
        fromTarget: (t) => t.startYear,
      },
      {
        key: "targetYear",
        header: "目标年",
        headerEn: "Target year",
        width: 7,
        role: "catalog",
        fromTarget: (t) => t.targetYear,
      },
      {
        key: "lead",
        header: "牵头单位",
        headerEn: "Lead department",
        width: 18,
        role: "catalog",
        fromTarget: (t) => t.lead,
      },
      {
        key: "support",
        header: "配合单位",
        headerEn: "Supporting departments",
        width: 24,
        role: "catalog",
        fromTarget: (t) => t.support.join("、") || null,
      },
      {
        key: "unitOfFigures",
        header: "计量单位",
        headerEn: "Unit of figures",
        width: 8,
        role: "catalog",
        fromTarget: unitOfFiguresCell,
        note: UNIT_OF_FIGURES_NOTE,
      },
      {
        key: "baseline",
        header: "基期值",
        headerEn: "Baseline (2023)",
        width: 12,
        numberFormat: "#,##0.00",
        role: "input",
        validation: { type: "decimal", min: 0, allowBlank: true },
        note: {
          zh:
            "由您填写：基期年（一般为2023年）的实际数，按左侧「计量单位」列的单位填写（如 吨，不是方案中的 万吨；比重按百分数，如 45%）。" +
            "与目标值相差超过100倍时「单位核对」显示「可能单位不一致」。不会被重新加载覆盖。",
          en:
            "Typed by you: the base year's (usually 2023) actual figure, in the unit of the 计量单位 column on its left (e.g. 吨, not the plan's 万吨; shares as percentages, e.g. 45%). " +
            "More than 100× off the target value shows 可能单位不一致 in 单位核对. Never overwritten on reload.",
        },
      },
      {
        key: "targetValue",
        header: "目标值",
        headerEn: "Target value",
        width: 12,
        numberFormat: "#,##0.00",
        role: "formula",
        formula: { addin: targetValueFormula, builtin: targetValueFormula },
        note: {
          zh:
            "目标年应达到的数值，单位见「计量单位」：较基期增长 = 基期值 ×（1 + 标准值）；年均增长 = 基期值 ×（1 + 标准值）^（目标年 − 基期年）；" +
            "提高百分点 = 基期值 + 标准值；每年提高百分点 = 基期值 + 标准值 ×（目标年 − 基期年）；其他类 = 标准值。",
          en:
            "Target-year value, in the 计量单位 unit: growth vs base year = baseline × (1 + normalized value); annual growth rate = baseline × (1 + rate)^(target year − base year); " +
            "points = baseline + points; points per year = baseline + points × years; others = normalized value.",
        },
      },
      {
        key: "requiredGrowth",
        header: "年均增速",
        headerEn: "Required annual growth",
        width: 10,
        numberFormat: "0.00%",
        role: "formula",
        formula: {
          addin: (row) => {
            const { baseYear, targetYear } = years(row);
            return `=IF(${requiredGrowthGuard(row)},"",REQUIRED_GROWTH(${row.ref("baseline")},${row.ref("targetValue")},${baseYear},${targetYear}))`;
          },
          builtin: (row) => {
            const { baseYear, targetYear } = years(row);
            return `=IF(${requiredGrowthGuard(row)},"",_xlfn.RRI(${targetYear}-${baseYear},${row.ref("baseline")},${row.ref("targetValue")}))`;
          },
        },
        note: {
          zh: "从基期值到目标值所需的年均增长率（同 Excel 的 RRI）。",
          en: "Constant annual rate from baseline to target (Excel's RRI).",
        },
      },
      {
        key: "unitCheck",
        header: "单位核对",
        headerEn: "Unit check",
        width: 12,
        role: "formula",
        formula: { addin: unitCheckFormula, builtin: unitCheckFormula },
        note: {
          zh: `基期值与目标值（达到水平、累计类）相差超过${BASELINE_UNIT_RATIO}倍，或比重超过100%时显示「可能单位不一致」：多半是按 万吨 填了应按 吨 填的数。请按「计量单位」核对基期值。`,
          en: `Shows 可能单位不一致 (units may differ) when the baseline and a level or cumulative target are more than ${BASELINE_UNIT_RATIO}× apart, or a share is above 100%: usually a figure typed in 万吨 where 吨 were meant. Check the baseline against 计量单位.`,
        },
      },
      { key: "notes", header: "备注", headerEn: "Notes", width: 20, role: "input" },
      {
        key: "catalogState",
        header: "目录状态",
        headerEn: "Catalog state",
        width: 10,
        role: "catalog",
        fromTarget: (t, ctx) => (ctx.keptTargetIds.has(t.id) ? KEPT_TARGET_LABEL[ctx.locale] : null),
      },
      {
        key: "source",
        header: "原文条款",
        headerEn: "Source clause",
        width: 60,
        role: "catalog",
        fromTarget: (t) => t.source.text,
        note: {
          zh: "方案原文中提出该目标的语句，供核对。",
          en: "The plan's clause that states the target, for checking.",
        },
      },
    ],
  },
  extras: (ctx: SheetContext): SheetExtras => {
    const table = ctx.tableOf("targets");
    const lastRow = table.firstDataRow + table.dataRowCount - 1;
    const column = (key: string) =>
      `${ctx.letter("targets", key)}${table.firstDataRow}:${ctx.letter("targets", key)}${lastRow}`;
    const flag = `$${ctx.letter("targets", "unitCheck")}${table.firstDataRow}<>""`;
    const warn = { formula: `=${flag}`, fill: STATUS_COLOURS.atRisk.fill, fontColor: STATUS_COLOURS.atRisk.font };
    const share = (target: Target) => (figuresAreRates(target) ? PERCENT_FORMAT : null);
    return {
      numberFormats: [
        ...targetRowFormats(ctx, "targets", "baseline", share),
        ...targetRowFormats(ctx, "targets", "targetValue", share),
        ...targetRowFormats(ctx, "targets", "normalizedValue", (target) =>
          isPercentUnit(target.unit)
            ? PERCENT_FORMAT
            : target.normalizedValue !== null && !Number.isInteger(target.normalizedValue)
              ? "#,##0.00##"
              : null,
        ),
      ],
      conditionalFormats: [
        { range: column("baseline"), rules: [warn] },
        { range: column("unitCheck"), rules: [warn] },
      ],
    };
  },
  exampleInputs: (ctx: SheetContext) => {
    const inputs = new Map<string, Record<string, CellValue>>();
    for (const example of exampleTargets(ctx)) {
      inputs.set(example.target.id, { baseline: example.baselineValue, notes: EXAMPLE_LABEL[ctx.locale] });
    }
    return inputs;
  },
};
