/**
 * What kind of file a plan is, from its bytes first and its name second: a renamed file (a .docx
 * saved as .txt, a .doc renamed .docx) is read as what it is.
 */
import { zipEntries } from "./zip";

export type PlanFormat =
  | "text"
  | "docx"
  | "pdf"
  | "html"
  /** OLE2 compound file: .doc, .wps, .xls of the old binary formats. */
  | "oldOffice"
  | "rtf"
  /** A zip holding an Excel workbook (xl/workbook.xml). */
  | "xlsx"
  /** Any other zip archive. */
  | "zip";

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** How far into the file a PDF header may start (the PDF reference allows leading junk within 1 KB). */
const PDF_HEADER_WINDOW = 1024;
const HTML_START = /^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b/i;

/**
 * Detects a plan file's format.
 * @param bytes - the file content
 * @param fileName - the file's name (its extension only decides between text and HTML)
 * @example detectPlanFormat(new TextEncoder().encode("%PDF-1.7 …"), "plan.txt") // → "pdf"
 */
export function detectPlanFormat(bytes: Uint8Array, fileName: string): PlanFormat {
  if (startsWith(bytes, OLE2)) return "oldOffice";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const names = new Set((zipEntries(bytes) ?? []).map((entry) => entry.name));
    if (names.has("word/document.xml")) return "docx";
    if (names.has("xl/workbook.xml")) return "xlsx";
    // A damaged .docx still goes to the Word reader, which reports it as damaged.
    return /\.docx$/i.test(fileName) ? "docx" : "zip";
  }
  if (indexOfAscii(bytes, "%PDF-", PDF_HEADER_WINDOW) >= 0) return "pdf";
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048)).replace(/^(?:\ufeff|ï»¿|\s)+/, "");
  if (head.startsWith("{\\rtf")) return "rtf";
  if (/\.html?$/i.test(fileName) || HTML_START.test(head)) return "html";
  return "text";
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

function indexOfAscii(bytes: Uint8Array, needle: string, window: number): number {
  const last = Math.min(bytes.length - needle.length, window);
  outer: for (let offset = 0; offset <= last; offset++) {
    for (let index = 0; index < needle.length; index++)
      if (bytes[offset + index] !== needle.charCodeAt(index)) continue outer;
    return offset;
  }
  return -1;
}
