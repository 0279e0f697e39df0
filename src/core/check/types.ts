/**
 * Shapes of the monthly report check (issue 5): what the readers hand to the core, and what the
 * core hands back to the CLI, the .xlsx writer and the add-in.
 */
import type { StatusCode } from "../i18n";
import type { ReportBasis } from "../trajectory";

/** A column a report must (or may) carry. */
export type ReportField = "period" | "department" | "targetId" | "value" | "basis";

/** 口径 of a reported figure (defined with the trajectory, where its default is decided: src/core/trajectory.ts). */
export type { ReportBasis };

/** One sheet or CSV file as a 2-D array of raw cell values, header included. */
export interface ReportTable {
  /** File name as the user gave it (or the sheet name in the add-in). */
  file: string;
  /** Cell values: numbers, strings, booleans, Dates, null/undefined/"" for blanks. */
  rows: ReadonlyArray<ReadonlyArray<unknown>>;
  /** Spreadsheet row number of `rows[0]` as a user sees it (1 by default). */
  firstRowNumber?: number;
}

/** Why a row was rejected or noted; language-neutral (labels in issues.ts). */
export type IssueCode =
  | "unreadableFile"
  | "missingColumns"
  | "ambiguousColumns"
  | "unreadableRow"
  | "unknownTarget"
  | "milestoneTarget"
  | "missingTargetId"
  | "missingDepartment"
  | "missingPeriod"
  | "badPeriod"
  | "outsidePlan"
  | "notANumber"
  | "negativeValue"
  | "badBasis"
  | "conflictingDuplicate"
  | "conflictingBasis"
  | "missingBaseline"
  | "trajectoryError"
  | "duplicateKept"
  | "blankValue"
  | "badBaseline"
  | "conflictingBaseline"
  | "departmentNotResponsible"
  | "unitMismatch";

/** A rejected row (in `errors`) or a note on a row that was kept or skipped (in `notes`). */
export interface RowIssue {
  file: string;
  /** Spreadsheet row number a user sees (header = row 1); 0 for a whole-file problem. */
  row: number;
  /** The cell's column where one cell is the reason: its letter and header, "D（填报值）". */
  column?: string;
  code: IssueCode;
  /** Human-readable reason in the requested language. */
  reason: string;
}

/** The forecast for the target year attached to a row with ≥ 3 months of history. */
export interface RowForecast {
  /** Projected target-year value, in the target's unit (an annual value for flows). */
  value: number;
  low: number;
  high: number;
  /** Probability (0–1) of reaching the target value. */
  probability: number;
  model: "linear" | "loglinear";
  /** Number of reports the forecast was fitted on. */
  months: number;
}

/** One checked report row. */
export interface CheckedRow {
  file: string;
  row: number;
  targetId: string;
  indicator: string;
  /** Canonical name (市工信局 and 市工业和信息化局 are one department): what the league table groups by. */
  department: string;
  /** The department as spelled in the report row. */
  departmentAsWritten: string;
  /** "2025-06", or "2025" for a whole-year report. */
  period: string;
  basis: ReportBasis;
  /** As reported, in the target's base unit (shares as fractions: 0.85 for 85%). */
  value: number;
  /** Trajectory value at the report date. */
  expected: number;
  /** Relative gap, reported/expected − 1 (sign flipped for lower-is-better targets); negative = behind. */
  gap: number;
  /** Absolute gap, reported − expected (sign flipped likewise). */
  gapAbs: number;
  status: StatusCode;
  statusLabel: string;
  /** Target-year value (baseline × (1 + growth) for growth targets). */
  targetValue: number;
  baselineValue: number | null;
  /** Pace still required over the rest of the period to reach the target (see docs/check.md). */
  runRate: number | null;
  forecast: RowForecast | null;
}

/** A department's line in the league table (部门预警). */
export interface DepartmentSummary {
  department: string;
  /** Counts of targets (by each target's latest report) 落后 / 预警 / 正常. */
  behind: number;
  atRisk: number;
  onTrack: number;
  /** Lowest gap among those latest reports; null when the department has none checked. */
  worstGap: number | null;
  /** Target whose latest report has the worst gap. */
  worstTargetId: string | null;
  /** Ids of the targets behind, worst gap first. */
  targetsBehind: string[];
}

/** A target behind trajectory at its latest report, for the behind list. */
export interface BehindTarget {
  department: string;
  targetId: string;
  indicator: string;
  period: string;
  value: number;
  expected: number;
  gap: number;
  runRate: number | null;
  file: string;
  row: number;
}

export interface CheckSummary {
  files: number;
  /** Non-blank data rows read. */
  rowsRead: number;
  rowsChecked: number;
  rowsRejected: number;
}

export interface CheckResult {
  rows: CheckedRow[];
  departments: DepartmentSummary[];
  behind: BehindTarget[];
  errors: RowIssue[];
  notes: RowIssue[];
  summary: CheckSummary;
}
