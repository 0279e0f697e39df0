/**
 * 月度填报: the table departments fill each month (period, department, target id, value, 口径),
 * with trajectory, gap and status per row, and helper columns that show how each was computed.
 */
import { STATUS_LABELS } from "../src/core/i18n";
import { BASIS_LABELS, EXAMPLE_LABEL, MISSING_BASELINE } from "./labels";
import {
  BASE_YEAR,
  TARGET_YEAR,
  builtinDirection,
  builtinExpected,
  builtinStatus,
  needsBaseline,
  outsidePlanPeriod,
  periodMonth,
  periodYear,
} from "../src/workbook/formulas";
import type { CellValue, FormulaRow, SheetContext, SheetTemplate } from "../src/workbook/model";
import type { Locale } from "../src/core/i18n";
import type { Target } from "../src/core/catalog";
import { planYears, trajectoryKindForTarget } from "../src/core/trajectory";
import { exampleTargets } from "./examples";
import { unitOfFiguresColumn } from "./targets";

/** Pre-formatted rows for the user to fill, at least (the Excel table grows when more are typed below). */
export const DEFAULT_REPORT_ROWS = 300;
/**
 * At most this many rows: 5,000 rows hold 100 targets × 4 years of monthly reports and keep the .xlsx
 * about 1 MB; a bigger plan adds rows by typing below the table (or at the next 载入工作簿 in the add-in).
 */
export const MAX_REPORT_ROWS = 5000;

/**
 * Rows 月度填报 is rendered with: one monthly report per target with a trajectory for every month of the
 * plan (its earliest start year to its latest target year), at least DEFAULT_REPORT_ROWS and at most
 * MAX_REPORT_ROWS. 南平's 36 targets with a trajectory × 12 months × 4 years need 1,728 rows; 300 lasted about 8 months.
 * @param targets the catalog's targets (and any kept by a reload)
 * @returns the number of data rows
 * @example reportRowsFor(nanpingTargets) // 1728 (36 × 48)
 */
export function reportRowsFor(targets: readonly Target[]): number {
  const tracked = targets.filter((target) => trajectoryKindForTarget(target) !== null);
  if (tracked.length === 0) return DEFAULT_REPORT_ROWS;
  const years = tracked.map((target) => planYears(target));
  const firstYear = Math.min(...years.map((entry) => entry.startYear));
  const lastYear = Math.max(...years.map((entry) => entry.targetYear));
  const months = Math.max(1, lastYear - firstYear + 1) * 12;
  return Math.min(MAX_REPORT_ROWS, Math.max(DEFAULT_REPORT_ROWS, tracked.length * months));
}

/** 校验 of a row that repeats another row's department, target and period with another value or 口径: `check` rejects both. */
export const CONFLICTING_DUPLICATE_LABEL: Record<Locale, string> = {
  "zh-CN": "重复冲突",
  "en-US": "Conflicting duplicate",
};
/** 校验 of a later copy of an identical row: shown, counted once (the first) in 部门预警, as `check` keeps the first. */
export const IDENTICAL_DUPLICATE_LABEL: Record<Locale, string> = {
  "zh-CN": "重复（计一次）",
  "en-US": "Duplicate (counted once)",
};

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

/** No value, no trajectory value, or a conflicting duplicate (never counted, as `check` rejects it). */
function noGap(row: FormulaRow): string {
  return `OR(${row.ref("reportedValue")}="",${row.ref("expected")}="",${row.ref("duplicate")}="${CONFLICTING_DUPLICATE_LABEL[row.ctx.locale]}")`;
}

function missingBaseline(row: FormulaRow): string {
  return `AND(${row.ref("baseline")}="",${needsBaseline(row.ref("kind"))})`;
}

function builtinStatusFormula(row: FormulaRow): string {
  const labels = STATUS_LABELS[row.ctx.locale];
  return builtinStatus(row.ref("gap"), row.ctx.setting("tolerance"), labels);
}

function statusFormula(row: FormulaRow, statusExpression: string): string {
  const conflict = CONFLICTING_DUPLICATE_LABEL[row.ctx.locale];
  return (
    `=IF(${emptyRow(row)},"",IF(${outsidePlan(row)},"${OUTSIDE_PLAN_LABEL[row.ctx.locale]}",IF(${row.ref("duplicate")}="${conflict}","${conflict}",` +
    `IF(${missingBaseline(row)},"${MISSING_BASELINE[row.ctx.locale]}",IF(OR(${row.ref("gap")}="",${row.ref("reportedValue")}=""),"",${statusExpression})))))`
  );
}

/**
 * The duplicate rule of `liangxin check` (removeDuplicates in src/core/check/check.ts) as formulas: rows
 * that can be checked (a value and a trajectory value) with the same department, target, year and month
 * are one report. If any of them differs in value or in the 口径 used, every one is 重复冲突 (which is right
 * cannot be known) and none counts; if all agree, the first counts and the later ones are 重复（计一次）.
 * A whole-year report (2025) and a December one (2025-12) share year and month here, unlike in `check`.
 */
function duplicateFormula(row: FormulaRow): string {
  const col = (key: string): string => row.ctx.column("reports", key);
  const upTo = (key: string): string => {
    // From the table's first data row down to this row: how many of the group appear up to here.
    const letter = row.ctx.letter("reports", key);
    return `$${letter}$${row.ctx.tableOf("reports").firstDataRow}:${letter}${row.row}`;
  };
  const keys = ["department", "targetId", "year", "month"] as const;
  const checkable = (range: (key: string) => string): string =>
    `${range("reportedValue")},"<>",${range("expected")},">=0"`;
  const group = `COUNTIFS(${keys.map((key) => `${col(key)},${row.ref(key)}`).join(",")},${checkable(col)})`;
  const same = `COUNTIFS(${keys.map((key) => `${col(key)},${row.ref(key)}`).join(",")},${col("reportedValue")},${row.ref("reportedValue")},${col("kind")},${row.ref("kind")},${col("expected")},">=0")`;
  const seen = `COUNTIFS(${keys.map((key) => `${upTo(key)},${row.ref(key)}`).join(",")},${checkable(upTo)})`;
  const locale = row.ctx.locale;
  return (
    `=IF(OR(${emptyRow(row)},${row.ref("department")}="",${row.ref("reportedValue")}="",NOT(ISNUMBER(${row.ref("expected")}))),"",` +
    `IF(${group}>${same},"${CONFLICTING_DUPLICATE_LABEL[locale]}",IF(${seen}>1,"${IDENTICAL_DUPLICATE_LABEL[locale]}","")))`
  );
}

/** 适用口径: the 口径 the row is computed with — the one typed, else the target's default (defaultBasisForTarget). */
function basisUsedFormula(row: FormulaRow): string {
  const kind = row.ref("kind");
  const labels = BASIS_LABELS[row.ctx.locale];
  return `=IF(${kind}="","",IF(OR(${kind}="level",${kind}="share"),"${labels.level}","${labels.ytd}"))`;
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
      {
        key: "department",
        header: "部门",
        headerEn: "Department",
        width: 18,
        role: "input",
        validation: { type: "listRef", sheet: "departments", columnKey: "department", allowBlank: true },
      },
      {
        key: "targetId",
        header: "目标编号",
        headerEn: "Target ID",
        width: 10,
        role: "input",
        validation: { type: "listRef", sheet: "targets", columnKey: "id", allowBlank: true },
      },
      {
        key: "reportedValue",
        header: "填报值",
        headerEn: "Reported value",
        width: 12,
        numberFormat: "#,##0.00",
        role: "input",
        validation: { type: "decimal", min: 0, allowBlank: true },
        note: {
          zh: "按右侧「计量单位」填写（如 吨，不是 万吨；比重按百分数，如 45%）。",
          en: "In the unit shown under 计量单位 on the right (e.g. 吨, not 万吨; shares as percentages, e.g. 45%).",
        },
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
          zh:
            "累计：年初至今累计数（交易量、回收量、投资、销售额等流量）；水平：月末时点数（率、占比、强度、单位能耗、产能、保有量等）。" +
            "留空按目标的默认口径，见右侧「适用口径」列和「目标总表」的「轨迹口径」（growth = 累计，level = 水平）。",
          en:
            "累计 (YTD): total since January (volumes and amounts: trade, recycling, investment, sales); 水平 (level): month-end figure (rates, shares, intensities, capacities, stocks). " +
            "Blank: the target's default, shown under 适用口径 on the right and in 目标总表's 轨迹口径 (growth = YTD, level = level).",
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
            `=IF(${noGap(row)},"",IF(${defaultYears(row)},` +
            `TARGET_GAP(${row.ref("reportedValue")},N(${row.ref("baseline")}),${row.ref("targetValue")},${row.ref("period")},${row.ref("kind")}),` +
            `${signedGap(row)}))`,
          builtin: (row) => `=IF(${noGap(row)},"",${signedGap(row)})`,
        },
        note: {
          zh: "填报值 ÷ 轨迹值 − 1；目标值低于基期值（下降类，如漏损率、能耗）时取反。负数总是表示落后于轨迹。期外和重复冲突的行不计算。",
          en: "Reported ÷ trajectory − 1, sign flipped where the target is below the baseline (reductions). Negative always means behind. Rows outside the plan period and conflicting duplicates are not computed.",
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
        note: {
          zh: "正常、预警、落后；期外：报告期不在方案期内；重复冲突：同一部门、目标、期间有数值或口径不同的另一行（均不计入部门预警，请删去错误的一行）；缺基期值：请在「目标总表」填写。",
          en: "On track, at risk, behind; 期外: outside the plan period; 重复冲突: another row has the same department, target and period with another value or 口径 (neither counts in 部门预警: delete the wrong one); 缺基期值: type the baseline in 目标总表.",
        },
      },
      {
        key: "basisUsed",
        header: "适用口径",
        headerEn: "Basis used",
        width: 8,
        role: "formula",
        formula: { addin: basisUsedFormula, builtin: basisUsedFormula },
        note: {
          zh: "本行按此口径计算：填了「口径」按所填，留空按目标的默认口径（率、占比、强度、能耗、产能、保有量等为水平，交易量、投资、销售额等为累计）。",
          en: "The 口径 this row is computed with: the one typed, else the target's default (rates, shares, intensities, capacities, stocks: level; volumes and amounts: YTD).",
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
          addin: (row) =>
            `=IF(${row.ref("targetId")}="","",MATCH(${row.ref("targetId")},${row.ctx.column("trajectory", "id")},0))`,
          builtin: (row) =>
            `=IF(${row.ref("targetId")}="","",MATCH(${row.ref("targetId")},${row.ctx.column("trajectory", "id")},0))`,
        },
        note: {
          zh: "目标在「年度轨迹」表中的行号；#N/A 表示编号不存在。",
          en: "Row of the target in 年度轨迹; #N/A means an unknown ID.",
        },
      },
      {
        key: "kind",
        header: "计算口径",
        headerEn: "Kind used",
        width: 10,
        role: "formula",
        formula: { addin: (row) => kindFormula(row), builtin: (row) => kindFormula(row) },
        note: {
          zh: "增长、水平类按「口径」取流量（growth）或存量（level）轨迹。",
          en: "Growth and level targets follow the 口径: flow (growth) or stock (level).",
        },
      },
      ...(["baseline", "targetValue", "baseYear", "targetYear", "startYear"] as const).map((key) => ({
        key,
        header: {
          baseline: "基期值",
          targetValue: "目标值",
          baseYear: "基期年",
          targetYear: "目标年",
          startYear: "起始年",
        }[key],
        headerEn: {
          baseline: "Baseline",
          targetValue: "Target value",
          baseYear: "Base year",
          targetYear: "Target year",
          startYear: "Start year",
        }[key],
        width: key === "baseline" || key === "targetValue" ? 11 : 7,
        numberFormat: key === "baseline" || key === "targetValue" ? "#,##0.00" : undefined,
        role: "formula" as const,
        formula: {
          addin: (row: FormulaRow) => fromTrajectory(row, key),
          builtin: (row: FormulaRow) => fromTrajectory(row, key),
        },
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
      {
        key: "duplicate",
        header: "重复核对",
        headerEn: "Duplicates",
        width: 10,
        role: "formula",
        formula: { addin: duplicateFormula, builtin: duplicateFormula },
        note: {
          zh: "同一部门、目标、期间填了多行：数值或口径不同为「重复冲突」（都不计入，与 liangxin check 相同）；完全相同为「重复（计一次）」（只计第一行）。",
          en: "Several rows for one department, target and period: different values or 口径 → 重复冲突 (none counts, as in liangxin check); identical → 重复（计一次） (the first counts).",
        },
      },
    ],
  },
  exampleRows: (ctx: SheetContext) =>
    exampleTargets(ctx).map((example): Record<string, CellValue> => ({
      period: example.period,
      department: example.department,
      targetId: example.target.id,
      reportedValue: example.reportedValue,
      notes: EXAMPLE_LABEL[ctx.locale],
    })),
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

/** 1 when no later report exists for the same department and target (conflicting duplicates and later identical copies: blank). */
function latestFormula(row: FormulaRow): string {
  const col = (key: string): string => row.ctx.column("reports", key);
  // Counting later reports (a later year, or the same year and a later month) needs no period-key column.
  // A later row outside the plan period (期外) is not a report: it must not hide the latest real one.
  // Nor must a conflicting duplicate (重复冲突), which `check` rejects.
  const same =
    `${col("department")},${row.ref("department")},${col("targetId")},${row.ref("targetId")},${col("status")},"<>${OUTSIDE_PLAN_LABEL[row.ctx.locale]}",` +
    `${col("duplicate")},"<>${CONFLICTING_DUPLICATE_LABEL[row.ctx.locale]}"`;
  const later = `COUNTIFS(${same},${col("year")},">"&${row.ref("year")})+COUNTIFS(${same},${col("year")},${row.ref("year")},${col("month")},">"&${row.ref("month")})`;
  // A later copy of an identical row is not counted again.
  const copy = `${row.ref("duplicate")}="${IDENTICAL_DUPLICATE_LABEL[row.ctx.locale]}"`;
  return `=IF(OR(${row.ref("department")}="",${row.ref("targetId")}="",${row.ref("gap")}="",${copy}),"",IF(${later}=0,1,0))`;
}
