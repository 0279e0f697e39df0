/**
 * Reload-merge: what a sheet should contain after a city is loaded again into a workbook that
 * already holds the add-in's sheets, so that nothing the user typed is lost.
 *
 * The freshly rendered sheet is the base. Onto it go, from the sheet as it stands:
 * - every input cell (基期值, 备注, monthly figures …), placed by row key (target id, department)
 *   or, for tables of free rows (月度填报), by position;
 * - columns the user added to the table (by header), moving with their rows;
 * - rows the user added (a key the add-in never wrote, or no key), appended below the table;
 * - rows the add-in wrote whose key has gone but which still hold input, appended too.
 * Targets that left the catalog are not handled here: the caller renders them as kept targets
 * (marked 已移出目录) so they match by key like any other row.
 *
 * Pure: works on 2-D arrays as Excel's `Range.formulas` reads and writes them. In the result,
 * `null` means "leave this cell as it is" (Office.js semantics) and "" clears a cell.
 */

/** A cell as `Range.formulas` holds it: a literal, or a string starting with "=". */
export type SheetCell = string | number | boolean;

/** Where a rendered table sits and what its columns are (a subset of the templates' RenderedTable). */
export interface MergeTableLayout {
  /** 1-based sheet row of the header row. */
  headerRow: number;
  /** 1-based sheet row of the first data row (headerRow + 1, or + 2 with an English header row). */
  firstDataRow: number;
  dataRowCount: number;
  columns: ReadonlyArray<{
    key: string;
    header: string;
    headerEn: string;
    role: "catalog" | "input" | "formula";
    letter: string;
  }>;
  /** Key of the column identifying a row across reloads; absent for free rows. */
  rowKeyColumn?: string;
  /** The key of each rendered data row, in order (empty for free rows). */
  rowKeys: readonly string[];
}

/** The sheet as it stands: its used range's formulas and where that range starts (0-based). */
export interface ExistingSheet {
  formulas: readonly (readonly SheetCell[])[];
  rowIndex: number;
  columnIndex: number;
}

export interface MergeOptions {
  /** Row keys the add-in wrote at the previous load; a keyed row outside this list is the user's. */
  previousRowKeys?: readonly string[];
  /** Single input cells outside the table (A1, e.g. "C3"): a value typed there is kept in place. */
  inputCells?: readonly string[];
}

export interface MergeReport {
  /** Rendered rows that found their earlier row (by key or position). */
  matchedRows: number;
  /** Input cells carried over from the sheet as it stood. */
  keptInputCells: number;
  /** Rows appended below the table because they hold the user's work. */
  keptRows: number;
  /** Headers of columns the user added, carried along. */
  userColumns: string[];
  /** Row keys written for the first time. */
  newRowKeys: string[];
}

export interface MergedSheet {
  /** From A1: what to write (`null` = leave unchanged, "" = clear). Rectangular. */
  cells: (SheetCell | null)[][];
  /** The table after the merge: its A1 range and its number of data rows (kept rows included). */
  tableRange: string;
  dataRowCount: number;
  report: MergeReport;
}

/**
 * Merges a freshly rendered sheet with the sheet as it stands.
 *
 * @param rendered the rendered sheet from A1 ("" for blank cells), rectangular
 * @param layout where the rendered table is
 * @param existing the used range as it stands, or null for a new sheet
 * @param options previous row keys (from the workbook's saved state)
 * @returns the cells to write, the table's new extent and what was kept
 * @example
 * // 基期值 typed for 南平-01 survives a reload that re-renders the row empty:
 * mergeSheet(rendered, layout, { formulas: current, rowIndex: 0, columnIndex: 0 }).cells[2][3] // → 120
 */
export function mergeSheet(
  rendered: readonly (readonly SheetCell[])[],
  layout: MergeTableLayout | null,
  existing: ExistingSheet | null,
  options: MergeOptions = {},
): MergedSheet {
  const cells: (SheetCell | null)[][] = rendered.map((row) => [...row]);
  const report: MergeReport = { matchedRows: 0, keptInputCells: 0, keptRows: 0, userColumns: [], newRowKeys: [] };
  const grid = existing ? toAbsoluteGrid(existing) : [];
  keepInputCells(cells, grid, options.inputCells ?? [], report);
  if (!layout) return finishPlain(cells, report);
  const headerIndex = layout.headerRow - 1;
  const firstDataIndex = layout.firstDataRow - 1;
  const columnIndexes = layout.columns.map((column) => letterToIndex(column.letter));
  const tableFirstColumn = Math.min(...columnIndexes);
  let tableLastColumn = Math.max(...columnIndexes);
  const keyColumnPosition = layout.rowKeyColumn
    ? layout.columns.findIndex((column) => column.key === layout.rowKeyColumn)
    : -1;

  const existingHeader = grid.length ? findHeaderRow(grid, layout, rendered[layout.headerRow - 1] ?? []) : null;
  if (!existingHeader) {
    report.newRowKeys = [...layout.rowKeys];
    return finish(cells, layout, layout.dataRowCount, tableFirstColumn, tableLastColumn, null, report);
  }

  // Map each template column to the column holding its header in the sheet as it stands.
  const existingColumnOf = layout.columns.map(
    (column) => existingHeader.columns.get(column.header) ?? existingHeader.columns.get(column.headerEn) ?? -1,
  );
  const templateExistingColumns = new Set(existingColumnOf.filter((index) => index >= 0));
  const headerCells = grid[existingHeader.row] ?? [];
  const userColumns: Array<{ from: number; to: number }> = [];
  const renderedWidth = Math.max(tableLastColumn + 1, ...cells.map((row) => row.length));
  for (let column = existingHeader.firstColumn; column < headerCells.length; column++) {
    if (templateExistingColumns.has(column) || isBlank(headerCells[column])) continue;
    userColumns.push({ from: column, to: renderedWidth + userColumns.length });
    report.userColumns.push(String(headerCells[column]));
  }
  if (userColumns.length) tableLastColumn = renderedWidth + userColumns.length - 1;
  // Where each column of the sheet as it stands goes: formulas the user wrote follow their columns.
  const columnMap = new Map<number, number>();
  existingColumnOf.forEach((from, position) => {
    if (from >= 0) columnMap.set(from, columnIndexes[position]);
  });
  for (const { from, to } of userColumns) columnMap.set(from, to);
  const moved = (value: SheetCell, rowShift: number) => moveFormulaReferences(value, rowShift, columnMap);

  const headerOffset = firstDataIndex - headerIndex;
  const existingFirstData = existingHeader.row + headerOffset;
  const existingRows: number[] = [];
  for (let row = existingFirstData; row < grid.length; row++) existingRows.push(row);

  const existingKeyColumn = keyColumnPosition >= 0 ? existingColumnOf[keyColumnPosition] : -1;
  const keyed = keyColumnPosition >= 0 && existingKeyColumn >= 0;
  const byKey = new Map<string, number>();
  if (keyed) {
    for (const row of existingRows) {
      const key = keyText(grid[row]?.[existingKeyColumn]);
      if (key && !byKey.has(key)) byKey.set(key, row);
    }
  }

  const consumed = new Set<number>();
  const setCell = (row: number, column: number, value: SheetCell | null) => {
    while (cells.length <= row) cells.push([]);
    cells[row][column] = value;
  };

  // Header cells of the user's columns.
  for (const { from, to } of userColumns) {
    for (let row = existingHeader.row; row < existingFirstData; row++)
      setCell(
        headerIndex + (row - existingHeader.row),
        to,
        moved(cellAt(grid, row, from), headerIndex - existingHeader.row),
      );
  }

  // Rendered rows: carry over inputs and user columns from their earlier row.
  for (let index = 0; index < layout.dataRowCount; index++) {
    const targetRow = firstDataIndex + index;
    const sourceRow = keyed ? byKey.get(layout.rowKeys[index] ?? "") : existingRows[index];
    if (sourceRow === undefined || !rowHasContent(grid, sourceRow)) {
      if (keyed && layout.rowKeys[index]) report.newRowKeys.push(layout.rowKeys[index]);
      continue;
    }
    consumed.add(sourceRow);
    report.matchedRows++;
    const rowShift = targetRow - sourceRow;
    layout.columns.forEach((column, position) => {
      if (column.role !== "input" || existingColumnOf[position] < 0) return;
      const value = cellAt(grid, sourceRow, existingColumnOf[position]);
      if (isBlank(value)) return;
      setCell(targetRow, columnIndexes[position], moved(value, rowShift));
      report.keptInputCells++;
    });
    for (const { from, to } of userColumns) setCell(targetRow, to, moved(cellAt(grid, sourceRow, from), rowShift));
  }

  // Rows not matched: keep the user's own rows and any row still holding input.
  const previous = options.previousRowKeys ? new Set(options.previousRowKeys) : null;
  let nextRow = firstDataIndex + layout.dataRowCount;
  for (const sourceRow of existingRows) {
    if (consumed.has(sourceRow) || !rowHasContent(grid, sourceRow)) continue;
    const key = keyed ? keyText(grid[sourceRow]?.[existingKeyColumn]) : "";
    // Without the saved keys a row cannot be told apart from the user's own: keep it.
    const writtenByAddin = keyed ? (previous?.has(key) ?? false) : true;
    const holdsInput = layout.columns.some(
      (column, position) =>
        column.role === "input" &&
        existingColumnOf[position] >= 0 &&
        !isBlank(cellAt(grid, sourceRow, existingColumnOf[position])),
    );
    const holdsUserColumn = userColumns.some(({ from }) => !isBlank(cellAt(grid, sourceRow, from)));
    if (writtenByAddin && !holdsInput && !holdsUserColumn) continue;
    const rowShift = nextRow - sourceRow;
    layout.columns.forEach((_column, position) => {
      const from = existingColumnOf[position];
      setCell(nextRow, columnIndexes[position], from >= 0 ? moved(cellAt(grid, sourceRow, from), rowShift) : "");
    });
    for (const { from, to } of userColumns) setCell(nextRow, to, moved(cellAt(grid, sourceRow, from), rowShift));
    report.keptRows++;
    nextRow++;
  }

  const region = {
    firstRow: existingHeader.row,
    lastRow: grid.length - 1,
    firstColumn: existingHeader.firstColumn,
    lastColumn: Math.max(existingHeader.firstColumn, headerCells.length - 1),
  };
  return finish(cells, layout, nextRow - firstDataIndex, tableFirstColumn, tableLastColumn, region, report);
}

/** Pads the result to a rectangle: the old and new table areas are ours ("" clears), cells outside them are left alone. */
function finish(
  cells: (SheetCell | null)[][],
  layout: MergeTableLayout,
  dataRowCount: number,
  tableFirstColumn: number,
  tableLastColumn: number,
  oldTable: { firstRow: number; lastRow: number; firstColumn: number; lastColumn: number } | null,
  report: MergeReport,
): MergedSheet {
  const height = Math.max(cells.length, oldTable ? oldTable.lastRow + 1 : 0);
  const width = Math.max(
    tableLastColumn + 1,
    ...cells.map((row) => row.length),
    oldTable ? oldTable.lastColumn + 1 : 0,
  );
  for (let row = 0; row < height; row++) {
    if (!cells[row]) cells[row] = [];
    for (let column = 0; column < width; column++) {
      if (cells[row][column] !== undefined) continue;
      const inOldTable =
        oldTable !== null &&
        row >= oldTable.firstRow &&
        row <= oldTable.lastRow &&
        column >= oldTable.firstColumn &&
        column <= oldTable.lastColumn;
      const inTable =
        row >= layout.headerRow - 1 &&
        row < layout.firstDataRow - 1 + dataRowCount &&
        column >= tableFirstColumn &&
        column <= tableLastColumn;
      cells[row][column] = inOldTable || inTable ? "" : null;
    }
  }
  const lastRow = layout.firstDataRow - 1 + Math.max(1, dataRowCount);
  const tableRange = `${indexToLetter(tableFirstColumn)}${layout.headerRow}:${indexToLetter(tableLastColumn)}${lastRow}`;
  return { cells, tableRange, dataRowCount: Math.max(1, dataRowCount), report };
}

/**
 * Moves the relative row references of an A1 formula by `rowShift` rows, as Excel does when a
 * row is cut and pasted elsewhere: `=C5*2` moved 3 rows down becomes `=C8*2`; `$C$5`, text in
 * quotes and function names are left alone. Literals are returned unchanged.
 *
 * @param cell a cell as Range.formulas holds it
 * @param rowShift rows moved (positive = down)
 * @returns the cell to write at the new row
 * @example
 * shiftFormulaRows("=B3+$B$1+'目标总表'!C3", 2) // → "=B5+$B$1+'目标总表'!C5"
 */
export function shiftFormulaRows(cell: SheetCell, rowShift: number): SheetCell {
  if (typeof cell !== "string" || !cell.startsWith("=") || rowShift === 0) return cell;
  // Split into quoted parts ("text", 'sheet name') and the rest; only the rest holds references.
  return cell.replace(
    /("(?:[^"]|"")*"|'(?:[^']|'')*')|([^"']+)/g,
    (part, quoted: string | undefined, code: string | undefined) => {
      if (quoted !== undefined || code === undefined) return part;
      return code.replace(
        /(^|[^A-Za-z0-9_.$])(\$?[A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g,
        (ref, before: string, column: string, dollar: string, row: string) => {
          if (dollar) return ref;
          const shifted = Number(row) + rowShift;
          return shifted >= 1 ? `${before}${column}${shifted}` : `${before}#REF!`;
        },
      );
    },
  );
}

/**
 * Moves an A1 formula with its cells: relative row references by `rowShift` (as shiftFormulaRows),
 * and references to columns of this sheet that moved (a column the user inserted inside a table is
 * carried to the table's end, the template's columns return to their places) to where those
 * columns now are — so a formula the user wrote keeps reading the same data. References to other
 * sheets ('目标总表'!C3) keep their columns.
 *
 * @param cell a cell as Range.formulas holds it
 * @param rowShift rows moved (positive = down)
 * @param columnMap 0-based column as it stood → 0-based column as written
 * @returns the cell to write
 * @example moveFormulaReferences("=R3*2+$S$1", 0, new Map([[17, 18], [18, 19]])) // → "=S3*2+$T$1"
 */
export function moveFormulaReferences(
  cell: SheetCell,
  rowShift: number,
  columnMap: ReadonlyMap<number, number> = new Map(),
): SheetCell {
  const rowsMoved = shiftFormulaRows(cell, rowShift);
  if (typeof rowsMoved !== "string" || !rowsMoved.startsWith("=") || columnMap.size === 0) return rowsMoved;
  if ([...columnMap].every(([from, to]) => from === to)) return rowsMoved;
  return rowsMoved.replace(
    /("(?:[^"]|"")*"|'(?:[^']|'')*')|([^"']+)/g,
    (part, quoted: string | undefined, code: string | undefined) => {
      if (quoted !== undefined || code === undefined) return part;
      return code.replace(
        /(^|[^A-Za-z0-9_.$!])(\$?)([A-Z]{1,3})(\$?\d+)(?![A-Za-z0-9_(])/g,
        (ref, before: string, dollar: string, column: string, row: string) => {
          const to = columnMap.get(letterToIndex(column));
          return to === undefined ? ref : `${before}${dollar}${indexToLetter(to)}${row}`;
        },
      );
    },
  );
}

function toAbsoluteGrid(existing: ExistingSheet): SheetCell[][] {
  const grid: SheetCell[][] = [];
  existing.formulas.forEach((row, rowOffset) => {
    const absolute: SheetCell[] = new Array<SheetCell>(existing.columnIndex).fill("");
    grid[existing.rowIndex + rowOffset] = absolute.concat(row);
  });
  for (let row = 0; row < grid.length; row++) if (!grid[row]) grid[row] = [];
  return grid;
}

/**
 * The row holding most of the table's headers, with a map header text → column. Headers as
 * rendered now count double, so the table's header row wins over the other language's row above.
 */
export function findHeaderRow(
  grid: readonly (readonly SheetCell[])[],
  layout: MergeTableLayout,
  renderedHeaderRow: readonly SheetCell[],
): { row: number; firstColumn: number; columns: Map<string, number> } | null {
  const primary = new Set(
    layout.columns.map((column) => String(renderedHeaderRow[letterToIndex(column.letter)] ?? column.header).trim()),
  );
  const headers = new Set([...primary, ...layout.columns.flatMap((column) => [column.header, column.headerEn])]);
  let best: { row: number; firstColumn: number; columns: Map<string, number>; score: number } | null = null;
  grid.forEach((cellsInRow, row) => {
    const columns = new Map<string, number>();
    let score = 0;
    cellsInRow.forEach((cell, column) => {
      const text = typeof cell === "string" ? cell.trim() : "";
      if (!headers.has(text) || columns.has(text)) return;
      columns.set(text, column);
      score += primary.has(text) ? 2 : 1;
    });
    if (columns.size >= Math.min(2, layout.columns.length) && (!best || score > best.score)) {
      best = { row, firstColumn: Math.min(...columns.values()), columns, score };
    }
  });
  // The table's own header is the lower of the two language rows: after a language switch the
  // best-scoring row can be the one above it, whose "data" would be the other header row.
  const found = best as { row: number; firstColumn: number; columns: Map<string, number>; score: number } | null;
  if (found) {
    const below = grid[found.row + 1] ?? [];
    const columns = new Map<string, number>();
    below.forEach((cell, column) => {
      const text = typeof cell === "string" ? cell.trim() : "";
      if (headers.has(text) && !columns.has(text)) columns.set(text, column);
    });
    if (columns.size >= Math.min(2, layout.columns.length)) {
      for (const [text, column] of found.columns) if (!columns.has(text)) columns.set(text, column);
      return { row: found.row + 1, firstColumn: Math.min(...columns.values()), columns };
    }
  }
  return found;
}

/** Keeps values typed into single input cells (a selector, a tolerance) where they are. */
function keepInputCells(
  cells: (SheetCell | null)[][],
  grid: readonly (readonly SheetCell[])[],
  inputCells: readonly string[],
  report: MergeReport,
): void {
  for (const address of inputCells) {
    const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.trim().toUpperCase());
    if (!match) continue;
    const row = Number(match[2]) - 1;
    const column = letterToIndex(match[1]);
    const value = cellAt(grid, row, column);
    if (isBlank(value)) continue;
    while (cells.length <= row) cells.push([]);
    cells[row][column] = value;
    report.keptInputCells++;
  }
}

/** A sheet without a table: the rendered cells, padded with "leave unchanged". */
function finishPlain(cells: (SheetCell | null)[][], report: MergeReport): MergedSheet {
  const width = Math.max(0, ...cells.map((row) => row.length));
  for (const row of cells)
    for (let column = 0; column < width; column++) if (row[column] === undefined) row[column] = null;
  return { cells, tableRange: "", dataRowCount: 0, report };
}

function rowHasContent(grid: readonly (readonly SheetCell[])[], row: number): boolean {
  return (grid[row] ?? []).some((cell) => !isBlank(cell));
}

function cellAt(grid: readonly (readonly SheetCell[])[], row: number, column: number): SheetCell {
  return grid[row]?.[column] ?? "";
}

function isBlank(cell: SheetCell | null | undefined): boolean {
  return cell === undefined || cell === null || (typeof cell === "string" && cell.trim() === "");
}

function keyText(cell: SheetCell | undefined): string {
  return cell === undefined ? "" : String(cell).trim();
}

function letterToIndex(letters: string): number {
  let index = 0;
  for (const char of letters.toUpperCase()) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}

function indexToLetter(columnIndex: number): string {
  let letters = "";
  for (let index = columnIndex + 1; index > 0; index = Math.floor((index - 1) / 26))
    letters = String.fromCharCode(65 + ((index - 1) % 26)) + letters;
  return letters;
}
