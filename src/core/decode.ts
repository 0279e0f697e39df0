/**
 * Decoding a plan file's bytes. Government files come as UTF-8 (with or without a BOM), as
 * GB18030/GBK, or — saved from Notepad as "Unicode" — as UTF-16 with a BOM; TextDecoder (Node 20
 * and browsers) handles all of them, so no library is needed. A PDF, a Word file or other binary
 * data is recognised and refused with a warning: decoding it would only produce garbage targets.
 */

export interface DecodedPlan {
  /** The decoded text ("" for binary input); extractor offsets are JavaScript string indices into it. */
  text: string;
  /** How the bytes were read; "binary" when they are not a text file (see `warning`). */
  encoding: "utf-8" | "gb18030" | "utf-16le" | "utf-16be" | "binary";
  /** Why the bytes were not read as text (zh-CN, then English); absent for text files. */
  warning?: string;
}

const SAVE_AS_TEXT = "请在 WPS/Word 中将方案另存为纯文本（.txt）后再提取";

/** Share of control characters above which decoded "text" is binary data read as GB18030. */
const CONTROL_SHARE_LIMIT = 0.01;

/**
 * Decodes a plan file: UTF-16 when it starts with a UTF-16 BOM; UTF-8 when the bytes are valid
 * UTF-8 (a BOM is dropped); else GB18030 (a superset of GBK and GB2312). PDF (%PDF-), zip-based
 * Office files (PK), and bytes with NULs or many control characters are not text: they give
 * empty text, encoding "binary" and a warning. Nothing else is stripped, so offsets stay meaningful.
 *
 * @param bytes - the raw file content
 * @returns the text, the encoding that was used, and a warning when the bytes are not a text file
 * @example
 * decodePlanBytes(new Uint8Array([0xc4, 0xcf, 0xc6, 0xbd])) // → { text: "南平", encoding: "gb18030" }
 * decodePlanBytes(new TextEncoder().encode("%PDF-1.4 …")).encoding // → "binary"
 */
export function decodePlanBytes(bytes: Uint8Array): DecodedPlan {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16be" };
  }
  if (startsWith(bytes, "%PDF-")) {
    return binary(`这是 PDF 文件，不是文本文件：${SAVE_AS_TEXT} (looks like a PDF: save the plan as text)`);
  }
  if (startsWith(bytes, "PK\u0003\u0004") || startsWith(bytes, "\u00d0\u00cf\u0011\u00e0")) {
    return binary(
      `这是 Word/Excel 或压缩文件，不是文本文件：${SAVE_AS_TEXT} (looks like a Word, Excel or zip file: save the plan as text)`,
    );
  }
  if (bytes.includes(0))
    return binary(`这不是文本文件（含二进制数据）：${SAVE_AS_TEXT} (not a text file: save the plan as text)`);
  let decoded: DecodedPlan;
  try {
    // fatal: invalid UTF-8 throws instead of producing U+FFFD, which is how GBK is recognised.
    decoded = { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes), encoding: "utf-8" };
  } catch {
    decoded = { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
  if (controlShare(decoded.text) > CONTROL_SHARE_LIMIT) {
    return binary(`这不是文本文件（含大量控制字符）：${SAVE_AS_TEXT} (not a text file: save the plan as text)`);
  }
  return decoded;
}

function binary(warning: string): DecodedPlan {
  return { text: "", encoding: "binary", warning };
}

function startsWith(bytes: Uint8Array, signature: string): boolean {
  if (bytes.length < signature.length) return false;
  for (let index = 0; index < signature.length; index++) if (bytes[index] !== signature.charCodeAt(index)) return false;
  return true;
}

/** Share of C0 control characters other than tab, line breaks and form feed (plain text has almost none). */
function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let controls = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) ||
      code === 0x7f ||
      code === 0xfffd
    )
      controls++;
  }
  return controls / text.length;
}
