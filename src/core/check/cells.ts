/** Reading raw cell values the way a spreadsheet user means them. */
import type { ReportBasis } from "./types";

/** A cell read as a number: a number, a blank, or text that is not one. */
export type NumberCell = { kind: "number"; value: number } | { kind: "blank" } | { kind: "text"; text: string };

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
const FULL_WIDTH = /[０-９．－，％]/g;

function halfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

/**
 * Reads a cell as a number as Excel would show it typed: numbers as they are, numeric text with
 * thousands separators or full-width digits, and "85%" as 0.85.
 * @param cell raw cell value
 * @returns the number, blank, or the offending text
 * @example readNumberCell("1,234.5") // → { kind: "number", value: 1234.5 }
 */
export function readNumberCell(cell: unknown): NumberCell {
  if (cell === null || cell === undefined) return { kind: "blank" };
  if (typeof cell === "number")
    return Number.isFinite(cell) ? { kind: "number", value: cell } : { kind: "text", text: String(cell) };
  if (typeof cell === "boolean" || cell instanceof Date) return { kind: "text", text: String(cell) };
  const text = String(cell).trim();
  if (!text) return { kind: "blank" };
  // Fast path for the common case, plain decimals (100,000-row checks spend their time here).
  if (PLAIN_DECIMAL.test(text)) return { kind: "number", value: Number(text) };
  const plain = halfWidth(text).replace(/,/g, "").replace(/\s+/g, "");
  const percent = plain.endsWith("%");
  const digits = percent ? plain.slice(0, -1) : plain;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(digits)) return { kind: "text", text };
  const value = Number(digits);
  return { kind: "number", value: percent ? value / 100 : value };
}

/** Reads a text cell (ids, departments): trimmed, "" for blanks. */
export function readTextCell(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return String(cell);
  return String(cell).trim();
}

const BASIS_WORDS: Record<string, ReportBasis> = {
  累计: "ytd",
  年累计: "ytd",
  本年累计: "ytd",
  累计值: "ytd",
  年初至今: "ytd",
  ytd: "ytd",
  yeartodate: "ytd",
  cumulative: "ytd",
  时点: "level",
  水平: "level",
  时点值: "level",
  期末: "level",
  期末值: "level",
  存量: "level",
  level: "level",
  stock: "level",
  point: "level",
};

/**
 * Reads a 口径 cell.
 * @param cell raw cell value
 * @returns "ytd" or "level", null for a blank (use the target's default), or undefined when not recognised
 * @example readBasisCell("年累计") // → "ytd"
 */
export function readBasisCell(cell: unknown): ReportBasis | null | undefined {
  const text = readTextCell(cell)
    .toLowerCase()
    .replace(/[\s\-_]+/g, "");
  if (!text) return null;
  return BASIS_WORDS[text];
}
