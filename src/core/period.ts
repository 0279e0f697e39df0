/**
 * Report dates. Every monthly report is read as "the figure at the end of month m of year y";
 * a bare year means the whole-year figure (month 12).
 */
import { LiangxinError } from "./errors";

/** The month a reported figure belongs to. `month` is 1..12 (12 when `wholeYear`). */
export interface ReportPeriod {
  year: number;
  month: number;
  wholeYear: boolean;
}

/** Years a report can plausibly carry; integers in this range are years, not date serials. */
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

/** Excel's 1900 date system: serial 1 = 1900-01-01, serial 60 = the fictitious 1900-02-29. */
const EXCEL_EPOCH_UTC_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

// 2025-06, 2025/6, 2025.6, 2025年6月, optionally followed by a day (and an ISO time).
const YEAR_MONTH_DAY =
  /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?(?:\s*(?:[-/.]\s*)?(\d{1,2})\s*日?(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?$/;
const YEAR_ONLY = /^(\d{4})\s*年?$/;
const NUMERIC_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

// Scalar custom-function calls pass the same date text cell after cell: remember the last one.
let lastText = "";
let lastTextPeriod: ReportPeriod | null = null;

/**
 * Reads a report date as the month it reports on.
 *
 * Accepted: a year (2025 or "2025" → the whole year), "2025-06", "2025/6", "2025年6月",
 * an ISO date "2025-06-15" (any day means that month's report), an Excel date serial in the
 * 1900 system (45838 → 2025-07) or a JavaScript Date (its local calendar month).
 * Integers from 1900 to 9999 are read as years, so serials in that range (1905–1927) are not dates.
 *
 * @param input a year, date text, Excel serial (days) or Date
 * @returns the report period (month-end of the month named)
 * @throws LiangxinError("#VALUE!") for anything else
 * @example parseReportPeriod("2025-06") // { year: 2025, month: 6, wholeYear: false }
 * @example parseReportPeriod(45838) // { year: 2025, month: 7, wholeYear: false }
 */
export function parseReportPeriod(input: string | number | Date): ReportPeriod {
  if (typeof input === "number") return periodFromNumber(input);
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw invalidDate("Invalid Date");
    return checked(input.getFullYear(), input.getMonth() + 1, false, String(input));
  }
  if (typeof input !== "string") throw invalidDate(String(input));
  if (input === lastText && lastTextPeriod) return lastTextPeriod;
  const period = periodFromText(input);
  lastText = input;
  lastTextPeriod = period;
  return period;
}

function periodFromText(input: string): ReportPeriod {
  const text = input.trim();
  const yearOnly = YEAR_ONLY.exec(text);
  if (yearOnly) return checked(Number(yearOnly[1]), 12, true, input);
  const match = YEAR_MONTH_DAY.exec(text);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (match[3] !== undefined) {
      const day = Number(match[3]);
      if (day < 1 || day > daysInMonth(year, month)) throw invalidDate(input);
    }
    return checked(year, month, false, input);
  }
  // Excel reads numeric text in a date argument as a number.
  if (NUMERIC_TEXT.test(text)) return periodFromNumber(Number(text));
  throw invalidDate(input);
}

function periodFromNumber(value: number): ReportPeriod {
  if (!Number.isFinite(value)) throw invalidDate(String(value));
  if (Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR) return { year: value, month: 12, wholeYear: true };
  const serialDays = Math.floor(value);
  if (serialDays < 1) throw invalidDate(String(value));
  // Excel counts 1900-02-29, which never existed: serials from 61 on are one day ahead of the calendar.
  if (serialDays === 60) return { year: 1900, month: 2, wholeYear: false };
  const date = new Date(EXCEL_EPOCH_UTC_MS + (serialDays < 60 ? serialDays + 1 : serialDays) * MS_PER_DAY);
  return checked(date.getUTCFullYear(), date.getUTCMonth() + 1, false, String(value));
}

function checked(year: number, month: number, wholeYear: boolean, input: string): ReportPeriod {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) throw invalidDate(input);
  return { year, month, wholeYear };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function invalidDate(input: string): LiangxinError {
  return new LiangxinError(
    "#VALUE!",
    `parseReportPeriod：报告期无法识别 "${input}"，请用 2025、2025-06、2025-06-30 或日期序号` +
      ` (parseReportPeriod cannot read "${input}" as a report date; use 2025, 2025-06, 2025-06-30 or a date serial)`,
  );
}

/**
 * Writes a report period the way the product shows it.
 * @param period a report period
 * @returns "2025" for a whole year, "2025-06" for a month
 * @example formatPeriod({ year: 2025, month: 6, wholeYear: false }) // "2025-06"
 */
export function formatPeriod(period: ReportPeriod): string {
  return period.wholeYear ? String(period.year) : `${period.year}-${String(period.month).padStart(2, "0")}`;
}

/**
 * Years elapsed from the end of `baseYear` to the end of the reported month: the time axis of
 * stocks and shares. June 2025 with base 2023 → 1.5.
 * @param period the report period
 * @param baseYear the base year (its end is time 0)
 * @returns years (fractional, in twelfths)
 * @example yearsSinceEndOf(2023, { year: 2025, month: 6, wholeYear: false }) // 1.5
 */
export function yearsSinceEndOf(baseYear: number, period: ReportPeriod): number {
  return period.year - baseYear - 1 + period.month / 12;
}
