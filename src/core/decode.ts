/**
 * Decoding a plan file's bytes. Government files come as UTF-8 (with or without a BOM), as
 * GB18030/GBK, or — saved from Notepad as "Unicode" — as UTF-16 with a BOM; TextDecoder (Node 20
 * and browsers) handles all of them, so no library is needed. A PDF, a Word file or other binary
 * data is recognised and refused with a warning: decoding it would only produce garbage targets.
 * The encoding is judged line by line: a few damaged bytes in a UTF-8 file are replaced (and the
 * lines named), never a reason to read the whole file as GB18030; a file mixing UTF-8 and GBK
 * lines is refused rather than read half right.
 */

export interface DecodedPlan {
  /** The decoded text ("" for binary input); extractor offsets are JavaScript string indices into it. */
  text: string;
  /** How the bytes were read; "binary" when they are not a text file (see `warning`). */
  encoding: "utf-8" | "gb18030" | "utf-16le" | "utf-16be" | "binary";
  /** Why the bytes were not read as text (zh-CN, then English); absent for text files. */
  warning?: string;
  /** What was repaired in text that was read (damaged UTF-8 bytes replaced, lines named); absent when nothing was. */
  warnings?: string[];
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
    // fatal: invalid UTF-8 throws instead of producing U+FFFD; the lines then say which encoding it is.
    decoded = { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes), encoding: "utf-8" };
  } catch {
    decoded = decodeByLines(bytes);
    if (decoded.encoding === "binary") return decoded;
  }
  if (controlShare(decoded.text) > CONTROL_SHARE_LIMIT) {
    return binary(`这不是文本文件（含大量控制字符）：${SAVE_AS_TEXT} (not a text file: save the plan as text)`);
  }
  return decoded;
}

/** What the bytes of one line say about its encoding. */
interface LineEvidence {
  /** 1-based line number. */
  line: number;
  /** Bytes ≥ 0x80. */
  nonAscii: number;
  /** Bytes that start no well-formed UTF-8 sequence. */
  invalid: number;
  /** Bytes in well-formed 3- and 4-byte UTF-8 sequences (Chinese characters in UTF-8). */
  wide: number;
}

/** Below this many bytes (about ten Chinese characters) one encoding's lines are noise, not a second encoding. */
const MIXED_MIN_BYTES = 30;
/** …or below this share of the non-ASCII bytes. */
const MIXED_MIN_SHARE = 0.02;
/** Damaged lines named in a warning; the rest are counted. */
const NAMED_LINES = 5;

/**
 * Bytes that are not valid UTF-8, judged per line. A line is UTF-8 when its Chinese characters
 * are well-formed 3-byte sequences and at most three bytes are not; otherwise it is GBK (GBK's
 * two-byte characters almost never form 3-byte UTF-8 sequences). UTF-8 lines only, or GBK lines
 * making up a trace: UTF-8 with U+FFFD for the damaged bytes and a warning naming their lines.
 * GBK lines only, or UTF-8 a trace: GB18030. Both in earnest: refused, with the lines of each.
 */
function decodeByLines(bytes: Uint8Array): DecodedPlan {
  const lines = lineEvidence(bytes);
  const damaged: LineEvidence[] = [];
  const gbk: LineEvidence[] = [];
  let utf8Bytes = 0;
  let gbkBytes = 0;
  for (const evidence of lines) {
    if (evidence.invalid === 0) utf8Bytes += evidence.wide;
    else if (evidence.invalid <= 3 && evidence.wide >= 3 * evidence.invalid) {
      damaged.push(evidence);
      utf8Bytes += evidence.wide;
    } else {
      gbk.push(evidence);
      gbkBytes += evidence.nonAscii;
    }
  }
  const total = utf8Bytes + gbkBytes;
  const trace = (count: number) => count < MIXED_MIN_BYTES || count < MIXED_MIN_SHARE * total;
  if (gbkBytes === 0 || (trace(gbkBytes) && !trace(utf8Bytes))) {
    const bad = [...damaged, ...gbk].sort((left, right) => left.line - right.line);
    const byteCount = bad.reduce((sum, evidence) => sum + evidence.invalid, 0);
    const named = bad.slice(0, NAMED_LINES).map((evidence) => evidence.line);
    const more = bad.length > NAMED_LINES ? `等 ${bad.length} 行` : "行";
    const moreEn = bad.length > NAMED_LINES ? ` and ${bad.length - NAMED_LINES} more` : "";
    return {
      text: new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes),
      encoding: "utf-8",
      warnings: [
        `第 ${named.join("、")} ${more}有 ${byteCount} 个字节不是有效的 UTF-8，已替换为 �，请核对这些行的目标` +
          ` (line ${named.join(", ")}${moreEn}: ${byteCount} byte(s) not valid UTF-8, replaced by U+FFFD; check the targets there)`,
      ],
    };
  }
  if (trace(utf8Bytes)) return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  const utf8Lines = lines
    .filter((evidence) => evidence.invalid === 0 && evidence.wide > 0)
    .map((evidence) => evidence.line);
  const gbkLines = gbk.map((evidence) => evidence.line);
  return binary(
    `文件混用了 UTF-8 和 GBK 两种编码（第 ${lineRanges(utf8Lines)} 行是 UTF-8，第 ${lineRanges(gbkLines)} 行是 GBK），` +
      `只能读对一部分，已拒绝提取：请在编辑器中统一另存为 UTF-8 后再提取` +
      ` (mixed encodings: lines ${lineRanges(utf8Lines)} are UTF-8, lines ${lineRanges(gbkLines)} GBK; save the file as UTF-8 throughout)`,
  );
}

/** Per line (split at 0x0A, which is a line feed in UTF-8 and in GB18030 alike), its UTF-8 evidence. */
function lineEvidence(bytes: Uint8Array): LineEvidence[] {
  const lines: LineEvidence[] = [];
  let current: LineEvidence = { line: 1, nonAscii: 0, invalid: 0, wide: 0 };
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index];
    if (lead === 0x0a) {
      if (current.nonAscii > 0) lines.push(current);
      current = { line: current.line + 1, nonAscii: 0, invalid: 0, wide: 0 };
      index++;
      continue;
    }
    if (lead < 0x80) {
      index++;
      continue;
    }
    const length = utf8SequenceLength(bytes, index);
    if (length === 0) {
      current.nonAscii++;
      current.invalid++;
      index++;
    } else {
      current.nonAscii += length;
      if (length >= 3) current.wide += length;
      index += length;
    }
  }
  if (current.nonAscii > 0) lines.push(current);
  return lines;
}

/** Length of the well-formed UTF-8 sequence starting at `index` (2–4), or 0 when there is none. */
function utf8SequenceLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index];
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f; // no surrogates
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return 0;
  if (index + length > bytes.length) return 0;
  if (bytes[index + 1] < low || bytes[index + 1] > high) return 0;
  for (let offset = 2; offset < length; offset++)
    if (bytes[index + offset] < 0x80 || bytes[index + offset] > 0xbf) return 0;
  return length;
}

/** 1–40, 45, 50–52 */
function lineRanges(numbers: readonly number[]): string {
  const ranges: string[] = [];
  for (let index = 0; index < numbers.length; index++) {
    let end = index;
    while (end + 1 < numbers.length && numbers[end + 1] <= numbers[end] + 2) end++;
    ranges.push(end > index ? `${numbers[index]}–${numbers[end]}` : String(numbers[index]));
    index = end;
  }
  return ranges.join("、");
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
