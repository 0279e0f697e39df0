/** 目标总表: one row per target, the planner's baseline and notes, target value and required growth. */
import type { Target } from "../src/core/catalog";
import { trajectoryKindForTarget } from "../src/core/trajectory";
import { BASELINE_UNIT_RATIO, isPercentUnit, unitOfFigures } from "../src/core/units";
import { KEPT_TARGET_LABEL, KIND_LABELS, EXAMPLE_LABEL, OWN_UNIT_LABEL, UNIT_MISMATCH_LABEL, UNIT_OF_FIGURES_NOTE } from "./labels";
import { BASE_YEAR, TARGET_YEAR, yearOrDefault } from "./formulas";
import type { CellValue, ColumnTemplate, FormulaRow, SheetContext, SheetExtras, SheetKey, SheetTemplate } from "./model";
import { STATUS_COLOURS } from "./model";
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
  return { key: "unitOfFigures", header: "计量单位", headerEn: "Unit of figures", width: 8, role: "formula", formula: { addin: lookup, builtin: lookup }, note: UNIT_OF_FIGURES_NOTE };
}

/**
 * Per-row number formats of a target-keyed table's column (rows where `formatOf` gives one),
 * consecutive rows with the same format merged into one range.
 */
export function targetRowFormats(ctx: SheetContext, sheet: SheetKey, columnKey: string, formatOf: (target: Target) => string | null): Array<{ range: string; format: string }> {
  const table = ctx.tableOf(sheet);
  const letter = ctx.letter(sheet, columnKey);
  const ranges: Array<{ range: string; format: string }> = [];
  let run: { first: number; last: number; format: string } | null = null;
  const close = () => {
    if (run) ranges.push({ range: run.first === run.last ? `${letter}${run.first}` : `${letter}${run.first}:${letter}${run.last}`, format: run.format });
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
 * target (30万吨 typed as 30 where 300000 吨 were meant), or a share above 100%.
 */
function unitCheckFormula(row: FormulaRow): string {
  const kind = row.ref("trajectoryKind");
  const baseline = row.ref("baseline");
  const target = row.ref("targetValue");
  const label = UNIT_MISMATCH_LABEL[row.ctx.locale];
  const comparable = `AND(ISNUMBER(${baseline}),ISNUMBER(${target}),OR(${kind}="level",${kind}="cumulative"))`;
  // Multiplied rather than divided: no #DIV/0! for a zero baseline; only positive pairs have a ratio.
  const positiveFarApart = `AND(${baseline}>0,${target}>0,OR(${target}>${BASELINE_UNIT_RATIO}*${baseline},${baseline}>${BASELINE_UNIT_RATIO}*${target}))`;
  return `=IF(${comparable},IF(${positiveFarApart},"${label}",""),IF(AND(${kind}="share",ISNUMBER(${baseline}),${baseline}>1),"${label}",""))`;
}

/** Target value: baseline × (1 + growth) for growth targets, the catalog's value otherwise (targetValueFromCatalog). */
function targetValueFormula(row: FormulaRow): string {
  const kind = row.ref("trajectoryKind");
  const baseline = row.ref("baseline");
  const normalized = row.ref("normalizedValue");
  return `=IF(${kind}="growth",IF(${baseline}="","",${baseline}*(1+${normalized})),IF(OR(${kind}="",${normalized}=""),"",${normalized}))`;
}

/** Required annual growth only means something on a compound path (growth, level) with a baseline. */
function requiredGrowthGuard(row: FormulaRow): string {
  const kind = row.ref("trajectoryKind");
  return `OR(${row.ref("baseline")}="",${row.ref("targetValue")}="",AND(${kind}<>"growth",${kind}<>"level"))`;
}

function years(row: FormulaRow): { baseYear: string; targetYear: string } {
  return { baseYear: yearOrDefault(row.ref("baseYear"), BASE_YEAR), targetYear: yearOrDefault(row.ref("targetYear"), TARGET_YEAR) };
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
      { key: "indicator", header: "指标", headerEn: "Indicator", width: 20, role: "catalog", fromTarget: (t) => t.indicator },
      { key: "domain", header: "领域", headerEn: "Domain", width: 8, role: "catalog", fromTarget: (t) => t.domain },
      { key: "kind", header: "类型", headerEn: "Kind", width: 11, role: "catalog", fromTarget: (t, ctx) => KIND_LABELS[ctx.locale][t.kind] },
      {
        key: "trajectoryKind",
        header: "轨迹口径",
        headerEn: "Trajectory kind",
        width: 10,
        role: "catalog",
        fromTarget: (t) => trajectoryKindForTarget(t.kind),
        note: {
          zh: "公式使用的轨迹类型：growth 流量复合增长、level 存量复合增长、share 比重线性、cumulative 累计、annual 每年；节点任务为空。",
          en: "Trajectory used by the formulas: growth (flow), level (stock), share (linear), cumulative, annual; blank for milestones.",
        },
      },
      { key: "comparator", header: "比较", headerEn: "Comparator", width: 6, role: "catalog", fromTarget: (t) => t.comparator },
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
      { key: "baseYear", header: "基期年", headerEn: "Base year", width: 7, role: "catalog", fromTarget: (t) => t.baseYear },
      { key: "startYear", header: "起始年", headerEn: "Start year", width: 7, role: "catalog", fromTarget: (t) => t.startYear },
      { key: "targetYear", header: "目标年", headerEn: "Target year", width: 7, role: "catalog", fromTarget: (t) => t.targetYear },
      { key: "lead", header: "牵头单位", headerEn: "Lead department", width: 18, role: "catalog", fromTarget: (t) => t.lead },
      { key: "support", header: "配合单位", headerEn: "Supporting departments", width: 24, role: "catalog", fromTarget: (t) => t.support.join("、") || null },
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
          zh: "目标年应达到的数值，单位见「计量单位」：增长类 = 基期值 ×（1 + 标准值）；其他类 = 标准值。",
          en: "Target-year value, in the 计量单位 unit: growth = baseline × (1 + normalized value); others = normalized value.",
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
        note: { zh: "从基期值到目标值所需的年均增长率（同 Excel 的 RRI）。", en: "Constant annual rate from baseline to target (Excel's RRI)." },
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
        note: { zh: "方案原文中提出该目标的语句，供核对。", en: "The plan's clause that states the target, for checking." },
      },
    ],
  },
  extras: (ctx: SheetContext): SheetExtras => {
    const table = ctx.tableOf("targets");
    const lastRow = table.firstDataRow + table.dataRowCount - 1;
    const column = (key: string) => `${ctx.letter("targets", key)}${table.firstDataRow}:${ctx.letter("targets", key)}${lastRow}`;
    const flag = `$${ctx.letter("targets", "unitCheck")}${table.firstDataRow}<>""`;
    const warn = { formula: `=${flag}`, fill: STATUS_COLOURS.atRisk.fill, fontColor: STATUS_COLOURS.atRisk.font };
    const share = (target: Target) => (target.kind === "share" ? PERCENT_FORMAT : null);
    return {
      numberFormats: [
        ...targetRowFormats(ctx, "targets", "baseline", share),
        ...targetRowFormats(ctx, "targets", "targetValue", share),
        ...targetRowFormats(ctx, "targets", "normalizedValue", (target) =>
          isPercentUnit(target.unit) ? PERCENT_FORMAT : target.normalizedValue !== null && !Number.isInteger(target.normalizedValue) ? "#,##0.00##" : null,
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
