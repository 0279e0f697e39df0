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

/**
 * Report dates the product accepts: 1990–2100. A date outside it is almost always a misread entry
 * (2025.06 taken as the date serial 2025 = 1905-07-17, or 202506 as a serial in the year 2454),
 * so it is an error (#NUM!) rather than a silent extrapolation of the trajectory.
 * Source: review finding 8 (dates must never give silent nonsense).
 */
export const EARLIEST_REPORT_YEAR = 1990;
export const LATEST_REPORT_YEAR = 2100;

/** Four-digit integers are read as years (then range-checked), never as date serials (1905–1927). */
const MIN_YEAR_NUMBER = 1000;
const MAX_YEAR_NUMBER = 9999;

/** Excel's 1900 date system: serial 1 = 1900-01-01, serial 60 = the fictitious 1900-02-29. */
const EXCEL_EPOCH_UTC_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;
/** Decimals closer than this to YYYY.MM are that month (2025.06 is stored as 2025.0599999…). */
const DECIMAL_SLACK = 1e-6;

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
 * Accepted:
 * - a year: 2025 or "2025" → the whole year;
 * - a month as text: "2025-06", "2025/6", "2025.6", "2025.06", "2025年6月" (text "2025.1" is January,
 *   "2025.10" October: text keeps what was typed);
 * - a month as a number: YYYY.MM with two decimals (2025.06 → June, 2025.11 → November) or one
 *   (2025.6 → June); YYYYMM (202506 → June). The number 2025.1 is also 2025.10, so it is refused
 *   (#VALUE!) rather than guessed;
 * - an ISO date "2025-06-15" (any day means that month's report);
 * - an Excel date serial in the 1900 system (45838 = 2025-06-30 → June; 45839 = 2025-07-01 → July);
 * - a JavaScript Date (its local calendar month).
 * Four-digit integers are years, never serials. Anything that resolves before 1990 or after 2100
 * (the serial 2025 = 1905, a year 2250) is #NUM!.
 *
 * @param input a year, date text, a YYYY.MM or YYYYMM number, an Excel serial (days) or a Date
 * @returns the report period (month-end of the month named)
 * @throws LiangxinError("#NUM!") for a date before 1990 or after 2100; LiangxinError("#VALUE!") for anything unreadable
 * @example parseReportPeriod("2025-06") // { year: 2025, month: 6, wholeYear: false }
 * @example parseReportPeriod(45838) // { year: 2025, month: 6, wholeYear: false } (45838 is 2025-06-30)
 * @example parseReportPeriod(2025.06) // { year: 2025, month: 6, wholeYear: false }
 */
export function parseReportPeriod(input: string | number | Date): ReportPeriod {
  if (typeof input === "number") return periodFromNumber(input, String(input));
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
  if (NUMERIC_TEXT.test(text)) return periodFromNumber(Number(text), input);
  throw invalidDate(input);
}

function periodFromNumber(value: number, input: string): ReportPeriod {
  if (!Number.isFinite(value)) throw invalidDate(input);
  const whole = Math.floor(value);
  if (whole >= MIN_YEAR_NUMBER && whole <= MAX_YEAR_NUMBER) {
    if (value === whole) return checked(value, 12, true, input);
    return checked(whole, monthFromDecimals(value - whole, input), false, input);
  }
  // YYYYMM: six digits whose last two are a month (a serial that large would be in the 2400s).
  if (value === whole && whole >= 100_000 && whole <= 999_999 && whole % 100 >= 1 && whole % 100 <= 12) {
    return checked(Math.floor(whole / 100), whole % 100, false, input);
  }
  if (whole < 1) throw invalidDate(input);
  // Excel counts 1900-02-29, which never existed: serials from 61 on are one day ahead of the calendar
  // (only the year of an early serial matters now, for the out-of-range message).
  const date = new Date(EXCEL_EPOCH_UTC_MS + (whole < 60 ? whole + 1 : whole) * MS_PER_DAY);
  return checked(date.getUTCFullYear(), date.getUTCMonth() + 1, false, input);
}

/** The month of YYYY.MM from its decimals: .06 → 6, .6 → 6, .11 → 11; .1 (= .10) is ambiguous. */
function monthFromDecimals(fraction: number, input: string): number {
  const hundredths = Math.round(fraction * 100);
  if (Math.abs(fraction - hundredths / 100) > DECIMAL_SLACK) throw invalidDate(input);
  if (hundredths === 10) {
    throw new LiangxinError(
      "#VALUE!",
      `parseReportPeriod：报告期 ${input} 可能是 1 月也可能是 10 月，请写成 ${input.trim().slice(0, 4)}-01 或 ${input.trim().slice(0, 4)}-10` +
        ` (parseReportPeriod cannot tell whether ${input} means January or October; write ${input.trim().slice(0, 4)}-01 or ${input.trim().slice(0, 4)}-10)`,
    );
  }
  const month = hundredths % 10 === 0 ? hundredths / 10 : hundredths;
  if (month < 1 || month > 12) throw invalidDate(input);
  return month;
}

function checked(year: number, month: number, wholeYear: boolean, input: string): ReportPeriod {
  if (month < 1 || month > 12) throw invalidDate(input);
  if (year < EARLIEST_REPORT_YEAR || year > LATEST_REPORT_YEAR) throw dateOutOfRange(input, year);
  return { year, month, wholeYear };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The generic "cannot read this date" error; hosts may reword it with their parameter's name. */
export class UnreadableReportDate extends LiangxinError {}

function invalidDate(input: string): LiangxinError {
  return new UnreadableReportDate(
    "#VALUE!",
    `parseReportPeriod：报告期无法识别 "${input}"，请用 2025、2025-06、2025-06-30 或日期序号` +
      ` (parseReportPeriod cannot read "${input}" as a report date; use 2025, 2025-06, 2025-06-30 or a date serial)`,
  );
}

function dateOutOfRange(input: string, year: number): LiangxinError {
  return new LiangxinError(
    "#NUM!",
    `parseReportPeriod：报告期 "${input}" 读作 ${year} 年，不在 ${EARLIEST_REPORT_YEAR}–${LATEST_REPORT_YEAR} 年之内，请用 2025、2025-06 或 2025-06-30` +
      ` (parseReportPeriod reads "${input}" as the year ${year}, outside ${EARLIEST_REPORT_YEAR}–${LATEST_REPORT_YEAR}; use 2025, 2025-06 or 2025-06-30)`,
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
