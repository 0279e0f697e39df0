/**
 * What a workbook remembers about the liangxin sheets in it, in a custom XML part (invisible to
 * the user, no size limit that matters here): the targets last written, so a target the new
 * catalog dropped can be kept and marked; the row keys of each table, so the user's own rows can
 * be told apart from the written ones; and the sheets that were written, so a workbook made by
 * `liangxin workbook` (which cannot set the add-in's worksheet marker) is recognised as ours.
 *
 * Written by the add-in's sheet builder (Office.js customXmlParts) and by the .xlsx writer
 * (customXml/item1.xml); read by the sheet builder and the report check. Pure: text in, text out.
 */
import type { Target } from "../core/catalog";

/** Root element namespace of the part; Office.js finds the part with getByNamespace(STATE_NAMESPACE). */
export const STATE_NAMESPACE = "urn:liangxin:workbook-state:1";

/** A sheet written into the workbook: its language-neutral key and its tab name. */
export interface StateSheet {
  /** Template key, e.g. "targets". */
  key: string;
  /** Tab name as written, e.g. "目标总表". */
  name: string;
}

export interface WorkbookState {
  version: 1;
  /** Short city name of the catalog last loaded, when known. */
  city: string | null;
  /** Every target written at the last load (catalog and kept ones), in row order. */
  targets: Target[];
  /** Row keys of each sheet's table at the last load, by sheet key. */
  rowKeys: Record<string, string[]>;
  /** ISO timestamp of the last load; "" in files written by `liangxin workbook` (no clock in the file). */
  loadedAt: string;
  /**
   * The sheets written (by the add-in or the .xlsx writer). Absent in parts written before this
   * field existed: those workbooks' sheets are recognised by the worksheet marker alone.
   */
  sheets?: StateSheet[];
  /**
   * 1-based header row of each sheet's table at the last load, by sheet key: a header found lower
   * down on reload means the user inserted rows above the table. Absent in older parts.
   */
  headerRows?: Record<string, number>;
}

/** The part of a rendered workbook the state needs (structurally, src/workbook/model.ts RenderedWorkbook). */
export interface WrittenWorkbook {
  sheets: ReadonlyArray<{ key: string; name: string; table?: { rowKeys: readonly string[]; headerRow?: number } }>;
}

/**
 * The state to save after writing a rendered workbook.
 *
 * @param written the rendered workbook just written (its sheets and their tables' row keys)
 * @param details the targets written (catalog then kept ones), the city, and when (ISO, or "" for files)
 * @returns the state, listing every written sheet and each table's row keys by sheet key
 * @example
 * workbookStateOf(renderWorkbook(catalog, { flavour: "builtin" }), { targets: catalog.targets, city: "南平", loadedAt: "" }).sheets
 * // → [{ key: "guide", name: "说明" }, { key: "targets", name: "目标总表" }, …]
 */
export function workbookStateOf(
  written: WrittenWorkbook,
  details: { targets: readonly Target[]; city: string | null; loadedAt: string },
): WorkbookState {
  const rowKeys: Record<string, string[]> = {};
  const headerRows: Record<string, number> = {};
  for (const sheet of written.sheets) {
    if (!sheet.table) continue;
    rowKeys[sheet.key] = [...sheet.table.rowKeys];
    if (sheet.table.headerRow !== undefined) headerRows[sheet.key] = sheet.table.headerRow;
  }
  return {
    version: 1,
    city: details.city,
    targets: [...details.targets],
    rowKeys,
    loadedAt: details.loadedAt,
    sheets: written.sheets.map((sheet) => ({ key: sheet.key, name: sheet.name })),
    headerRows,
  };
}

/**
 * The custom XML part's text: the state as JSON inside one element in STATE_NAMESPACE, XML-escaped.
 *
 * @param state the state to save
 * @returns a UTF-8 XML document (one `liangxinState` element)
 * @example stateToXml(state).startsWith('<?xml version="1.0" encoding="UTF-8"?><liangxinState') // → true
 */
export function stateToXml(state: WorkbookState): string {
  // JSON.stringify escapes controls and lone surrogates already; U+FFFE/U+FFFF, which XML forbids, become
  // \ufffe escapes too, so the part stays well-formed and the text reads back unchanged.
  const json = JSON.stringify(state)
    .replace(/[\ufffe\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16)}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
  return `<?xml version="1.0" encoding="UTF-8"?><liangxinState xmlns="${STATE_NAMESPACE}">${json}</liangxinState>`;
}

/**
 * Reads the state back from a part's text; null when the part is missing or not ours (never throws).
 * A malformed sheet list is dropped (the sheets then count as unlisted), the rest is kept.
 *
 * @param xml the part's XML, as Office.js getXml() or the .xlsx file holds it
 * @returns the state, or null
 * @example stateFromXml(stateToXml(state))?.targets.length // → state.targets.length
 */
export function stateFromXml(xml: string | null | undefined): WorkbookState | null {
  if (!xml) return null;
  const match = /<liangxinState[^>]*>([\s\S]*)<\/liangxinState>/.exec(xml);
  if (!match) return null;
  try {
    const parsed = JSON.parse(unescapeText(match[1])) as Partial<WorkbookState>;
    if (parsed.version !== 1 || !Array.isArray(parsed.targets)) return null;
    const state: WorkbookState = {
      version: 1,
      city: parsed.city ?? null,
      targets: parsed.targets,
      rowKeys: parsed.rowKeys ?? {},
      loadedAt: parsed.loadedAt ?? "",
    };
    if (parsed.headerRows && typeof parsed.headerRows === "object") {
      const headerRows = Object.entries(parsed.headerRows).filter(
        ([key, row]) =>
          Object.prototype.hasOwnProperty.call(parsed.headerRows, key) && Number.isInteger(row) && row > 0,
      );
      state.headerRows = Object.fromEntries(headerRows);
    }
    const sheets = parsed.sheets;
    if (
      Array.isArray(sheets) &&
      sheets.every((sheet) => typeof sheet?.key === "string" && typeof sheet?.name === "string")
    ) {
      state.sheets = sheets.map(({ key, name }) => ({ key, name }));
    }
    return state;
  } catch {
    return null;
  }
}

/**
 * Whether the state lists a sheet of this tab name as written by liangxin.
 *
 * @param state the saved state (null: nothing is listed)
 * @param sheetName a worksheet's tab name
 * @returns true when the state's sheet list names it
 * @example listsSheet(stateFromXml(xml), "目标总表") // → true for a workbook written by `liangxin workbook`
 */
export function listsSheet(state: WorkbookState | null, sheetName: string): boolean {
  return state?.sheets?.some((sheet) => sheet.name === sheetName) ?? false;
}

/**
 * The very-hidden sheet that carries a second copy of the state, for programs that drop custom
 * XML parts when they save (WPS is reported to): column A holds the state's XML in pieces.
 */
export const STATE_SHEET_NAME = "liangxin_state";

/** Characters of state per cell (Excel's limit is 32,767). */
const STATE_CELL_CHARACTERS = 30_000;
/** Every piece starts with this, so no piece is ever read as a formula ("=…") or number. */
const STATE_CELL_PREFIX = "LX|";

/**
 * The state as the cells of column A of STATE_SHEET_NAME.
 * @param state the state to save
 * @returns one string per row, each at most 30,003 characters
 * @example stateFromCells(stateToCells(state))?.targets.length // → state.targets.length
 */
export function stateToCells(state: WorkbookState): string[] {
  const xml = stateToXml(state);
  const cells: string[] = [];
  for (let start = 0; start < xml.length; start += STATE_CELL_CHARACTERS)
    cells.push(STATE_CELL_PREFIX + xml.slice(start, start + STATE_CELL_CHARACTERS));
  return cells;
}

/**
 * Reads the state back from column A of STATE_SHEET_NAME (pieces in row order; blank rows end it).
 * @param cells the column's cells
 * @returns the state, or null when the cells do not hold one
 */
export function stateFromCells(cells: ReadonlyArray<unknown>): WorkbookState | null {
  const pieces: string[] = [];
  for (const cell of cells) {
    if (typeof cell !== "string" || !cell.startsWith(STATE_CELL_PREFIX)) break;
    pieces.push(cell.slice(STATE_CELL_PREFIX.length));
  }
  return pieces.length ? stateFromXml(pieces.join("")) : null;
}

/** Element text: Office may write the part back with any of XML's escapes, so undo them all (&amp; last). */
function unescapeText(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_entity, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_entity, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/g, "&");
}
