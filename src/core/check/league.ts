/** The department league table (部门预警) and the list of targets behind. */
import type { BehindTarget, CheckedRow, DepartmentSummary } from "./types";

const collator = new Intl.Collator("zh-CN");

/**
 * Each department+target's latest checked report (the latest period; the later row on a tie).
 * @param rows checked rows
 * @param ordinals optional year·12 + month of each row (saves re-reading the period text)
 * @param seriesKeys optional number per department+target, same for equal pairs (saves building string keys)
 * @returns one row per department and target
 */
export function latestReports(
  rows: readonly CheckedRow[],
  ordinals?: readonly number[],
  seriesKeys?: readonly number[],
): CheckedRow[] {
  const latest = new Map<string | number, { row: CheckedRow; ordinal: number }>();
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    const key = seriesKeys ? seriesKeys[index] : `${row.department}\u0000${row.targetId}`;
    const ordinal = ordinals ? ordinals[index] : periodOrdinal(row.period);
    const current = latest.get(key);
    if (!current || ordinal >= current.ordinal) latest.set(key, { row, ordinal });
  }
  return [...latest.values()].map((entry) => entry.row);
}

/** "2025-06" → 2025·12 + 6; "2025" (whole year) counts as December. */
function periodOrdinal(period: string): number {
  const [year, month] = period.split("-");
  return Number(year) * 12 + (month === undefined ? 12 : Number(month));
}

/**
 * The league table: per department, the counts of targets 落后/预警/正常 by each target's latest
 * report, the worst gap and the targets behind. Worst first: most targets behind, then most at
 * risk, then the lowest worst gap, then the department name (zh-CN collation).
 * @param rows checked rows
 * @param latest the rows' latestReports, when already computed
 * @returns one summary per department, worst first
 * @example departmentLeague(rows)[0].department // → the department with most targets behind
 */
export function departmentLeague(
  rows: readonly CheckedRow[],
  latest: readonly CheckedRow[] = latestReports(rows),
): DepartmentSummary[] {
  const byDepartment = new Map<string, CheckedRow[]>();
  for (const row of latest) {
    const list = byDepartment.get(row.department);
    if (list) list.push(row);
    else byDepartment.set(row.department, [row]);
  }
  const summaries: DepartmentSummary[] = [];
  for (const [department, departmentRows] of byDepartment) {
    const summary: DepartmentSummary = {
      department,
      behind: 0,
      atRisk: 0,
      onTrack: 0,
      worstGap: null,
      worstTargetId: null,
      targetsBehind: [],
    };
    const behindRows: CheckedRow[] = [];
    for (const row of departmentRows) {
      summary[row.status] += 1;
      if (row.status === "behind") behindRows.push(row);
      if (summary.worstGap === null || row.gap < summary.worstGap) {
        summary.worstGap = row.gap;
        summary.worstTargetId = row.targetId;
      }
    }
    summary.targetsBehind = behindRows.sort((a, b) => a.gap - b.gap).map((row) => row.targetId);
    summaries.push(summary);
  }
  return summaries.sort(
    (a, b) =>
      b.behind - a.behind ||
      b.atRisk - a.atRisk ||
      (a.worstGap ?? Infinity) - (b.worstGap ?? Infinity) ||
      collator.compare(a.department, b.department),
  );
}

/**
 * The targets behind trajectory at their latest report, worst gap first.
 * @param rows checked rows
 * @param latest the rows' latestReports, when already computed
 * @returns one entry per department and target whose latest status is 落后
 */
export function behindTargets(
  rows: readonly CheckedRow[],
  latest: readonly CheckedRow[] = latestReports(rows),
): BehindTarget[] {
  return latest
    .filter((row) => row.status === "behind")
    .sort((a, b) => a.gap - b.gap || collator.compare(a.department, b.department))
    .map((row) => ({
      department: row.department,
      targetId: row.targetId,
      indicator: row.indicator,
      period: row.period,
      value: row.value,
      expected: row.expected,
      gap: row.gap,
      runRate: row.runRate,
      file: row.file,
      row: row.row,
    }));
}
