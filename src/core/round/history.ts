/**
 * History of the monthly round (历次调度): for each department and target, the reports month by month
 * up to a period, the trend since the month before and how many consecutive months it has been
 * behind. Built only from the check's rows (runReportCheck with forecastRows "all", so each month's
 * status is as the check gave it that month).
 */
import type { StatusCode } from "../i18n";
import type { CheckedRow, DepartmentSummary } from "../check/types";
import { departmentLeague, latestReports } from "../check/league";

/**
 * Since the month before: improved (a better status, or the same status and a gap at least
 * TREND_STEP higher), worsened (the reverse), unchanged, new (no earlier report) or noReport (no
 * report for this month: the latest figure is older).
 */
export type Trend = "improved" | "worsened" | "unchanged" | "new" | "noReport";

/**
 * A gap must move by at least one percentage point to count as a change within the same status:
 * smaller moves are rounding and the month's seasonality, not progress. Source: this product's
 * rule (docs/round.md), chosen so that a one-decimal percentage shown in the 通报 moves visibly.
 */
export const TREND_STEP = 0.01;

const STATUS_RANK: Record<StatusCode, number> = { behind: 0, atRisk: 1, onTrack: 2 };

/** "2025-06" → 2025·12 + 6; a whole year "2025" counts as December. */
export function periodOrdinal(period: string): number {
  const [year, month] = period.split("-");
  return Number(year) * 12 + (month === undefined ? 12 : Number(month));
}

/**
 * The month before a report month.
 * @example previousPeriod("2025-01") // → "2024-12"
 */
export function previousPeriod(period: string): string {
  const ordinal = periodOrdinal(period) - 1;
  const year = Math.floor((ordinal - 1) / 12);
  const month = ordinal - year * 12;
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** Checked rows reported for months up to and including `period` (whole-year reports of earlier years too). */
export function rowsUpTo(rows: readonly CheckedRow[], period: string): CheckedRow[] {
  const limit = periodOrdinal(period);
  return rows.filter((row) => periodOrdinal(row.period) <= limit);
}

/**
 * Trend of one department's target between two reports.
 * @param current the latest report up to this month (null: none)
 * @param previous the latest report up to the month before (null: none)
 * @param period this month ("2025-06")
 */
export function targetTrend(current: CheckedRow | null, previous: CheckedRow | null, period: string): Trend {
  if (!current || current.period !== period) return "noReport";
  if (!previous) return "new";
  const rank = STATUS_RANK[current.status] - STATUS_RANK[previous.status];
  if (rank > 0) return "improved";
  if (rank < 0) return "worsened";
  if (current.gap - previous.gap >= TREND_STEP) return "improved";
  if (previous.gap - current.gap >= TREND_STEP) return "worsened";
  return "unchanged";
}

/** Trend of a department's league line: fewer targets behind (then fewer at risk) is better. */
export function departmentTrend(current: DepartmentSummary, previous: DepartmentSummary | null): Trend {
  if (!previous) return "new";
  const change = previous.behind - current.behind || previous.atRisk - current.atRisk;
  return change > 0 ? "improved" : change < 0 ? "worsened" : "unchanged";
}

export interface TargetHistory {
  department: string;
  targetId: string;
  indicator: string;
  /** Monthly reports up to the period, oldest first. */
  months: CheckedRow[];
  /** The latest report up to the period (the one the league table counts). */
  current: CheckedRow;
  /** The latest report up to the month before, if any. */
  previous: CheckedRow | null;
  trend: Trend;
  /** Consecutive months, ending with the current report's month, whose report was 落后; a month without a report ends the run. */
  monthsBehind: number;
}

const keyOf = (row: CheckedRow): string => `${row.department}\u0000${row.targetId}`;

/**
 * Each department's targets as of a period: their monthly reports, trend and months behind.
 * @param rows checked rows (all periods; later ones are ignored)
 * @param period the month of the round ("2025-06")
 * @returns one history per department and target with a report up to the period
 * @example targetHistories(result.rows, "2025-06").filter((h) => h.monthsBehind >= 3)
 */
export function targetHistories(rows: readonly CheckedRow[], period: string): TargetHistory[] {
  const upTo = rowsUpTo(rows, period);
  const before = rowsUpTo(rows, previousPeriod(period));
  const previousByKey = new Map(latestReports(before).map((row) => [keyOf(row), row]));
  const monthsByKey = new Map<string, CheckedRow[]>();
  for (const row of upTo) {
    if (!row.period.includes("-")) continue; // whole-year reports are not months
    const list = monthsByKey.get(keyOf(row)) ?? [];
    list.push(row);
    monthsByKey.set(keyOf(row), list);
  }
  return latestReports(upTo).map((current) => {
    const months = (monthsByKey.get(keyOf(current)) ?? []).sort(
      (a, b) => periodOrdinal(a.period) - periodOrdinal(b.period),
    );
    const previous = previousByKey.get(keyOf(current)) ?? null;
    let monthsBehind = 0;
    let expected = periodOrdinal(current.period);
    for (let index = months.length - 1; index >= 0; index--) {
      const month = months[index];
      if (periodOrdinal(month.period) !== expected || month.status !== "behind") break;
      monthsBehind++;
      expected--;
    }
    return {
      department: current.department,
      targetId: current.targetId,
      indicator: current.indicator,
      months,
      current,
      previous,
      trend: targetTrend(current, previous, period),
      monthsBehind,
    };
  });
}

/**
 * The league table as of a period and as of the month before (same rules as `check`: each
 * department's targets counted once, by their latest report up to that month).
 * @param rows checked rows (all periods)
 * @param period the month of the round
 */
export function leagueAt(
  rows: readonly CheckedRow[],
  period: string,
): { current: DepartmentSummary[]; previous: DepartmentSummary[] } {
  return {
    current: departmentLeague(rowsUpTo(rows, period)),
    previous: departmentLeague(rowsUpTo(rows, previousPeriod(period))),
  };
}
