/**
 * The catalog id (目标清单校验码) of an office workbook: a short fingerprint of its targets, written
 * into every handout file, so a returned file is never merged into a workbook of another plan (or
 * of the same plan extracted again with other ids).
 */
import type { Catalog } from "../catalog";

/** Prefix that makes the id findable anywhere in a returned file (a cell, a title, a comment). */
export const CATALOG_ID_PREFIX = "LXC-";

/** Finds an id in any text: the prefix and ten hex digits. */
export const CATALOG_ID_PATTERN = /LXC-[0-9A-F]{10}/;

/**
 * 64-bit FNV-1a over UTF-16 code units, as two 32-bit halves (no BigInt, no crypto: the core is pure).
 * Not a security measure: it tells two plans apart, it does not resist forgery.
 */
function fnv1a64(text: string): string {
  // The 64-bit offset basis and prime, split into 16-bit limbs for exact arithmetic in doubles.
  let h0 = 0x2325,
    h1 = 0x8422,
    h2 = 0x9ce4,
    h3 = 0xcbf2;
  for (let index = 0; index < text.length; index++) {
    h0 ^= text.charCodeAt(index) & 0xffff;
    // Multiply by the prime 0x100000001b3 (limbs 0x01b3, 0x0000, 0x0100, 0x0000).
    const t0 = h0 * 0x01b3;
    const t1 = h1 * 0x01b3;
    const t2 = h2 * 0x01b3 + h0 * 0x0100;
    const t3 = h3 * 0x01b3 + h1 * 0x0100;
    h0 = t0 & 0xffff;
    const c1 = t1 + (t0 >>> 16);
    h1 = c1 & 0xffff;
    const c2 = t2 + Math.floor(c1 / 0x10000);
    h2 = c2 & 0xffff;
    h3 = (t3 + Math.floor(c2 / 0x10000)) & 0xffff;
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, "0")).join("");
}

/**
 * The catalog id of a catalog: what departments' files must carry to be collected into its workbook.
 *
 * It covers each target's id, indicator, kind, value and unit, in id order — what a figure is
 * reported against; editing a lead department or a source clause keeps it.
 *
 * @param catalog the office workbook's catalog
 * @returns "LXC-" and ten upper-case hex digits
 * @example catalogIdOf(nanping) // → "LXC-3F9A2C1B07"
 */
export function catalogIdOf(catalog: Pick<Catalog, "targets">): string {
  const lines = [...catalog.targets]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((target) =>
      [target.id, target.indicator, target.kind, target.value ?? "", target.unit ?? "", target.targetYear ?? ""].join(
        "\u0001",
      ),
    );
  return CATALOG_ID_PREFIX + fnv1a64(lines.join("\n")).slice(0, 10).toUpperCase();
}

/**
 * Finds a catalog id in a file's cells (anywhere: departments move, merge and retype header cells).
 * @param cells cell values of the first rows of every sheet
 * @returns the first id found, or null
 */
export function findCatalogId(cells: Iterable<unknown>): string | null {
  for (const cell of cells) {
    if (typeof cell !== "string") continue;
    const match = CATALOG_ID_PATTERN.exec(cell.toUpperCase());
    if (match) return match[0];
  }
  return null;
}
