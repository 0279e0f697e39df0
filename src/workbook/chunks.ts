/**
 * Payload arithmetic for Office.js round trips. Excel on the web refuses a request or a response
 * over 5 MB (RichApi.Error "request payload size limit exceeded"); the add-in keeps every sync under
 * SYNC_PAYLOAD_LIMIT by measuring what it queues (JSON, UTF-8 bytes, as Office.js serialises it) and
 * splitting large 2-D writes and reads into row bands. Pure: arrays in, bands out.
 */

/** The most one sync may carry each way, in bytes: a fifth of Excel on the web's 5 MB, leaving room for Office.js's own framing. */
export const SYNC_PAYLOAD_LIMIT = 1_000_000;

/** What the sheet builder queues per sync by its own estimate (argument bytes); the rest of the limit absorbs per-call framing. */
export const SYNC_BATCH_BUDGET = 850_000;

/** Bytes of framing Office.js adds per queued call (object path, method id), an upper estimate. */
export const CALL_OVERHEAD_BYTES = 120;

/**
 * UTF-8 byte length of a string (Chinese text is 3 bytes a character), without allocating.
 * @param text any string
 * @returns its length in UTF-8 bytes
 * @example utf8Length("目标") // → 6
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The bytes a value takes in a request or response: its JSON, in UTF-8.
 * @param value anything JSON can hold
 * @returns bytes
 * @example jsonBytes([["a", 1]]) // → 9
 */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}

/** A band of rows of a grid: where it starts (offset from the grid's first row) and its rows. */
export interface RowBand<T> {
  rowOffset: number;
  rows: T[][];
  bytes: number;
}

/**
 * Splits a 2-D array into consecutive bands of rows, each at most `budget` bytes of JSON (a
 * single row larger than the budget is a band of its own: cells cannot be split).
 *
 * @param rows the grid (rows of equal or ragged length)
 * @param budget the most bytes a band may hold
 * @returns the bands in order; none for an empty grid
 * @example rowBands([["a"], ["b"], ["c"]], 12).map((band) => band.rowOffset) // → [0, 2]
 */
export function rowBands<T>(rows: readonly (readonly T[])[], budget: number): RowBand<T>[] {
  const bands: RowBand<T>[] = [];
  let current: RowBand<T> | null = null;
  rows.forEach((row, index) => {
    const bytes = jsonBytes(row) + 1;
    if (!current || (current.rows.length > 0 && current.bytes + bytes > budget)) {
      current = { rowOffset: index, rows: [], bytes: 2 };
      bands.push(current);
    }
    current.rows.push([...row]);
    current.bytes += bytes;
  });
  return bands;
}
