/**
 * Row-level errors, always: whatever a cell holds, its row is checked or rejected with file, row,
 * column and reason, and the other rows still compute (示例数据).
 */
import { runReportCheck } from "../../src/core/check";
import { readNumberCell, readBasisCell } from "../../src/core/check/cells";
import { exampleBaselines, exampleCatalog, reportTable } from "./helpers";

const good = ["2025-06", "市商务局", "示例-02", 1100, "累计"];

function check(rows: unknown[][]) {
  return runReportCheck([reportTable("r.csv", [good, ...rows])], exampleCatalog(), { baselines: exampleBaselines() });
}

describe("a bad cell rejects its row, never the check", () => {
  it.each<[string, unknown[], string, string]>([
    ["an overflowing value", ["2025-06", "市商务局", "示例-02", "1e400", "累计"], "notANumber", "D（填报值）"],
    ["a value of Infinity", ["2025-06", "市商务局", "示例-02", Infinity, "累计"], "notANumber", "D（填报值）"],
    [
      "a 32,000-digit value",
      ["2025-06", "市商务局", "示例-02", "9".repeat(32000), "累计"],
      "notANumber",
      "D（填报值）",
    ],
    ["a 口径 of __proto__", ["2025-06", "市商务局", "示例-02", 900, "__proto__"], "badBasis", "E（口径）"],
    ["a 口径 of constructor", ["2025-06", "市商务局", "示例-02", 900, "constructor"], "badBasis", "E（口径）"],
    ["a 口径 of toString", ["2025-06", "市商务局", "示例-02", 900, "toString"], "badBasis", "E（口径）"],
    ["a period that is an object", [{ x: 1 }, "市商务局", "示例-02", 900, "累计"], "missingPeriod", "A（期间）"],
    ["a target id __proto__", ["2025-06", "市商务局", "__proto__", 900, "累计"], "unknownTarget", "C（目标编号）"],
    ["a boolean value", ["2025-06", "市商务局", "示例-02", true, "累计"], "notANumber", "D（填报值）"],
  ])("%s", (_name, row, code, column) => {
    const result = check([row]);
    expect(result.rows.map((entry) => entry.row)).toEqual([2]);
    expect(result.errors).toEqual([expect.objectContaining({ file: "r.csv", row: 3, code, column })]);
    expect(result.errors[0].reason.length).toBeGreaterThan(0);
  });

  it("rejects a value whose gap is not finite, naming the row", () => {
    // A per-year target of 1e-300 (a path next to 0): a report of 1e10 is 1e311 times it, past any number.
    const catalog = exampleCatalog();
    catalog.targets = catalog.targets.map((target) =>
      target.id === "示例-06" ? { ...target, value: 1e-300, normalizedValue: 1e-300 } : target,
    );
    const result = runReportCheck(
      [reportTable("r.csv", [good, ["2025-05", "市商务局", "示例-06", 1e10, ""]])],
      catalog,
      { baselines: exampleBaselines() },
    );
    expect(result.rows.map((entry) => entry.row)).toEqual([2]);
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 3, code: "trajectoryError", reason: expect.stringContaining("不是有限数值") }),
    ]);
  });

  it("reads the 1e400 cell as Excel keeps it: text, not Infinity", () => {
    expect(readNumberCell("1e400")).toEqual({ kind: "text", text: "1e400" });
    expect(readNumberCell(" 85 % ")).toEqual({ kind: "number", value: 0.85 });
  });

  it('does not read "12 34" as 1234', () => {
    expect(readNumberCell("12 34")).toEqual({ kind: "text", text: "12 34" });
    expect(readNumberCell("1,234")).toEqual({ kind: "number", value: 1234 });
    expect(check([["2025-05", "市商务局", "示例-02", "12 34", "累计"]]).errors[0]).toMatchObject({
      code: "notANumber",
      row: 3,
    });
  });

  it("knows 口径 words by its own table only", () => {
    for (const key of ["__proto__", "constructor", "hasOwnProperty", "valueOf"])
      expect(readBasisCell(key)).toBe(undefined);
    expect(readBasisCell("年累计")).toBe("ytd");
  });
});
