/**
 * 月度填报: the table departments fill each month (period, department, target id, value, 口径),
 * with trajectory, gap and status per row, and helper columns that show how each was computed.
 */
import { STATUS_LABELS } from "../src/core/i18n";
import { BASIS_LABELS, EXAMPLE_LABEL, MISSING_BASELINE } from "./labels";
import { BASE_YEAR, TARGET_YEAR, builtinDirection, builtinExpected, builtinStatus, needsBaseline, outsidePlanPeriod, periodMonth, periodYear } from "./formulas";
import type { CellValue, FormulaRow, SheetContext, SheetTemplate } from "./model";
import type { Locale } from "../src/core/i18n";
import { exampleTargets } from "./examples";
import { unitOfFiguresColumn } from "./targets";

/** Pre-formatted rows for the user to fill (the Excel table grows when more are typed below). */
export const DEFAULT_REPORT_ROWS = 300;

/** A 年度轨迹 column for this row's target (matched once in the 目标行 helper), "" when that cell is empty. */
function fromTrajectory(row: FormulaRow, columnKey: string): string {
  const value = `INDEX(${row.ctx.column("trajectory", columnKey)},${row.ref("targetRow")})`;
  return `=IF(${row.ref("targetRow")}="","",IF(${value}="","",${value}))`;
}

/** True when the row has no target or period yet: every formula cell stays empty. */
function emptyRow(row: FormulaRow): string {
  return `OR(${row.ref("period")}="",${row.ref("targetId")}="")`;
}

/** The trajectory's years are the defaults the add-in's TARGET_GAP/TARGET_STATUS assume (they take no years). */
function defaultYears(row: FormulaRow): string {
  return `AND(${row.ref("baseYear")}=${BASE_YEAR},${row.ref("targetYear")}=${TARGET_YEAR},OR(${row.ref("kind")}<>"cumulative",${row.ref("startYear")}=${BASE_YEAR + 1}))`;
}

/**
 * Status of a row whose report date lies outside the plan period (start year … target year): it gets no
 * trajectory or gap, is not counted in 部门预警, and `liangxin check` rejects it the same way.
 */
export const OUTSIDE_PLAN_LABEL: Record<Locale, string> = { "zh-CN": "期外", "en-US": "Out of period" };

function outsidePlan(row: FormulaRow): string {
  return outsidePlanPeriod(row.ref("year"), row.ref("startYear"), row.ref("targetYear"));
}

/** reported ÷ trajectory − 1, signed by the path's direction (negative = behind, also for falling targets). */
function signedGap(row: FormulaRow): string {
  return `(${row.ref("reportedValue")}/${row.ref("expected")}-1)*${builtinDirection(row.ref("kind"), row.ref("baseline"), row.ref("targetValue"))}`;
}

function missingBaseline(row: FormulaRow): string {
  return `AND(${row.ref("baseline")}="",${needsBaseline(row.ref("kind"))})`;
}

function builtinStatusFormula(row: FormulaRow): string {
  const labels = STATUS_LABELS[row.ctx.locale];
  return builtinStatus(row.ref("gap"), row.ctx.setting("tolerance"), labels);
}

function statusFormula(row: FormulaRow, statusExpression: string): string {
  return (
    `=IF(${emptyRow(row)},"",IF(${outsidePlan(row)},"${OUTSIDE_PLAN_LABEL[row.ctx.locale]}",IF(${missingBaseline(row)},"${MISSING_BASELINE[row.ctx.locale]}",` +
    `IF(OR(${row.ref("gap")}="",${row.ref("reportedValue")}=""),"",${statusExpression}))))`
  );
}

export const reportsSheet: SheetTemplate = {
  key: "reports",
  tableHeaderRow: 2,
  frozen: { rows: 2, columns: 0 },
  table: {
    name: "LX_Reports",
    style: "TableStyleMedium2",
    rows: { from: "blank", rows: DEFAULT_REPORT_ROWS },
    statusColumns: ["status"],
    columns: [
      {
        key: "period",
        header: "期间",
        headerEn: "Period",
        width: 10,
        numberFormat: "@",
        role: "input",
        note: {
          zh: "报告月份，如 2025-06（也可写 2025.06、202506）；全年数填年份，如 2025。方案期（起始年至目标年）之外的行状态为「期外」，不计入部门预警。",
          en: "Report month, e.g. 2025-06 (or 2025.06, 202506); a whole-year figure takes the year, e.g. 2025. Rows outside the plan period (start year to target year) show Out of period and are not counted in 部门预警.",
        },
      },
      { key: "department", header: "部门", headerEn: "Department", width: 18, role: "input", validation: { type: "listRef", sheet: "departments", columnKey: "department", allowBlank: true } },
      { key: "targetId", header: "目标编号", headerEn: "Target ID", width: 10, role: "input", validation: { type: "listRef", sheet: "targets", columnKey: "id", allowBlank: true } },
      {
        key: "reportedValue",
        header: "填报值",
        headerEn: "Reported value",
        width: 12,
        numberFormat: "#,##0.00",
        role: "input",
        validation: { type: "decimal", min: 0, allowBlank: true },
        note: { zh: "按右侧「计量单位」填写（如 吨，不是 万吨；比重按百分数，如 45%）。", en: "In the unit shown under 计量单位 on the right (e.g. 吨, not 万吨; shares as percentages, e.g. 45%)." },
      },
      unitOfFiguresColumn("targetId"),
      {
        key: "basis",
        header: "口径",
        headerEn: "Basis",
        width: 7,
        role: "input",
        validation: { type: "list", values: ["累计", "水平"], allowBlank: true },
        note: {
          zh: "累计：年初至今累计数（流量）；水平：月末时点数（存量）。留空按目标类型：增长、每年、累计类为累计，水平、比重类为水平。",
          en: "累计 (YTD): total since January (flows); 水平 (level): month-end figure (stocks). Blank: by the target's kind.",
        },
      },
      { key: "notes", header: "备注", headerEn: "Notes", width: 14, role: "input" },
      {
        key: "expected",
        header: "轨迹值",
        headerEn: "Trajectory",
        width: 12,
        numberFormat: "#,##0.00",
        role: "formula",
        formula: {
          addin: (row) =>
            `=IF(${emptyRow(row)},"",IF(OR(${row.ref("kind")}="",${row.ref("targetValue")}="",${missingBaseline(row)},${outsidePlan(row)}),"",` +
            `TRAJECTORY(N(${row.ref("baseline")}),${row.ref("targetValue")},${row.ref("period")},${row.ref("kind")},${row.ref("baseYear")},${row.ref("targetYear")},${row.ref("startYear")})))`,
          builtin: (row) =>
            `=IF(${emptyRow(row)},"",IF(OR(${row.ref("kind")}="",${row.ref("targetValue")}="",${missingBaseline(row)},${outsidePlan(row)}),"",` +
            builtinExpected({
              kind: row.ref("kind"),
              baseline: row.ref("baseline"),
              target: row.ref("targetValue"),
              year: row.ref("year"),
              month: row.ref("month"),
              baseYear: row.ref("baseYear"),
              targetYear: row.ref("targetYear"),
              startYear: row.ref("startYear"),
            }) +
            "))",
        },
      },
      {
        key: "gap",
        header: "差距",
        headerEn: "Gap",
        width: 9,
        numberFormat: "0.0%",
        role: "formula",
        formula: {
          addin: (row) =>
            `=IF(OR(${row.ref("reportedValue")}="",${row.ref("expected")}=""),"",IF(${defaultYears(row)},` +
            `TARGET_GAP(${row.ref("reportedValue")},N(${row.ref("baseline")}),${row.ref("targetValue")},${row.ref("period")},${row.ref("kind")}),` +
            `${signedGap(row)}))`,
          builtin: (row) => `=IF(OR(${row.ref("reportedValue")}="",${row.ref("expected")}=""),"",${signedGap(row)})`,
        },
        note: {
          zh: "填报值 ÷ 轨迹值 − 1；目标值低于基期值（下降类，如漏损率、能耗）时取反。负数总是表示落后于轨迹。期外的行不计算。",
          en: "Reported ÷ trajectory − 1, sign flipped where the target is below the baseline (reductions). Negative always means behind. Rows outside the plan period are not computed.",
        },
      },
      {
        key: "status",
        header: "状态",
        headerEn: "Status",
        width: 9,
        role: "formula",
        formula: {
          addin: (row) =>
            statusFormula(
              row,
              `IF(${defaultYears(row)},TARGET_STATUS(${row.ref("reportedValue")},N(${row.ref("baseline")}),${row.ref("targetValue")},${row.ref("period")},${row.ref("kind")},${row.ctx.setting("tolerance")}),${builtinStatusFormula(row)})`,
            ),
          builtin: (row) => statusFormula(row, builtinStatusFormula(row)),
        },
      },
      // Helper columns: how the row was computed (looked up once per row, visible for checking).
      {
        key: "targetRow",
        header: "目标行",
        headerEn: "Target row",
        width: 7,
        role: "formula",
        formula: {
          addin: (row) => `=IF(${row.ref("targetId")}="","",MATCH(${row.ref("targetId")},${row.ctx.column("trajectory", "id")},0))`,
          builtin: (row) => `=IF(${row.ref("targetId")}="","",MATCH(${row.ref("targetId")},${row.ctx.column("trajectory", "id")},0))`,
        },
        note: { zh: "目标在「年度轨迹」表中的行号；#N/A 表示编号不存在。", en: "Row of the target in 年度轨迹; #N/A means an unknown ID." },
      },
      {
        key: "kind",
        header: "计算口径",
        headerEn: "Kind used",
        width: 10,
        role: "formula",
        formula: { addin: (row) => kindFormula(row), builtin: (row) => kindFormula(row) },
        note: { zh: "增长、水平类按「口径」取流量（growth）或存量（level）轨迹。", en: "Growth and level targets follow the 口径: flow (growth) or stock (level)." },
      },
      ...(["baseline", "targetValue", "baseYear", "targetYear", "startYear"] as const).map((key) => ({
        key,
        header: { baseline: "基期值", targetValue: "目标值", baseYear: "基期年", targetYear: "目标年", startYear: "起始年" }[key],
        headerEn: { baseline: "Baseline", targetValue: "Target value", baseYear: "Base year", targetYear: "Target year", startYear: "Start year" }[key],
        width: key === "baseline" || key === "targetValue" ? 11 : 7,
        numberFormat: key === "baseline" || key === "targetValue" ? "#,##0.00" : undefined,
        role: "formula" as const,
        formula: { addin: (row: FormulaRow) => fromTrajectory(row, key), builtin: (row: FormulaRow) => fromTrajectory(row, key) },
      })),
      {
        key: "year",
        header: "年",
        headerEn: "Year",
        width: 6,
        role: "formula",
        formula: { addin: (row) => yearFormula(row), builtin: (row) => yearFormula(row) },
      },
      {
        key: "month",
        header: "月",
        headerEn: "Month",
        width: 5,
        role: "formula",
        formula: { addin: (row) => monthFormula(row), builtin: (row) => monthFormula(row) },
      },
      {
        key: "latest",
        header: "最新",
        headerEn: "Latest",
        width: 6,
        role: "formula",
        formula: { addin: (row) => latestFormula(row), builtin: (row) => latestFormula(row) },
        note: {
          zh: "1 = 该部门该目标最新一期的填报（部门预警只统计最新一期）。",
          en: "1 = the department's latest report for this target (部门预警 counts only these).",
        },
      },
    ],
  },
  exampleRows: (ctx: SheetContext) =>
    exampleTargets(ctx).map(
      (example): Record<string, CellValue> => ({
        period: example.period,
        department: example.department,
        targetId: example.target.id,
        reportedValue: example.reportedValue,
        notes: EXAMPLE_LABEL[ctx.locale],
      }),
    ),
};

/** growth/level targets: the 口径 picks flow (year-to-date) or stock; other kinds keep their own path. */
function kindFormula(row: FormulaRow): string {
  const base = `INDEX(${row.ctx.column("trajectory", "trajectoryKind")},${row.ref("targetRow")})`;
  const basis = row.ref("basis");
  const level = `OR(${basis}="${BASIS_LABELS["zh-CN"].level}",${basis}="${BASIS_LABELS["en-US"].level}")`;
  return (
    `=IF(${row.ref("targetRow")}="","",IF(OR(${base}="growth",${base}="level"),` +
    `IF(${basis}="",${base},IF(${level},"level","growth")),IF(${base}="","",${base})))`
  );
}

function yearFormula(row: FormulaRow): string {
  return `=IF(${row.ref("period")}="","",${periodYear(row.ref("period"))})`;
}

function monthFormula(row: FormulaRow): string {
  return `=IF(${row.ref("period")}="","",${periodMonth(row.ref("period"))})`;
}

/** 1 when no later report exists for the same department and target. */
function latestFormula(row: FormulaRow): string {
  const col = (key: string): string => row.ctx.column("reports", key);
  // Counting later reports (a later year, or the same year and a later month) needs no period-key column.
  // A later row outside the plan period (期外) is not a report: it must not hide the latest real one.
  const same = `${col("department")},${row.ref("department")},${col("targetId")},${row.ref("targetId")},${col("status")},"<>${OUTSIDE_PLAN_LABEL[row.ctx.locale]}"`;
  const later = `COUNTIFS(${same},${col("year")},">"&${row.ref("year")})+COUNTIFS(${same},${col("year")},${row.ref("year")},${col("month")},">"&${row.ref("month")})`;
  return `=IF(OR(${row.ref("department")}="",${row.ref("targetId")}="",${row.ref("gap")}=""),"",IF(${later}=0,1,0))`;
}
