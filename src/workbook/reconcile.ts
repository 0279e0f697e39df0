/**
 * Target ids that survive an edited plan. The extractor numbers targets in document order
 * (南平-01, 南平-02 …), so one clause inserted near the top renumbers everything after it; a
 * reload matched by those ids would move a typed baseline onto another target. Before a reload,
 * each new target takes the id of the previous target that is the same target, matched by content.
 *
 * Pure: targets in, targets out.
 */
import { bigrams } from "../core/bigrams";
import type { Catalog, Target } from "../core/catalog";
import { shiftFormulaRows, type ExistingSheet, type MergeTableLayout, type SheetCell } from "./merge";

export interface IdReconciliation {
  /** The new catalog, targets in its own order, each with its reconciled id. */
  catalog: Catalog;
  /** Targets whose id differs from the one the extractor gave (matched to an older id, or given a fresh one). */
  renamed: Array<{ from: string; to: string }>;
  /** Ids of targets matched to a previous target (kept id). */
  matched: string[];
  /** Ids of targets new in this catalog (fresh numbers above the previous maximum). */
  added: string[];
  /** Ids of previous targets no longer in the catalog. */
  removed: string[];
  /** New targets that could be one of several previous ones (never decided silently). */
  ambiguous: AmbiguousMatch[];
}

/** Minimum source-clause similarity (character-bigram Dice, 0–1) for the last, loosest match. */
export const SOURCE_SIMILARITY_MIN = 0.6;

/** "南平-05" → { prefix: "南平", number: 5, digits: 2 }; null for ids not of that form. */
function parseId(id: string): { prefix: string; number: number; digits: number } | null {
  const match = /^(.*)-(\d+)$/.exec(id);
  return match ? { prefix: match[1], number: Number(match[2]), digits: match[2].length } : null;
}

function fingerprint(target: Target): string {
  return [target.indicator, target.kind, target.unit ?? "", target.normalizedValue ?? "", target.targetYear ?? ""].join(
    "\u0001",
  );
}

/** A target's identity: its indicator, kind and target year. */
function identityKey(target: Target): string {
  return [target.indicator, target.kind, target.targetYear ?? ""].join("\u0001");
}

/** Every character but spaces counts in a clause's words: 28% and 30% are different clauses. */
const CLAUSE_RUNS = /\S+/g;

/**
 * Similarity of two clauses: the Dice coefficient of their character bigrams (1 = same text).
 * @param a a clause
 * @param b another clause
 * @returns 0–1
 * @example sourceSimilarity("报废汽车回收量增加约1倍", "报废汽车回收量增加约1倍") // → 1
 */
export function sourceSimilarity(a: string, b: string): number {
  if (a.replace(/\s+/g, "").length < 2 || b.replace(/\s+/g, "").length < 2) return a.trim() === b.trim() ? 1 : 0;
  return dice(bigrams(a, CLAUSE_RUNS), bigrams(b, CLAUSE_RUNS));
}

function dice(left: ReadonlyMap<string, number>, right: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const count of left.values()) total += count;
  for (const count of right.values()) total += count;
  if (total === 0) return 0;
  let shared = 0;
  for (const [pair, count] of left) shared += Math.min(count, right.get(pair) ?? 0);
  return (2 * shared) / total;
}

/** How much better (bigram Dice) the best pairing must be than the next one before a clause similarity decides. */
export const SOURCE_SIMILARITY_MARGIN = 0.15;

/** A new target that could be any of several previous ones: given a fresh id, the candidates kept, the user asked. */
export interface AmbiguousMatch {
  /** The fresh id the new target got. */
  id: string;
  indicator: string;
  targetYear: number | null;
  /** Ids of the previous targets it could be (kept, marked 已移出目录, with their inputs). */
  candidates: string[];
}

/**
 * Gives the targets of a new catalog the ids of the previous targets they are the same as, so a
 * reload keeps each typed baseline, note and report with its own target whatever its position.
 *
 * A target's identity is its indicator, kind and target year; where several targets share those,
 * also its value and its source clause. Matching is one-to-one and deterministic, over the targets
 * still unmatched: (1) the same indicator, kind, unit, normalised value and target year (several
 * identical ones pair in document order); (2) the same indicator, kind and target year — one on each
 * side matches; several are told apart by their source clauses only where one pairing is clearly
 * the most similar (by SOURCE_SIMILARITY_MARGIN), otherwise the new targets are **ambiguous**: they
 * get fresh ids and the previous ones stay (已移出目录) so nothing typed moves silently; (3) the most
 * similar source clause (bigram Dice ≥ SOURCE_SIMILARITY_MIN) between targets of the same kind and
 * a compatible target year. A 2025 target never takes a 2027 target's id.
 *
 * Targets left unmatched get fresh numbers above both the previous maximum and every id in
 * `reservedIds` (the ids typed in the workbook's sheets), so an id never comes back meaning
 * something else and a planner's own row (南平-38) is never taken over. Only previous ids of the
 * catalog's own city prefix take part: another city's targets are never matched.
 *
 * @param previous the targets last written to the workbook (saved state), in row order
 * @param next the catalog about to be loaded, with the extractor's running-number ids
 * @param reservedIds ids found in the workbook (e.g. 目标总表's 编号 column), never given to a new target
 * @returns the catalog with reconciled ids, and which ids were renamed, matched, added, removed, ambiguous
 * @example
 * // One clause inserted before 报废汽车回收量 (was 南平-05, now extracted as 南平-06):
 * reconcileTargetIds(previous, edited).catalog.targets.find((t) => t.indicator === "报废汽车回收量")?.id // → "南平-05"
 */
export function reconcileTargetIds(
  previous: readonly Target[],
  next: Catalog,
  reservedIds: Iterable<string> = [],
): IdReconciliation {
  const prefix = next.targets.map((target) => parseId(target.id)?.prefix).find((candidate) => candidate !== undefined);
  const candidates = previous.filter((target) => prefix !== undefined && parseId(target.id)?.prefix === prefix);
  const reserved = [...reservedIds].filter((id) => prefix !== undefined && parseId(id)?.prefix === prefix);
  const assigned: (string | null)[] = next.targets.map(() => null);
  if (candidates.length === 0 && reserved.length === 0) {
    return { catalog: next, renamed: [], matched: [], added: [], removed: [], ambiguous: [] };
  }

  const used = new Set<number>();
  const take = (nextIndex: number, candidateIndex: number) => {
    assigned[nextIndex] = candidates[candidateIndex].id;
    used.add(candidateIndex);
  };
  /** Open targets on each side grouped by a key, in document order. */
  const groups = (key: (target: Target) => string) => {
    const byKey = new Map<string, { next: number[]; previous: number[] }>();
    const group = (value: string) => {
      let found = byKey.get(value);
      if (!found) byKey.set(value, (found = { next: [], previous: [] }));
      return found;
    };
    next.targets.forEach((target, index) => {
      if (assigned[index] === null) group(key(target)).next.push(index);
    });
    candidates.forEach((target, index) => {
      if (!used.has(index)) group(key(target)).previous.push(index);
    });
    return [...byKey.values()].filter((found) => found.next.length && found.previous.length);
  };
  const bySource = (indexes: number[], targets: readonly Target[]) =>
    [...indexes].sort((a, b) => (targets[a].source?.start ?? 0) - (targets[b].source?.start ?? 0) || a - b);

  // (1) Identical targets: pair in document order.
  for (const group of groups(fingerprint)) {
    const nextInOrder = bySource(group.next, next.targets);
    const previousInOrder = bySource(group.previous, candidates);
    nextInOrder.forEach((nextIndex, position) => {
      if (position < previousInOrder.length) take(nextIndex, previousInOrder[position]);
    });
  }

  // (2) Same indicator, kind and target year.
  const ambiguousGroups: Array<{ next: number[]; previous: number[] }> = [];
  for (const group of groups(identityKey)) {
    if (group.next.length === 1 && group.previous.length === 1) {
      take(group.next[0], group.previous[0]);
      continue;
    }
    const scores = group.next.flatMap((nextIndex) =>
      group.previous.map((candidateIndex) => ({
        next: nextIndex,
        previous: candidateIndex,
        score: sourceSimilarity(
          next.targets[nextIndex].source?.text ?? "",
          candidates[candidateIndex].source?.text ?? "",
        ),
      })),
    );
    for (;;) {
      const open = scores.filter((pair) => assigned[pair.next] === null && !used.has(pair.previous));
      if (!open.length) break;
      open.sort((a, b) => b.score - a.score || a.next - b.next || a.previous - b.previous);
      const best = open[0];
      const rival = open.find((pair) => pair !== best && (pair.next === best.next || pair.previous === best.previous));
      if (best.score < SOURCE_SIMILARITY_MIN || (rival && best.score - rival.score < SOURCE_SIMILARITY_MARGIN)) break;
      take(best.next, best.previous);
    }
    const openNext = group.next.filter((index) => assigned[index] === null);
    const openPrevious = group.previous.filter((index) => !used.has(index));
    if (openNext.length && openPrevious.length) ambiguousGroups.push({ next: openNext, previous: openPrevious });
  }
  const ambiguousNext = new Set(ambiguousGroups.flatMap((group) => group.next));
  const ambiguousPrevious = new Set(ambiguousGroups.flatMap((group) => group.previous));

  // (3) The most similar clause, same kind, compatible year; ambiguous targets stay out of it.
  const previousBigrams = candidates.map((target) => bigrams(target.source?.text ?? ""));
  const pairs: Array<{ next: number; previous: number; score: number; ownId: boolean; distance: number }> = [];
  next.targets.forEach((nextTarget, nextIndex) => {
    if (assigned[nextIndex] !== null || ambiguousNext.has(nextIndex)) return;
    const own = bigrams(nextTarget.source?.text ?? "");
    previousBigrams.forEach((other, candidateIndex) => {
      if (used.has(candidateIndex) || ambiguousPrevious.has(candidateIndex)) return;
      const candidate = candidates[candidateIndex];
      if (candidate.kind !== nextTarget.kind || !compatibleYears(candidate, nextTarget)) return;
      const score = dice(own, other);
      if (score < SOURCE_SIMILARITY_MIN) return;
      pairs.push({
        next: nextIndex,
        previous: candidateIndex,
        score,
        ownId: candidate.id === nextTarget.id,
        distance: Math.abs(nextIndex - candidateIndex),
      });
    });
  });
  pairs.sort(
    (a, b) =>
      b.score - a.score ||
      Number(b.ownId) - Number(a.ownId) ||
      a.distance - b.distance ||
      a.next - b.next ||
      a.previous - b.previous,
  );
  for (const pair of pairs)
    if (assigned[pair.next] === null && !used.has(pair.previous)) take(pair.next, pair.previous);

  // Fresh numbers above every id the workbook has known or holds for this city.
  let highest = 0;
  let digits = 2;
  for (const id of [...candidates.map((target) => target.id), ...reserved])
    highest = Math.max(highest, parseId(id)?.number ?? 0);
  for (const id of [...candidates.map((target) => target.id), ...next.targets.map((target) => target.id)])
    digits = Math.max(digits, parseId(id)?.digits ?? 0);
  const renamed: IdReconciliation["renamed"] = [];
  const matched: string[] = [];
  const added: string[] = [];
  const targets = next.targets.map((target, index) => {
    let id = assigned[index];
    if (id === null) {
      highest++;
      id = `${prefix}-${String(highest).padStart(digits, "0")}`;
      added.push(id);
    } else {
      matched.push(id);
    }
    if (id !== target.id) renamed.push({ from: target.id, to: id });
    return id === target.id ? target : { ...target, id };
  });
  const ambiguous: AmbiguousMatch[] = ambiguousGroups.flatMap((group) =>
    group.next.map((index) => ({
      id: targets[index].id,
      indicator: targets[index].indicator,
      targetYear: targets[index].targetYear ?? null,
      candidates: group.previous.map((candidateIndex) => candidates[candidateIndex].id),
    })),
  );
  const removed = candidates.filter((_target, index) => !used.has(index)).map((target) => target.id);
  return { catalog: { ...next, targets }, renamed, matched, added, removed, ambiguous };
}

/** Target years that do not contradict: equal, or one of them unknown. */
function compatibleYears(a: Target, b: Target): boolean {
  return a.targetYear === null || b.targetYear === null || a.targetYear === b.targetYear;
}

/** A catalog cell of 目标总表 that the user changed since the add-in wrote it (a reload writes the catalog's value over it). */
export interface CatalogCellEdit {
  targetId: string;
  /** Template column key, e.g. "lead". */
  columnKey: string;
  header: string;
  headerEn: string;
  /** A1 address in the sheet as it stood, e.g. "O7". */
  address: string;
  /** What the add-in wrote at the last load. */
  written: SheetCell;
  /** What the cell held before this reload. */
  current: SheetCell;
  /** What this reload writes for the target in that column ("" when the target left the catalog or the column is gone). */
  reloaded: SheetCell;
}

/** A rendered sheet as written: cells from A1 (Range.formulas form) and where its table is. */
export interface WrittenTable {
  cells: readonly (readonly SheetCell[])[];
  layout: MergeTableLayout;
}

/**
 * The cells of a target-keyed table whose catalog value the user changed (a corrected lead
 * department, a value) or whose formula the user replaced by a number, compared with what the
 * add-in wrote at the last load. A reload rewrites these cells from the catalog, so the task
 * pane lists them (old and new value) rather than overwrite them silently.
 *
 * Rows are matched by row key (target id) and columns by header, so rows the reload moves and
 * columns the user moved are compared correctly. Blank cells, rows the add-in did not write and
 * columns in `ignore` (values that depend on more than the target, like 目录状态) are not compared;
 * numbers are equal within 1e-9 relative.
 *
 * @param previous the table as the add-in wrote it last time (re-rendered from the saved targets)
 * @param existing the sheet as it stands (used range and its origin)
 * @param next the table this reload writes, for each edit's `reloaded` value
 * @param ignore column keys not to compare
 * @returns the edited cells, in sheet order
 * @example catalogCellEdits(previous, existing, next)[0] // → { targetId: "南平-05", columnKey: "lead", written: "市商务局", current: "市发展改革委", … }
 */
export function catalogCellEdits(
  previous: WrittenTable,
  existing: ExistingSheet,
  next: WrittenTable | null,
  ignore: readonly string[] = [],
): CatalogCellEdit[] {
  const { layout } = previous;
  const keyColumn = layout.columns.find((column) => column.key === layout.rowKeyColumn);
  if (!keyColumn) return [];
  const grid: SheetCell[][] = [];
  existing.formulas.forEach((row, offset) => {
    grid[existing.rowIndex + offset] = [...new Array<SheetCell>(existing.columnIndex).fill(""), ...row];
  });
  const header = headerColumns(grid, layout);
  if (!header) return [];
  const existingKeyColumn = header.columns.get(keyColumn.key);
  if (existingKeyColumn === undefined) return [];
  const writtenRowOf = new Map(layout.rowKeys.map((key, index) => [key, layout.firstDataRow - 1 + index]));
  const nextRowOf = new Map(
    (next?.layout.rowKeys ?? []).map((key, index) => [key, (next?.layout.firstDataRow ?? 0) - 1 + index]),
  );
  const compared = layout.columns.filter(
    (column) =>
      column.key !== keyColumn.key &&
      !ignore.includes(column.key) &&
      (column.role === "catalog" || column.role === "formula"),
  );
  const edits: CatalogCellEdit[] = [];
  for (let row = header.row + (layout.firstDataRow - layout.headerRow); row < grid.length; row++) {
    const key = text(grid[row]?.[existingKeyColumn]);
    const writtenRow = writtenRowOf.get(key);
    if (!key || writtenRow === undefined) continue;
    for (const column of compared) {
      const existingColumn = header.columns.get(column.key);
      if (existingColumn === undefined) continue;
      const current = grid[row]?.[existingColumn] ?? "";
      const written = previous.cells[writtenRow]?.[letterIndex(column.letter)] ?? "";
      const changed =
        column.role === "catalog"
          ? !sameCell(written, current)
          : isFormula(written) && !isFormula(current) && text(current) !== "";
      if (!changed) continue;
      const nextColumn = next?.layout.columns.find((candidate) => candidate.key === column.key);
      const nextRow = nextRowOf.get(key);
      const reloaded =
        next && nextColumn && nextRow !== undefined
          ? (next.cells[nextRow]?.[letterIndex(nextColumn.letter)] ?? "")
          : "";
      edits.push({
        targetId: key,
        columnKey: column.key,
        header: column.header,
        headerEn: column.headerEn,
        address: `${letters(existingColumn)}${row + 1}`,
        written,
        current,
        reloaded,
      });
    }
  }
  return edits;
}

/** The header row of the table in the sheet as it stands: the row naming most of the layout's columns (either language). */
function headerColumns(
  grid: readonly (readonly SheetCell[])[],
  layout: MergeTableLayout,
): { row: number; columns: Map<string, number> } | null {
  let best: { row: number; columns: Map<string, number> } | null = null;
  grid.forEach((cells, row) => {
    const columns = new Map<string, number>();
    (cells ?? []).forEach((cell, index) => {
      const value = text(cell);
      const column = value
        ? layout.columns.find((candidate) => candidate.header === value || candidate.headerEn === value)
        : undefined;
      if (column && !columns.has(column.key)) columns.set(column.key, index);
    });
    // Ties go to the lower row: the table's own header sits under the other language's row.
    if (columns.size >= Math.min(2, layout.columns.length) && (!best || columns.size >= best.columns.size))
      best = { row, columns };
  });
  return best;
}

function isFormula(cell: SheetCell): boolean {
  return typeof cell === "string" && cell.startsWith("=");
}

/** A cell's text as a user reads it: trimmed, without the apostrophe that keeps "-1" text. */
function text(cell: SheetCell | undefined): string {
  return cell === undefined ? "" : String(cell).trim().replace(/^'/, "");
}

function sameCell(a: SheetCell, b: SheetCell): boolean {
  const left = text(a);
  const right = text(b);
  if (left === right) return true;
  const x = Number(left);
  const y = Number(right);
  if (left === "" || right === "" || !Number.isFinite(x) || !Number.isFinite(y)) return false;
  return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
}

function letterIndex(column: string): number {
  let index = 0;
  for (const char of column.toUpperCase()) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}

function letters(columnIndex: number): string {
  let result = "";
  for (let index = columnIndex + 1; index > 0; index = Math.floor((index - 1) / 26))
    result = String.fromCharCode(65 + ((index - 1) % 26)) + result;
  return result;
}

/**
 * Keeps the user's corrections: puts each edited catalog cell's value (what the user typed over
 * the plan's) back into the merged sheet at its target's new row, and flags the row in `flagColumn`
 * (目录状态) with `flagText` naming the edited columns. The plan's new value stays in the edit
 * (`reloaded`) for the task pane to show beside it.
 *
 * @param cells the merged sheet from A1 (mutated)
 * @param layout the rendered table (row keys, column letters)
 * @param edits the user's edits (catalogCellEdits)
 * @param flag the column that carries the flag and the text for a list of headers, or null for none
 * @returns how many cells kept the user's value
 * @example keepCatalogEdits(merged.cells, layout, edits, { columnKey: "catalogState", text: (h) => `已修改：${h.join("、")}` })
 */
export function keepCatalogEdits(
  cells: (SheetCell | null)[][],
  layout: MergeTableLayout,
  edits: readonly CatalogCellEdit[],
  flag: { columnKey: string; text: (headers: string[]) => string } | null,
): number {
  let kept = 0;
  const flagged = new Map<number, string[]>();
  for (const edit of edits) {
    const index = layout.rowKeys.indexOf(edit.targetId);
    const column = layout.columns.find((candidate) => candidate.key === edit.columnKey);
    if (index < 0 || !column) continue;
    const row = layout.firstDataRow - 1 + index;
    const oldRow = Number(/\d+$/.exec(edit.address)?.[0] ?? row + 1) - 1;
    while (cells.length <= row) cells.push([]);
    cells[row][letterIndex(column.letter)] = shiftFormulaRows(edit.current, row - oldRow);
    flagged.set(row, [...(flagged.get(row) ?? []), edit.header]);
    kept++;
  }
  const flagColumn = flag ? layout.columns.find((candidate) => candidate.key === flag.columnKey) : undefined;
  if (flag && flagColumn) {
    const column = letterIndex(flagColumn.letter);
    for (const [row, headers] of flagged) {
      const current = cells[row][column];
      const label = flag.text(headers);
      cells[row][column] =
        current === null || current === undefined || String(current).trim() === ""
          ? label
          : `${String(current)}；${label}`;
    }
  }
  return kept;
}
