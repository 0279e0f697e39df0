/**
 * Collecting returned handout files into the office workbook's 月度填报 (收集): which rows are
 * appended, which are already there, which replace an earlier submission (only when asked), and
 * which are rejected with file, row and reason. Row validity is the check's own (runReportCheck on
 * each file): a row the check would reject is never collected.
 */
import type { Catalog } from "../catalog";
import { isLiangxinError } from "../errors";
import type { Locale } from "../i18n";
import { formatPeriod, parseReportPeriod } from "../period";
import { readBasisCell, readNumberCell, readTextCell } from "../check/cells";
import { runReportCheck } from "../check/check";
import { departmentNames } from "../check/departments";
import type { IssueCode, ReportTable } from "../check/types";
import { departmentCut } from "./departmentCut";
import type { RoundField } from "./headers";
import { findRoundHeader } from "./headers";

/** A returned file as read by a host: every sheet's rows, and what its header block says. */
export interface ReturnedFile {
  /** The file as the user gave it. */
  file: string;
  sheets: ReadonlyArray<{ name: string; rows: ReadonlyArray<ReadonlyArray<unknown>> }>;
  /** The catalog id found in the file (findCatalogId), null when none. */
  catalogId: string | null;
}

/** A row already in the office workbook's 月度填报 (read by header). */
export interface OfficeRow {
  /** Spreadsheet row number. */
  row: number;
  targetId: string;
  /** As written. */
  department: string;
  period: unknown;
  value: unknown;
  basis: unknown;
}

/** What a collected row carries into 月度填报 (the figure as the department typed it). */
export interface CollectedFigures {
  targetId: string;
  /** Canonical department name. */
  department: string;
  /** "2025-06". */
  period: string;
  value: number;
  /** 口径 as typed ("" for blank: the target's default). */
  basis: string;
  notes: string;
  problems: string;
  measures: string;
}

export interface AppendAction extends CollectedFigures {
  action: "append";
  file: string;
  /** Row in the returned file. */
  row: number;
  /**
   * A row of 月度填报 laid out for this report with its figure still blank (target, department and
   * period typed or pre-filled): the figures go there. Absent: a new row below the last used one.
   */
  officeRow?: number;
}

export interface ReplaceAction extends CollectedFigures {
  action: "replace";
  file: string;
  row: number;
  /** Row of 月度填报 whose figures are replaced. */
  officeRow: number;
  previousValue: unknown;
  previousBasis: string;
}

/** Why a row or a file was not collected; language-neutral (labels in roundLabels). */
export type CollectIssueCode =
  | IssueCode
  | "wrongCatalog"
  | "noCatalogId"
  | "noReportTable"
  | "differsFromCollected"
  | "differsFromTyped"
  | "differsInBatch";

export interface CollectIssue {
  file: string;
  /** Row in the returned file as a user sees it; 0 for the whole file. */
  row: number;
  code: CollectIssueCode;
  reason: string;
}

/** How one department's return went, per period. */
export interface DepartmentReceipt {
  department: string;
  /** Leads at least one target (a support-only department may have no figure of its own to return). */
  lead: boolean;
  period: string;
  /** received: a file in this batch; earlier: rows collected before; missing: neither. */
  state: "received" | "earlier" | "missing";
  files: string[];
  appended: number;
  replaced: number;
  /** Rows already in 月度填报 with the same figure. */
  unchanged: number;
  rejected: number;
  /** Rows left blank (not reported this period). */
  blank: number;
}

export interface CollectPlan {
  appends: AppendAction[];
  replacements: ReplaceAction[];
  rejected: CollectIssue[];
  /** Whole-file problems that did not stop the file (no catalog id found). */
  notes: CollectIssue[];
  receipts: DepartmentReceipt[];
  /** Periods the returned files cover, ascending. */
  periods: string[];
}

export interface CollectOptions {
  /** The office workbook's catalog id; a file carrying another is refused whole. */
  catalogId: string;
  /** Rows of 月度填报 that an earlier collect wrote (by target, department, period key): only those may be replaced. */
  collectedKeys: ReadonlySet<string>;
  /** A second submission replaces the first (differing rows), listing what it replaced. */
  replace?: boolean;
  baselines?: ReadonlyMap<string, number>;
  locale?: Locale;
}

/** Check rejections that are the row's own fault; others (a missing baseline) are the office's and the row is collected. */
const ROW_FAULTS: ReadonlySet<IssueCode> = new Set<IssueCode>([
  "unknownTarget",
  "milestoneTarget",
  "missingTargetId",
  "missingDepartment",
  "missingPeriod",
  "badPeriod",
  "outsidePlan",
  "notANumber",
  "negativeValue",
  "badBasis",
  "conflictingDuplicate",
  "conflictingBasis",
]);

/** The check's report fields, in the order of the canonical table handed to runReportCheck. */
const CHECK_HEADER = ["期间", "部门", "目标编号", "填报值", "口径"] as const;
const CHECK_FIELDS: readonly RoundField[] = ["period", "department", "targetId", "value", "basis"];

/**
 * The key of one report: target, canonical department and period. Two rows with one key are one report.
 * @example reportKey("南平-05", "市商务局", "2025-06") // → "南平-05|市商务局|2025-06"
 */
export function reportKey(targetId: string, department: string, period: string): string {
  return `${targetId}|${department}|${period}`;
}

function periodText(cell: unknown): string | null {
  if (cell === null || cell === undefined || cell === "") return null;
  try {
    return formatPeriod(parseReportPeriod(typeof cell === "string" ? cell.trim() : (cell as number | Date)));
  } catch (error) {
    if (isLiangxinError(error)) return null;
    throw error;
  }
}

function sameFigure(value: unknown, basis: unknown, figures: CollectedFigures): boolean {
  const number = readNumberCell(value);
  if (number.kind !== "number" || number.value !== figures.value) return false;
  return (readBasisCell(basis) ?? null) === (readBasisCell(figures.basis) ?? null);
}

const TEXT: Record<Locale, Record<Exclude<CollectIssueCode, IssueCode>, (d: Record<string, string>) => string>> = {
  "zh-CN": {
    wrongCatalog: (d) =>
      `文件的目标清单校验码为 ${d.found}，与本工作簿（${d.expected}）不一致：不是按本工作簿分发的填报表，整份未收`,
    noCatalogId: () => "文件中找不到目标清单校验码（可能删去了表头）：已按目标编号逐行核对后收集",
    noReportTable: () => "找不到填报表（需要 期间、责任单位、目标编号、本期填报值 列）：整份未收",
    differsFromCollected: (d) =>
      `月度填报第${d.officeRow}行已收集 ${d.previous}，本次为 ${d.value}：如为第二次报送，请加 --replace 替换`,
    differsFromTyped: (d) =>
      `月度填报第${d.officeRow}行已有办公室录入的 ${d.previous}（本次 ${d.value}）：不覆盖录入的数据，请核对后手工修改`,
    differsInBatch: (d) =>
      `与 ${d.otherFile} 第${d.otherRow}行（${d.previous}）为同一部门、目标、期间但数值不同：如后者为第二次报送，请加 --replace`,
  },
  "en-US": {
    wrongCatalog: (d) =>
      `the file's catalog id is ${d.found}, not this workbook's (${d.expected}): it was not handed out from this workbook; not collected`,
    noCatalogId: () =>
      "no catalog id in the file (the header may have been deleted): collected after checking each target id",
    noReportTable: () => "no report table found (needs 期间, 责任单位, 目标编号, 本期填报值 columns); not collected",
    differsFromCollected: (d) =>
      `月度填报 row ${d.officeRow} already holds ${d.previous} from an earlier collect, this file ${d.value}: pass --replace for a second submission`,
    differsFromTyped: (d) =>
      `月度填报 row ${d.officeRow} holds ${d.previous} typed in the office (this file ${d.value}): typed data is never overwritten; check and edit by hand`,
    differsInBatch: (d) =>
      `same department, target and period as ${d.otherFile} row ${d.otherRow} (${d.previous}) with another value: pass --replace if the later one is a second submission`,
  },
};

/**
 * Plans a collect: reads each returned file's report table by header, checks its rows with the
 * check's own rules, and merges them with 月度填报.
 *
 * Rules: a file whose catalog id is another workbook's is refused whole. A row the check rejects
 * for its own content is rejected (file, row, reason). A row whose report (target + department +
 * period) is already in 月度填报 with the same figure and 口径 is left as it is (no duplicate); with
 * another figure it is rejected — unless `replace` is set and the existing row was collected (not
 * typed in the office), when it replaces it and is listed with the figure it replaced. A row laid out
 * for the report with a blank figure is filled in place. Two files of
 * one batch with the same report: the later one (files are taken in the order given) replaces the
 * earlier only with `replace`.
 *
 * @param files returned files, oldest submission first
 * @param office rows already in 月度填报
 * @param catalog the office workbook's catalog
 * @param options catalog id, collected keys, replace, baselines, locale
 * @returns the rows to append and replace, rejections, and a receipt per department and period
 */
export function planCollect(
  files: readonly ReturnedFile[],
  office: readonly OfficeRow[],
  catalog: Catalog,
  options: CollectOptions,
): CollectPlan {
  const locale = options.locale ?? "zh-CN";
  const text = TEXT[locale];
  const names = departmentNames(catalog);
  const rejected: CollectIssue[] = [];
  const notes: CollectIssue[] = [];
  const officeByKey = new Map<string, OfficeRow>();
  const officePeriodsByDepartment = new Map<string, Set<string>>();
  for (const row of office) {
    const period = periodText(row.period);
    const targetId = readTextCell(row.targetId);
    const department = readTextCell(row.department);
    if (!period || !targetId || !department) continue;
    const canonical = names.canonical(department);
    const key = reportKey(targetId, canonical, period);
    if (!officeByKey.has(key)) officeByKey.set(key, row);
    const set = officePeriodsByDepartment.get(canonical) ?? new Set<string>();
    set.add(period);
    officePeriodsByDepartment.set(canonical, set);
  }

  const appends: AppendAction[] = [];
  const replacements: ReplaceAction[] = [];
  const pending = new Map<string, AppendAction | ReplaceAction>();
  const receiptOf = new Map<string, DepartmentReceipt>();
  const shares = departmentCut(catalog);
  const leads = new Set(
    shares.filter((share) => share.targets.some((entry) => entry.role === "lead")).map((share) => share.department),
  );
  const receipt = (department: string, period: string): DepartmentReceipt => {
    const key = `${department}|${period}`;
    let entry = receiptOf.get(key);
    if (!entry) {
      entry = {
        department,
        lead: leads.has(department),
        period,
        state: "received",
        files: [],
        appended: 0,
        replaced: 0,
        unchanged: 0,
        rejected: 0,
        blank: 0,
      };
      receiptOf.set(key, entry);
    }
    return entry;
  };
  const shown = (value: unknown): string =>
    value === null || value === undefined || value === "" ? "（空）" : String(value);

  for (const returned of files) {
    if (returned.catalogId && returned.catalogId !== options.catalogId) {
      rejected.push({
        file: returned.file,
        row: 0,
        code: "wrongCatalog",
        reason: text.wrongCatalog({ found: returned.catalogId, expected: options.catalogId }),
      });
      continue;
    }
    // The sheet with the report header (any name: departments rename sheets).
    let table: {
      rows: ReadonlyArray<ReadonlyArray<unknown>>;
      header: NonNullable<ReturnType<typeof findRoundHeader>>;
    } | null = null;
    for (const sheet of returned.sheets) {
      const header = findRoundHeader(sheet.rows);
      if (header) {
        table = { rows: sheet.rows, header };
        break;
      }
    }
    if (!table) {
      rejected.push({ file: returned.file, row: 0, code: "noReportTable", reason: text.noReportTable({}) });
      continue;
    }
    if (!returned.catalogId)
      notes.push({ file: returned.file, row: 0, code: "noCatalogId", reason: text.noCatalogId({}) });

    const { header, rows } = table;
    const column = (field: RoundField): number | undefined => header.columns[field];
    const cell = (cells: ReadonlyArray<unknown>, field: RoundField): unknown => {
      const index = column(field);
      return index === undefined ? null : cells[index];
    };
    // The check reads a canonical table: its five columns, row numbers as the department sees them.
    const checkTable: ReportTable = {
      file: returned.file,
      firstRowNumber: header.index + 1,
      rows: [
        [...CHECK_HEADER],
        ...rows
          .slice(header.index + 1)
          .map((cells, offset) =>
            header.index + 1 + offset < header.dataStart ? [] : CHECK_FIELDS.map((field) => cell(cells ?? [], field)),
          ),
      ],
    };
    const checked = runReportCheck([checkTable], catalog, { baselines: options.baselines, locale });
    const faults = new Map<number, string>();
    for (const error of checked.errors)
      if (ROW_FAULTS.has(error.code) && !faults.has(error.row)) faults.set(error.row, error.reason);
    const skipped = new Set(
      checked.notes
        .filter((note) => note.code === "blankValue" || note.code === "duplicateKept")
        .map((note) => note.row),
    );
    const blanks = new Set(checked.notes.filter((note) => note.code === "blankValue").map((note) => note.row));

    for (let index = header.dataStart; index < rows.length; index++) {
      const cells = rows[index] ?? [];
      const row = index + 1;
      const departmentWritten = readTextCell(cell(cells, "department"));
      const department = departmentWritten ? names.canonical(departmentWritten) : "";
      const period = periodText(cell(cells, "period")) ?? "";
      const fault = faults.get(row);
      if (fault !== undefined) {
        const code = checked.errors.find((error) => error.row === row)?.code ?? "notANumber";
        rejected.push({ file: returned.file, row, code, reason: fault });
        if (department && period) receipt(department, period).rejected++;
        continue;
      }
      if (blanks.has(row) && department && period) {
        const entry = receipt(department, period);
        entry.blank++;
        if (!entry.files.includes(returned.file)) entry.files.push(returned.file);
      }
      if (skipped.has(row)) continue;
      const number = readNumberCell(cell(cells, "value"));
      if (number.kind !== "number" || !department || !period) continue; // a blank line
      const figures: CollectedFigures = {
        targetId: readTextCell(cell(cells, "targetId")),
        department,
        period,
        value: number.value,
        basis: readTextCell(cell(cells, "basis")),
        notes: readTextCell(cell(cells, "notes")),
        problems: readTextCell(cell(cells, "problems")),
        measures: readTextCell(cell(cells, "measures")),
      };
      const entry = receipt(department, period);
      if (!entry.files.includes(returned.file)) entry.files.push(returned.file);
      const key = reportKey(figures.targetId, department, period);
      const earlier = pending.get(key);
      if (earlier) {
        if (sameFigure(earlier.value, earlier.basis, figures)) {
          entry.unchanged++;
          continue;
        }
        if (!options.replace) {
          rejected.push({
            file: returned.file,
            row,
            code: "differsInBatch",
            reason: text.differsInBatch({
              otherFile: earlier.file,
              otherRow: String(earlier.row),
              previous: String(earlier.value),
            }),
          });
          entry.rejected++;
          continue;
        }
        // The later file's figures take the earlier one's place (an append stays an append).
        Object.assign(earlier, figures, { file: returned.file, row });
        continue;
      }
      const existing = officeByKey.get(key);
      if (existing && readNumberCell(existing.value).kind === "blank") {
        // A row laid out for this report and not filled in yet: filling it overwrites nothing.
        const fill: AppendAction = { action: "append", ...figures, file: returned.file, row, officeRow: existing.row };
        appends.push(fill);
        pending.set(key, fill);
        entry.appended++;
        officeByKey.delete(key);
        continue;
      }
      if (existing) {
        if (sameFigure(existing.value, existing.basis, figures)) {
          entry.unchanged++;
          continue;
        }
        const detail = {
          officeRow: String(existing.row),
          previous: shown(existing.value),
          value: String(figures.value),
        };
        const collected = options.collectedKeys.has(key);
        if (!options.replace || !collected) {
          rejected.push({
            file: returned.file,
            row,
            code: collected ? "differsFromCollected" : "differsFromTyped",
            reason: collected ? text.differsFromCollected(detail) : text.differsFromTyped(detail),
          });
          entry.rejected++;
          continue;
        }
        const replacement: ReplaceAction = {
          action: "replace",
          ...figures,
          file: returned.file,
          row,
          officeRow: existing.row,
          previousValue: existing.value,
          previousBasis: readTextCell(existing.basis),
        };
        replacements.push(replacement);
        pending.set(key, replacement);
        entry.replaced++;
        continue;
      }
      const append: AppendAction = { action: "append", ...figures, file: returned.file, row };
      appends.push(append);
      pending.set(key, append);
      entry.appended++;
    }
  }

  const periods = [...new Set([...receiptOf.values()].map((entry) => entry.period))].sort();
  for (const period of periods) {
    for (const share of shares) {
      if (receiptOf.has(`${share.department}|${period}`)) continue;
      const earlier = officePeriodsByDepartment.get(share.department)?.has(period) ?? false;
      receiptOf.set(`${share.department}|${period}`, {
        department: share.department,
        lead: leads.has(share.department),
        period,
        state: earlier ? "earlier" : "missing",
        files: [],
        appended: 0,
        replaced: 0,
        unchanged: 0,
        rejected: 0,
        blank: 0,
      });
    }
  }
  const stateOrder = { received: 0, earlier: 1, missing: 2 } as const;
  const receipts = [...receiptOf.values()].sort(
    (a, b) =>
      a.period.localeCompare(b.period) ||
      Number(b.lead) - Number(a.lead) ||
      stateOrder[a.state] - stateOrder[b.state] ||
      a.department.localeCompare(b.department, "zh-CN"),
  );
  return { appends, replacements, rejected, notes, receipts, periods };
}
