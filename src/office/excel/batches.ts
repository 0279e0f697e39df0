/**
 * Bounded round trips. Excel on the web refuses a request or a response over 5 MB; the sheet
 * builder queues its writes as operations with their size (JSON bytes of the arguments) and this
 * runner syncs whenever the next one would take the batch over SYNC_BATCH_BUDGET, and reads large
 * ranges in row bands sized from a per-cell estimate that grows with what earlier bands measured.
 * So the number of syncs grows with the data's size, never with the number of targets as such.
 */
import { CALL_OVERHEAD_BYTES, SYNC_BATCH_BUDGET, jsonBytes, type SheetCell } from "../../workbook";

/** The smallest per-cell estimate a read is sized by, however empty the rows before were. */
const MIN_CELL_BYTES = 16;

/** One queued call (or a few), with the bytes it adds to the request. */
export interface Operation {
  bytes: number;
  apply(): void;
}

/** Counts syncs and the largest request and response, by the builder's own measure. */
export class RoundTrips {
  syncs = 0;
  largestRequest = 0;
  largestResponse = 0;
  private requestBytes = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget = SYNC_BATCH_BUDGET,
  ) {}

  /** Adds a queued call's argument bytes to the current request. */
  spend(bytes: number): void {
    this.requestBytes += bytes + CALL_OVERHEAD_BYTES;
  }

  /** Whether anything is queued. */
  get pending(): boolean {
    return this.requestBytes > 0;
  }

  async sync(): Promise<void> {
    this.syncs++;
    this.largestRequest = Math.max(this.largestRequest, this.requestBytes);
    this.requestBytes = 0;
    await this.context.sync();
  }

  /** Records what a sync brought back. */
  received(bytes: number): void {
    this.largestResponse = Math.max(this.largestResponse, bytes);
  }

  /**
   * Applies operations in order, syncing before any that would take the request over the budget.
   * @param operations the writes, in order
   * @param beforeBatch called before the first operation of each batch (calculation suspended until its sync)
   */
  async run(operations: Iterable<Operation>, beforeBatch?: () => void): Promise<void> {
    for (const operation of operations) {
      if (this.requestBytes > 0 && this.requestBytes + operation.bytes + CALL_OVERHEAD_BYTES > this.budget)
        await this.sync();
      if (this.requestBytes === 0) {
        beforeBatch?.();
        this.spend(0);
      }
      operation.apply();
      this.spend(operation.bytes);
    }
    if (this.requestBytes > 0) await this.sync();
  }

  /**
   * Reads rectangles of cells (Range.formulas) in row bands, several per sync, each sync's
   * estimated response within the budget.
   * @param requests the rectangles, with a first guess at the bytes of one cell
   * @param property what to read: formulas (a reload's inputs) or values (检查月报's figures)
   * @returns each rectangle's cells, in request order
   */
  async read(requests: readonly ReadRequest[], property: "formulas" | "values" = "formulas"): Promise<SheetCell[][][]> {
    const results: SheetCell[][][] = requests.map(() => []);
    const cursors = requests.map(() => 0);
    const cellBytes = requests.map((request) => Math.max(4, request.cellBytes));
    for (;;) {
      const batch: Array<{ index: number; start: number; count: number; range: Excel.Range }> = [];
      let estimate = 0;
      requests.forEach((request, index) => {
        while (cursors[index] < request.rows) {
          const perRow = Math.max(8, request.columns * cellBytes[index]);
          let count = Math.floor((this.budget - estimate) / perRow);
          if (count < 1) {
            if (batch.length) return;
            count = 1;
          }
          count = Math.min(count, request.rows - cursors[index]);
          const range = request.sheet.getRangeByIndexes(
            request.row + cursors[index],
            request.column,
            count,
            request.columns,
          );
          range.load(property);
          this.spend(40);
          batch.push({ index, start: cursors[index], count, range });
          cursors[index] += count;
          estimate += count * perRow;
        }
      });
      if (!batch.length) break;
      await this.sync();
      let received = 0;
      for (const { index, range } of batch) {
        const cells = range[property] as SheetCell[][];
        let largestRow = 0;
        for (const row of cells) {
          const bytes = jsonBytes(row) + 1;
          received += bytes;
          largestRow = Math.max(largestRow, bytes);
        }
        results[index].push(...cells);
        // The next bands of this rectangle are sized from the fullest row of this one, with a margin.
        cellBytes[index] = Math.max(MIN_CELL_BYTES, (1.5 * largestRow) / Math.max(1, requests[index].columns));
      }
      this.received(received);
    }
    return results;
  }
}

/** A rectangle of a sheet to read (0-based), and a first guess at the bytes of one of its cells. */
export interface ReadRequest {
  sheet: Excel.Worksheet;
  row: number;
  column: number;
  rows: number;
  columns: number;
  cellBytes: number;
}

/**
 * Writes of a 2-D array in row bands, each within half the batch budget.
 * @param range makes the range of a band (0-based row offset within the grid, number of rows)
 * @param rows the cells
 * @param property which property the band sets
 * @returns one operation per band
 */
export function bandedWrites<T>(
  range: (rowOffset: number, rowCount: number) => Excel.Range,
  rows: readonly (readonly T[])[],
  property: "formulas" | "numberFormat",
): Operation[] {
  const operations: Operation[] = [];
  let start = 0;
  let bytes = 0;
  // Row sizes decide the bands.
  const bands: Array<{ start: number; end: number; bytes: number }> = [];
  rows.forEach((row, index) => {
    const rowBytes = jsonBytes(row) + 1;
    if (index > start && bytes + rowBytes > SYNC_BATCH_BUDGET / 2) {
      bands.push({ start, end: index, bytes });
      start = index;
      bytes = 0;
    }
    bytes += rowBytes;
  });
  if (rows.length > start) bands.push({ start, end: rows.length, bytes });
  for (const band of bands) {
    operations.push({
      bytes: band.bytes,
      apply: () => {
        const target = range(band.start, band.end - band.start);
        const cells = rows.slice(band.start, band.end) as unknown as string[][];
        if (property === "formulas") target.formulas = cells;
        else target.numberFormat = cells;
      },
    });
  }
  return operations;
}
