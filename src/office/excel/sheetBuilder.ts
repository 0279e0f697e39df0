/**
 * 载入工作簿: writes a catalog's sheets into the open workbook with Office.js.
 *
 * Round trips are bounded by size, not by count of targets (src/office/excel/batches.ts): no request
 * or response exceeds SYNC_PAYLOAD_LIMIT (1 MB; Excel on the web refuses 5 MB). In order:
 * (1) list sheets, names and saved state; (2) every sheet's marker and used extent; (3) read only
 * what a reload merges — each table's header band, then its row ids, input columns and the user's
 * own columns (a table of free rows such as 月度填报: only its input columns, never its formulas),
 * in row bands; (4) write every sheet in bands, calculation suspended per batch; (5) add the bare
 * function names and probe one in a scratch cell, keeping them only where it computes; (6) clear the
 * scratch cell and recalculate (`application.calculate(Full)`), since suspended calculation leaves
 * recalculation to the add-in.
 * The merge itself (what survives a reload) is pure: src/workbook/merge.ts; before it, the catalog's
 * ids are matched to the targets already in the workbook by identity (src/workbook/reconcile.ts), so an
 * edited plan's renumbered targets keep their ids and the user's inputs stay with them.
 */
import type { Catalog, Target } from "../../core/catalog";
import type { Locale } from "../../core/i18n";
import {
  findHeaderRow,
  jsonBytes,
  keepCatalogEdits,
  mergeSheet,
  type AmbiguousMatch,
  type ExistingSheet,
  type MergeReport,
  type SheetCell,
} from "../../workbook";
import { catalogCellEdits, reconcileTargetIds, type CatalogCellEdit } from "../../workbook";
import {
  SHEET_NAMES,
  SHEET_ORDER,
  toOfficeFormulas,
  type ChartSpec,
  type RenderedSheet,
  type RenderedWorkbook,
  type RenderOptions,
  type SheetKey,
} from "../../workbook";
import {
  STATE_NAMESPACE,
  STATE_SHEET_NAME,
  listsSheet,
  stateFromCells,
  stateFromXml,
  stateToCells,
  stateToXml,
  workbookStateOf,
  type WorkbookState,
} from "../../workbook";
import { bandedWrites, RoundTrips, type Operation, type ReadRequest } from "./batches";

/**
 * Worksheet custom property marking a sheet the add-in created (value: the sheet key). A sheet
 * without it is still ours when the workbook's saved state lists it (a workbook written by
 * `liangxin workbook`, which cannot set it); the marker is added when such a sheet is written.
 * A sheet the user renamed is found by it and given its name back.
 */
export const SHEET_MARKER = "liangxin.sheet";
/** Approximate points per character of Excel's default font, for column widths given in characters. */
const POINTS_PER_CHARACTER = 7;
/** Rows below a table's rendered header row searched for the header as it stands. */
const HEADER_SEARCH_ROWS = 30;
/** First guess at the bytes of a cell the user typed, before a band has been measured. */
const INPUT_CELL_BYTES = 48;
/** The bare-name probe: REQUIRED_GROWTH(100, 200, 2023, 2027) = 2^(1/4) − 1. */
const PROBE = { name: "REQUIRED_GROWTH", formula: "=REQUIRED_GROWTH(100,200,2023,2027)", value: Math.pow(2, 0.25) - 1 };
/** Where the probe is written: a cell of the add-in's own very-hidden state sheet, never the user's. */
const PROBE_CELL = "C1";
/** Custom functions may answer #BUSY! first: read the probe again this many times, this far apart. */
const PROBE_RETRIES = 5;
const PROBE_RETRY_MS = 300;

export interface BareName {
  name: string;
  formula: string;
  comment: string;
}

export type LoadStep = "reading" | "writing" | "names" | "done";

export interface LoadOptions {
  locale?: Locale;
  /** Called before each round trip, for the task pane's progress bar. */
  onProgress?: (step: LoadStep, fraction: number) => void;
  /** The templates' renderer (templates/index.ts renderWorkbook). */
  render: (catalog: Catalog, options: RenderOptions) => RenderedWorkbook;
  /** Workbook names that make =TARGET_GAP(…) work without the LX. prefix (src/office/functions/names.ts). */
  bareNames?: () => BareName[];
  /** Short city name, remembered in the workbook. */
  city?: string | null;
}

export interface LoadResult {
  sheets: Array<{ name: string; created: boolean; report: MergeReport }>;
  /** The catalog as loaded: the targets carry the workbook's ids (see `ids`), which may differ from the extractor's. */
  catalog: Catalog;
  /**
   * How the catalog's ids were matched to the targets already in the workbook (src/workbook/reconcile.ts):
   * `renamed` from the extractor's id to the workbook's, `added` new targets (fresh ids),
   * `removed` targets of the last load no longer in the catalog. All empty on a first load.
   */
  ids: { renamed: Array<{ from: string; to: string }>; added: string[]; removed: string[] };
  /** New targets that could be one of several earlier ones: fresh ids, the earlier rows kept; the pane asks. */
  ambiguous: AmbiguousMatch[];
  /** Ids of targets no longer in the catalog, kept and marked 已移出目录. */
  keptTargetIds: string[];
  /**
   * 目标总表 catalog cells the user had changed since the last load (a corrected lead, a value, a
   * formula replaced by a number): the user's value is kept and the row flagged 已修改; `reloaded`
   * is the plan's value, which the task pane shows beside it.
   */
  catalogEdits: CatalogCellEdit[];
  /** Sheets the user had renamed, found by their marker and given their names back. */
  renamedSheets: Array<{ from: string; to: string }>;
  namesAdded: number;
  /** Why the bare names could not be added (e.g. no LAMBDA in this Excel); null when fine. */
  namesError: string | null;
  /** The names were added but a bare call did not compute here (e.g. #CALC!), so they were removed again. */
  namesRemoved: boolean;
  syncs: number;
  /** The largest request and response of any sync, in bytes, by the builder's own measure. */
  largestRequest: number;
  largestResponse: number;
}

/** A sheet name the add-in needs is taken by a sheet the user made: nothing was written. */
export class SheetNameClashError extends Error {
  constructor(public readonly sheetNames: string[]) {
    super(
      `工作簿中已有同名工作表：${sheetNames.join("、")}。它们不是本加载项创建的，为避免覆盖，未写入任何内容；请重命名这些工作表后再载入。` +
        ` (The workbook already has sheets named ${sheetNames.join(", ")} that this add-in did not create; nothing was written. Rename them and load again.)`,
    );
    this.name = "SheetNameClashError";
  }
}

/** Rows were inserted (or deleted) above a table since the last load: nothing was written. */
export class TableMovedError extends Error {
  constructor(public readonly moves: Array<{ sheet: string; was: number; now: number }>) {
    const zh = moves.map((move) => `${move.sheet} 的表头从第 ${move.was} 行移到了第 ${move.now} 行`).join("；");
    const en = moves.map((move) => `${move.sheet}'s header moved from row ${move.was} to row ${move.now}`).join("; ");
    super(
      `${zh}（表格上方插入或删除了行）。为避免覆盖这些行，未写入任何内容；请把表格上方新增的内容移到表格下方或其他工作表，删除插入的行后再载入。` +
        ` (${en}: rows were inserted or deleted above the table. Nothing was written; move what you added above the table elsewhere, delete the inserted rows and load again.)`,
    );
    this.name = "TableMovedError";
  }
}

interface SheetFound {
  key: SheetKey;
  /** The tab name as it stands (differs from the template's after a rename). */
  name: string;
  worksheet: Excel.Worksheet;
  marked: boolean;
  used: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number } | null;
}

/**
 * Loads a catalog into the workbook, keeping everything the user typed.
 * @param context the Excel request context (from Excel.run)
 * @param catalog the targets to load
 * @param options renderer, locale, progress callback, bare names
 * @returns what was written and kept, and how many round trips it took
 * @throws SheetNameClashError when a sheet name is taken by a sheet that neither carries the marker nor is listed in the saved state
 * @throws TableMovedError when rows were inserted above a table since the last load
 */
export async function loadCatalogIntoWorkbook(
  context: Excel.RequestContext,
  catalog: Catalog,
  options: LoadOptions,
): Promise<LoadResult> {
  const progress = options.onProgress ?? (() => undefined);
  const round = new RoundTrips(context);
  const workbook = context.workbook;
  const locale = options.locale ?? "zh-CN";

  // 1. What is there: sheet names, workbook names, saved state.
  progress("reading", 0);
  const worksheets = workbook.worksheets;
  worksheets.load("items/name");
  const names = workbook.names;
  names.load("items/name,items/formula");
  const stateParts = workbook.customXmlParts.getByNamespace(STATE_NAMESPACE);
  stateParts.load("items/id");
  round.spend(0);
  await round.sync();

  // 2. Every sheet's marker and used extent (a renamed sheet of ours is known by its marker).
  const sheetList = worksheets.items.map((item) => {
    const worksheet = worksheets.getItem(item.name);
    const marker = worksheet.customProperties.getItemOrNullObject(SHEET_MARKER);
    marker.load("isNullObject,value");
    const used = worksheet.getUsedRangeOrNullObject(true);
    used.load("isNullObject,rowIndex,columnIndex,rowCount,columnCount");
    round.spend(80);
    return { name: item.name, worksheet, marker, used };
  });
  const stateXml = stateParts.items.length > 0 ? stateParts.items[0].getXml() : null;
  progress("reading", 0.25);
  await round.sync();
  round.received(
    jsonBytes(sheetList.map((sheet) => [sheet.name, sheet.marker.isNullObject ? null : sheet.marker.value])) +
      jsonBytes(stateXml?.value ?? ""),
  );

  const extent = (used: Excel.Range) =>
    used.isNullObject
      ? null
      : {
          rowIndex: used.rowIndex,
          columnIndex: used.columnIndex,
          rowCount: used.rowCount,
          columnCount: used.columnCount,
        };
  const byName = new Map(sheetList.map((sheet) => [sheet.name, sheet]));
  const stateSheet = byName.get(STATE_SHEET_NAME);
  let previous = stateFromXml(stateXml?.value);
  const stateExtent = stateSheet ? extent(stateSheet.used) : null;
  if (!previous && stateSheet && stateExtent) {
    // The custom XML part is gone (a program that drops them saved the file): read the copy.
    const [cells] = await round.read([
      {
        sheet: stateSheet.worksheet,
        row: 0,
        column: 0,
        rows: stateExtent.rowIndex + stateExtent.rowCount,
        columns: 1,
        cellBytes: 90_000,
      },
    ]);
    previous = stateFromCells(cells.map((row) => row[0]));
  }
  const found = new Map<SheetKey, SheetFound>();
  const clashes: string[] = [];
  const renamedSheets: LoadResult["renamedSheets"] = [];
  for (const key of SHEET_ORDER) {
    const canonical = SHEET_NAMES[key].zh;
    const marked = sheetList.filter((sheet) => !sheet.marker.isNullObject && sheet.marker.value === key);
    const sameName = byName.get(canonical);
    const mine = marked.find((sheet) => sheet.name === canonical) ?? marked[0];
    if (mine) {
      if (mine.name !== canonical) {
        // Renamed by the user: the sheet gets its name back, unless another sheet took it meanwhile.
        if (sameName) {
          clashes.push(canonical);
          continue;
        }
        renamedSheets.push({ from: mine.name, to: canonical });
      }
      found.set(key, { key, name: mine.name, worksheet: mine.worksheet, marked: true, used: extent(mine.used) });
      continue;
    }
    if (!sameName) continue;
    if (!sameName.marker.isNullObject || !listsSheet(previous, canonical)) {
      clashes.push(canonical);
      continue;
    }
    found.set(key, { key, name: canonical, worksheet: sameName.worksheet, marked: false, used: extent(sameName.used) });
  }
  if (clashes.length) throw new SheetNameClashError(clashes);

  // 3. Read what the merge needs. The layout (header rows, columns) does not depend on the ids.
  const layoutOf = options.render(catalog, { flavour: "addin", locale, reportRows: 1 });
  const templateOf = (key: SheetKey) => layoutOf.sheets.find((sheet) => sheet.key === key);
  const bandRequests: ReadRequest[] = [];
  const bandOwners: Array<{ key: SheetKey; kind: "band" | "cell"; cell?: string }> = [];
  /** Rows 0…n−1 of each table sheet already read in its header band. */
  const bandHeights = new Map<SheetKey, number>();
  for (const sheet of found.values()) {
    const template = templateOf(sheet.key);
    if (!template || !sheet.used) continue;
    const lastRow = sheet.used.rowIndex + sheet.used.rowCount - 1;
    const lastColumn = sheet.used.columnIndex + sheet.used.columnCount - 1;
    if (template.table) {
      const bandEnd = Math.min(lastRow, template.table.headerRow - 1 + HEADER_SEARCH_ROWS);
      bandRequests.push({
        sheet: sheet.worksheet,
        row: 0,
        column: 0,
        rows: bandEnd + 1,
        columns: lastColumn + 1,
        cellBytes: columnBytes(renderedGrid(template), 0, lastColumn + 1),
      });
      bandOwners.push({ key: sheet.key, kind: "band" });
      bandHeights.set(sheet.key, bandEnd + 1);
    }
    for (const { cell } of template.inputCells) {
      const { row, column } = cellIndex(cell);
      bandRequests.push({ sheet: sheet.worksheet, row, column, rows: 1, columns: 1, cellBytes: INPUT_CELL_BYTES });
      bandOwners.push({ key: sheet.key, kind: "cell", cell });
    }
  }
  progress("reading", 0.5);
  const bands = bandRequests.length ? await round.read(bandRequests) : [];
  const grids = new Map<SheetKey, SheetCell[][]>();
  const gridOf = (key: SheetKey) => {
    let grid = grids.get(key);
    if (!grid) grids.set(key, (grid = []));
    return grid;
  };
  bands.forEach((cells, index) => {
    const owner = bandOwners[index];
    const request = bandRequests[index];
    const grid = gridOf(owner.key);
    cells.forEach((row, offset) => {
      grid[request.row + offset] ??= [];
      row.forEach((cell, columnOffset) => (grid[request.row + offset][request.column + columnOffset] = cell));
    });
  });

  // Each table's header as it stands, then its ids, inputs and the user's columns below it.
  const columnRequests: ReadRequest[] = [];
  const columnOwners: Array<{ key: SheetKey; column: number; firstRow: number }> = [];
  const moves: TableMovedError["moves"] = [];
  for (const sheet of found.values()) {
    const template = templateOf(sheet.key);
    const table = template?.table;
    if (!template || !table || !sheet.used) continue;
    const grid = gridOf(sheet.key);
    const header = findHeaderRow(grid, table, renderedGrid(template)[table.headerRow - 1] ?? []);
    if (!header) continue;
    const savedHeaderRow = previous?.headerRows?.[sheet.key];
    // The header found may be the other language's row just above the table's (a language switch);
    // any other shift means rows were inserted above the table, whose content the write would cover.
    const shift = savedHeaderRow === undefined ? 0 : header.row + 1 - savedHeaderRow;
    if (savedHeaderRow !== undefined && shift !== 0 && shift !== -1)
      moves.push({ sheet: SHEET_NAMES[sheet.key].zh, was: savedHeaderRow, now: header.row + 1 });
    const lastRow = sheet.used.rowIndex + sheet.used.rowCount - 1;
    const firstRow = header.row + (table.firstDataRow - table.headerRow);
    const searched = bandHeights.get(sheet.key) ?? 0;
    if (firstRow > lastRow) continue;
    // Free rows (月度填报): only what the user types. Keyed rows (targets, departments): every
    // column, since a row the user added is theirs entire and catalog edits are compared.
    const templateColumns = new Map<number, string>();
    table.columns.forEach((column) => {
      const at = header.columns.get(column.header) ?? header.columns.get(column.headerEn);
      if (at !== undefined) templateColumns.set(at, column.role);
    });
    const headerCells = grid[header.row] ?? [];
    const wanted: number[] = [];
    for (let column = 0; column < headerCells.length; column++) {
      const role = templateColumns.get(column);
      const userColumn = role === undefined && String(headerCells[column] ?? "").trim() !== "";
      if (userColumn || role === "input" || (role !== undefined && table.rowKeyColumn)) wanted.push(column);
    }
    const rendered = renderedGrid(template);
    for (const run of runsOf(wanted)) {
      // Rows already read in the header band are not read again.
      const from = Math.max(firstRow, searched);
      if (from > lastRow) continue;
      const estimate = Math.max(
        INPUT_CELL_BYTES,
        columnBytes(rendered.slice(table.firstDataRow - 1), run.start, run.start + run.length),
      );
      columnRequests.push({
        sheet: sheet.worksheet,
        row: from,
        column: run.start,
        rows: lastRow - from + 1,
        columns: run.length,
        cellBytes: estimate,
      });
      columnOwners.push({ key: sheet.key, column: run.start, firstRow: from });
    }
  }
  if (moves.length) throw new TableMovedError(moves);
  progress("reading", 0.75);
  const columns = columnRequests.length ? await round.read(columnRequests) : [];
  columns.forEach((cells, index) => {
    const owner = columnOwners[index];
    const grid = gridOf(owner.key);
    cells.forEach((row, offset) => {
      const at = owner.firstRow + offset;
      grid[at] ??= [];
      row.forEach((cell, columnOffset) => (grid[at][owner.column + columnOffset] = cell));
    });
  });
  const existingOf = (key: SheetKey): ExistingSheet | null => {
    const sheet = found.get(key);
    if (!sheet?.used) return null;
    const grid = gridOf(key);
    const height = sheet.used.rowIndex + sheet.used.rowCount;
    const width = sheet.used.columnIndex + sheet.used.columnCount;
    const formulas: SheetCell[][] = [];
    for (let row = 0; row < height; row++) {
      const cells = new Array<SheetCell>(width).fill("");
      grid[row]?.forEach((cell, column) => {
        if (cell !== undefined) cells[column] = cell;
      });
      formulas.push(cells);
    }
    return { formulas, rowIndex: 0, columnIndex: 0 };
  };
  const existing = new Map<SheetKey, ExistingSheet>();
  for (const key of found.keys()) {
    const sheet = existingOf(key);
    if (sheet) existing.set(key, sheet);
  }

  // The same target keeps its id whatever its new position; ids typed in 目标总表 are never reused.
  const targetsGrid = existing.get("targets");
  const typedIds = targetsGrid ? idsOnSheet(targetsGrid, templateOf("targets")) : [];
  const reconciled = reconcileTargetIds(previous?.targets ?? [], catalog, typedIds);
  const loaded = reconciled.catalog;
  const keptTargets = keptTargetsOf(loaded, previous, targetsGrid);
  const renderOptions: RenderOptions = { flavour: "addin", locale, keptTargets };
  let rendered = options.render(loaded, renderOptions);
  const catalogEdits =
    previous && targetsGrid ? editedCatalogCells(loaded, previous, targetsGrid, rendered, options) : [];
  // 月度填报 grows with the user's rows: render at least as many report rows as the sheet holds.
  const reportsTable = rendered.sheets.find((sheet) => sheet.key === "reports")?.table;
  const reportsUsed = found.get("reports")?.used;
  const reportRowsUsed =
    reportsTable && reportsUsed ? reportsUsed.rowIndex + reportsUsed.rowCount - (reportsTable.firstDataRow - 1) : 0;
  if (reportsTable && reportRowsUsed > reportsTable.dataRowCount)
    rendered = options.render(loaded, { ...renderOptions, reportRows: reportRowsUsed });

  // 4. Write everything, in batches within the budget, calculation suspended until each sync.
  progress("writing", 0);
  const operations: Operation[] = [];
  const op = (bytes: number, apply: () => void) => operations.push({ bytes, apply });
  for (const { from, to } of renamedSheets) {
    const sheet = [...found.values()].find((candidate) => candidate.name === from);
    if (sheet) op(jsonBytes(to), () => void (sheet.worksheet.name = to));
  }
  const results: LoadResult["sheets"] = [];
  const inOrder = [...rendered.sheets].sort((a, b) => SHEET_ORDER.indexOf(a.key) - SHEET_ORDER.indexOf(b.key));
  const tables = new Map<SheetKey, { tables: Excel.TableCollection; charts: Excel.ChartCollection }>();
  for (const sheet of found.values()) {
    const collections = { tables: sheet.worksheet.tables, charts: sheet.worksheet.charts };
    collections.tables.load("items/name");
    collections.charts.load("items/name");
    tables.set(sheet.key, collections);
  }
  if (tables.size) {
    round.spend(tables.size * 60);
    await round.sync();
  }
  for (const sheet of inOrder) {
    const before = found.get(sheet.key);
    let worksheet: Excel.Worksheet | null = before?.worksheet ?? null;
    const sheetOf = () => {
      worksheet ??= worksheets.add(sheet.name);
      return worksheet;
    };
    op(jsonBytes(sheet.name), () => void sheetOf());
    if (!before?.marked) op(40, () => sheetOf().customProperties.add(SHEET_MARKER, sheet.key));
    const collections = tables.get(sheet.key);
    if (collections) {
      // The table, charts, formats and validations are rebuilt from the template.
      for (const table of collections.tables.items) op(20, () => table.convertToRange());
      for (const chart of collections.charts.items) op(20, () => chart.delete());
    }
    const merged = mergeSheet(renderedGrid(sheet), sheet.table ?? null, existing.get(sheet.key) ?? null, {
      previousRowKeys: previous?.rowKeys[sheet.key],
      inputCells: sheet.inputCells.map((cell) => cell.cell),
    });
    if (sheet.key === "targets" && sheet.table && catalogEdits.length)
      keepCatalogEdits(merged.cells, sheet.table, catalogEdits, {
        columnKey: "catalogState",
        text: (headers) => (locale === "zh-CN" ? `已修改：${headers.join("、")}` : `Edited: ${headers.join(", ")}`),
      });
    operations.push(...sheetOperations(sheetOf, sheet, merged.cells, merged.tableRange, Boolean(before)));
    results.push({ name: sheet.name, created: !before, report: merged.report });
  }
  for (const chart of rendered.charts) op(jsonBytes(chart), () => addChart(workbook, chart));

  const state = workbookStateOf(rendered, {
    targets: [...loaded.targets, ...keptTargets],
    city: options.city ?? null,
    loadedAt: new Date().toISOString(),
  });
  const stateText = stateToXml(state);
  for (const part of stateParts.items) op(20, () => part.delete());
  op(jsonBytes(stateText), () => void workbook.customXmlParts.add(stateText));
  // The copy in a very-hidden sheet, for programs that drop custom XML parts when they save.
  let stateWorksheet: Excel.Worksheet | null = stateSheet?.worksheet ?? null;
  const stateSheetOf = () => {
    stateWorksheet ??= worksheets.add(STATE_SHEET_NAME);
    return stateWorksheet;
  };
  op(40, () => {
    const sheet = stateSheetOf();
    sheet.visibility = "VeryHidden";
    if (stateExtent) sheet.getRange("A:A").clear("Contents");
  });
  const stateCells = stateToCells(state).map((cell) => [cell]);
  operations.push(
    ...bandedWrites((row, rows) => stateSheetOf().getRangeByIndexes(row, 0, rows, 1), stateCells, "formulas"),
  );
  op(20, () => worksheets.getItem(SHEET_NAMES.targets.zh).activate());
  await round.run(operations, () => context.application.suspendApiCalculationUntilNextSync());

  // 5. Bare function names, where this Excel accepts them and a bare call computes.
  progress("names", 0);
  const definitions = options.bareNames?.() ?? [];
  const known = new Set(names.items.map((item) => item.name.toUpperCase()));
  const missing = definitions.filter((definition) => !known.has(definition.name.toUpperCase()));
  let namesAdded = 0;
  let namesError: string | null = null;
  let namesRemoved = false;
  const probeCell = stateSheetOf().getRange(PROBE_CELL);
  if (definitions.some((definition) => definition.name === PROBE.name)) {
    try {
      for (const definition of missing) {
        names.add(definition.name, definition.formula, definition.comment);
        round.spend(jsonBytes(definition));
      }
      await round.sync();
      namesAdded = missing.length;
      const computes = await probeComputes(round, probeCell);
      if (!computes) {
        // This Excel accepts the names but cannot run custom functions inside LAMBDA (#CALC!).
        // Ours are the names added now and those an earlier load added (their formula calls LX.<name>).
        const earlier = new Map(names.items.map((item) => [item.name.toUpperCase(), String(item.formula ?? "")]));
        for (const definition of definitions) {
          const before = earlier.get(definition.name.toUpperCase());
          const ours = before === undefined || before.includes(`.${definition.name}(`);
          if (!ours) continue;
          names.getItem(definition.name).delete();
          round.spend(jsonBytes(definition.name));
        }
        namesAdded = 0;
        namesRemoved = true;
      }
    } catch (error) {
      namesError = error instanceof Error ? error.message : String(error);
    }
  }

  // 6. Clear the scratch cell and recalculate: calculation was suspended while writing.
  progress("done", 0.5);
  probeCell.clear("All");
  context.application.calculate("Full");
  round.spend(40);
  await round.sync();
  progress("done", 1);
  return {
    sheets: results,
    catalog: loaded,
    ids: { renamed: reconciled.renamed, added: reconciled.added, removed: reconciled.removed },
    ambiguous: reconciled.ambiguous,
    keptTargetIds: keptTargets.map((target) => target.id),
    catalogEdits,
    renamedSheets,
    namesAdded,
    namesError,
    namesRemoved,
    syncs: round.syncs,
    largestRequest: round.largestRequest,
    largestResponse: round.largestResponse,
  };
}

/** Writes the probe formula, reads its value (again while custom functions answer #BUSY!), and says whether it is right. */
async function probeComputes(round: RoundTrips, cell: Excel.Range): Promise<boolean> {
  cell.formulas = [[PROBE.formula]];
  for (let attempt = 0; attempt <= PROBE_RETRIES; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, PROBE_RETRY_MS));
    cell.load("values");
    round.spend(jsonBytes(PROBE.formula));
    await round.sync();
    const value: unknown = cell.values[0]?.[0];
    if (value === "#BUSY!") continue;
    return typeof value === "number" && Math.abs(value - PROBE.value) < 1e-9;
  }
  return false;
}

/** The ids in a target-keyed table's id column as it stands (rows the user added included). */
function idsOnSheet(sheet: ExistingSheet, template: RenderedSheet | undefined): string[] {
  const table = template?.table;
  if (!table?.rowKeyColumn) return [];
  const keyColumn = table.columns.find((column) => column.key === table.rowKeyColumn);
  const header = keyColumn ? findHeaderRow(sheet.formulas, table, []) : null;
  const at = keyColumn ? (header?.columns.get(keyColumn.header) ?? header?.columns.get(keyColumn.headerEn)) : undefined;
  if (!header || at === undefined) return [];
  return sheet.formulas
    .slice(header.row + 1)
    .map((row) => String(row[at] ?? "").trim())
    .filter(Boolean);
}

/** Consecutive runs of sorted column indexes. */
function runsOf(columns: readonly number[]): Array<{ start: number; length: number }> {
  const runs: Array<{ start: number; length: number }> = [];
  for (const column of columns) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.length === column) last.length++;
    else runs.push({ start: column, length: 1 });
  }
  return runs;
}

/** The largest JSON size of a cell of these columns in a rendered grid, with a margin: a guess at what a read of them returns. */
function columnBytes(grid: readonly (readonly SheetCell[])[], from: number, to: number): number {
  let largest = INPUT_CELL_BYTES;
  for (const row of grid)
    for (let column = from; column < to; column++) largest = Math.max(largest, jsonBytes(row[column] ?? ""));
  return largest * 1.5 + 8;
}

/** "C3" → 0-based row and column. */
function cellIndex(address: string): { row: number; column: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.toUpperCase());
  if (!match) throw new Error(`cellIndex: not an A1 cell: ${address}`);
  let column = 0;
  for (const char of match[1]) column = column * 26 + (char.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

/** Every write of one sheet, in order, as operations with their size. */
function sheetOperations(
  worksheetOf: () => Excel.Worksheet,
  sheet: RenderedSheet,
  cells: (SheetCell | null)[][],
  tableRange: string,
  reload: boolean,
): Operation[] {
  const operations: Operation[] = [];
  const op = (bytes: number, apply: () => void) => operations.push({ bytes, apply });
  const height = cells.length;
  const width = height ? cells[0].length : 0;
  if (height && width) {
    if (reload)
      op(40, () => {
        const whole = worksheetOf().getRangeByIndexes(0, 0, height, width);
        whole.conditionalFormats.clearAll();
        whole.dataValidation.clear();
      });
    // null cells are left unchanged by Excel.
    operations.push(
      ...bandedWrites((row, rows) => worksheetOf().getRangeByIndexes(row, 0, rows, width), cells, "formulas"),
    );
  }
  for (const [letter, characters] of Object.entries(sheet.columnWidths))
    op(
      24,
      () => void (worksheetOf().getRange(`${letter}:${letter}`).format.columnWidth = characters * POINTS_PER_CHARACTER),
    );
  for (const { range, format } of sheet.numberFormats) {
    const { row, column, rows, columns } = rangeBox(range);
    const line = new Array<string>(columns).fill(format);
    const formats = Array.from({ length: rows }, () => line);
    operations.push(
      ...bandedWrites(
        (offset, count) => worksheetOf().getRangeByIndexes(row + offset, column, count, columns),
        formats,
        "numberFormat",
      ),
    );
  }
  for (const style of sheet.styles) {
    op(jsonBytes(style), () => {
      const format = worksheetOf().getRange(style.range).format;
      if (style.bold !== undefined) format.font.bold = style.bold;
      if (style.italic !== undefined) format.font.italic = style.italic;
      if (style.fontColor) format.font.color = rgb(style.fontColor);
      if (style.fontSize) format.font.size = style.fontSize;
      if (style.fill) format.fill.color = rgb(style.fill);
      if (style.wrap !== undefined) format.wrapText = style.wrap;
    });
  }
  const table = sheet.table;
  if (table && tableRange)
    op(jsonBytes(table.name) + 60, () => {
      const added = worksheetOf().tables.add(tableRange, true);
      added.name = table.name;
      added.style = table.style;
      added.showFilterButton = table.showFilterButtons;
    });
  if (sheet.frozen.rows || sheet.frozen.columns)
    op(40, () => {
      const worksheet = worksheetOf();
      if (sheet.frozen.columns)
        worksheet.freezePanes.freezeAt(
          worksheet.getRangeByIndexes(0, 0, Math.max(1, sheet.frozen.rows), sheet.frozen.columns),
        );
      else worksheet.freezePanes.freezeRows(sheet.frozen.rows);
    });
  for (const validation of sheet.validations) {
    op(jsonBytes(validation) + 60, () => {
      const target = worksheetOf().getRange(validation.range).dataValidation;
      if (validation.type === "list") {
        // A range source is a formula ("=Sheet!$A$3:$A$40"); without "=" Excel would offer the
        // address itself as the only allowed entry. Inline items are comma-separated.
        const source = validation.listSource ? `=${validation.listSource}` : (validation.listValues ?? []).join(",");
        target.rule = { list: { inCellDropDown: true, source } };
      } else {
        const bounds =
          validation.min !== undefined && validation.max !== undefined
            ? { formula1: validation.min, formula2: validation.max, operator: "Between" as const }
            : validation.min !== undefined
              ? { formula1: validation.min, operator: "GreaterThanOrEqualTo" as const }
              : { formula1: validation.max ?? 0, operator: "LessThanOrEqualTo" as const };
        target.rule = validation.type === "whole" ? { wholeNumber: bounds } : { decimal: bounds };
      }
      target.ignoreBlanks = validation.allowBlank;
      target.errorAlert = { message: validation.error, showAlert: true, style: "Stop", title: sheet.name };
    });
  }
  for (const conditional of sheet.conditionalFormats) {
    op(jsonBytes(conditional) + 60 * conditional.rules.length, () => {
      const range = worksheetOf().getRange(conditional.range);
      for (const rule of conditional.rules) {
        const format = range.conditionalFormats.add("Custom");
        format.custom.rule.formula = rule.formula;
        format.custom.format.fill.color = rgb(rule.fill);
        format.custom.format.font.color = rgb(rule.fontColor);
        format.stopIfTrue = true; // first match wins, as the template says
      }
    });
  }
  return operations;
}

/**
 * 目标总表 catalog cells the user changed since the last load: the sheet as it stands against the
 * table re-rendered from the saved targets (in either language, so a language switch is no edit).
 */
function editedCatalogCells(
  loaded: Catalog,
  previous: WorkbookState,
  targetsGrid: ExistingSheet,
  rendered: RenderedWorkbook,
  options: LoadOptions,
): CatalogCellEdit[] {
  const writtenTable = (workbook: RenderedWorkbook) => {
    const sheet = workbook.sheets.find((candidate) => candidate.key === "targets");
    return sheet?.table ? { cells: renderedGrid(sheet), layout: sheet.table } : null;
  };
  const next = writtenTable(rendered);
  // 目录状态 depends on which targets were kept, which the state does not record.
  const ignore = ["catalogState"];
  const previousCatalog: Catalog = { ...loaded, targets: previous.targets };
  const locale = options.locale ?? "zh-CN";
  const edits = (asLocale: Locale) => {
    const written = writtenTable(
      options.render(previousCatalog, { flavour: "addin", locale: asLocale, reportRows: 1 }),
    );
    return written ? catalogCellEdits(written, targetsGrid, next, ignore) : [];
  };
  const found = edits(locale);
  if (!found.length) return found;
  const inOtherLanguage = new Set(
    edits(locale === "zh-CN" ? "en-US" : "zh-CN").map((edit) => `${edit.address}\u0001${edit.columnKey}`),
  );
  return found.filter((edit) => inOtherLanguage.has(`${edit.address}\u0001${edit.columnKey}`));
}

/**
 * Targets written last time that the catalog no longer has and whose row is still in 目标总表:
 * they are rendered again after the catalog's, marked 已移出目录, never deleted.
 */
export function keptTargetsOf(
  catalog: Catalog,
  previous: WorkbookState | null,
  targetsSheet: ExistingSheet | undefined,
): Target[] {
  if (!previous || !targetsSheet) return [];
  const current = new Set(catalog.targets.map((target) => target.id));
  const onSheet = new Set(targetsSheet.formulas.flat().map((cell) => String(cell).trim()));
  return previous.targets.filter((target) => !current.has(target.id) && onSheet.has(target.id));
}

/** The rendered blocks as one rectangle from A1, in Range.formulas form ("" for blank). */
export function renderedGrid(sheet: RenderedSheet): SheetCell[][] {
  let height = 0;
  let width = 0;
  for (const block of sheet.blocks) {
    height = Math.max(height, block.row + block.cells.length);
    width = Math.max(width, block.column + Math.max(0, ...block.cells.map((row) => row.length)));
  }
  const grid: SheetCell[][] = Array.from({ length: height }, () => new Array<SheetCell>(width).fill(""));
  for (const block of sheet.blocks) {
    toOfficeFormulas(block.cells).forEach((row, rowOffset) => {
      row.forEach((cell, columnOffset) => {
        grid[block.row + rowOffset][block.column + columnOffset] = cell;
      });
    });
  }
  return grid;
}

function addChart(workbook: Excel.Workbook, spec: ChartSpec): void {
  const [first, ...others] = spec.series;
  if (!first) return;
  const type = spec.type === "line" ? "Line" : spec.stacked ? "ColumnStacked" : "ColumnClustered";
  const chart = workbook.worksheets.getItem(spec.sheet).charts.add(type, rangeOf(workbook, first.values), "Columns");
  chart.title.text = spec.title;
  chart.setPosition(spec.from, spec.to);
  const styleSeries = (series: Excel.ChartSeries, color: string | undefined) => {
    if (!color) return;
    if (spec.type === "line") series.format.line.color = `#${color}`;
    else series.format.fill.setSolidColor(`#${color}`);
  };
  const firstSeries = chart.series.getItemAt(0);
  firstSeries.name = first.name;
  firstSeries.setXAxisValues(rangeOf(workbook, spec.categories));
  styleSeries(firstSeries, first.color);
  for (const other of others) {
    const series = chart.series.add(other.name);
    series.setValues(rangeOf(workbook, other.values));
    series.setXAxisValues(rangeOf(workbook, spec.categories));
    styleSeries(series, other.color);
  }
}

/** "'目标总表'!$A$3:$A$20" → that range. */
function rangeOf(workbook: Excel.Workbook, qualified: string): Excel.Range {
  const bang = qualified.lastIndexOf("!");
  const sheet = qualified
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return workbook.worksheets.getItem(sheet).getRange(qualified.slice(bang + 1).replace(/\$/g, ""));
}

/** "D3:F9" → 0-based top-left and size. */
function rangeBox(range: string): { row: number; column: number; rows: number; columns: number } {
  const [start, end = start] = range.replace(/\$/g, "").split(":");
  const parse = (ref: string) => {
    const match = /^([A-Z]+)(\d+)$/.exec(ref.toUpperCase());
    if (!match) throw new Error(`rangeBox: not an A1 cell range: ${range}`);
    let column = 0;
    for (const char of match[1]) column = column * 26 + (char.charCodeAt(0) - 64);
    return { row: Number(match[2]), column };
  };
  const from = parse(start);
  const to = parse(end);
  return {
    row: from.row - 1,
    column: from.column - 1,
    rows: to.row - from.row + 1,
    columns: to.column - from.column + 1,
  };
}

/** "FFC6EFCE" (ARGB) or "C6EFCE" → "#C6EFCE". */
function rgb(color: string): string {
  return `#${color.slice(-6)}`;
}
