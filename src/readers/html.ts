/**
 * HTML to plan text, for web pages and for Word files (mammoth turns .docx into HTML). Block
 * elements become lines; table rows become tab-separated lines, the shape the extractor's table
 * readers read (序号	重点任务	牵头单位 …); scripts, styles, navigation and forms are dropped.
 */
import { parseDocument } from "htmlparser2";

/** The parts of a domhandler node this walker reads. */
interface HtmlNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: HtmlNode[];
}

export interface HtmlTextOptions {
  /**
   * Keep tab characters of the text (Word paragraphs laid out with tabs are table rows in
   * plan exports); a web page's tabs are source indentation and become spaces.
   */
  keepTabs?: boolean;
}

/** Elements whose content is never plan text. */
const SKIPPED = new Set([
  "head",
  "script",
  "style",
  "noscript",
  "template",
  "nav",
  "iframe",
  "object",
  "embed",
  "svg",
  "canvas",
  "select",
  "button",
  "textarea",
  "map",
]);
const BLOCKS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "div",
  "dl",
  "dt",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "ul",
]);
/** A cell this long is a page laid out with a table, not a row of a plan's table. */
const LAYOUT_CELL_CHARS = 1000;

/** Lines under construction: text is appended to the last line; a block boundary starts a new one. */
class LineBuilder {
  readonly lines: string[] = [""];
  append(text: string): void {
    this.lines[this.lines.length - 1] += text;
  }
  newline(): void {
    if (this.lines[this.lines.length - 1].trim() !== "") this.lines.push("");
  }
  /** Non-empty lines, spaces trimmed at both ends (tabs inside kept: they separate cells). */
  result(): string[] {
    return this.lines.map((line) => line.replace(/^[ \u00a0]+|[ \u00a0]+$/g, "")).filter((line) => line.trim() !== "");
  }
}

/**
 * Converts HTML to plan text: one line per paragraph or block, one tab-separated line per table
 * row (colspan keeps the columns aligned with empty cells; a rowspan cell's text is repeated in
 * the rows it spans, since it applies to each of them), entities decoded, whitespace collapsed.
 *
 * @param html - the page or mammoth's output
 * @param options - keepTabs for Word documents
 * @returns the plan text, lines joined with "\n"
 * @example
 * htmlToPlanText("<p>一、目标</p><table><tr><td>1</td><td>二手车</td></tr></table>") // → "一、目标\n1\t二手车"
 */
export function htmlToPlanText(html: string, options: HtmlTextOptions = {}): string {
  const document = parseDocument(html, { decodeEntities: true, lowerCaseTags: true }) as unknown as HtmlNode;
  const out = new LineBuilder();
  walk(document, out, options.keepTabs === true, false);
  return out.result().join("\n");
}

function walk(node: HtmlNode, out: LineBuilder, keepTabs: boolean, preformatted: boolean): void {
  if (node.type === "text") {
    const text = collapse(node.data ?? "", keepTabs, preformatted);
    // Only preformatted text still holds line breaks: each is a line of its own.
    text.split(/\r?\n|\r/).forEach((part, index) => {
      if (index > 0) out.newline();
      out.append(part);
    });
    return;
  }
  if (node.type === "comment" || node.type === "directive" || node.type === "script" || node.type === "style") return;
  const name = node.name ?? "";
  if (SKIPPED.has(name)) return;
  if (name === "br") {
    out.newline();
    return;
  }
  if (name === "table" && isDataTable(node)) {
    out.newline();
    for (const row of tableRows(node, keepTabs)) {
      out.append(row.join("\t"));
      out.newline();
    }
    return;
  }
  const block = BLOCKS.has(name) || name === "tr" || name === "td" || name === "th";
  if (block) out.newline();
  for (const child of node.children ?? []) walk(child, out, keepTabs, preformatted || name === "pre");
  if (block) out.newline();
}

function collapse(text: string, keepTabs: boolean, preformatted: boolean): string {
  if (preformatted) return keepTabs ? text : text.replace(/\t/g, " ");
  return keepTabs ? text.replace(/[ \r\n\f\v]+/g, " ") : text.replace(/[ \t\r\n\f\v]+/g, " ");
}

function elementChildren(node: HtmlNode, names: ReadonlySet<string>): HtmlNode[] {
  return (node.children ?? []).filter((child) => child.type === "tag" && names.has(child.name ?? ""));
}

const SECTIONS = new Set(["thead", "tbody", "tfoot"]);
const ROW = new Set(["tr"]);
const CELLS = new Set(["td", "th"]);

/** The table's own rows (not those of a table nested in a cell), in document order. */
function ownRows(table: HtmlNode): HtmlNode[] {
  const rows: HtmlNode[] = [];
  for (const child of table.children ?? []) {
    if (child.type !== "tag") continue;
    if (child.name === "tr") rows.push(child);
    else if (SECTIONS.has(child.name ?? "")) rows.push(...elementChildren(child, ROW));
  }
  return rows;
}

function containsTable(node: HtmlNode): boolean {
  return (node.children ?? []).some((child) => child.name === "table" || containsTable(child));
}

/** A table of rows and columns, not a page laid out with a table (a cell holding the whole article). */
function isDataTable(table: HtmlNode): boolean {
  for (const row of ownRows(table)) {
    for (const cell of elementChildren(row, CELLS)) {
      if (containsTable(cell) || cellText(cell, false).length > LAYOUT_CELL_CHARS) return false;
    }
  }
  return true;
}

/** A cell's text on one line: its paragraphs joined by a space, tabs and breaks made spaces. */
function cellText(cell: HtmlNode, keepTabs: boolean): string {
  const inner = new LineBuilder();
  for (const child of cell.children ?? []) walk(child, inner, keepTabs, false);
  return inner
    .result()
    .join(" ")
    .replace(/[\t\r\n]+/g, " ")
    .trim();
}

/** Rows of cell texts on a grid: colspan pads with empty cells, rowspan repeats the text below. */
function tableRows(table: HtmlNode, keepTabs: boolean): string[][] {
  const rows: string[][] = [];
  // Column → the text a rowspan carries into following rows, and for how many more rows.
  const carried = new Map<number, { text: string; rows: number }>();
  const span = (cell: HtmlNode, attribute: string): number => {
    const value = Number.parseInt(cell.attribs?.[attribute] ?? "1", 10);
    return Number.isFinite(value) && value > 1 ? Math.min(value, 1000) : 1;
  };
  for (const row of ownRows(table)) {
    const cells: string[] = [];
    let column = 0;
    const takeCarried = (): void => {
      let held = carried.get(column);
      while (held) {
        cells[column] = held.text;
        if (--held.rows === 0) carried.delete(column);
        column++;
        held = carried.get(column);
      }
    };
    for (const cell of elementChildren(row, CELLS)) {
      takeCarried();
      const text = cellText(cell, keepTabs);
      const columns = span(cell, "colspan");
      const rowsSpanned = span(cell, "rowspan");
      for (let offset = 0; offset < columns; offset++) {
        cells[column] = offset === 0 ? text : "";
        if (rowsSpanned > 1) carried.set(column, { text: cells[column], rows: rowsSpanned - 1 });
        column++;
      }
    }
    takeCarried();
    for (let index = 0; index < cells.length; index++) if (cells[index] === undefined) cells[index] = "";
    if (cells.some((cell) => cell !== "")) rows.push(cells);
  }
  return rows;
}
