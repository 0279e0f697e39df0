/**
 * Headings and blocks. A plan is a tree of numbered headings (一、 > （一） > 1. > （1） > ①);
 * a block is the text from one heading line to the next. Blocks carry the heading path
 * (`二、(一) 5.`), the task title, and whether they sit in the goals part (总体要求/工作目标)
 * or in an appendix.
 */
import { HEADING_MARKER, lineSpans } from "./text";

export interface Heading {
  /**
   * Depth of the marker: 0.5 = 第X章/部分, 0.8 = 第X节, 1 = 一、, 1.5 = 第X条, 2 = （一）, 3 = 1.,
   * 4 = （1）, 5 = ①, 0 = 附件. An article (第X条) sits above （一）/（1） items inside it.
   */
  rank: number;
  /** Marker as printed in a section path: 二、, (一), 5., (1), ①. */
  marker: string;
  /** Title: the heading text after the marker, up to its first full stop. */
  title: string;
  /** Number of a digit marker (5 for "5."), else null. */
  number: number | null;
}

export interface Block {
  /** Clean-text offsets of the block: [start, end). */
  start: number;
  end: number;
  /** Headings from the outermost to this block's own (empty before the first heading). */
  path: Heading[];
  /** Section path as printed: 二、(一) 5. */
  section: string;
  /** Title of the innermost heading ("" when none). */
  task: string;
  /** Inside 总体要求 / 工作目标 / 主要目标: targets without a department of their own. */
  isGoals: boolean;
  /** At or after an 附件 heading. */
  isAppendix: boolean;
}

const GOALS_TITLE = /总体要求|总体目标|工作目标|主要目标|发展目标|目标任务|行动目标|^目标$/;

function rankOf(marker: string): number {
  if (marker.startsWith("附件")) return 0;
  if (/^[一二三四五六七八九十]+、$/.test(marker)) return 1;
  if (/^（[一二三四五六七八九十]+）$/.test(marker)) return 2;
  if (/^[0-9]+[.、]$/.test(marker)) return 3;
  if (/^（[0-9]+）$/.test(marker)) return 4;
  if (/^[①-⑳]$/.test(marker)) return 5;
  if (marker.endsWith("条")) return 1.5;
  if (marker.endsWith("节")) return 0.8;
  return 0.5;
}

function printedMarker(marker: string): string {
  if (/^[0-9]+、$/.test(marker)) return marker.replace("、", ".");
  return marker.replace("（", "(").replace("）", ")");
}

/** Reads a heading at the start of a line, or null. Table rows (with tabs) are not headings. */
export function readHeading(line: string): Heading | null {
  if (line.includes("\t")) return null;
  const match = HEADING_MARKER.exec(line);
  if (!match) return null;
  const marker = match[0];
  const rest = line.slice(marker.length);
  // "2024年" is not "2" + heading; "1.5倍" was excluded by the marker pattern.
  const stop = rest.search(/[。！？]/);
  const title = (stop >= 0 ? rest.slice(0, stop) : rest).replace(/^[：:\s]+|[，；：\s]+$/g, "").slice(0, 80);
  const rank = rankOf(marker);
  const number = rank === 3 ? Number.parseInt(marker, 10) : null;
  return { rank, marker: rank === 0 ? "附件" : printedMarker(marker), title, number };
}

function formatSection(path: readonly Heading[]): string {
  let out = "";
  for (const heading of path) {
    if (heading.rank === 0) continue;
    if (out && !out.endsWith("、")) out += " ";
    out += heading.marker;
  }
  return out;
}

/**
 * Splits cleaned plan text into blocks at heading lines.
 * @param text - cleaned text (lines separated by "\n")
 * @returns blocks in document order, covering the whole text
 * @example splitBlocks("一、总体要求\n到2027年…\n二、重点任务\n1.加快…")[3].section // → "二、1."
 */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let path: Heading[] = [];
  let inAppendix = false;
  let blockStart = 0;
  const open = (start: number): void => {
    const innermost = path.length > 0 ? path[path.length - 1] : null;
    blocks.push({
      start,
      end: text.length,
      path: path.slice(),
      section: formatSection(path),
      task: innermost && innermost.rank !== 0 ? innermost.title : "",
      isGoals: path.some(
        (heading) => heading.rank !== 0 && GOALS_TITLE.test(heading.title) && heading.title.length <= 12,
      ),
      isAppendix: inAppendix,
    });
  };
  open(0);
  for (const { start: lineStart, end: lineEnd } of lineSpans(text)) {
    const heading = readHeading(text.slice(lineStart, lineEnd));
    if (heading) {
      if (heading.rank === 0) inAppendix = true;
      blocks[blocks.length - 1].end = lineStart;
      path = path.filter((outer) => outer.rank < heading.rank && outer.rank !== 0);
      if (inAppendix && heading.rank !== 0) path.unshift({ rank: 0, marker: "附件", title: "附件", number: null });
      path.push(heading);
      blockStart = lineStart;
      open(blockStart);
    }
  }
  // Drop an empty leading block (text starting with a heading).
  return blocks.filter((block, index) => index > 0 || block.end > block.start);
}

/** The block containing a clean-text offset (binary search over ordered blocks). */
export function blockAt(blocks: readonly Block[], offset: number): Block {
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (blocks[middle].start <= offset) low = middle;
    else high = middle - 1;
  }
  return blocks[low];
}
