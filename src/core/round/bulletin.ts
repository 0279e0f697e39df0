/**
 * The 通报 (monthly bulletin for the leadership meeting) as content: every figure comes from the
 * check's own rows (runReportCheck) through the league table, the behind list and the history, so
 * the bulletin and `liangxin check` cannot disagree. A host lays it out (Word, PDF).
 */
import type { Catalog } from "../catalog";
import type { Locale, StatusCode } from "../i18n";
import { figuresAreRates } from "../trajectory";
import { unitOfFigures } from "../units";
import type { CheckedRow, CheckResult } from "../check/types";
import { departmentCut } from "./departmentCut";
import type { TargetHistory, Trend } from "./history";
import { departmentTrend, leagueAt, periodOrdinal, previousPeriod, targetHistories } from "./history";

export interface StatusCounts {
  onTrack: number;
  atRisk: number;
  behind: number;
}

export interface LeagueLine {
  rank: number;
  department: string;
  /** Reported a figure for this very month. */
  reportedThisMonth: boolean;
  targets: number;
  counts: StatusCounts;
  worstGap: number | null;
  worstTargetId: string | null;
  /** Targets behind last month (null: no report up to last month). */
  previousBehind: number | null;
  trend: Trend;
}

export interface BehindLine {
  department: string;
  targetId: string;
  indicator: string;
  /** Period of the figure (this month, or older when the department did not report). */
  period: string;
  value: number;
  expected: number;
  gap: number;
  previousGap: number | null;
  trend: Trend;
  monthsBehind: number;
  runRate: number | null;
  /** Figures are shares (shown as percentages). */
  rate: boolean;
  unit: string;
}

export interface TargetSeries {
  department: string;
  targetId: string;
  indicator: string;
  unit: string;
  rate: boolean;
  periods: string[];
  values: number[];
  expected: number[];
}

export interface Bulletin {
  locale: Locale;
  period: string;
  /** 2025年6月 / June 2025. */
  periodLabel: string;
  city: string;
  title: string;
  /** Departments leading at least one tracked target: those expected to report. */
  expectedDepartments: string[];
  /** Of those, the ones with no report for this month. */
  missingDepartments: string[];
  /** Department × target reports counted (each by its latest report up to the period). */
  counts: StatusCounts;
  /** The same as of the month before (null when nothing was reported before). */
  previousCounts: StatusCounts | null;
  /** Distinct targets with at least one department behind. */
  targetsBehind: number;
  league: LeagueLine[];
  behind: BehindLine[];
  series: TargetSeries[];
  summary: string;
}

const collator = new Intl.Collator("zh-CN");

function countsOf(rows: readonly CheckedRow[]): StatusCounts {
  const counts: StatusCounts = { onTrack: 0, atRisk: 0, behind: 0 };
  for (const row of rows) counts[row.status as StatusCode]++;
  return counts;
}

/** Month label: 2025年6月 / June 2025. */
export function periodLabel(period: string, locale: Locale): string {
  const [year, month] = period.split("-").map(Number);
  if (locale === "en-US")
    return new Date(Date.UTC(year, month - 1, 1)).toLocaleString("en-US", {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
  return `${year}年${month}月`;
}

/**
 * Formats a relative gap as the bulletin prints it: one decimal, a true minus sign.
 * @example formatGap(-0.1514) // → "−15.1%"
 */
export function formatGap(gap: number): string {
  const text = (Math.abs(gap) * 100).toFixed(1);
  return `${gap < 0 && text !== "0.0" ? "−" : gap > 0 && text !== "0.0" ? "+" : ""}${text}%`;
}

/**
 * Formats a reported or expected figure: shares as percentages, others with thousands separators
 * and at most two decimals.
 * @example formatFigure(0.452, true) // → "45.2%"
 */
export function formatFigure(value: number, rate: boolean): string {
  if (rate) return `${(value * 100).toFixed(1)}%`;
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2 }).format(value);
}

function listText(items: readonly string[], locale: Locale, limit = 5): string {
  const shown = items.slice(0, limit);
  const more = items.length - shown.length;
  if (locale === "en-US") return shown.join(", ") + (more > 0 ? ` and ${more} more` : "");
  return shown.join("、") + (more > 0 ? `等${items.length}个` : "");
}

function summaryText(bulletin: Omit<Bulletin, "summary">): string {
  const { counts, previousCounts, locale, league, behind, missingDepartments, expectedDepartments } = bulletin;
  const total = counts.onTrack + counts.atRisk + counts.behind;
  const reported = expectedDepartments.length - missingDepartments.length;
  const laggards = league.filter((line) => line.counts.behind > 0).map((line) => line.department);
  const longBehind = behind.filter((line) => line.monthsBehind >= 3);
  if (locale === "en-US") {
    const parts = [
      `For ${bulletin.periodLabel}, ${reported} of ${expectedDepartments.length} lead departments reported` +
        (missingDepartments.length ? ` (not reported: ${listText(missingDepartments, locale)})` : "") +
        ".",
      `Of ${total} department targets, ${counts.onTrack} are on track, ${counts.atRisk} at risk and ${counts.behind} behind the expected progress` +
        (previousCounts
          ? `; ${counts.behind - previousCounts.behind === 0 ? "as many behind as" : `${Math.abs(counts.behind - previousCounts.behind)} ${counts.behind > previousCounts.behind ? "more" : "fewer"} behind than`} last month.`
          : "."),
      laggards.length ? `Departments with targets behind: ${listText(laggards, locale)}.` : "No department is behind.",
      longBehind.length
        ? `Behind for three months or more: ${listText(
            longBehind.map((line) => `${line.targetId} ${line.indicator}`),
            locale,
          )}.`
        : "",
    ];
    return parts.filter(Boolean).join(" ");
  }
  const change = previousCounts ? counts.behind - previousCounts.behind : null;
  const parts = [
    `${bulletin.periodLabel}，${expectedDepartments.length}个牵头单位中${reported}个已报送` +
      (missingDepartments.length ? `，${listText(missingDepartments, locale)}未报送` : "") +
      "。",
    `纳入调度的${total}项部门目标中，正常${counts.onTrack}项、预警${counts.atRisk}项、落后于序时进度${counts.behind}项` +
      (change === null
        ? "。"
        : change === 0
          ? "，落后项与上月持平。"
          : `，落后项较上月${change > 0 ? "增加" : "减少"}${Math.abs(change)}项。`),
    laggards.length ? `有落后目标的单位：${listText(laggards, locale)}。` : "各单位均无落后目标。",
    longBehind.length
      ? `连续3个月及以上落后的目标：${listText(
          longBehind.map((line) => `${line.targetId}${line.indicator}`),
          locale,
        )}。`
      : "",
  ];
  return parts.join("");
}

export interface BulletinOptions {
  period: string;
  locale?: Locale;
  /** City short name (南平); the title uses it. */
  city?: string | null;
  /** Line charts for at most this many targets behind (worst first), default 8. */
  maxSeries?: number;
}

/**
 * The bulletin of one month, from the check of every report collected so far.
 *
 * The league table, the counts and the behind list are the check's own (departmentLeague and the
 * latest report of each department and target up to the period); the trend compares with the same
 * as of the month before (history.ts); months behind counts consecutive monthly reports 落后.
 *
 * @param result runReportCheck over 月度填报 (forecastRows "all", so earlier months keep their own status)
 * @param catalog the office workbook's catalog (lead departments, units)
 * @param options the month, language, city
 * @returns the bulletin's content
 * @example buildBulletin(runReportCheck(tables, catalog, { forecastRows: "all" }), catalog, { period: "2025-06" })
 */
export function buildBulletin(result: CheckResult, catalog: Catalog, options: BulletinOptions): Bulletin {
  const locale = options.locale ?? "zh-CN";
  const period = options.period;
  const city = options.city ?? /^(.+)-\d+$/.exec(catalog.targets[0]?.id ?? "")?.[1] ?? "";
  const targets = new Map(catalog.targets.map((target) => [target.id, target]));
  const rateOf = (targetId: string): boolean => {
    const target = targets.get(targetId);
    return target ? figuresAreRates(target) : false;
  };
  const unitOf = (targetId: string): string => {
    const target = targets.get(targetId);
    return (target && unitOfFigures(target)) ?? "";
  };
  const histories = targetHistories(result.rows, period);
  const { current, previous } = leagueAt(result.rows, period);
  const previousByDepartment = new Map(previous.map((line) => [line.department, line]));
  const reportedThisMonth = new Set(result.rows.filter((row) => row.period === period).map((row) => row.department));
  const leads = new Set(
    departmentCut(catalog)
      .filter((share) => share.targets.some((entry) => entry.role === "lead"))
      .map((share) => share.department),
  );
  const expectedDepartments = [...leads].sort(collator.compare);
  const missingDepartments = expectedDepartments.filter((department) => !reportedThisMonth.has(department));

  const league: LeagueLine[] = current.map((line, index) => {
    const before = previousByDepartment.get(line.department) ?? null;
    return {
      rank: index + 1,
      department: line.department,
      reportedThisMonth: reportedThisMonth.has(line.department),
      targets: line.behind + line.atRisk + line.onTrack,
      counts: { onTrack: line.onTrack, atRisk: line.atRisk, behind: line.behind },
      worstGap: line.worstGap,
      worstTargetId: line.worstTargetId,
      previousBehind: before ? before.behind : null,
      trend: reportedThisMonth.has(line.department) ? departmentTrend(line, before) : "noReport",
    };
  });

  const behindHistories = histories
    .filter((history) => history.current.status === "behind")
    .sort((a, b) => a.current.gap - b.current.gap || collator.compare(a.department, b.department));
  const behind: BehindLine[] = behindHistories.map((history) => ({
    department: history.department,
    targetId: history.targetId,
    indicator: history.indicator,
    period: history.current.period,
    value: history.current.value,
    expected: history.current.expected,
    gap: history.current.gap,
    previousGap: history.previous ? history.previous.gap : null,
    trend: history.trend,
    monthsBehind: history.monthsBehind,
    runRate: history.current.runRate,
    rate: rateOf(history.targetId),
    unit: unitOf(history.targetId),
  }));
  const series = behindHistories
    .slice(0, options.maxSeries ?? 8)
    .map((history: TargetHistory) => seriesOf(history, rateOf(history.targetId), unitOf(history.targetId)));

  const latest = histories.map((history) => history.current);
  const before = targetHistories(result.rows, previousPeriod(period)).map((history) => history.current);
  const content: Omit<Bulletin, "summary"> = {
    locale,
    period,
    periodLabel: periodLabel(period, locale),
    city,
    title:
      locale === "en-US"
        ? `${city} equipment renewal and trade-in targets: progress bulletin, ${periodLabel(period, locale)}`
        : `${city}市推动大规模设备更新和消费品以旧换新目标任务进展情况通报（${periodLabel(period, locale)}）`,
    expectedDepartments,
    missingDepartments,
    counts: countsOf(latest),
    previousCounts: before.length ? countsOf(before) : null,
    targetsBehind: new Set(behind.map((line) => line.targetId)).size,
    league,
    behind,
    series,
  };
  return { ...content, summary: summaryText(content) };
}

function seriesOf(history: TargetHistory, rate: boolean, unit: string): TargetSeries {
  const months = history.months.filter((row) => row.basis === history.current.basis);
  const sorted = [...months].sort((a, b) => periodOrdinal(a.period) - periodOrdinal(b.period));
  return {
    department: history.department,
    targetId: history.targetId,
    indicator: history.indicator,
    unit,
    rate,
    periods: sorted.map((row) => row.period),
    values: sorted.map((row) => row.value),
    expected: sorted.map((row) => row.expected),
  };
}
