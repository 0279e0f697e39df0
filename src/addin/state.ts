/**
 * What the add-in remembers inside a workbook between loads, in a custom XML part (invisible
 * to the user, no size limit that matters here): the targets it last wrote, so a target the
 * new catalog dropped can be kept and marked, and the row keys of each table, so the user's own
 * rows can be told apart from the add-in's.
 */
import type { Target } from "../core/catalog";

export const STATE_NAMESPACE = "urn:liangxin:workbook-state:1";

export interface WorkbookState {
  version: 1;
  /** Short city name of the catalog last loaded, when known. */
  city: string | null;
  /** Every target written at the last load (catalog and kept ones), in row order. */
  targets: Target[];
  /** Row keys of each sheet's table at the last load, by sheet key. */
  rowKeys: Record<string, string[]>;
  /** ISO timestamp of the last load. */
  loadedAt: string;
}

/** The custom XML part's text: the state as JSON inside one element, XML-escaped. */
export function stateToXml(state: WorkbookState): string {
  const json = JSON.stringify(state).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<?xml version="1.0" encoding="UTF-8"?><liangxinState xmlns="${STATE_NAMESPACE}">${json}</liangxinState>`;
}

/** Reads the state back; null when the part is missing or not ours (never throws). */
export function stateFromXml(xml: string | null | undefined): WorkbookState | null {
  if (!xml) return null;
  const match = /<liangxinState[^>]*>([\s\S]*)<\/liangxinState>/.exec(xml);
  if (!match) return null;
  try {
    const parsed = JSON.parse(match[1].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&")) as Partial<WorkbookState>;
    if (parsed.version !== 1 || !Array.isArray(parsed.targets)) return null;
    return { version: 1, city: parsed.city ?? null, targets: parsed.targets, rowKeys: parsed.rowKeys ?? {}, loadedAt: parsed.loadedAt ?? "" };
  } catch {
    return null;
  }
}
