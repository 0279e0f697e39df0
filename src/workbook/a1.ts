/** A1 reference helpers shared by the templates and the writers. */

/** 0-based column index → letters (0 → "A", 26 → "AA"). */
export function columnLetter(columnIndex: number): string {
  let letters = "";
  let index = columnIndex + 1;
  while (index > 0) {
    const remainder = (index - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    index = Math.floor((index - 1) / 26);
  }
  return letters;
}

/** Letters → 0-based column index ("A" → 0, "AA" → 26). */
export function columnIndex(letters: string): number {
  let index = 0;
  for (const char of letters.toUpperCase()) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}

/** 1-based row and 0-based column → "B3". */
export function cellRef(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** Quoted sheet name for formulas: '目标总表'. */
export function quoteSheet(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'`;
}

/** Sheet-qualified absolute range: '目标总表'!$A$3:$A$20 (or a single cell when rows are equal and columns too). */
export function absoluteRange(
  sheetName: string,
  fromLetter: string,
  fromRow: number,
  toLetter = fromLetter,
  toRow = fromRow,
): string {
  const start = `$${fromLetter}$${fromRow}`;
  const end = `$${toLetter}$${toRow}`;
  return `${quoteSheet(sheetName)}!${start}${start === end ? "" : `:${end}`}`;
}

/** Parses "B3" into 1-based row and 0-based column. */
export function parseCell(ref: string): { row: number; column: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref.trim().toUpperCase());
  if (!match) throw new Error(`parseCell: not an A1 cell reference: ${ref}`);
  return { row: Number(match[2]), column: columnIndex(match[1]) };
}
