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
  if (typeof cell !== "string") return { kind: "text", text: cellText(cell) };
  const text = cell.trim();
  if (!text) return { kind: "blank" };
  // No figure a department reports has this many characters; reading a 32,000-digit cell would take seconds.
  if (text.length > MAX_NUMBER_TEXT) return { kind: "text", text: `${text.slice(0, 20)}…` };
  // Fast path for the common case, plain decimals (100,000-row checks spend their time here).
  if (PLAIN_DECIMAL.test(text)) return finite(Number(text), text);
  // Spaces may surround the number or its % sign, never split its digits: "12 34" is two numbers, not 1234.
  const plain = halfWidth(text).replace(/,/g, "").replace(/\s*%$/, "%");
  const percent = plain.endsWith("%");
  const digits = percent ? plain.slice(0, -1) : plain;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(digits)) return { kind: "text", text };
  const value = Number(digits);
  return finite(percent ? value / 100 : value, text);
}

/** Longest text read as a number (a 15-digit figure with separators, a sign and a % fits easily). */
const MAX_NUMBER_TEXT = 40;

/** A number Excel could hold: "1e400" overflows to Infinity and is text, as Excel keeps it. */
function finite(value: number, text: string): NumberCell {
  return Number.isFinite(value) ? { kind: "number", value } : { kind: "text", text };
}

/** A non-text cell as a user would read it in a message (TRUE, 2025-06-30, not [object Object]). */
function cellText(cell: unknown): string {
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  if (typeof cell === "object") return "";
  return String(cell);
}

/** Reads a text cell (ids, departments): trimmed, "" for blanks. */
export function readTextCell(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell.trim();
  return cellText(cell);
}

const BASIS_WORDS: ReadonlyMap<string, ReportBasis> = new Map<string, ReportBasis>(
  Object.entries({
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
  }),
);

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
  // A Map, not an object: a 口径 of "__proto__" or "constructor" is unknown, not a prototype's member.
  return BASIS_WORDS.get(text);
}
