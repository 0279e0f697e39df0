/**
 * 检查月报: checks the 月度填报 sheet against the trajectories and fills 部门预警.
 *
 * Three round trips whatever the number of rows: (1) which sheets exist and the saved state;
 * (2) the used ranges of 月度填报 and 目标总表 (values only), the tolerance cell and the state's XML;
 * (3) the result block written to 部门预警 as one 2-D array. The check itself is the pure core
 * (src/core/check), the same as `liangxin check`.
 */
import type { CheckResult } from "../../core/check";
import { readBaselines, runReportCheck } from "../../core/check";
import type { Locale } from "../../core/i18n";
import { DEFAULT_TOLERANCE } from "../../core/status";
import { TOLERANCE_CELL } from "../../workbook";
import { SHEET_NAMES } from "../../workbook";
import { STATE_NAMESPACE, STATE_SHEET_NAME, stateFromCells, stateFromXml } from "../../workbook";
import { RoundTrips } from "./batches";
import type { SheetCell } from "../../workbook";

/** Where the result block starts on 部门预警: below the bar chart (L2:T20), clear of the table (A–G) and the LAGGARDS list (I–J). */
export const RESULT_ANCHOR = { row: 21, column: 11 }; // L22, 0-based
/** Columns of the result block (L–R). */
export const RESULT_COLUMNS = 7;

export interface CheckReportsResult {
  checked: number;
  rejected: number;
  behind: number;
  /** Round trips used (3). */
  syncs: number;
}

type Cell = string | number | null;

const TEXT = {
  "zh-CN": {
    title: "检查月报结果",
    summary: (read: number, checked: number, rejected: number, behind: number) =>
      `读取 ${read} 行，检查 ${checked} 行，退回 ${rejected} 行；落后目标 ${behind} 个。`,
    league: ["部门", "落后", "预警", "正常", "最差差距", "落后目标"],
    behindTitle: "落后目标（最新一期，差距由大到小）",
    behind: ["部门", "目标编号", "指标", "期间", "填报值", "轨迹值", "差距"],
    errorsTitle: "退回的行（未计入，请更正）",
    notesTitle: "提示",
    issues: ["行", "原因"],
    none: "（无）",
    noState: "本工作簿还没有载入城市目标：请先在任务窗格选择城市并载入。",
    noReports: "找不到「月度填报」工作表。",
  },
  "en-US": {
    title: "Report check",
    summary: (read: number, checked: number, rejected: number, behind: number) =>
      `${read} rows read, ${checked} checked, ${rejected} rejected; ${behind} targets behind.`,
    league: ["Department", "Behind", "At risk", "On track", "Worst gap", "Targets behind"],
    behindTitle: "Targets behind (latest report, worst first)",
    behind: ["Department", "Target id", "Indicator", "Period", "Value", "Trajectory", "Gap"],
    errorsTitle: "Rejected rows (not counted; please correct)",
    notesTitle: "Notes",
    issues: ["Row", "Reason"],
    none: "(none)",
    noState: "No city has been loaded into this workbook yet: load one from the task pane first.",
    noReports: "The 月度填报 sheet is missing.",
  },
};

/** Number format of each result-block cell: text as text (so "2025-06" stays text), gaps as percentages. */
const PERCENT = "0.0%";
const NUMBER = "#,##0.00";

/**
 * Lays out the result block written to 部门预警 (pure: tested without Excel).
 * @param result the check result
 * @param locale label language
 * @param checkedAt when the check ran (shown in the title)
 * @returns values, number formats (same shape) and the block-relative rows to show in bold
 */
export function resultBlock(
  result: CheckResult,
  locale: Locale,
  checkedAt: Date,
): { values: Cell[][]; formats: string[][]; boldRows: number[] } {
  const text = TEXT[locale];
  const values: Cell[][] = [];
  const formats: string[][] = [];
  const boldRows: number[] = [];
  const push = (cells: Cell[], cellFormats: string[] = [], bold = false): void => {
    if (bold) boldRows.push(values.length);
    const row: Cell[] = [];
    const rowFormats: string[] = [];
    for (let column = 0; column < RESULT_COLUMNS; column++) {
      const cell = cells[column] ?? null;
      row.push(cell);
      rowFormats.push(cellFormats[column] ?? (typeof cell === "number" ? "General" : "@"));
    }
    values.push(row);
    formats.push(rowFormats);
  };
  const stamp = `${checkedAt.getFullYear()}-${String(checkedAt.getMonth() + 1).padStart(2, "0")}-${String(checkedAt.getDate()).padStart(2, "0")} ${String(checkedAt.getHours()).padStart(2, "0")}:${String(checkedAt.getMinutes()).padStart(2, "0")}`;
  push([`${text.title}（${stamp}）`], [], true);
  push([text.summary(result.summary.rowsRead, result.summary.rowsChecked, result.errors.length, result.behind.length)]);
  push([]);
  push(text.league, [], true);
  if (result.departments.length === 0) push([text.none]);
  for (const entry of result.departments) {
    push(
      [entry.department, entry.behind, entry.atRisk, entry.onTrack, entry.worstGap, entry.targetsBehind.join("、")],
      ["@", "0", "0", "0", PERCENT, "@"],
    );
  }
  push([]);
  push([text.behindTitle], [], true);
  push(text.behind, [], true);
  if (result.behind.length === 0) push([text.none]);
  for (const entry of result.behind) {
    push(
      [entry.department, entry.targetId, entry.indicator, entry.period, entry.value, entry.expected, entry.gap],
      ["@", "@", "@", "@", NUMBER, NUMBER, PERCENT],
    );
  }
  for (const [title, list] of [
    [text.errorsTitle, result.errors],
    [text.notesTitle, result.notes],
  ] as const) {
    if (list.length === 0 && list === result.notes) continue;
    push([]);
    push([title], [], true);
    push(text.issues, [], true);
    if (list.length === 0) push([text.none]);
    for (const entry of list) push([entry.row || null, entry.reason], ["0", "@"]);
  }
  return { values, formats, boldRows };
}

/**
 * Runs the report check over 月度填报 and writes the league table, the targets behind and the
 * rejected rows to 部门预警 (from L22; the previous result there is cleared first).
 * The catalog is the one the add-in last loaded (saved in the workbook), baselines come from
 * 目标总表's 基期值 column, the tolerance from 说明!B3.
 * @param context the Excel request context (from Excel.run)
 * @param locale label language (zh-CN by default)
 * @returns rows checked, rows rejected, targets behind, and the round trips used
 * @throws Error with a user-facing message when no city was loaded or 月度填报 is missing
 */
export async function checkReports(
  context: Excel.RequestContext,
  locale: Locale = "zh-CN",
): Promise<CheckReportsResult> {
  let syncs = 0;
  const sync = async (): Promise<void> => {
    syncs++;
    await context.sync();
  };
  const text = TEXT[locale];
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  worksheets.load("items/name");
  const stateParts = workbook.customXmlParts.getByNamespace(STATE_NAMESPACE);
  stateParts.load("items/id");
  await sync();

  const present = new Set(worksheets.items.map((sheet) => sheet.name));
  if (!present.has(SHEET_NAMES.reports.zh)) throw new Error(text.noReports);
  // The state's very-hidden copy stands in when a program that drops custom XML parts saved the file.
  const hiddenState =
    stateParts.items.length === 0 && present.has(STATE_SHEET_NAME)
      ? worksheets.getItem(STATE_SHEET_NAME).getUsedRangeOrNullObject(true)
      : null;
  hiddenState?.load("isNullObject,values");
  if (stateParts.items.length === 0 && !hiddenState) throw new Error(text.noState);
  const stateXml = stateParts.items.length ? stateParts.items[0].getXml() : null;
  const reportsRange = worksheets.getItem(SHEET_NAMES.reports.zh).getUsedRangeOrNullObject(true);
  // Only the used range's extent here: its cells come back in bands below, each response within budget.
  reportsRange.load("isNullObject,rowIndex,columnIndex,rowCount,columnCount");
  const targetsRange = present.has(SHEET_NAMES.targets.zh)
    ? worksheets.getItem(SHEET_NAMES.targets.zh).getUsedRangeOrNullObject(true)
    : null;
  targetsRange?.load("isNullObject,values,rowIndex");
  const toleranceCell = present.has(SHEET_NAMES.guide.zh)
    ? worksheets.getItem(SHEET_NAMES.guide.zh).getRange(TOLERANCE_CELL)
    : null;
  toleranceCell?.load("values");
  await sync();

  const state = stateXml
    ? stateFromXml(stateXml.value)
    : hiddenState && !hiddenState.isNullObject
      ? stateFromCells(hiddenState.values.map((row) => row[0]))
      : null;
  if (!state || state.targets.length === 0) throw new Error(text.noState);
  const baselines =
    targetsRange && !targetsRange.isNullObject
      ? readBaselines(
          [{ file: SHEET_NAMES.targets.zh, rows: targetsRange.values, firstRowNumber: targetsRange.rowIndex + 1 }],
          locale,
        )
      : { baselines: new Map<string, number>(), errors: [] };
  const toleranceValue = toleranceCell?.values[0]?.[0];
  const tolerance = typeof toleranceValue === "number" && toleranceValue >= 0 ? toleranceValue : DEFAULT_TOLERANCE;
  let reportRows: SheetCell[][] = [];
  if (!reportsRange.isNullObject) {
    const trips = new RoundTrips(context);
    [reportRows] = await trips.read(
      [
        {
          sheet: worksheets.getItem(SHEET_NAMES.reports.zh),
          row: reportsRange.rowIndex,
          column: reportsRange.columnIndex,
          rows: reportsRange.rowCount,
          columns: reportsRange.columnCount,
          cellBytes: 12,
        },
      ],
      "values",
    );
    syncs += trips.syncs;
  }
  const result = runReportCheck(
    [
      {
        file: SHEET_NAMES.reports.zh,
        rows: reportRows,
        firstRowNumber: reportsRange.isNullObject ? 1 : reportsRange.rowIndex + 1,
      },
    ],
    { plan: { government: "", title: "", docNumber: null, date: null }, targets: state.targets, warnings: [] },
    { baselines: baselines.baselines, tolerance, locale, priorErrors: baselines.errors },
  );

  const departments = present.has(SHEET_NAMES.departments.zh)
    ? worksheets.getItem(SHEET_NAMES.departments.zh)
    : worksheets.add(SHEET_NAMES.departments.zh);
  const block = resultBlock(result, locale, new Date());
  // The previous result may have been longer: clear the block's columns from the anchor down.
  departments
    .getRangeByIndexes(RESULT_ANCHOR.row, RESULT_ANCHOR.column, 1_048_576 - RESULT_ANCHOR.row, RESULT_COLUMNS)
    .clear();
  const target = departments.getRangeByIndexes(
    RESULT_ANCHOR.row,
    RESULT_ANCHOR.column,
    block.values.length,
    RESULT_COLUMNS,
  );
  target.numberFormat = block.formats;
  target.values = block.values;
  for (const row of block.boldRows)
    departments.getRangeByIndexes(RESULT_ANCHOR.row + row, RESULT_ANCHOR.column, 1, RESULT_COLUMNS).format.font.bold =
      true;
  departments.activate();
  await sync();

  return { checked: result.rows.length, rejected: result.errors.length, behind: result.behind.length, syncs };
}
