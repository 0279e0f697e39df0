/**
 * The neutral workbook model: what the sheet templates render to, and what both writers consume
 * (the add-in's Office.js sheet builder and the exceljs .xlsx writer in src/xlsx).
 *
 * No exceljs or Office types here. A rendered sheet is "write these 2-D arrays at these anchors,
 * then apply these formats, tables, validations, conditional formats and charts".
 *
 * Entry point: `renderWorkbook` in templates/index.ts (it re-exports everything from this file).
 * Conventions:
 * - Rows and columns in `RenderedBlock.row/column` are 0-based; every range string is an A1
 *   range on the same sheet without a sheet prefix ("A3:T20"), except chart series and
 *   validation list sources, which are sheet-qualified absolute refs ("'目标总表'!$A$3:$A$20").
 * - A formula cell is `{ formula: "=…" }` with the leading "="; plain strings are literal text
 *   (use `toOfficeFormulas` to turn a block into what `Range.formulas` takes).
 */
import type { Locale } from "../core/i18n";
import type { Catalog, Target } from "../core/catalog";

/** Which formulas a workbook carries: the add-in's custom functions, or Excel built-ins only. */
export type Flavour = "addin" | "builtin";

/** Stable, language-neutral sheet keys. */
export type SheetKey = "targets" | "trajectory" | "reports" | "departments" | "budget" | "guide";

/** Sheet names as users see them (zh-CN names are the product's; never translated in the file). */
export const SHEET_NAMES: Record<SheetKey, { zh: string; en: string }> = {
  targets: { zh: "目标总表", en: "Targets" },
  trajectory: { zh: "年度轨迹", en: "Yearly trajectory" },
  reports: { zh: "月度填报", en: "Monthly reports" },
  departments: { zh: "部门预警", en: "Department warnings" },
  budget: { zh: "补贴测算", en: "Subsidy budget" },
  guide: { zh: "说明", en: "Guide" },
};

/** Sheet order in the workbook. */
export const SHEET_ORDER: readonly SheetKey[] = ["guide", "targets", "trajectory", "reports", "departments", "budget"];

/**
 * What a column holds.
 * - catalog: written from a Target field; replaced on reload.
 * - input: typed by the user (基期值, 备注, monthly figures); NEVER overwritten on reload.
 * - formula: computed; rewritten on reload.
 */
export type ColumnRole = "catalog" | "input" | "formula";

/** A literal cell value. */
export type CellValue = string | number | boolean | null;
/** An A1 formula including the leading "=", e.g. "=_xlfn.RRI(4,Q3,S3)". */
export interface FormulaCell {
  formula: string;
}
export type CellContent = CellValue | FormulaCell;

export function isFormulaCell(cell: CellContent): cell is FormulaCell {
  return typeof cell === "object" && cell !== null;
}

/** Values available to a formula builder for one data row. */
export interface RowRefs {
  /** 1-based sheet row of this data row. */
  row: number;
  /** Relative A1 ref of a column of this sheet's table in this row, e.g. ref("baseline") → "Q3". */
  ref(columnKey: string): string;
}

/** Builds the formula (with "=") of one cell in a formula column. */
export type FormulaBuilder = (row: FormulaRow) => string;

/** Data validation on a column's data cells. */
export type ValidationTemplate =
  | { type: "list"; values: readonly string[]; allowBlank?: boolean }
  /** A list whose items are a range elsewhere in the workbook (resolved at render time). */
  | { type: "listRef"; sheet: SheetKey; columnKey: string; allowBlank?: boolean }
  | { type: "decimal"; min?: number; max?: number; allowBlank?: boolean }
  | { type: "whole"; min?: number; max?: number; allowBlank?: boolean };

export interface ColumnTemplate {
  key: string;
  /** zh-CN header. */
  header: string;
  headerEn: string;
  /** Column width in characters. */
  width: number;
  /** Excel number format code ("0.00%", "#,##0.00", "@"); absent = General. */
  numberFormat?: string;
  role: ColumnRole;
  /** catalog role: the cell value for a target. */
  fromTarget?: (target: Target, ctx: SheetContext) => CellValue;
  /** formula role: one builder per flavour. */
  formula?: Record<Flavour, FormulaBuilder>;
  validation?: ValidationTemplate;
  /** Longer explanation shown as the header cell's note (zh-CN, en-US). */
  note?: { zh: string; en: string };
}

/** Where a sheet's table rows come from. */
export type TableRowSource =
  | { from: "targets" } // one row per target, keyed by target id
  | { from: "departments" } // one row per department named in the catalog
  | { from: "blank"; rows: number } // pre-formatted rows for the user to fill
  | { from: "fixed"; rows: ReadonlyArray<Record<string, CellValue>> }; // fixed rows (e.g. budget programs)

export interface TableTemplate {
  /** Excel table name (ASCII, unique in the workbook). */
  name: string;
  /** Built-in table style, e.g. "TableStyleMedium2". */
  style: string;
  rows: TableRowSource;
  columns: readonly ColumnTemplate[];
  /** Key of the column identifying a row across reloads (target id, department), if any. */
  rowKeyColumn?: string;
  /** Apply status colours (正常/预警/落后 labels, zh or en) to these columns' data cells. */
  statusColumns?: readonly string[];
}

/** What a sheet template adds around its table (title, selector, lists, text, charts). */
export interface SheetExtras {
  blocks?: RenderedBlock[];
  columnWidths?: Record<string, number>;
  numberFormats?: ReadonlyArray<{ range: string; format: string }>;
  styles?: RenderedStyle[];
  notes?: ReadonlyArray<{ cell: string; text: string }>;
  validations?: RenderedValidation[];
  conditionalFormats?: RenderedConditionalFormat[];
  charts?: ChartSpec[];
  /** Single input cells outside the table (e.g. the selected target id), kept on reload. */
  inputCells?: ReadonlyArray<{ key: string; cell: string; label: string }>;
}

/** Cross-sheet references and settings available while rendering. */
export interface SheetContext {
  catalog: Catalog;
  /** Catalog targets then kept targets, in row order of the target-keyed tables. */
  targets: readonly Target[];
  /** Ids of `targets` that a reload keeps although the catalog dropped them. */
  keptTargetIds: ReadonlySet<string>;
  /** Departments named in the catalog (leads then supports, first appearance order). */
  departments: readonly string[];
  flavour: Flavour;
  locale: Locale;
  exampleData: boolean;
  /** Pick the text for the rendering locale. */
  text(zh: string, en: string): string;
  /** Sheet-qualified absolute range of a table column's data cells: "'目标总表'!$Q$3:$Q$22". */
  column(sheet: SheetKey, columnKey: string): string;
  /** Column letter of a table column. */
  letter(sheet: SheetKey, columnKey: string): string;
  /** The rendered table layout of a sheet (after layout, before cells). */
  tableOf(sheet: SheetKey): RenderedTable;
  /** Sheet-qualified absolute ref of a workbook setting cell (e.g. the status tolerance). */
  setting(name: "tolerance"): string;
}

/** Row references for formula builders, extended with the render context. */
export interface FormulaRow extends RowRefs {
  ctx: SheetContext;
}

/**
 * One sheet, declaratively: its table's columns and rows, and a function for everything else.
 * Both writers consume only what `renderWorkbook` makes of it.
 */
export interface SheetTemplate {
  key: SheetKey;
  /** 1-based row of the table's header row; the second-language header row is the row above. */
  tableHeaderRow?: number;
  table?: TableTemplate;
  /** Frozen rows/columns (default: through the table header, no columns). */
  frozen?: { rows: number; columns: number };
  /** Example rows for a blank-row table (only with `exampleData`; each labelled 示例数据). */
  exampleRows?: (ctx: SheetContext) => ReadonlyArray<Record<string, CellValue>>;
  /** Example values of input columns for target rows (only with `exampleData`). */
  exampleInputs?: (ctx: SheetContext) => ReadonlyMap<string, Record<string, CellValue>>;
  extras?: (ctx: SheetContext) => SheetExtras;
}

/** Status colours (正常 green / 预警 amber / 落后 red), as ARGB hex. */
export const STATUS_COLOURS = {
  onTrack: { fill: "FFC6EFCE", font: "FF006100" },
  atRisk: { fill: "FFFFEB9C", font: "FF9C5700" },
  behind: { fill: "FFFFC7CE", font: "FF9C0006" },
} as const;

/** A rectangle of cells to write, anchored at (row, column), 0-based. */
export interface RenderedBlock {
  row: number;
  column: number;
  cells: CellContent[][];
}

export interface RenderedTable {
  name: string;
  style: string;
  /** Whole table including its header row, e.g. "A2:U14". */
  range: string;
  /** 1-based sheet row of the table's header row; data starts on the next row. */
  headerRow: number;
  firstDataRow: number;
  /** Number of data rows (≥ 1: Excel tables need a data row). */
  dataRowCount: number;
  showFilterButtons: boolean;
  columns: ReadonlyArray<{
    key: string;
    header: string;
    headerEn: string;
    role: ColumnRole;
    /** Column letter on the sheet, e.g. "Q". */
    letter: string;
  }>;
  /** Key column for reload (target id / department), when rows are keyed. */
  rowKeyColumn?: string;
  /** The row key of each data row, in order (target ids, departments); empty for free rows. */
  rowKeys: string[];
}

export interface RenderedValidation {
  /** A1 range on this sheet. */
  range: string;
  type: "list" | "decimal" | "whole";
  /** list: the items (inline), or a sheet-qualified absolute range "'目标总表'!$A$3:$A$20". */
  listValues?: readonly string[];
  listSource?: string;
  min?: number;
  max?: number;
  allowBlank: boolean;
  /** Shown when the entry is refused. */
  error: string;
}

export interface RenderedConditionalFormat {
  /** A1 range on this sheet. */
  range: string;
  /**
   * Expression rules, first match wins; the formula is written relative to the range's
   * top-left cell (as Excel's "Use a formula" rule), with "=".
   */
  rules: ReadonlyArray<{ formula: string; fill: string; fontColor: string }>;
}

export interface RenderedStyle {
  range: string;
  bold?: boolean;
  italic?: boolean;
  /** ARGB fill, e.g. "FFDDEBF7". */
  fill?: string;
  fontColor?: string;
  wrap?: boolean;
  fontSize?: number;
}

/** A chart for both writers (Office.js `worksheet.charts.add`, DrawingML in src/xlsx/charts.ts). */
export interface ChartSpec {
  /** Sheet name the chart sits on. */
  sheet: string;
  type: "line" | "bar";
  title: string;
  /** Top-left and bottom-right cells of the chart's box (A1, on `sheet`), e.g. "A7", "H22". */
  from: string;
  to: string;
  /** Sheet-qualified absolute range of the category labels. */
  categories: string;
  series: ReadonlyArray<{
    /** Series name as text. */
    name: string;
    /** Sheet-qualified absolute range of the values, same length as categories. */
    values: string;
    /** RGB hex without alpha, e.g. "C00000". */
    color?: string;
  }>;
  /** bar: stacked columns (counts per department) rather than clustered. */
  stacked?: boolean;
}

export interface RenderedSheet {
  key: SheetKey;
  /** The sheet's tab name (always the zh-CN name; see SHEET_NAMES). */
  name: string;
  nameEn: string;
  /** Cell blocks, written in order. */
  blocks: RenderedBlock[];
  /** Column widths in characters, by letter. */
  columnWidths: Record<string, number>;
  /** Number formats by A1 range. */
  numberFormats: ReadonlyArray<{ range: string; format: string }>;
  styles: RenderedStyle[];
  /** Notes (comments) on cells, e.g. header explanations. */
  notes: ReadonlyArray<{ cell: string; text: string }>;
  /** Rows/columns frozen at the top/left. */
  frozen: { rows: number; columns: number };
  table?: RenderedTable;
  validations: RenderedValidation[];
  conditionalFormats: RenderedConditionalFormat[];
  charts: ChartSpec[];
  /** Columns the user types into (read back by header and re-placed by row key on reload). */
  inputColumns: ReadonlyArray<{ key: string; header: string; headerEn: string; letter: string }>;
  /** Single input cells outside the table (e.g. 年度轨迹's selected target, 说明's tolerance). */
  inputCells: ReadonlyArray<{ key: string; cell: string; label: string }>;
}

export interface RenderOptions {
  flavour: Flavour;
  /** Language of headers and texts shown first (default zh-CN; the other language is the second header row). */
  locale?: Locale;
  /** Add example rows, each labelled 示例数据 (never by default). */
  exampleData?: boolean;
  /** Targets no longer in the catalog that a reload keeps; rendered after the catalog's, marked 已移出目录. */
  keptTargets?: readonly Target[];
  /** Pre-formatted blank rows in 月度填报 (default: one per tracked target per month of the plan, 300–5,000). */
  reportRows?: number;
}

export interface RenderedWorkbook {
  flavour: Flavour;
  locale: Locale;
  sheets: RenderedSheet[];
  /** All charts of all sheets (the same objects as in each sheet's `charts`). */
  charts: ChartSpec[];
}

/**
 * A block's cells as `Range.formulas` takes them: formulas as "=…", null as "", and literal
 * text that Excel would read as a formula or number-like entry ("=", "+1", "-", "@") kept as
 * text with a leading apostrophe.
 */
export function toOfficeFormulas(cells: readonly (readonly CellContent[])[]): (string | number | boolean)[][] {
  return cells.map((row) =>
    row.map((cell) => {
      if (cell === null) return "";
      // `_xlfn.` is how the file format stores functions newer than Excel 2007; typed through
      // Office.js the prefix would make Excel look for a function of that name (#NAME?).
      if (isFormulaCell(cell)) return cell.formula.replace(/_xlfn\./g, "");
      if (typeof cell === "string" && /^[=+\-@]/.test(cell)) return `'${cell}`;
      return cell;
    }),
  );
}
