/**
 * Formula text shared by the sheet templates. The built-in flavour writes the trajectory
 * definition of src/core/trajectory.ts (expectedValue) with Excel built-ins only, so a workbook
 * without the add-in computes the same numbers in Excel, WPS and LibreOffice.
 * Functions newer than Excel 2007 carry their `_xlfn.` prefix as stored in the file.
 */
import { DEFAULT_BASE_YEAR, DEFAULT_TARGET_YEAR } from "../core/trajectory";

/** Cell refs (or expressions) a trajectory formula reads. */
export interface TrajectoryRefs {
  /** growth | level | share | cumulative | annual */
  kind: string;
  baseline: string;
  target: string;
  year: string;
  /** 1..12; 12 for a whole year. */
  month: string;
  baseYear: string;
  targetYear: string;
  startYear: string;
}

/**
 * The expected value (no leading "="), mirroring expectedValue() in src/core/trajectory.ts:
 * growth B·(T/B)^((y−y0)/(y1−y0))·m/12; level B·(T/B)^(t/(y1−y0)) with t = y−y0−1+m/12;
 * share B+(T−B)·t/(y1−y0); cumulative T·(y−s+m/12)/(y1−s+1), 0 before s, T after y1; annual T·m/12.
 * An unknown kind gives #N/A.
 */
export function builtinExpected(refs: TrajectoryRefs): string {
  const { kind, baseline: b, target: t, year: y, month: m, baseYear: y0, targetYear: y1, startYear: s } = refs;
  const stockYears = `(${y}-${y0}-1+${m}/12)`;
  const growth = `${b}*POWER(${t}/${b},(${y}-${y0})/(${y1}-${y0}))*${m}/12`;
  const level = `${b}*POWER(${t}/${b},${stockYears}/(${y1}-${y0}))`;
  const share = `${b}+(${t}-${b})*${stockYears}/(${y1}-${y0})`;
  const cumulative = `IF(${y}<${s},0,IF(${y}>${y1},${t},${t}*(${y}-${s}+${m}/12)/(${y1}-${s}+1)))`;
  const annual = `${t}*${m}/12`;
  return (
    `IF(${kind}="growth",${growth},IF(${kind}="level",${level},IF(${kind}="share",${share},` +
    `IF(${kind}="cumulative",${cumulative},IF(${kind}="annual",${annual},NA())))))`
  );
}

/** True (as a formula condition) when the trajectory kind needs a baseline: growth, level, share. */
export function needsBaseline(kindRef: string): string {
  return `OR(${kindRef}="growth",${kindRef}="level",${kindRef}="share")`;
}

/**
 * Numeric period cells, read as parseReportPeriod reads them (src/core/period.ts): a four-digit
 * integer is a year; a four-digit number with decimals is YYYY.MM (2025.06 → June, 2025.6 → June;
 * 2025.1 could be January or October and gives #N/A); six digits YYYYMM with a month 01–12 are that
 * month; anything else is a date serial.
 */
function yyyymm(periodRef: string): string {
  return `AND(${periodRef}>=100000,${periodRef}<=999999,INT(${periodRef})=${periodRef},MOD(${periodRef},100)>=1,MOD(${periodRef},100)<=12)`;
}

/** The report year of a period cell: a year number, YYYY.MM, YYYYMM, an Excel date serial, or text such as 2025-06 / 2025年6月 / 2025.06. */
export function periodYear(periodRef: string): string {
  return (
    `IF(ISNUMBER(${periodRef}),IF(${periodRef}<10000,INT(${periodRef}),IF(${yyyymm(periodRef)},INT(${periodRef}/100),YEAR(${periodRef}))),` +
    `VALUE(LEFT(TRIM(${periodRef}),4)))`
  );
}

/**
 * The report month (12 for a whole-year report) of a period cell, as periodYear reads it. Text:
 * "2025" / "2025年" → 12; "202506" → 6; otherwise the one or two digits after the year and its
 * separator (2025-06, 2025/6, 2025.6, 2025年6月, 2025-06-15).
 */
export function periodMonth(periodRef: string): string {
  const hundredths = `ROUND(MOD(${periodRef},1)*100,0)`;
  const decimalMonth = `IF(MOD(${hundredths},10)=0,IF(${hundredths}=10,NA(),${hundredths}/10),${hundredths})`;
  const text = `TRIM(${periodRef})`;
  const afterSeparator = `MID(${text},6,2)`;
  return (
    `IF(ISNUMBER(${periodRef}),IF(${periodRef}<10000,IF(INT(${periodRef})=${periodRef},12,${decimalMonth}),IF(${yyyymm(periodRef)},MOD(${periodRef},100),MONTH(${periodRef}))),` +
    `IF(LEN(${text})<=5,12,IF(ISNUMBER(FIND(MID(${text},5,1),"0123456789")),VALUE(MID(${text},5,2)),` +
    `VALUE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${afterSeparator},"月",""),"-",""),"/",""),".","")))))`
  );
}

/**
 * The path's direction as a formula (mirrors pathDirection in src/core/gap.ts): −1 when a growth,
 * level or share target lies below its baseline (漏损率 12% → 9%), else 1. The gap is multiplied by
 * it, so a negative gap always means behind.
 */
export function builtinDirection(kindRef: string, baselineRef: string, targetRef: string): string {
  return `IF(AND(${needsBaseline(kindRef)},N(${targetRef})<N(${baselineRef})),-1,1)`;
}

/** True (as a formula condition) when a report year lies outside the plan period, from the start year to the target year. */
export function outsidePlanPeriod(yearRef: string, startYearRef: string, targetYearRef: string): string {
  return `OR(${yearRef}<${startYearRef},${yearRef}>${targetYearRef})`;
}

/** A year cell with the product's default when blank. */
export function yearOrDefault(ref: string, fallback: number | string): string {
  return `IF(${ref}="",${fallback},${ref})`;
}

export const BASE_YEAR = DEFAULT_BASE_YEAR;
export const TARGET_YEAR = DEFAULT_TARGET_YEAR;

/** The built-in status chain (mirrors targetStatus in src/core/status.ts): gap < −tol → behind; < 0 → at risk; else on track. */
export function builtinStatus(
  gapRef: string,
  toleranceRef: string,
  labels: { behind: string; atRisk: string; onTrack: string },
): string {
  return `IF(${gapRef}<-${toleranceRef},"${labels.behind}",IF(${gapRef}<0,"${labels.atRisk}","${labels.onTrack}"))`;
}
