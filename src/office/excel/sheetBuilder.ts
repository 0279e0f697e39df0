/**
 * 载入工作簿: writes a catalog's sheets into the open workbook with Office.js.
 *
 * Round trips are constant whatever the number of targets: (1) list sheets, names and saved
 * state; (2) read the add-in's existing sheets in one batch; (3) write every sheet as whole 2-D
 * arrays with calculation suspended; (4) add the bare function names, separately, because a
 * host without LAMBDA rejects them and a failed batch must not take the sheets with it.
 * The merge itself (what survives a reload) is pure: src/workbook/merge.ts; before it, the catalog's
 * ids are matched to the targets already in the workbook by content (src/workbook/reconcile.ts), so an
 * edited plan's renumbered targets keep their ids and the user's inputs stay with them.
 */
import type { Catalog, Target } from "../../core/catalog";
import type { Locale } from "../../core/i18n";
import { mergeSheet, type ExistingSheet, type MergeReport, type SheetCell } from "../../workbook";
import { catalogCellEdits, reconcileTargetIds, type CatalogCellEdit } from "../../workbook";
import {
  SHEET_NAMES,
  SHEET_ORDER,
  toOfficeFormulas,
  type ChartSpec,
  type RenderedSheet,
  type RenderedWorkbook,
  type RenderOptions,
} from "../../workbook";
import {
  STATE_NAMESPACE,
  listsSheet,
  stateFromXml,
  stateToXml,
  workbookStateOf,
  type WorkbookState,
} from "../../workbook";

/**
 * Worksheet custom property marking a sheet the add-in created (value: the sheet key). A sheet
 * without it is still ours when the workbook's saved state lists it (a workbook written by
 * `liangxin workbook`, which cannot set it); the marker is added when such a sheet is written.
 */
export const SHEET_MARKER = "liangxin.sheet";
/** Approximate points per character of Excel's default font, for column widths given in characters. */
const POINTS_PER_CHARACTER = 7;

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
  /** Ids of targets no longer in the catalog, kept and marked 已移出目录. */
  keptTargetIds: string[];
  /**
   * 目标总表 catalog cells the user had changed since the last load (a corrected lead, a value, a
   * formula replaced by a number): this reload wrote the catalog's value over them. Listed so the
   * task pane can say which, with the user's value.
   */
  catalogEdits: CatalogCellEdit[];
  namesAdded: number;
  /** Why the bare names could not be added (e.g. no LAMBDA in this Excel); null when fine. */
  namesError: string | null;
  syncs: number;
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

interface ExistingSheetProxy {
  name: string;
  marker: Excel.WorksheetCustomProperty;
  usedRange: Excel.Range;
  tables: Excel.TableCollection;
  charts: Excel.ChartCollection;
}

/**
 * Loads a catalog into the workbook, keeping everything the user typed.
 * @param context the Excel request context (from Excel.run)
 * @param catalog the targets to load
 * @param options renderer, locale, progress callback, bare names
 * @returns what was written and kept, and how many round trips it took
 * @throws SheetNameClashError when a sheet name is taken by a sheet that neither carries the marker nor is listed in the saved state
 */
export async function loadCatalogIntoWorkbook(
  context: Excel.RequestContext,
  catalog: Catalog,
  options: LoadOptions,
): Promise<LoadResult> {
  const progress = options.onProgress ?? (() => undefined);
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  const workbook = context.workbook;
  const sheetNames = SHEET_ORDER.map((key) => SHEET_NAMES[key].zh);

  // 1. What is there: sheet names, workbook names, saved state.
  progress("reading", 0);
  const worksheets = workbook.worksheets;
  worksheets.load("items/name");
  const names = workbook.names;
  names.load("items/name");
  const stateParts = workbook.customXmlParts.getByNamespace(STATE_NAMESPACE);
  stateParts.load("items/id");
  await sync();

  // 2. The add-in's sheets as they stand, in one batch.
  const present = new Set(worksheets.items.map((sheet) => sheet.name));
  const existing = new Map<string, ExistingSheetProxy>();
  for (const name of sheetNames) {
    if (!present.has(name)) continue;
    const sheet = worksheets.getItem(name);
    const proxy: ExistingSheetProxy = {
      name,
      marker: sheet.customProperties.getItemOrNullObject(SHEET_MARKER),
      usedRange: sheet.getUsedRangeOrNullObject(true),
      tables: sheet.tables,
      charts: sheet.charts,
    };
    proxy.marker.load("isNullObject,value");
    proxy.usedRange.load("isNullObject,formulas,rowIndex,columnIndex,rowCount");
    proxy.tables.load("items/name");
    proxy.charts.load("items/name");
    existing.set(name, proxy);
  }
  const stateXml = stateParts.items.length > 0 ? stateParts.items[0].getXml() : null;
  progress("reading", 0.5);
  await sync();

  const previous = stateFromXml(stateXml?.value);
  const clashes = [...existing.values()]
    .filter((proxy) => proxy.marker.isNullObject && !listsSheet(previous, proxy.name))
    .map((proxy) => proxy.name);
  if (clashes.length) throw new SheetNameClashError(clashes);

  const grids = new Map<string, ExistingSheet>();
  for (const proxy of existing.values()) {
    if (proxy.usedRange.isNullObject) continue;
    grids.set(proxy.name, {
      formulas: proxy.usedRange.formulas as SheetCell[][],
      rowIndex: proxy.usedRange.rowIndex,
      columnIndex: proxy.usedRange.columnIndex,
    });
  }
  // The same target keeps its id whatever its new position in an edited plan.
  const reconciled = reconcileTargetIds(previous?.targets ?? [], catalog);
  const loaded = reconciled.catalog;
  const targetsGrid = grids.get(SHEET_NAMES.targets.zh);
  const keptTargets = keptTargetsOf(loaded, previous, targetsGrid);
  const renderOptions: RenderOptions = { flavour: "addin", locale: options.locale ?? "zh-CN", keptTargets };
  let rendered = options.render(loaded, renderOptions);
  const catalogEdits =
    previous && targetsGrid ? editedCatalogCells(loaded, previous, targetsGrid, rendered, options) : [];
  // 月度填报 grows with the user's rows: render at least as many report rows as the sheet holds.
  const reportsTable = rendered.sheets.find((sheet) => sheet.key === "reports")?.table;
  const reportsGrid = grids.get(SHEET_NAMES.reports.zh);
  const reportRowsUsed =
    reportsTable && reportsGrid
      ? reportsGrid.rowIndex + reportsGrid.formulas.length - (reportsTable.firstDataRow - 1)
      : 0;
  if (reportsTable && reportRowsUsed > reportsTable.dataRowCount)
    rendered = options.render(loaded, { ...renderOptions, reportRows: reportRowsUsed });

  // 3. Write everything, calculation suspended until the sync.
  progress("writing", 0);
  context.application.suspendApiCalculationUntilNextSync();
  const results: LoadResult["sheets"] = [];
  const inOrder = [...rendered.sheets].sort((a, b) => SHEET_ORDER.indexOf(a.key) - SHEET_ORDER.indexOf(b.key));
  for (const sheet of inOrder) {
    const proxy = existing.get(sheet.name);
    const worksheet = proxy ? worksheets.getItem(sheet.name) : worksheets.add(sheet.name);
    if (!proxy || proxy.marker.isNullObject) worksheet.customProperties.add(SHEET_MARKER, sheet.key);
    if (proxy) {
      // The table, charts, formats and validations are rebuilt from the template.
      for (const table of proxy.tables.items) table.convertToRange();
      for (const chart of proxy.charts.items) chart.delete();
    }
    const merged = mergeSheet(renderedGrid(sheet), sheet.table ?? null, grids.get(sheet.name) ?? null, {
      previousRowKeys: previous?.rowKeys[sheet.key],
      inputCells: sheet.inputCells.map((cell) => cell.cell),
    });
    writeSheet(worksheet, sheet, merged.cells, merged.tableRange, Boolean(proxy));
    results.push({ name: sheet.name, created: !proxy, report: merged.report });
  }
  for (const chart of rendered.charts) addChart(workbook, chart);

  const state = workbookStateOf(rendered, {
    targets: [...loaded.targets, ...keptTargets],
    city: options.city ?? null,
    loadedAt: new Date().toISOString(),
  });
  for (const part of stateParts.items) part.delete();
  workbook.customXmlParts.add(stateToXml(state));
  worksheets.getItem(SHEET_NAMES.targets.zh).activate();
  await sync();

  // 4. Bare function names, where this Excel accepts them.
  progress("names", 0);
  const known = new Set(names.items.map((item) => item.name.toUpperCase()));
  const missing = (options.bareNames?.() ?? []).filter((definition) => !known.has(definition.name.toUpperCase()));
  let namesAdded = 0;
  let namesError: string | null = null;
  if (missing.length) {
    try {
      for (const definition of missing) names.add(definition.name, definition.formula, definition.comment);
      await sync();
      namesAdded = missing.length;
    } catch (error) {
      namesError = error instanceof Error ? error.message : String(error);
    }
  }
  progress("done", 1);
  return {
    sheets: results,
    catalog: loaded,
    ids: { renamed: reconciled.renamed, added: reconciled.added, removed: reconciled.removed },
    keptTargetIds: keptTargets.map((target) => target.id),
    catalogEdits,
    namesAdded,
    namesError,
    syncs,
  };
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

function writeSheet(
  worksheet: Excel.Worksheet,
  sheet: RenderedSheet,
  cells: (SheetCell | null)[][],
  tableRange: string,
  reload: boolean,
): void {
  const height = cells.length;
  const width = height ? cells[0].length : 0;
  if (height && width) {
    const whole = worksheet.getRangeByIndexes(0, 0, height, width);
    if (reload) {
      whole.conditionalFormats.clearAll();
      whole.dataValidation.clear();
    }
    whole.formulas = cells as unknown as string[][]; // null cells are left unchanged by Excel
  }
  for (const [letter, characters] of Object.entries(sheet.columnWidths)) {
    worksheet.getRange(`${letter}:${letter}`).format.columnWidth = characters * POINTS_PER_CHARACTER;
  }
  for (const { range, format } of sheet.numberFormats) {
    const { rows, columns } = rangeSize(range);
    worksheet.getRange(range).numberFormat = Array.from({ length: rows }, () =>
      new Array<string>(columns).fill(format),
    );
  }
  for (const style of sheet.styles) {
    const format = worksheet.getRange(style.range).format;
    if (style.bold !== undefined) format.font.bold = style.bold;
    if (style.italic !== undefined) format.font.italic = style.italic;
    if (style.fontColor) format.font.color = rgb(style.fontColor);
    if (style.fontSize) format.font.size = style.fontSize;
    if (style.fill) format.fill.color = rgb(style.fill);
    if (style.wrap !== undefined) format.wrapText = style.wrap;
  }
  if (sheet.table && tableRange) {
    const table = worksheet.tables.add(tableRange, true);
    table.name = sheet.table.name;
    table.style = sheet.table.style;
    table.showFilterButton = sheet.table.showFilterButtons;
  }
  if (sheet.frozen.rows || sheet.frozen.columns) {
    if (sheet.frozen.columns)
      worksheet.freezePanes.freezeAt(
        worksheet.getRangeByIndexes(0, 0, Math.max(1, sheet.frozen.rows), sheet.frozen.columns),
      );
    else worksheet.freezePanes.freezeRows(sheet.frozen.rows);
  }
  for (const validation of sheet.validations) {
    const target = worksheet.getRange(validation.range).dataValidation;
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
  }
  for (const conditional of sheet.conditionalFormats) {
    const range = worksheet.getRange(conditional.range);
    for (const rule of conditional.rules) {
      const format = range.conditionalFormats.add("Custom");
      format.custom.rule.formula = rule.formula;
      format.custom.format.fill.color = rgb(rule.fill);
      format.custom.format.font.color = rgb(rule.fontColor);
      format.stopIfTrue = true; // first match wins, as the template says
    }
  }
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

function rangeSize(range: string): { rows: number; columns: number } {
  const [start, end = start] = range.replace(/\$/g, "").split(":");
  const parse = (ref: string) => {
    const match = /^([A-Z]+)(\d+)$/.exec(ref.toUpperCase());
    if (!match) throw new Error(`rangeSize: not an A1 cell range: ${range}`);
    let column = 0;
    for (const char of match[1]) column = column * 26 + (char.charCodeAt(0) - 64);
    return { row: Number(match[2]), column };
  };
  const from = parse(start);
  const to = parse(end);
  return { rows: to.row - from.row + 1, columns: to.column - from.column + 1 };
}

/** "FFC6EFCE" (ARGB) or "C6EFCE" → "#C6EFCE". */
function rgb(color: string): string {
  return `#${color.slice(-6)}`;
}
