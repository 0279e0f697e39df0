/**
 * The Excel custom functions and `liangxin calc` evaluate through the same registry: for the same
 * inputs a cell and the command line show the same thing.
 */
import { captureIo } from "../../src/cli/io";
import { formatResult, parseCalcArgument, run } from "../../src/cli/commands/calc";
import { toExcelCell } from "../../src/office/functions/excel";
import * as excel from "../../src/office/functions/trajectory";

/** Stand-in for the Office runtime's CustomFunctions global (absent in Node). */
class FakeExcelError {
  constructor(
    public readonly code: string,
    public readonly message?: string,
  ) {}
}
const FAKE_RUNTIME = {
  Error: FakeExcelError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
};

beforeAll(() => {
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = FAKE_RUNTIME;
});
afterAll(() => {
  delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
});

async function calc(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await run(args, io);
  return { code, out: io.out, err: io.err };
}

describe("Excel custom functions", () => {
  it("return a 1×1 range for single cells, which Excel shows as the value", () => {
    expect(
      excel.targetGap([[60]], [[100]], [[200]], [["2025-06"]], [["growth"]], null as unknown as undefined),
    ).toEqual([[expect.closeTo(-0.15147186257614298, 15)]]);
    expect(excel.trajectory([[0]], [[400]], [["2025-06"]], [["cumulative"]])).toEqual([[150]]);
  });

  it("return CustomFunctions.Error values, with the message only for #VALUE! and #N/A", () => {
    const [[numError]] = excel.requiredGrowth([[0]], [[200]]) as unknown[][];
    expect(numError).toBeInstanceOf(FakeExcelError);
    expect(numError).toMatchObject({ code: "#NUM!", message: undefined });
    const [[kindError]] = excel.trajectory([[100]], [[200]], [[2025]], [["speed"]]) as unknown[][];
    expect(kindError).toMatchObject({
      code: "#N/A",
      message: expect.stringMatching(/^TRAJECTORY：未知的 kind "speed".*\(TRAJECTORY does not know the kind "speed"/),
    });
    const [[valueError]] = excel.targetStatus([["abc"]], [[100]], [[200]], [[2025]]) as unknown[][];
    expect(valueError).toMatchObject({
      code: "#VALUE!",
      message: 'TARGET_STATUS：报告值应为数字，而不是 "abc" (TARGET_STATUS expects a number for reported, not "abc")',
    });
  });

  it("evaluate a whole report column in one call, errors per cell", () => {
    const result = excel.targetStatus(
      [[60], [68], [75], ["abc"], [""]],
      [[100]],
      [[200]],
      [["2025-06"]],
    ) as unknown[][];
    expect(result.map((row) => row[0])).toEqual(["落后", "预警", "正常", expect.any(FakeExcelError), ""]);
  });

  it("spill FORECAST_TARGET to the right and LAGGARDS down", () => {
    expect(excel.forecastTarget([[100], [110], [120]], [[2023], [2024], [2025]], [[2027]], [[150]])).toEqual([
      [expect.closeTo(140, 9), expect.closeTo(140, 9), expect.closeTo(140, 9), 0],
    ]);
    expect(excel.laggards([["市商务局"], ["市工信局"]], [[-0.1], [-0.2]])).toEqual([["市工信局"], ["市商务局"]]);
    expect(excel.laggards([["市商务局"], ["市工信局"]], [[0.1], [0.2]])).toEqual([[""]]);
  });
});

describe("liangxin calc", () => {
  it("prints the issue's example in full precision and exits 0", async () => {
    const { code, out } = await calc("TARGET_GAP", "60", "100", "200", "2025-06", "growth");
    expect(out).toBe("-0.15147186257614298\n");
    expect(code).toBe(0);
  });

  it("prints the error code first, its message after, and exits 1", async () => {
    const { code, out } = await calc("REQUIRED_GROWTH", "0", "200");
    expect(out).toBe("#NUM! REQUIRED_GROWTH：基期值须为正数 (REQUIRED_GROWTH requires a positive baseline)\n");
    expect(code).toBe(1);
  });

  it("prints text as is", async () => {
    expect((await calc("TARGET_STATUS", "60", "100", "200", "2025-06")).out).toBe("落后\n");
  });

  it('takes "" as an omitted optional and JSON arrays as ranges, printing a spill as JSON rows', async () => {
    const { code, out } = await calc("TARGET_GAP", "[[60],[70]]", "100", "200", "2025-06", "", "abs");
    expect(JSON.parse(out)).toEqual([[expect.closeTo(-10.71068, 5)], [expect.closeTo(-0.71068, 5)]]);
    expect(code).toBe(0);
    expect(JSON.parse((await calc("TRAJECTORY", "100", "200", "[2025,2026]")).out)).toEqual([
      [expect.closeTo(141.42136, 5), expect.closeTo(168.17928, 5)],
    ]);
  });

  it("shows error cells of a spill by their code", async () => {
    const { out } = await calc("REQUIRED_GROWTH", "[[100],[0]]", "200");
    expect(JSON.parse(out)).toEqual([[expect.closeTo(0.189207, 6)], ["#NUM!"]]);
  });

  it("rejects a malformed range as a usage error (exit 2) and an unknown function as #NAME?", async () => {
    const bad = await calc("TARGET_GAP", "[60,", "100", "200", "2025");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/JSON/);
    const unknown = await calc("NO_SUCH", "1");
    expect(unknown.out).toMatch(/^#NAME\? /);
    expect(unknown.code).toBe(1);
  });

  it("refuses a call with a required argument missing as a usage error (exit 2), naming it and the signature", async () => {
    // Review: `calc TARGET_GAP 60 100 200` printed an empty line and exited 0.
    const missingDate = await calc("TARGET_GAP", "60", "100", "200");
    expect(missingDate.code).toBe(2);
    expect(missingDate.out).toBe("");
    expect(missingDate.err).toBe(
      "liangxin calc: TARGET_GAP 缺少必填参数 报告期 (TARGET_GAP is missing its required argument date)\n" +
        "Usage: liangxin calc TARGET_GAP(reported, baseline, target, date, [kind], [mode])\n",
    );
    const none = await calc("LAGGARDS");
    expect(none.code).toBe(2);
    expect(none.err).toContain("LAGGARDS is missing its required arguments departments, gaps");
  });

  it("prints a blank line and exits 0 for LAGGARDS with nobody behind (review: #N/A, exit 1)", async () => {
    expect(await calc("LAGGARDS", '["a","b"]', "[0.1,0.2]")).toEqual({ code: 0, out: "\n", err: "" });
  });

  it('keeps an explicit "" in a required position as a blank cell: a blank result (not reported yet), exit 0', async () => {
    const blank = await calc("TARGET_GAP", "", "100", "200", "2025-06");
    expect(blank).toEqual({ code: 0, out: "\n", err: "" });
  });

  it("reads 2025.06 and 202506 as June 2025, and refuses a date outside the plan period with #NUM! (exit 1)", async () => {
    // Review finding 8: these gave 7.68e-8 and 1.36e34.
    expect((await calc("TRAJECTORY", "100", "200", "2025.06")).out).toBe("70.71067811865476\n");
    expect((await calc("TRAJECTORY", "100", "200", "202506")).out).toBe("70.71067811865476\n");
    expect((await calc("TRAJECTORY", "100", "200", "2025.10")).out).toBe(`${(141.4213562373095 * 10) / 12}\n`); // text: October
    const late = await calc("TRAJECTORY", "100", "200", "2028-01", "growth");
    expect(late.code).toBe(1);
    expect(late.out).toBe(
      "#NUM! TRAJECTORY：报告期 2028-01 在规划期之外（2023–2027 年） (TRAJECTORY: the report date 2028-01 is outside the plan period 2023–2027)\n",
    );
  });

  it("gives the reduction target of review finding 6 a positive gap, as check does", async () => {
    expect(Number((await calc("TARGET_GAP", "0.10", "0.12", "0.09", "2025-06", "share")).out)).toBeCloseTo(0.08046, 5);
  });

  it("lists every function with its signature", async () => {
    const { code, out } = await calc("--list");
    expect(code).toBe(0);
    expect(out).toContain("TARGET_GAP(reported, baseline, target, date, [kind], [mode])");
    expect(out).toContain("LAGGARDS(departments, gaps, [threshold])");
  });
});

describe("a cell and the command line agree", () => {
  const cases: string[][] = [
    ["TARGET_GAP", "60", "100", "200", "2025-06", "growth"],
    ["TARGET_GAP", "60", "100", "200", "2025-06", "growth", "abs"],
    ["TRAJECTORY", "100", "200", "2025-06", "level"],
    ["TRAJECTORY", "40", "100", "45838", "share"],
    ["TARGET_STATUS", "68", "100", "200", "2025-06"],
    ["REQUIRED_GROWTH", "10000", "11000", "0", "96"],
    ["REQUIRED_GROWTH", "-1", "200"],
    ["TRAJECTORY", "100", "200", "2025", "speed"],
    ["TARGET_GAP", "abc", "100", "200", "2025"],
  ];
  const excelFunctions: Record<string, (...args: unknown[][][]) => unknown[][]> = {
    TARGET_GAP: excel.targetGap as never,
    TRAJECTORY: excel.trajectory as never,
    TARGET_STATUS: excel.targetStatus as never,
    REQUIRED_GROWTH: excel.requiredGrowth as never,
  };

  it.each(cases)("%s %s %s %s %s %s %s", async (name, ...args) => {
    const cli = await calc(name, ...args);
    // What the cell shows: the value, or the error code (and message where Excel shows one).
    const [[cell]] = excelFunctions[name](...args.map((arg) => [[parseCalcArgument(arg)]] as unknown[][]));
    const shown =
      cell instanceof FakeExcelError
        ? formatResult({ error: cell.code as "#N/A", message: cell.message })
        : formatResult(cell as number | string);
    if (cell instanceof FakeExcelError && cell.message === undefined)
      expect(cli.out.startsWith(`${cell.code} `)).toBe(true);
    else expect(cli.out).toBe(`${shown}\n`);
  });

  it("converts neutral errors exactly once", () => {
    expect(toExcelCell({ error: "#DIV/0!", message: "hidden" })).toEqual(new FakeExcelError("#DIV/0!"));
    expect(toExcelCell(null)).toBe("");
  });
});
