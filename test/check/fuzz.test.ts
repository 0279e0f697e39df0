/**
 * Fuzz: generated report rows, hostile ones included (huge numbers, NaN text, prototype keys,
 * control characters, blanks, duplicated headers), through the check core and through the CLI.
 * Whatever the rows hold, the check never throws (the CLI never exits 1 on a readable file) and
 * every non-blank row is accounted for: checked, or rejected or skipped with a reason.
 * All figures 示例数据.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import { captureIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import type { CheckResult, RowIssue } from "../../src/core/check";
import { findReportHeader, runReportCheck } from "../../src/core/check";
import { exampleBaselines, exampleCatalog, FIXTURES } from "./helpers";

const HOSTILE_TEXT = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e400",
  "-1e400",
  "12 34",
  "9".repeat(400),
  "1e-400",
  "0x1F",
  "١٢٣",
  "\u0000",
  "\u001b[31m红\u001b[0m",
  "\u202e逆序",
  "\ufffe",
  "\ud800",
  "",
  " ",
  "\t",
  "=1+1",
  "null",
  "undefined",
];

const text = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.string({ maxLength: 12 }),
  fc.stringMatching(/^[\u4e00-\u9fa5]{1,6}$/),
);
const number = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity),
  fc.integer({ min: -1000, max: 100_000 }),
);
const period = fc.oneof(
  fc.constantFrom("2025-06", "2024-01", "2027-12", "2025", "2025年6月", "2025/6", "2023-12", "2028-01", 45838, 202506),
  text,
  number,
);
const department = fc.oneof(fc.constantFrom("市商务局", "商务局", "市工信局", "市住建局", "市发展改革委"), text);
const targetId = fc.oneof(
  fc.constantFrom("示例-01", "示例-02", "示例-04", "示例-05", "示例-06", "示例-07", "示例-09"),
  text,
);
const value = fc.oneof(number, text, fc.constantFrom("85%", "1,234.5", "１２３", " 42 ", "-5"));
const basis = fc.oneof(fc.constantFrom("累计", "时点", "", "ytd", "level"), text);
const cell = fc.oneof(text, number, fc.boolean(), fc.constant(null));

const row = fc.tuple(period, department, targetId, value, basis, cell);

const HEADERS: unknown[][] = [
  ["期间", "部门", "目标编号", "填报值", "口径", "备注"],
  ["Period", "Department", "Target ID", "Value", "Basis", "Notes"],
  ["日期", "填报单位", "目标编号", "填报值", "口径", "期间"], // 期间 wins over 日期 (column F then holds other data)
  ["期间", "部门", "目标编号", "填报值", "口径", "部门"], // two 部门: ambiguous
  ["期间", "__proto__", "目标编号", "填报值", "口径", "constructor"], // no department column
  ["期间", "部门", "目标编号", "填报值", "口径", "口径"], // two 口径: ambiguous
];
const header = fc.constantFrom(...HEADERS);

function isBlank(cells: readonly unknown[]): boolean {
  return cells.every(
    (entry) => entry === null || entry === undefined || (typeof entry === "string" && entry.trim() === ""),
  );
}

/** Skipped-with-a-reason notes: the row was read but not checked. */
const SKIP_NOTES = new Set(["blankValue", "duplicateKept"]);

/**
 * The accounting every check must balance: for a table whose header was usable, each non-blank
 * data row is exactly one of checked, rejected (errors) or skipped (notes); for one whose header
 * was not, the file has a whole-file error and no row is checked.
 */
function expectAccounted(result: CheckResult, file: string, rows: readonly unknown[][]): void {
  const headerFound = findReportHeader(rows);
  const forFile = (list: readonly RowIssue[]) => list.filter((entry) => entry.file === file);
  for (const entry of [...result.errors, ...result.notes]) expect(entry.reason.trim()).not.toBe("");
  expect(result.errors.some((entry) => entry.code === "unreadableRow")).toBe(false);
  if (!("dataStart" in headerFound)) {
    expect(forFile(result.errors).some((entry) => entry.row === 0)).toBe(true);
    expect(result.rows).toEqual([]);
    return;
  }
  const dataRows = rows.slice(headerFound.dataStart).filter((cells) => !isBlank(cells)).length;
  const rejected = new Set(
    forFile(result.errors)
      .filter((entry) => entry.row > 0)
      .map((entry) => entry.row),
  );
  const skipped = new Set(
    forFile(result.notes)
      .filter((entry) => SKIP_NOTES.has(entry.code))
      .map((entry) => entry.row),
  );
  const checked = new Set(result.rows.filter((entry) => entry.file === file).map((entry) => entry.row));
  expect(checked.size + rejected.size + skipped.size).toBe(dataRows);
  for (const rowNumber of checked) {
    expect(rejected.has(rowNumber)).toBe(false);
    expect(skipped.has(rowNumber)).toBe(false);
  }
  for (const checkedRow of result.rows) {
    expect(Number.isFinite(checkedRow.value)).toBe(true);
    expect(Number.isFinite(checkedRow.expected)).toBe(true);
    expect(Number.isFinite(checkedRow.gap)).toBe(true);
  }
}

describe("fuzz: the check core over generated rows", () => {
  it("never throws and accounts for every row", () => {
    const catalog = exampleCatalog();
    const baselines = exampleBaselines();
    fc.assert(
      fc.property(header, fc.array(row, { maxLength: 40 }), (headerRow, dataRows) => {
        const rows = [headerRow, ...dataRows.map((cells) => [...cells])];
        const result = runReportCheck([{ file: "fuzz.csv", rows }], catalog, { baselines });
        expectAccounted(result, "fuzz.csv", rows);
      }),
      { numRuns: 300 },
    );
  });
});

describe("fuzz: liangxin check over generated CSV files", () => {
  let directory: string;
  beforeAll(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-check-fuzz-"));
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  /**
   * A cell's text in a CSV file. A NUL byte makes the reader take the file for binary data (rightly
   * refused as unreadable, src/core/decode.ts), so the CLI's cells carry U+0001 in its place.
   */
  const csvText = (entry: unknown): string => (entry === null ? "" : String(entry).replaceAll("\u0000", "\u0001"));
  /** A cell as a CSV file holds it: quoted, quotes doubled; a blank cell empty. */
  const csvCell = (entry: unknown): string => (entry === null ? "" : `"${csvText(entry).replace(/"/g, '""')}"`);

  it("never exits 1 on a readable file and accounts for every row", async () => {
    // A column of ordinary text keeps a file's share of control characters that of a text file
    // (a file that looks binary is refused as unreadable, rightly).
    const remark = "示例数据".repeat(60);
    await fc.assert(
      fc.asyncProperty(header, fc.array(row, { minLength: 1, maxLength: 25 }), async (headerRow, dataRows) => {
        const rows = [headerRow, ...dataRows].map((cells) => [...cells.map(csvCell), remark]);
        fs.writeFileSync(path.join(directory, "fuzz.csv"), rows.map((cells) => cells.join(",")).join("\r\n") + "\r\n");
        const io = captureIo(directory);
        const code = await main(
          [
            "check",
            "fuzz.csv",
            "--city",
            path.join(FIXTURES, "catalog.json"),
            "--baselines",
            path.join(FIXTURES, "baselines.csv"),
            "--format",
            "json",
          ],
          io,
        );
        const headerFound = findReportHeader([headerRow]);
        if ("ambiguous" in headerFound) {
          expect(code).toBe(2); // the file is rejected with a reason naming both columns
          expect(JSON.parse(io.out).errors[0]).toMatchObject({ file: "fuzz.csv", row: 0, code: "ambiguousColumns" });
          return;
        }
        if (!("dataStart" in headerFound)) {
          expect(code).toBe(1); // not a report (no 部门 column): the check could not run, and says why
          expect(io.err).toContain("fuzz.csv");
          return;
        }
        expect(io.err).not.toMatch(/TypeError|RangeError|at .*\.js:/);
        expect(code).not.toBe(1);
        const result = JSON.parse(io.out) as CheckResult;
        // The CSV reader's view of the cells: what the core was given.
        const csvRows = [headerRow, ...dataRows].map((cells) => [...cells.map(csvText), remark]);
        expectAccounted(result, "fuzz.csv", csvRows);
        expect(code).toBe(result.errors.length > 0 ? 2 : 0);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
