/**
 * Formula text shared by the sheet templates. The built-in flavour writes the trajectory
 * definition of src/core/trajectory.ts (expectedValue) with Excel built-ins only, so a workbook
 * without the add-in computes the same numbers in Excel, WPS and LibreOffice.
 * Functions newer than Excel 2007 carry their `_xlfn.` prefix as stored in the file.
 */
import { DEFAULT_BASE_YEAR, DEFAULT_TARGET_YEAR } from "../src/core/trajectory";

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

/** The report year of a period cell: a year number, an Excel date serial, or text such as 2025-06 / 2025年6月. */
export function periodYear(periodRef: string): string {
  return `IF(ISNUMBER(${periodRef}),IF(${periodRef}<10000,${periodRef},YEAR(${periodRef})),VALUE(LEFT(TRIM(${periodRef}),4)))`;
}

/** The report month (12 for a whole-year report) of a period cell, as periodYear reads it. */
export function periodMonth(periodRef: string): string {
  return (
    `IF(ISNUMBER(${periodRef}),IF(${periodRef}<10000,12,MONTH(${periodRef})),` +
    `IF(LEN(TRIM(${periodRef}))<=5,12,VALUE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(MID(TRIM(${periodRef}),6,2),"月",""),"-",""),"/",""))))`
  );
}

/** A year cell with the product's default when blank. */
export function yearOrDefault(ref: string, fallback: number | string): string {
  return `IF(${ref}="",${fallback},${ref})`;
}

export const BASE_YEAR = DEFAULT_BASE_YEAR;
export const TARGET_YEAR = DEFAULT_TARGET_YEAR;

/** The built-in status chain (mirrors targetStatus in src/core/status.ts): gap < −tol → behind; < 0 → at risk; else on track. */
export function builtinStatus(gapRef: string, toleranceRef: string, labels: { behind: string; atRisk: string; onTrack: string }): string {
  return `IF(${gapRef}<-${toleranceRef},"${labels.behind}",IF(${gapRef}<0,"${labels.atRisk}","${labels.onTrack}"))`;
}
