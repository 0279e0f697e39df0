/**
 * The catalog a workbook was built from. `liangxin workbook` and the add-in save the targets they
 * wrote in a custom XML part (src/workbook/workbookState.ts); the ids departments report against are
 * those, whatever the plan text gives today.
 */
import * as fs from "fs";
import * as path from "path";
import type { Catalog } from "../../core/catalog";
import { STATE_NAMESPACE, STATE_SHEET_NAME, stateFromCells, stateFromXml, type WorkbookState } from "../../workbook";

export interface StoredCatalog {
  /** The workbook it came from, as the user gave it. */
  file: string;
  /** Short city name saved with it, when known. */
  city: string | null;
  catalog: Catalog;
}

/**
 * The catalog saved in the first of these files that is a workbook written by liangxin.
 * Files that are not .xlsx, cannot be read or carry no saved state are skipped (their own reader
 * reports them).
 * @param files paths as the user gave them (relative to cwd)
 * @param cwd the working directory
 * @returns the stored catalog and its file, or null
 */
export async function findStoredCatalog(files: readonly string[], cwd: string): Promise<StoredCatalog | null> {
  for (const file of files) {
    if (!/\.xlsx$/i.test(file)) continue;
    let states: Array<WorkbookState | null>;
    try {
      // The zip reader loads only when a workbook is among the inputs (a check of CSV files does without).
      const { readCustomXmlParts, readSheetColumnA } = await import("../../xlsx/customXml");
      const bytes = fs.readFileSync(path.resolve(cwd, file));
      states = (await readCustomXmlParts(bytes, STATE_NAMESPACE)).map((part) => stateFromXml(part));
      // A program that drops custom XML parts on save keeps the very-hidden copy.
      if (!states.some((state) => state && state.targets.length))
        states = [stateFromCells(await readSheetColumnA(bytes, STATE_SHEET_NAME))];
    } catch {
      continue;
    }
    for (const state of states) {
      if (!state || state.targets.length === 0) continue;
      return {
        file,
        city: state.city,
        // The state keeps targets only; the level of department names is read from their prefixes.
        catalog: {
          plan: { government: "", title: "", docNumber: null, date: null },
          targets: state.targets,
          warnings: [],
        },
      };
    }
  }
  return null;
}

/**
 * How a catalog's ids disagree with a workbook's stored ones: ids missing from it, and ids that
 * name another indicator.
 * @param stored the catalog saved in the workbook
 * @param given the catalog from --city
 * @returns readable differences (at most `limit`), and how many there are in all
 */
export function catalogDifferences(stored: Catalog, given: Catalog, limit = 3): { count: number; examples: string[] } {
  const givenById = new Map(given.targets.map((target) => [target.id, target]));
  const examples: string[] = [];
  let count = 0;
  for (const target of stored.targets) {
    const other = givenById.get(target.id);
    if (other && other.indicator === target.indicator) continue;
    count++;
    if (examples.length < limit) {
      examples.push(
        other
          ? `${target.id}：工作簿为“${target.indicator}”，--city 为“${other.indicator}”`
          : `${target.id}（${target.indicator}）不在 --city 的目标清单中`,
      );
    }
  }
  return { count, examples };
}
