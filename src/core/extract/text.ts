/**
 * Text normalisation for the extractor. The extractor reads a cleaned copy of the plan
 * (half-width digits and %, one kind of bracket, no spaces, no [bookmark: …] markers, paragraphs
 * re-joined across page breaks) and keeps, for every cleaned character, the offset of the
 * character it came from, so every span it reports points into the original decoded text.
 */

/** The cleaned text and, for each of its characters, the index of its origin in the raw text. */
export interface CleanText {
  text: string;
  /** origin[i] = index in the raw text of clean character i. */
  origin: Int32Array;
  /** The raw decoded text the offsets point into. */
  rawText: string;
}

// Full-width and variant characters mapped one-to-one so offsets stay aligned.
const CHAR_MAP: Record<string, string> = {
  "％": "%",
  "．": ".",
  "(": "（",
  ")": "）",
  "［": "[",
  "］": "]",
  ";": "；",
  "：": "：",
  ":": "：",
  "～": "~",
  "－": "-",
  "–": "—",
  "﹪": "%",
  〇: "〇",
};

const BOOKMARK = /\[bookmark:[^\]\n]{0,200}\]/g;
/** A line of a table drawn with bars: opens and closes with one, three bars at least. */
const PIPE_ROW = /^[ \t\u3000]*[|｜](?:[^|｜\n]*[|｜]){2,}[ \t\u3000\r]*$/gm;

/**
 * A line that opens with a department role label: 【牵头单位】X, 牵头单位：X, 责任单位：X（牵头），Y.
 * Such a line is a statement of its own (never a running header, never joined to its neighbours).
 */
export const ROLE_LABEL_LINE =
  /^[【[]?(?:牵头单位|牵头部门|主要责任单位|责任单位|责任部门|配合单位|配合部门|参与单位|协办单位|协同单位)(?:[】\]][：:]?|[：:])/;

/** Terminal punctuation: a line ending in one of these is a complete paragraph. */
const TITLE_END = /(方案|计划|通知|意见|办法|细则|规划|措施|征求意见稿|文件)$/;
const PARAGRAPH_OPENER = /^(为|根据|按照|现将|各[县市区乡镇部])/;
const PARAGRAPH_END = /[。！？；：”」』）】\]!?]$/;

/**
 * Heading markers used by Chinese government documents, outermost first:
 * 一、 (一) 1. (1) ①, plus 第X章/条 and 附件.
 */
export const HEADING_MARKER =
  /^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|[0-9]{1,2}[.、](?![0-9])|（[0-9]{1,2}）|[①-⑳]|第[一二三四五六七八九十百]{1,4}[章节条部分]|附件)/;

// Code-level versions of the maps above, for the hot loop.
const CODE_MAP = new Map<number, number>();
for (const [from, to] of Object.entries(CHAR_MAP)) CODE_MAP.set(from.charCodeAt(0), to.charCodeAt(0));
const KEEP_FULL_WIDTH = new Set(["（", "）", "，", "；", "："].map((ch) => ch.charCodeAt(0)));
const SPACE_CODES = new Set([0x20, 0xa0, 0x3000, 0x2002, 0x2003, 0x2009, 0x200b, 0xfeff]);
const NEWLINE = 0x0a;
const TAB = 0x09;

function mapCode(code: number): number {
  // Full-width ASCII block (digits, letters, ％ …) → ASCII, except Chinese punctuation kept as is.
  if (code >= 0xff01 && code <= 0xff5e && !KEEP_FULL_WIDTH.has(code)) code -= 0xfee0;
  return CODE_MAP.get(code) ?? code;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function codesToString(codes: Uint16Array, from: number, to: number): string {
  let out = "";
  for (let index = from; index < to; index += 8192) {
    out += String.fromCharCode(...codes.subarray(index, Math.min(to, index + 8192)));
  }
  return out;
}

interface Pass {
  codes: Uint16Array;
  origin: Int32Array;
  length: number;
}

/** First pass: character mapping, bookmark and space removal, CR removal. */
function mapCharacters(raw: string): Pass {
  const skip = new Uint8Array(raw.length);
  for (const match of raw.matchAll(BOOKMARK)) skip.fill(1, match.index, match.index + match[0].length);
  // A table drawn with bars (| 序号 | 重点任务 | … |) is read like a tab-separated one.
  const cellBreak = new Uint8Array(raw.length);
  for (const match of raw.matchAll(PIPE_ROW)) {
    for (let index = match.index; index < match.index + match[0].length; index++) {
      if (raw[index] === "|" || raw[index] === "｜") cellBreak[index] = 1;
    }
  }
  const codes = new Uint16Array(raw.length);
  const origin = new Int32Array(raw.length);
  let length = 0;
  for (let index = 0; index < raw.length; index++) {
    if (skip[index]) continue;
    const code = raw.charCodeAt(index);
    if (code === 0x0d) continue;
    if (SPACE_CODES.has(code)) {
      // Spaces inside Chinese text are layout only; keep one between two Latin words.
      let next = index + 1;
      while (next < raw.length && SPACE_CODES.has(raw.charCodeAt(next))) next++;
      const before = length > 0 ? codes[length - 1] : 0;
      const after = next < raw.length ? mapCode(raw.charCodeAt(next)) : 0;
      if (isAsciiLetter(before) && isAsciiLetter(after)) {
        codes[length] = 0x20;
        origin[length++] = index;
      }
      index = next - 1;
      continue;
    }
    if (cellBreak[index]) {
      codes[length] = TAB;
      origin[length++] = index;
      continue;
    }
    let mapped = mapCode(code);
    // An ASCII comma is a thousands separator between digits, otherwise a Chinese comma.
    if (mapped === 0x2c) {
      const before = length > 0 ? codes[length - 1] : 0;
      const after = index + 1 < raw.length ? mapCode(raw.charCodeAt(index + 1)) : 0;
      if (!(isDigit(before) && isDigit(after))) mapped = 0xff0c;
    }
    codes[length] = mapped;
    origin[length++] = index;
  }
  return { codes, origin, length };
}

/** A page number as Word exports print it: — 3 —, -3-, 第3页, 第3页共12页 (spaces already dropped). */
const PAGE_NUMBER_LINE =
  /^(?:[—\-―─]{1,3}[0-9]{1,4}[—\-―─]{1,3}|第[0-9]{1,4}页(?:[，,]?共[0-9]{1,4}页)?|[0-9]{1,4}\/[0-9]{1,4})$/;
/** Lines short enough to be a running header or footer when they repeat. */
const RUNNING_HEADER_MAX = 40;

/**
 * Whether a line is page furniture: a page number, or a short unpunctuated line that already
 * appeared (a running header such as the issuing office or the plan's title repeated on every
 * page). The first appearance is kept: it is the real title or header.
 */
function isPageFurniture(line: string, seenShortLines: Set<string>): boolean {
  if (PAGE_NUMBER_LINE.test(line)) return true;
  // 【牵头单位】市商务局 repeats after every task of one department: it is content, not furniture.
  if (ROLE_LABEL_LINE.test(line)) return false;
  if (line.length > RUNNING_HEADER_MAX || /[。，；：！？\t]/.test(line) || HEADING_MARKER.test(line)) return false;
  if (seenShortLines.has(line)) return true;
  seenShortLines.add(line);
  return false;
}

/**
 * A line that stands alone in a document's header or signature: several issuing departments of one
 * place with no punctuation (松亭区商务局 松亭区财政局, spaces already dropped), or a date (2024年6月12日).
 */
const ISSUER_LINE =
  /^([\u4e00-\u9fff]{2,10}?(?:省|市|县|区|州|盟|旗))[\u4e00-\u9fff]{2,14}?(?:局|委员会|委|厅|办公室|办公厅|社|中心)(?:\1[\u4e00-\u9fff]{2,14}?(?:局|委员会|委|厅|办公室|办公厅|社|中心))+$/;
const DATE_ONLY_LINE =
  /^[0-9〇零一二三四五六七八九]{4}年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日(?:印发|发布)?$/;

/** The rest of a wrapped department list: names and separators only, ending in a department. */
const WRAPPED_NAMES = /^[^。；：:！？]{1,60}(?:局|委|厅|办|中心|政府|社|公司|行|队|院|会)$/;

function isHeadingOnlyLine(line: string): boolean {
  return HEADING_MARKER.test(line) && line.length <= 40 && !line.includes("。");
}

/**
 * Whether two lines are one paragraph broken by a page break: the first is long, ends without
 * terminal punctuation and is not a bare heading; the second is not a heading; neither is a
 * table row (tab-separated).
 */
function continuesParagraph(previous: string, next: string): boolean {
  if (previous.length < 16 || PARAGRAPH_END.test(previous)) return false;
  if (previous.includes("\t") || next.includes("\t")) return false;
  if (isHeadingOnlyLine(previous) || HEADING_MARKER.test(next)) return false;
  // A role-label line stands alone, unless a long department list wrapped onto the next line.
  if (ROLE_LABEL_LINE.test(next)) return false;
  if (ROLE_LABEL_LINE.test(previous)) return WRAPPED_NAMES.test(next);
  if (ISSUER_LINE.test(previous) || DATE_ONLY_LINE.test(previous) || DATE_ONLY_LINE.test(next)) return false;
  // A title line (…方案, …通知) is followed by the body, not continued by it.
  if (TITLE_END.test(previous) || PARAGRAPH_OPENER.test(next)) return false;
  return true;
}

/**
 * Cleans a plan's decoded text for reading while keeping offsets into it.
 * Drops [bookmark: …] markers, spaces, blank lines, page numbers (— 3 —) and repeated running
 * headers, maps full-width digits, letters and % to ASCII and ASCII brackets to full-width, and
 * joins paragraphs split across page breaks.
 *
 * @param raw - the decoded plan text
 * @returns the cleaned text with its origin map
 * @example
 * normalizePlanText("完成改造1\n\n140公里").text // → "完成改造1140公里"
 */
export function normalizePlanText(raw: string): CleanText {
  const first = mapCharacters(raw);
  const codes = new Uint16Array(first.length);
  const origin = new Int32Array(first.length);
  let length = 0;
  let paragraph = ""; // text of the paragraph being built, to decide joins
  const seenShortLines = new Set<string>();
  let lineStart = 0;
  while (lineStart <= first.length) {
    let lineEnd = lineStart;
    while (lineEnd < first.length && first.codes[lineEnd] !== NEWLINE) lineEnd++;
    // Trim tabs at the ends of a line but keep them inside (table cells).
    let from = lineStart;
    let to = lineEnd;
    while (from < to && first.codes[from] === TAB) from++;
    while (to > from && first.codes[to - 1] === TAB) to--;
    const text = to > from ? codesToString(first.codes, from, to) : "";
    // Page numbers and repeated running headers are skipped like blank lines, so a paragraph
    // broken across pages is re-joined (…回收率达到\n— 4 —\n65%).
    if (text !== "" && !isPageFurniture(text, seenShortLines)) {
      if (length > 0 && !continuesParagraph(paragraph, text)) {
        codes[length] = NEWLINE;
        // The newline stands for the line break that ended the previous paragraph.
        origin[length] = origin[length - 1] + 1;
        length++;
        paragraph = "";
      }
      codes.set(first.codes.subarray(from, to), length);
      origin.set(first.origin.subarray(from, to), length);
      length += to - from;
      paragraph += text;
    }
    lineStart = lineEnd + 1;
  }
  return { text: codesToString(codes, 0, length), origin: origin.slice(0, length), rawText: raw };
}

/**
 * Maps a span of the cleaned text back to the raw text: [start, end) in raw indices.
 * @param clean - the cleaned text
 * @param start - clean start index (inclusive)
 * @param end - clean end index (exclusive, > start)
 */
export function toRawSpan(clean: CleanText, start: number, end: number): { start: number; end: number } {
  if (clean.origin.length === 0) return { start: 0, end: 0 };
  const safeStart = Math.max(0, Math.min(start, clean.origin.length - 1));
  const safeEnd = Math.max(safeStart + 1, Math.min(end, clean.origin.length));
  return { start: clean.origin[safeStart], end: clean.origin[safeEnd - 1] + 1 };
}

/**
 * Each line of a text as offsets: [start, end) without its "\n", the empty last line included.
 * @example [...lineSpans("a\nbc")] // → [{ start: 0, end: 1 }, { start: 2, end: 4 }]
 */
export function* lineSpans(text: string): Generator<{ start: number; end: number }> {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    yield { start, end };
    start = end + 1;
  }
}

/**
 * Cells of a tab-separated line with their offsets in the line (empty cells kept, so columns stay aligned).
 * @example tabCells("1\t 二手车 ") // → [{ text: "1", start: 0 }, { text: "二手车", start: 2 }]
 */
export function tabCells(line: string): Array<{ text: string; start: number }> {
  const cells: Array<{ text: string; start: number }> = [];
  let start = 0;
  for (const cell of line.split("\t")) {
    cells.push({ text: cell.trim(), start });
    start += cell.length + 1;
  }
  return cells;
}
