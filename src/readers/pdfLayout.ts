/**
 * The reading order of a PDF's text layer, without pdf.js: positioned text pieces → lines (pieces
 * grouped by baseline, ordered left to right, wide gaps read as cell breaks) → page headers,
 * footers and page numbers dropped → lines re-joined into paragraphs, across page breaks too.
 * Coordinates are PDF user space: y grows upwards, sizes in points.
 */

/** A piece of text where the page draws it (pdf.js TextItem, reduced). */
export interface PositionedText {
  text: string;
  /** Left edge of the piece. */
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font size (the item's height). */
  size: number;
}

/** One printed line of a page. */
export interface PdfLine {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
  /** Left edge of each tab-separated cell of `text` (one entry for a line without cell breaks). */
  cellStarts: number[];
  /** Right edge of each cell, in step with cellStarts. */
  cellEnds: number[];
  /** A table row rebuilt by alignTableColumns: a line of its own, never joined to its neighbours. */
  tableRow?: boolean;
}

/** A gap of at least this many font sizes is a cell break or tab stop (Writer leaves 0.5 em before a near tab stop; its Chinese–Latin spacing is 0.2 em). */
const CELL_GAP_EM = 0.4;
/** The cell-break gap between Chinese and Latin text or digits, which justification widens. */
const MIXED_CELL_GAP_EM = 1.0;
/** A gap of at least this many font sizes between Latin letters or digits is a word space. */
const SPACE_GAP_EM = 0.15;
/** Pieces whose baselines differ by less than this share of the font size sit on one line. */
const SAME_LINE_EM = 0.5;
/** How many lines at the top and at the bottom of a page may be a running header, footer or page number. */
const FURNITURE_LINES = 2;
/** A line ending within this many font sizes of the text's right edge was wrapped, not ended. */
const FULL_LINE_EM = 2.5;
/** A line starting this many font sizes right of the left edge is indented: a paragraph's first line. */
const INDENT_EM = 1.2;

/** Page numbers as printed: 3, - 3 -, — 3 —, 第3页, 第3页 共12页, 3/12, Page 3 of 12 (spaces dropped first). */
const PAGE_NUMBER =
  /^(?:[-—–－―─_]*[0-9]{1,4}[-—–－―─_]*|第[0-9]{1,4}页(?:[,，]?共[0-9]{1,4}页)?|[0-9]{1,4}\/[0-9]{1,4}|page[0-9]{1,4}(?:of[0-9]{1,4})?)$/i;
/** A running header or footer is at most this long. */
const RUNNING_HEADER_MAX = 40;
/** Heading markers that always open a new paragraph (一、 （一） 1． 第一条 附件). */
const HEADING_START =
  /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[.．、](?![0-9])|第[一二三四五六七八九十百]{1,4}[章节条]|附件)/;
/** Lines further apart than this many times the page's usual line pitch are separate paragraphs. */
const PARAGRAPH_GAP = 1.3;
const LATIN = /[A-Za-z0-9]/;
const ASCII = /[\x21-\x7e]/;
/** A line holding only a list number so far: 1.  2、  （一）  (1)  ①  一、 */
const LIST_MARKER =
  /^\s*(?:[0-9]{1,2}[.．、]|[（(][0-9一二三四五六七八九十]{1,3}[）)]|[①-⑳]|[一二三四五六七八九十]{1,3}、)\s*$/;

/**
 * Groups a page's text pieces into lines, top to bottom, each left to right. Between two pieces a
 * gap of 0.4 font sizes or more becomes a tab (a table cell or a tab stop), a smaller visible gap
 * between Latin letters or digits a space; pieces that touch are joined as they are.
 *
 * @param pieces - the page's text pieces (blank ones are ignored)
 * @returns the page's lines in reading order
 * @example
 * linesOfPage([{ text: "序号", x: 50, y: 700, width: 20, size: 10 }, { text: "指标", x: 100, y: 700, width: 20, size: 10 }])[0].text // → "序号\t指标"
 */
export function linesOfPage(pieces: readonly PositionedText[]): PdfLine[] {
  const visible = pieces.filter((piece) => piece.text.trim() !== "").sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PositionedText[][] = [];
  for (const piece of visible) {
    const current = groups[groups.length - 1];
    const tolerance = SAME_LINE_EM * Math.max(piece.size, current?.[0].size ?? 0, 1);
    if (current && Math.abs(current[0].y - piece.y) <= tolerance) current.push(piece);
    else groups.push([piece]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    const size = median(group.map((piece) => piece.size)) || 10;
    let text = group[0].text;
    const cellStarts = [group[0].x];
    const cellEnds: number[] = [];
    for (let index = 1; index < group.length; index++) {
      const previous = group[index - 1];
      const piece = group[index];
      const gap = piece.x - (previous.x + previous.width);
      // Justified lines stretch the spacing between Chinese and Latin text (到 2027 年) well past 0.4 em.
      const mixed = ASCII.test(text.slice(-1)) !== ASCII.test(piece.text.trimStart()[0] ?? "");
      const cellGap = (mixed ? MIXED_CELL_GAP_EM : CELL_GAP_EM) * size;
      // The space after a list number (1.  （一）  ①) is the number's own, not a cell break: Word puts a tab there.
      if (gap >= cellGap && LIST_MARKER.test(text)) text = text.trimEnd() + piece.text.trimStart();
      else if (gap >= cellGap) {
        text = text.replace(/[ \t]+$/, "") + "\t" + piece.text.replace(/^[ \t]+/, "");
        cellEnds.push(previous.x + previous.width);
        cellStarts.push(piece.x);
      } else if (gap >= SPACE_GAP_EM * size && LATIN.test(text.slice(-1)) && LATIN.test(piece.text[0]))
        text += " " + piece.text;
      else text += piece.text;
    }
    const last = group[group.length - 1];
    return {
      text: text.trim(),
      left: group[0].x,
      right: Math.max(...group.map((piece) => piece.x + piece.width), last.x + last.width),
      y: group[0].y,
      size,
      cellStarts,
      cellEnds: [...cellEnds, last.x + last.width],
    };
  });
}

/**
 * Rebuilds the rows of tables. A PDF prints nothing for an empty cell, so a row's later cells would
 * shift left, and a cell's wrapped text sits on lines of its own. In a run of lines with cell
 * breaks, the columns are the left edges where the cells of at least a third of the rows start
 * (within half a font size); each cell goes to its column, the columns a row skips become empty
 * cells, and a line without cell breaks that starts at a later column is the wrapped rest of that
 * column's cell in the row above. Rows come out marked, so paragraphs are never joined across them.
 * Text laid out with tab stops (cells running across another row's column, or landing on more
 * stops than any row has cells) is left as it is.
 *
 * @param lines - a page's lines, top to bottom
 * @returns the lines with each table row as one tab-separated line
 * @example
 * // rows "1｜二手车｜市商务局" and "2｜市财政局" with 市财政局 under 市商务局 → "2\t\t市财政局"
 */
export function alignTableColumns(lines: readonly PdfLine[]): PdfLine[] {
  const out: PdfLine[] = [];
  let start = 0;
  while (start < lines.length) {
    if (lines[start].cellStarts.length < 2) {
      out.push(lines[start++]);
      continue;
    }
    const tolerance = 0.5 * lines[start].size;
    const firstColumn = lines[start].cellStarts[0];
    // The table: lines with cell breaks, and single lines starting right of the first column (wrapped cells).
    let end = start;
    while (
      end < lines.length &&
      (lines[end].cellStarts.length > 1 || (end > start && lines[end].left > firstColumn + tolerance))
    )
      end++;
    const rows = lines.slice(start, end).filter((line) => line.cellStarts.length > 1);
    const clusters: Array<{ x: number; rows: Set<number> }> = [];
    const starts = rows.flatMap((line, row) => line.cellStarts.map((x) => ({ x, row }))).sort((a, b) => a.x - b.x);
    for (const { x, row } of starts) {
      const last = clusters[clusters.length - 1];
      if (last && x - last.x <= tolerance) last.rows.add(row);
      else clusters.push({ x, rows: new Set([row]) });
    }
    // A real column is used by a third of the rows at least.
    const columns = clusters
      .filter((cluster) => cluster.rows.size >= Math.max(2, rows.length / 3))
      .map((cluster) => cluster.x);
    // In a table some row fills every column (the header at least); more columns than any row has
    // cells means the cells wander from stop to stop, and placing them would only misplace them.
    // A table's cells stay inside their columns; text on tab stops runs across them.
    const crossesColumn = rows.some((line) =>
      line.cellStarts.some((left, cell) =>
        columns.some((x) => x > left + tolerance && x < line.cellEnds[cell] - tolerance),
      ),
    );
    if (rows.length < 2 || crossesColumn || columns.length > Math.max(...rows.map((line) => line.cellStarts.length))) {
      out.push(...lines.slice(start, end));
      start = end;
      continue;
    }
    const columnOf = (x: number): number => {
      let best = 0;
      for (let index = 0; index < columns.length; index++) if (columns[index] <= x + tolerance) best = index;
      return best;
    };
    let row: { line: PdfLine; cells: string[] } | null = null;
    const flush = () => {
      if (row) out.push({ ...row.line, text: row.cells.join("\t"), tableRow: true });
    };
    for (const line of lines.slice(start, end)) {
      if (line.cellStarts.length < 2 && row) {
        const column = columnOf(line.left);
        while (row.cells.length <= column) row.cells.push("");
        row.cells[column] = joinWrapped(row.cells[column], line.text);
        continue;
      }
      flush();
      const cells = line.text.split("\t");
      const placed: string[] = [];
      line.cellStarts.forEach((x, cell) => {
        const column = Math.max(columnOf(x), placed.length);
        while (placed.length < column) placed.push("");
        placed.push(cells[cell] ?? "");
      });
      while (placed.length < columns.length) placed.push("");
      row = { line, cells: placed };
    }
    flush();
    start = end;
  }
  return out;
}

/** Two pieces of one paragraph or cell broken at a line end: no space, except between two Latin words. */
function joinWrapped(before: string, after: string): string {
  if (/[A-Za-z]-$/.test(before) && /^[a-z]/.test(after)) return before.slice(0, -1) + after;
  if (LATIN.test(before.slice(-1)) && LATIN.test(after[0] ?? "") && /[A-Za-z]/.test(before.slice(-1) + after[0]))
    return before + " " + after;
  return before + after;
}

/**
 * Drops page furniture: in the top and bottom two lines of each page, page numbers (- 3 -, 第3页)
 * and short unpunctuated lines that recur at the same height on at least half of the pages (a
 * running header such as the issuing office, digits ignored so "第3页" headers match). Lines
 * further inside the page are never looked at.
 *
 * @param pages - each page's lines, top to bottom
 * @returns the pages without furniture, and how many lines were dropped
 */
export function dropPageFurniture(pages: readonly PdfLine[][]): { pages: PdfLine[][]; dropped: number } {
  const edgeLines = (lines: readonly PdfLine[]): PdfLine[] => {
    const count = Math.min(FURNITURE_LINES, Math.floor(lines.length / 2));
    return [...lines.slice(0, count), ...lines.slice(lines.length - count)];
  };
  const key = (line: PdfLine): string =>
    `${Math.round(line.y / 4)}|${line.text.replace(/\s+/g, "").replace(/[0-9]+/g, "#")}`;
  const pagesWith = new Map<string, number>();
  for (const lines of pages)
    for (const k of new Set(edgeLines(lines).map(key))) pagesWith.set(k, (pagesWith.get(k) ?? 0) + 1);
  const repeatedOn = Math.max(2, Math.ceil(pages.length / 2));
  let dropped = 0;
  const kept = pages.map((lines) => {
    const edges = new Set(edgeLines(lines));
    return lines.filter((line) => {
      if (!edges.has(line)) return true;
      const furniture =
        PAGE_NUMBER.test(line.text.replace(/\s+/g, "")) ||
        (isRunningHeaderLike(line.text) && (pagesWith.get(key(line)) ?? 0) >= repeatedOn);
      if (furniture) dropped++;
      return !furniture;
    });
  });
  return { pages: kept, dropped };
}

/**
 * Re-joins printed lines into paragraphs, one per output line. A line continues into the next
 * (on the same page or the next one) when it reaches the right edge of the text and the next line
 * is neither indented (公文 indent a paragraph's first line), nor a heading, nor in another font
 * size, nor further below than the page's usual line pitch (space between paragraphs). Joined
 * lines meet without a space, except two Latin words (and a hyphen between letters is dropped).
 *
 * @param pages - each page's body lines, top to bottom
 * @returns the text, paragraphs separated by "\n"
 * @example
 * // "…回收" fills the last line of page 1 and "量达到30万吨。" opens page 2 → one paragraph
 */
export function joinParagraphs(pages: readonly PdfLine[][]): string {
  const lines = pages.flat();
  if (lines.length === 0) return "";
  const pageOf = new Map<PdfLine, number>();
  pages.forEach((page, index) => page.forEach((line) => pageOf.set(line, index)));
  const pitches = pages.map((page) =>
    median(
      page
        .slice(1)
        .map((line, index) => page[index].y - line.y)
        .filter((distance) => distance > 0),
    ),
  );
  const rightEdge = percentile(
    lines.map((line) => line.right),
    0.9,
  );
  const leftEdge = percentile(
    lines.map((line) => line.left),
    0.1,
  );
  let text = lines[0].text;
  for (let index = 1; index < lines.length; index++) {
    const previous = lines[index - 1];
    const line = lines[index];
    const page = pageOf.get(line) ?? 0;
    const samePage = pageOf.get(previous) === page;
    const continues =
      !previous.tableRow &&
      !line.tableRow &&
      previous.right >= rightEdge - FULL_LINE_EM * previous.size &&
      (!samePage || !(pitches[page] > 0) || previous.y - line.y <= PARAGRAPH_GAP * pitches[page]) &&
      line.left <= leftEdge + INDENT_EM * line.size &&
      !HEADING_START.test(line.text) &&
      Math.abs(previous.size - line.size) <= 0.2 * previous.size;
    text = continues ? joinWrapped(text, line.text) : text + "\n" + line.text;
  }
  return text;
}

/** Running headers and footers are short labels, never sentences. */
function isRunningHeaderLike(text: string): boolean {
  return text.length <= RUNNING_HEADER_MAX && !/[。，；！？]/.test(text);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}
