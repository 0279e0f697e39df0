/**
 * The second half of the report check: rows that passed validation (candidates) are de-duplicated,
 * then each gets its trajectory value, gap, status, run-rate and forecast.
 */
import { isLiangxinError } from "../errors";
import { forecastTarget } from "../forecast";
import { targetGap, requiredRunRate } from "../gap";
import type { Locale } from "../i18n";
import { statusLabel } from "../i18n";
import type { ReportPeriod } from "../period";
import { targetStatus } from "../status";
import { expectedAt, yearToDateShare } from "../trajectory";
import type { ReadyTargetPlan } from "./targets";
import type { CheckedRow, IssueCode, ReportBasis, RowForecast } from "./types";

/** Rows between progress calls: often enough for a bar, rare enough to cost nothing. */
export const PROGRESS_EVERY = 4096;

/** A row that passed validation and awaits the duplicate check and the computation. */
export interface Candidate {
  file: string;
  row: number;
  plan: ReadyTargetPlan;
  /** Canonical name (what rows are grouped by). */
  department: string;
  /** As spelled in the row (for messages). */
  departmentAsWritten: string;
  period: ReportPeriod;
  periodText: string;
  ordinal: number;
  basis: ReportBasis;
  value: number;
  /** Department and target as one number (department index × targets + target index): map keys without string building. */
  seriesKey: number;
}

/**
 * De-duplication: the same department (by canonical name), target and period reported more than
 * once. Identical value and 口径: the first row is kept and the others noted. Otherwise every row
 * of the group is rejected (which one is right cannot be known); each names a row that differs
 * from it, and says whether the value or only the 口径 differs.
 */
export function removeDuplicates(
  candidates: Candidate[],
  report: (list: "errors" | "notes", candidate: Candidate, code: IssueCode, other: Candidate) => void,
): Candidate[] {
  const firsts = new Map<number, Candidate>();
  // Only keys seen more than once get a group (most rows are unique).
  const groups = new Map<number, Candidate[]>();
  for (const candidate of candidates) {
    // Whole-year and December reports are different reports: the lowest bit tells them apart.
    const key = (candidate.seriesKey * 240_000 + candidate.ordinal) * 2 + (candidate.period.wholeYear ? 1 : 0);
    const first = firsts.get(key);
    if (first === undefined) firsts.set(key, candidate);
    else {
      const group = groups.get(key);
      if (group) group.push(candidate);
      else groups.set(key, [first, candidate]);
    }
  }
  if (groups.size === 0) return candidates;
  const rejected = new Set<Candidate>();
  for (const group of groups.values()) {
    const [first] = group;
    if (group.every((candidate) => candidate.value === first.value && candidate.basis === first.basis)) {
      for (const duplicate of group.slice(1)) {
        report("notes", duplicate, "duplicateKept", first);
        rejected.add(duplicate);
      }
    } else {
      for (const candidate of group) {
        // Name a row that really differs: another value first, else another 口径.
        const other =
          group.find((entry) => entry.value !== candidate.value) ??
          (group.find((entry) => entry.basis !== candidate.basis) as Candidate);
        report(
          "errors",
          candidate,
          other.value !== candidate.value ? "conflictingDuplicate" : "conflictingBasis",
          other,
        );
        rejected.add(candidate);
      }
    }
  }
  return candidates.filter((candidate) => !rejected.has(candidate));
}

/** Computes expected, gap, run-rate, forecast and status; series (department+target+口径) for forecasts. */
export function computeRows(
  candidates: Candidate[],
  ordinals: number[],
  seriesKeys: number[],
  tolerance: number,
  minForecastMonths: number,
  forecastRows: "latest" | "all",
  locale: Locale,
  reject: (candidate: Candidate, message: string) => void,
  onComputed?: (computed: number) => void,
): CheckedRow[] {
  const series = new Map<number, Candidate[]>();
  for (const candidate of candidates) {
    const key = candidate.seriesKey * 2 + (candidate.basis === "ytd" ? 1 : 0);
    const list = series.get(key);
    if (list) list.push(candidate);
    else series.set(key, [candidate]);
  }
  const forecasts = new Map<Candidate, RowForecast>();
  for (const list of series.values()) {
    if (list.length < minForecastMonths) continue;
    list.sort((a, b) => a.ordinal - b.ordinal);
    const observations: Array<{ period: ReportPeriod; value: number }> = [];
    list.forEach((candidate, index) => {
      observations.push({ period: candidate.period, value: forecastValue(candidate) });
      if (observations.length < minForecastMonths || (forecastRows === "latest" && index < list.length - 1)) return;
      const forecast = safeForecast(observations, candidate.plan);
      if (forecast) forecasts.set(candidate, forecast);
    });
  }

  const labels = {
    onTrack: statusLabel("onTrack", locale),
    atRisk: statusLabel("atRisk", locale),
    behind: statusLabel("behind", locale),
  };
  const rows: CheckedRow[] = [];
  let computed = 0;
  for (const candidate of candidates) {
    if (onComputed && ++computed % PROGRESS_EVERY === 0) onComputed(computed);
    const { plan } = candidate;
    const spec = plan.specs[candidate.basis];
    let expected: number;
    let gap: number;
    try {
      expected = expectedAt(spec, candidate.period);
      gap = targetGap(candidate.value, expected, "rel", plan.direction);
      // A figure so large (or a path so close to 0) that the gap overflows has no meaning to rank.
      if (!Number.isFinite(expected) || !Number.isFinite(gap)) {
        reject(
          candidate,
          locale === "zh-CN"
            ? `差距不是有限数值（填报值 ${candidate.value}，轨迹值 ${expected}），请核对填报值`
            : `the gap is not a finite number (value ${candidate.value}, trajectory ${expected}); check the value`,
        );
        continue;
      }
    } catch (error) {
      if (!isLiangxinError(error)) throw error;
      reject(candidate, `${error.code} ${error.message}`);
      continue;
    }
    const gapAbs = targetGap(candidate.value, expected, "abs", plan.direction);
    let runRate: number | null;
    try {
      runRate = requiredRunRate(spec, candidate.period, candidate.value);
      if (!Number.isFinite(runRate)) runRate = null;
    } catch (error) {
      if (!isLiangxinError(error)) throw error;
      runRate = null; // no months left: the goal can no longer be reached in time
    }
    const forecast = forecasts.get(candidate) ?? null;
    const missesTarget =
      forecast !== null && (plan.lowerIsBetter ? forecast.value > plan.targetValue : forecast.value < plan.targetValue);
    const status = targetStatus(gap, tolerance, missesTarget);
    ordinals.push(candidate.ordinal);
    seriesKeys.push(candidate.seriesKey);
    rows.push({
      file: candidate.file,
      row: candidate.row,
      targetId: plan.target.id,
      indicator: plan.target.indicator,
      department: candidate.department,
      departmentAsWritten: candidate.departmentAsWritten,
      period: candidate.periodText,
      basis: candidate.basis,
      value: candidate.value,
      expected,
      gap,
      gapAbs,
      status,
      statusLabel: labels[status],
      targetValue: plan.targetValue,
      baselineValue: plan.baselineValue,
      runRate,
      forecast,
    });
  }
  return rows;
}

/** The value a forecast is fitted on: year-to-date flows annualised (÷ the share of the year elapsed), the rest as reported. */
function forecastValue(candidate: Candidate): number {
  const kind = candidate.plan.specs[candidate.basis].kind;
  if (kind !== "growth" && kind !== "annual") return candidate.value;
  return candidate.period.wholeYear ? candidate.value : candidate.value / yearToDateShare(candidate.period.month);
}

function safeForecast(
  observations: ReadonlyArray<{ period: ReportPeriod; value: number }>,
  plan: ReadyTargetPlan,
): RowForecast | null {
  try {
    const forecast = forecastTarget(observations, plan.targetYear, plan.targetValue);
    if (![forecast.value, forecast.low, forecast.high].every(Number.isFinite)) return null;
    return {
      value: forecast.value,
      low: forecast.low,
      high: forecast.high,
      probability: forecast.probability,
      model: forecast.model,
      months: observations.length,
    };
  } catch (error) {
    if (isLiangxinError(error)) return null; // too few distinct points or a degenerate fit: no forecast, not an error
    throw error;
  }
}
