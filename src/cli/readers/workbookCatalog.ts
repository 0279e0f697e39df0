/**
 * The catalog a workbook was built from. `liangxin workbook` and the add-in save the targets they
 * wrote in a custom XML part (src/workbook/workbookState.ts); the ids departments report against are
 * those, whatever the plan text gives today.
 */
import * as fs from "fs";
import * as path from "path";
import type { Catalog } from "../../core/catalog";
import { STATE_NAMESPACE, STATE_SHEET_NAME, stateFromCells, stateFromXml, type WorkbookState } from "../../workbook";
import { checkZipSize } from "../../readers/zip";
import { targetsFromJson } from "../../core/catalogShape";

export interface StoredCatalog {
  /** The workbook it came from, as the user gave it. */
  file: string;
  /** Short city name saved with it, when known. */
  city: string | null;
  catalog: Catalog;
}

/** What a workbook says about its catalog: none saved, a catalog, or a saved one that is malformed. */
export type StoredCatalogRead =
  { kind: "none" } | ({ kind: "catalog" } & StoredCatalog) | { kind: "invalid"; file: string; problems: string[] };

/**
 * The catalog saved in a workbook written by liangxin or the add-in, checked against the catalog
 * schema before use (a workbook edited by hand, or by a department, can hold anything).
 * A file that is not .xlsx, cannot be read or carries no saved state has none (its own reader
 * reports it when it matters).
 * @param file path as the user gave it (relative to cwd)
 * @param cwd the working directory
 */
export async function readStoredCatalog(file: string, cwd: string): Promise<StoredCatalogRead> {
  if (!/\.xlsx$/i.test(file)) return { kind: "none" };
  let states: Array<WorkbookState | null>;
  try {
    // The zip reader loads only when a workbook is among the inputs (a check of CSV files does without).
    const { readCustomXmlParts, readSheetColumnA } = await import("../../xlsx/customXml");
    const bytes = fs.readFileSync(path.resolve(cwd, file));
    checkZipSize(bytes); // a zip bomb is skipped here and refused, with its reason, by the report reader
    states = (await readCustomXmlParts(bytes, STATE_NAMESPACE)).map((part) => stateFromXml(part));
    // A program that drops custom XML parts on save keeps the very-hidden copy.
    if (!states.some((state) => state && Array.isArray(state.targets) && state.targets.length))
      states = [stateFromCells(await readSheetColumnA(bytes, STATE_SHEET_NAME))];
  } catch {
    return { kind: "none" };
  }
  for (const state of states) {
    if (!state || !Array.isArray(state.targets) || state.targets.length === 0) continue;
    const read = targetsFromJson(state.targets);
    if ("problems" in read) return { kind: "invalid", file, problems: read.problems };
    return {
      kind: "catalog",
      file,
      city: typeof state.city === "string" ? state.city : null,
      // The state keeps targets only; the level of department names is read from their prefixes.
      catalog: {
        plan: { government: "", title: "", docNumber: null, date: null },
        targets: read.targets,
        warnings: [],
      },
    };
  }
  return { kind: "none" };
}

/**
 * How a catalog's ids disagree with a workbook's stored ones: ids missing from it, and ids that
 * name another indicator.
 * @param stored the catalog saved in the workbook
 * @param given the catalog from --city or --catalog
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
          ? `${target.id}：工作簿为“${target.indicator}”，所给目标清单为“${other.indicator}”`
          : `${target.id}（${target.indicator}）不在所给目标清单中`,
      );
    }
  }
  return { count, examples };
}
