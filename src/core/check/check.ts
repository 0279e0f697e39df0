/**
 * The monthly report check (issue 5): consolidates report tables, rejects bad rows with their row
 * numbers, and computes trajectory, gap, status, required run-rate and forecast for the rest.
 */
import type { Catalog } from "../catalog";
import { isLiangxinError } from "../errors";
import type { Locale } from "../i18n";
import type { ReportPeriod } from "../period";
import { formatPeriod, parseReportPeriod } from "../period";
import { DEFAULT_TOLERANCE } from "../status";
import { figuresAreRates } from "../trajectory";
import { readBasisCell, readNumberCell, readTextCell } from "./cells";
import { departmentNames } from "./departments";
import { findReportHeader } from "./headers";
import type { IssueDetail } from "./issues";
import { issueReason } from "./issues";
import { behindTargets, departmentLeague, latestReports } from "./league";
import type { Candidate } from "./rows";
import { computeRows, PROGRESS_EVERY, removeDuplicates } from "./rows";
import type { TargetPlan } from "./targets";
import { prepareTarget, shareAsFraction } from "./targets";
import { unitMismatchNotes } from "./unitNotes";
import type { CheckResult, IssueCode, ReportBasis, ReportField, ReportTable, RowIssue } from "./types";

export interface CheckOptions {
  /** Target id → base-year figure (see readBaselines). */
  baselines?: ReadonlyMap<string, number>;
  /** Status tolerance (fraction), default DEFAULT_TOLERANCE (0.1). */
  tolerance?: number;
  /** Language of reasons and status labels; codes stay language-neutral. */
  locale?: Locale;
  /** Reports needed in a series before a forecast is attached (default 3). */
  minForecastMonths?: number;
  /**
   * Which rows get a forecast: "latest" (default) — each department+target series' latest report,
   * the one the league table counts; "all" — every row, as of its own month (about 7 µs a row).
   */
  forecastRows?: "latest" | "all";
  /** Issues found before the check (a baselines file's bad rows); they count as rejected rows. */
  priorErrors?: readonly RowIssue[];
  /**
   * For a progress bar: called every PROGRESS_EVERY rows and once at the end with the rows done so
   * far and the rows of all tables (headers excluded). A row is half done when validated and done
   * when its trajectory, gap and status are computed (the two passes take about as long), so
   * `rowsDone` can be fractional; rows rejected in the first pass complete at the end.
   */
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
}

/** The column a row's rejection points at, by reason. */
const CODE_FIELDS: Partial<Record<IssueCode, ReportField>> = {
  missingTargetId: "targetId",
  unknownTarget: "targetId",
  milestoneTarget: "targetId",
  missingBaseline: "targetId",
  missingDepartment: "department",
  missingPeriod: "period",
  badPeriod: "period",
  outsidePlan: "period",
  notANumber: "value",
  negativeValue: "value",
  badBasis: "basis",
};

/** Spreadsheet column letters of a 0-based index (0 → A, 26 → AA). */
function columnLetter(index: number): string {
  let letters = "";
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

const FIELD_LABELS: Record<ReportField, string> = {
  period: "期间",
  department: "部门",
  targetId: "目标编号",
  value: "填报值",
  basis: "口径",
};

/**
 * Checks monthly reports against the catalog's trajectories.
 *
 * For every row: expected = expectedAt(spec, period); gap = (reported/expected − 1) × the path's
 * direction (targetGap, pathDirection: negative always means behind); status = targetStatus(gap, tolerance, forecast misses target); run-rate =
 * requiredRunRate; with ≥ 3 reports in the department+target series up to that month, a forecast of
 * the target-year value (year-to-date flows annualised first) — on the series' latest report by
 * default, on every row with `forecastRows: "all"`. Bad rows go to `errors` with file, row
 * and reason; identical duplicates are kept once and noted in `notes`; blank values are noted.
 * Departments are grouped by canonical name at the plan's level (市工信局 ≡ 市工业和信息化局,
 * 商务局 ≡ 市商务局 in a city plan); a department that is neither lead nor support of the target
 * it reports is noted once per department and target (not rejected).
 *
 * @param tables report tables (header row included), from files or the 月度填报 sheet
 * @param catalog the city's target catalog
 * @param options baselines, tolerance, locale
 * @returns checked rows, department league table (worst first), targets behind, errors and notes
 * @example runReportCheck([{ file: "a.csv", rows }], catalog, { baselines }).departments[0]
 */
export function runReportCheck(
  tables: readonly ReportTable[],
  catalog: Catalog,
  options: CheckOptions = {},
): CheckResult {
  const locale = options.locale ?? "zh-CN";
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const minForecastMonths = options.minForecastMonths ?? 3;
  const baselines = options.baselines ?? new Map<string, number>();
  const errors: RowIssue[] = [...(options.priorErrors ?? [])];
  const notes: RowIssue[] = [];
  const issue = (
    list: RowIssue[],
    file: string,
    row: number,
    code: IssueCode,
    detail: IssueDetail = {},
    column?: string,
  ): void => {
    const entry: RowIssue = { file, row, code, reason: issueReason(code, detail, locale) };
    if (column) entry.column = column;
    list.push(entry);
  };

  const targets = new Map(catalog.targets.map((target) => [target.id, target]));
  const plans = new Map<string, TargetPlan>();
  const targetIndex = new Map<TargetPlan, number>();
  const departmentIndex = new Map<string, number>();
  const targetCount = catalog.targets.length;
  const departments = departmentNames(catalog);
  const responsibilityNoted = new Set<number>();
  const planFor = (targetId: string): TargetPlan | undefined => {
    let plan = plans.get(targetId);
    if (!plan) {
      const target = targets.get(targetId);
      if (!target) return undefined;
      plan = prepareTarget(target, baselines.get(targetId) ?? null);
      plans.set(targetId, plan);
      targetIndex.set(plan, targetIndex.size);
    }
    return plan;
  };
  const periods = new Map<unknown, ReportPeriod | null>();
  const periodOf = (cell: unknown): ReportPeriod | null => {
    if (typeof cell !== "string" && typeof cell !== "number" && !(cell instanceof Date)) return null;
    const key = cell instanceof Date ? cell.getTime() : cell;
    let period = periods.get(key);
    if (period === undefined) {
      try {
        period = parseReportPeriod(typeof cell === "string" ? cell.trim() : (cell as number | Date));
      } catch (error) {
        if (!isLiangxinError(error)) throw error;
        period = null;
      }
      periods.set(key, period);
    }
    return period;
  };

  const candidates: Candidate[] = [];
  let rowsRead = 0;
  const onProgress = options.onProgress;
  const rowsTotal = onProgress ? tables.reduce((sum, table) => sum + Math.max(0, table.rows.length - 1), 0) : 0;
  let rowsValidated = 0;
  for (const table of tables) {
    const firstRowNumber = table.firstRowNumber ?? 1;
    const header = findReportHeader(table.rows);
    if ("ambiguous" in header) {
      // Which column is meant cannot be known: checking June reports as July would be worse than none.
      for (const { field, headers, columns } of header.ambiguous)
        issue(errors, table.file, 0, "ambiguousColumns", {
          field: FIELD_LABELS[field],
          columns: headers.map((text, position) => `${columnLetter(columns[position])}“${text}”`).join("、"),
        });
      continue;
    }
    if ("missing" in header) {
      issue(errors, table.file, 0, "missingColumns", {
        columns: header.missing.map((field) => FIELD_LABELS[field]).join("、"),
      });
      continue;
    }
    const headerCells = table.rows[header.index] ?? [];
    const columnLabel = (field: ReportField): string => {
      const column = header.columns[field] as number;
      return `${columnLetter(column)}（${readTextCell(headerCells[column]).replace(/\s+/g, " ") || FIELD_LABELS[field]}）`;
    };
    const {
      period: periodColumn,
      department: departmentColumn,
      targetId: idColumn,
      value: valueColumn,
      basis: basisColumn,
    } = header.columns as Record<ReportField, number>;
    for (let index = header.dataStart; index < table.rows.length; index++) {
      if (onProgress && ++rowsValidated % PROGRESS_EVERY === 0) onProgress(rowsValidated / 2, rowsTotal);
      const cells = table.rows[index];
      if (isBlankRow(cells)) continue;
      rowsRead++;
      const row = firstRowNumber + index;
      const reject = (code: IssueCode, detail: IssueDetail = {}): void => {
        const field = Object.hasOwn(CODE_FIELDS, code) ? CODE_FIELDS[code as keyof typeof CODE_FIELDS] : undefined;
        issue(errors, table.file, row, code, detail, field && columnLabel(field));
      };
      // A bad cell costs its row, never the check: whatever a cell holds, the row is checked or rejected.
      try {
        const targetId = readTextCell(cells[idColumn]);
        if (!targetId) {
          reject("missingTargetId");
          continue;
        }
        const plan = planFor(targetId);
        if (!plan) {
          reject("unknownTarget", { targetId });
          continue;
        }
        const departmentAsWritten = readTextCell(cells[departmentColumn]);
        if (!departmentAsWritten) {
          reject("missingDepartment");
          continue;
        }
        const department = departments.canonical(departmentAsWritten);
        const periodCell = cells[periodColumn];
        if (readTextCell(periodCell) === "" && !(periodCell instanceof Date)) {
          reject("missingPeriod");
          continue;
        }
        const period = periodOf(periodCell);
        if (!period) {
          reject("badPeriod", { text: readTextCell(periodCell) });
          continue;
        }
        const periodText = formatPeriod(period);
        if (period.year < plan.startYear || period.year > plan.targetYear) {
          reject("outsidePlan", { period: periodText, startYear: plan.startYear, targetYear: plan.targetYear });
          continue;
        }
        const valueCell = readNumberCell(cells[valueColumn]);
        if (valueCell.kind === "blank") {
          issue(notes, table.file, row, "blankValue");
          continue;
        }
        if (valueCell.kind === "text") {
          reject("notANumber", { text: valueCell.text });
          continue;
        }
        if (valueCell.value < 0) {
          reject("negativeValue", { text: String(valueCell.value) });
          continue;
        }
        let basis: ReportBasis | null | undefined = null;
        if (basisColumn !== undefined) {
          basis = readBasisCell(cells[basisColumn]);
          if (basis === undefined) {
            reject("badBasis", { text: readTextCell(cells[basisColumn]) });
            continue;
          }
        }
        if (!plan.ready) {
          reject(plan.code, { targetId, message: plan.message });
          continue;
        }
        const value = figuresAreRates(plan.target) ? shareAsFraction(valueCell.value) : valueCell.value;
        let departmentNumber = departmentIndex.get(department);
        if (departmentNumber === undefined) departmentIndex.set(department, (departmentNumber = departmentIndex.size));
        const seriesKey = departmentNumber * targetCount + (targetIndex.get(plan) as number);
        if (!responsibilityNoted.has(seriesKey)) {
          responsibilityNoted.add(seriesKey);
          if (departments.isResponsible(department, plan.target) === false) {
            const responsible = [plan.target.lead, ...(plan.target.support ?? [])].filter(Boolean).join("、");
            issue(notes, table.file, row, "departmentNotResponsible", {
              department: departmentAsWritten,
              targetId,
              responsible,
            });
          }
        }
        candidates.push({
          file: table.file,
          row,
          plan,
          department,
          departmentAsWritten,
          period,
          periodText,
          ordinal: period.year * 12 + period.month,
          basis: basis ?? plan.defaultBasis,
          value,
          seriesKey,
        });
      } catch (error) {
        reject("unreadableRow", { message: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  const kept = removeDuplicates(candidates, (list, candidate, code, other) =>
    issue(list === "errors" ? errors : notes, candidate.file, candidate.row, code, {
      otherFile: other.file,
      otherRow: other.row,
      spellings: [candidate.departmentAsWritten, other.departmentAsWritten],
    }),
  );

  const ordinals: number[] = [];
  const seriesKeys: number[] = [];
  const computedProgress = onProgress
    ? (computed: number) =>
        onProgress(rowsTotal / 2 + (computed / Math.max(1, kept.length)) * (rowsTotal / 2), rowsTotal)
    : undefined;
  const rejectRow = (candidate: Candidate, message: string): void =>
    issue(errors, candidate.file, candidate.row, "trajectoryError", { targetId: candidate.plan.target.id, message });
  const rows = computeRows(
    kept,
    ordinals,
    seriesKeys,
    tolerance,
    minForecastMonths,
    options.forecastRows ?? "latest",
    locale,
    rejectRow,
    computedProgress,
  );
  onProgress?.(rowsTotal, rowsTotal);

  notes.push(...unitMismatchNotes(rows, catalog, locale));
  // Files in the order given (earlier issues' files first), rows in sheet order within a file.
  const fileOrder = new Map<string, number>();
  for (const file of [
    ...(options.priorErrors ?? []).map((entry) => entry.file),
    ...tables.map((table) => table.file),
  ]) {
    if (!fileOrder.has(file)) fileOrder.set(file, fileOrder.size);
  }
  const byPosition = (a: RowIssue, b: RowIssue): number =>
    (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) || a.row - b.row;
  errors.sort(byPosition);
  notes.sort(byPosition);
  const latest = latestReports(rows, ordinals, seriesKeys);
  return {
    rows,
    departments: departmentLeague(rows, latest),
    behind: behindTargets(rows, latest),
    errors,
    notes,
    summary: {
      files: tables.length,
      rowsRead,
      rowsChecked: rows.length,
      rowsRejected: errors.filter((entry) => entry.row > 0).length,
    },
  };
}

function isBlankRow(cells: ReadonlyArray<unknown>): boolean {
  for (const cell of cells) {
    if (cell !== null && cell !== undefined && !(typeof cell === "string" && cell.trim() === "")) return false;
  }
  return true;
}
