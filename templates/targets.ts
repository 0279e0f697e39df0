/** 目标总表: one row per target, the planner's baseline and notes, target value and required growth. */
import { trajectoryKindForTarget } from "../src/core/trajectory";
import { KEPT_TARGET_LABEL, KIND_LABELS, EXAMPLE_LABEL } from "./labels";
import { BASE_YEAR, TARGET_YEAR, yearOrDefault } from "./formulas";
import type { CellValue, FormulaRow, SheetContext, SheetTemplate } from "./model";
import { exampleTargets } from "./examples";

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
        role: "catalog",
        fromTarget: (t) => t.normalizedValue,
        note: { zh: "基本单位的数值：45% → 0.45，一倍 → 1，0.2万台 → 2000。", en: "In base units: 45% → 0.45, 一倍 → 1, 0.2万台 → 2000." },
      },
      { key: "baseYear", header: "基期年", headerEn: "Base year", width: 7, role: "catalog", fromTarget: (t) => t.baseYear },
      { key: "startYear", header: "起始年", headerEn: "Start year", width: 7, role: "catalog", fromTarget: (t) => t.startYear },
      { key: "targetYear", header: "目标年", headerEn: "Target year", width: 7, role: "catalog", fromTarget: (t) => t.targetYear },
      { key: "lead", header: "牵头单位", headerEn: "Lead department", width: 18, role: "catalog", fromTarget: (t) => t.lead },
      { key: "support", header: "配合单位", headerEn: "Supporting departments", width: 24, role: "catalog", fromTarget: (t) => t.support.join("、") || null },
      {
        key: "baseline",
        header: "基期值",
        headerEn: "Baseline (2023)",
        width: 12,
        numberFormat: "#,##0.00",
        role: "input",
        validation: { type: "decimal", min: 0, allowBlank: true },
        note: {
          zh: "由您填写：基期年（一般为2023年）的实际数，单位同「单位」（比重填小数，如 0.45）。不会被重新加载覆盖。",
          en: "Typed by you: the base year's (usually 2023) actual figure in the target's unit (shares as fractions, e.g. 0.45). Never overwritten on reload.",
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
        note: { zh: "目标年应达到的数值：增长类 = 基期值 ×（1 + 标准值）；其他类 = 标准值。", en: "Target-year value: growth = baseline × (1 + normalized value); others = normalized value." },
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
  exampleInputs: (ctx: SheetContext) => {
    const inputs = new Map<string, Record<string, CellValue>>();
    for (const example of exampleTargets(ctx)) {
      inputs.set(example.target.id, { baseline: example.baselineValue, notes: EXAMPLE_LABEL[ctx.locale] });
    }
    return inputs;
  },
};
