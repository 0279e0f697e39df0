import { runReportCheck } from "../../src/core/check";
import type { CheckResult } from "../../src/core/check";
import { exampleBaselines, exampleCatalog, reportTable } from "./helpers";

const catalog = exampleCatalog();
const baselines = exampleBaselines();

function check(rows: unknown[][], options: Parameters<typeof runReportCheck>[2] = {}): CheckResult {
  return runReportCheck([reportTable("报表.csv", rows)], catalog, { baselines, ...options });
}

describe("runReportCheck: trajectory, gap and status per row", () => {
  it("compares a year-to-date flow with its compound path (doubling: 2000 → 4000, June 2025 → 1414.21)", () => {
    const [row] = check([["2025-06", "市商务局", "示例-02", 1200, "累计"]]).rows;
    expect(row.expected).toBeCloseTo(1414.21356, 4);
    expect(row.gap).toBeCloseTo(-0.15147, 5);
    expect(row.gapAbs).toBeCloseTo(-214.21356, 4);
    expect(row.status).toBe("behind");
    expect(row.statusLabel).toBe("落后");
    expect(row.targetValue).toBe(4000);
    // Rest of 2025 must bring the year to 2000·√2 = 2828.43 in 6 months.
    expect(row.runRate).toBeCloseTo((2828.42712 - 1200) / 6, 3);
  });

  it("reads 口径 时点 as a stock on the same path (June 2025 = 1.5 years after 2023)", () => {
    const [row] = check([["2025-06", "市商务局", "示例-02", 2600, "时点"]]).rows;
    expect(row.basis).toBe("level");
    expect(row.expected).toBeCloseTo(2593.6791, 3);
    expect(row.status).toBe("onTrack");
  });

  it("defaults 口径 by kind and computes share, cumulative and annual targets", () => {
    const result = check([
      ["2025-06", "市工业和信息化局", "示例-04", "58%", ""],
      ["2025-06", "市住房和城乡建设局", "示例-05", 150, ""],
      ["2025-06", "市商务局", "示例-06", 5.7, ""],
      ["2025-06", "市工业和信息化局", "示例-03", 400000, ""],
    ]);
    expect(result.errors).toEqual([]);
    const [share, cumulative, annual, level] = result.rows;
    expect(share.basis).toBe("level");
    expect(share.expected).toBeCloseTo(0.5875, 10);
    expect(share.status).toBe("atRisk");
    expect(cumulative.expected).toBeCloseTo(150, 10);
    expect(cumulative.status).toBe("onTrack");
    expect(annual.expected).toBeCloseTo(6, 10);
    expect(annual.status).toBe("atRisk");
    expect(level.expected).toBeCloseTo(300000 * Math.pow(500000 / 300000, 1.5 / 4), 4);
  });

  it("reads a share given in points (58) the same as 58% and 0.58", () => {
    const gaps = ["58", 58, 0.58].map(
      (value) => check([["2025-06", "市工业和信息化局", "示例-04", value, ""]]).rows[0].gap,
    );
    expect(gaps[0]).toBeCloseTo(gaps[2], 12);
    expect(gaps[1]).toBeCloseTo(gaps[2], 12);
  });

  it("flips the gap for a reduction target so that being above the path is behind", () => {
    // 单位能耗 −13.5% by 2027 from 100: an intensity, so a level; June 2025 is on 100 × 0.865^(1.5/4) ≈ 94.71.
    const [above, below] = check([
      ["2025-06", "市发展和改革委员会", "示例-08", 105, ""],
      ["2025-07", "市发展和改革委员会", "示例-08", 93, ""],
    ]).rows;
    expect(above.expected).toBeCloseTo(100 * Math.pow(0.865, 1.5 / 4), 9);
    expect(above.gap).toBeLessThan(-0.1);
    expect(above.status).toBe("behind");
    expect(below.gap).toBeGreaterThan(0);
    expect(below.status).toBe("onTrack");
  });

  it("honours a custom tolerance", () => {
    const rows = [["2025-06", "市商务局", "示例-02", 1200, "累计"]];
    expect(check(rows, { tolerance: 0.2 }).rows[0].status).toBe("atRisk");
  });

  it("labels statuses in English on request, keeping the codes", () => {
    const [row] = check([["2025-06", "市商务局", "示例-02", 1200, ""]], { locale: "en-US" }).rows;
    expect(row.status).toBe("behind");
    expect(row.statusLabel).toBe("Behind");
  });

  it("accepts 2025年6月, 2025/6, an ISO date and an Excel serial as the same month", () => {
    const result = check([
      ["2025年6月", "甲", "示例-06", 6, ""],
      ["2025/6", "乙", "示例-06", 6, ""],
      ["2025-06-30", "丙", "示例-06", 6, ""],
      [45838 - 15, "丁", "示例-06", 6, ""], // 2025-06-16 as an Excel serial
    ]);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((row) => row.period)).toEqual(["2025-06", "2025-06", "2025-06", "2025-06"]);
  });
});

describe("runReportCheck: bad rows are listed with their row numbers, the rest still compute", () => {
  const result = check([
    ["2025-03", "市商务局", "示例-01", 30, ""], // row 2: fine
    ["2025-03", "市商务局", "示例-99", 30, ""], // row 3: unknown target
    ["2025-03", "市商务局", "示例-06", "三个", ""], // row 4: text value
    ["2023-12", "市商务局", "示例-06", 3, ""], // row 5: before the start year
    ["2028-01", "市商务局", "示例-06", 3, ""], // row 6: after the target year
    ["2025-03", "市商务局", "示例-05", -4, ""], // row 7: negative count
    ["2025-04", "市商务局", "示例-06", 3, ""], // row 8: conflicting duplicate (with row 9)
    ["2025-04", "市商务局", "示例-06", 4, ""], // row 9
    ["2025-03", "市发展和改革委员会", "示例-09", 30, ""], // row 10: missing baseline
    ["2025-03", "市交通运输局", "示例-07", 1, ""], // row 11: milestone
    ["2025-13", "市商务局", "示例-06", 3, ""], // row 12: bad period
    ["2025-05", "", "示例-06", 3, ""], // row 13: no department
    ["2025-05", "市商务局", "示例-06", 3, "季度"], // row 14: unknown 口径
    ["", "", "", "", ""], // row 15: blank row, not data
    ["2025-05", "市商务局", "示例-06", "", ""], // row 16: blank value, noted
    ["2025-06", "市商务局", "示例-06", 5, ""], // row 17: fine
    ["2025-06", "市商务局", "示例-06", 5, ""], // row 18: identical duplicate, kept once
  ]);

  it("rejects each bad row with its spreadsheet row number and reason", () => {
    expect(result.errors.map((error) => [error.row, error.code])).toEqual([
      [3, "unknownTarget"],
      [4, "notANumber"],
      [5, "outsidePlan"],
      [6, "outsidePlan"],
      [7, "negativeValue"],
      [8, "conflictingDuplicate"],
      [9, "conflictingDuplicate"],
      [10, "missingBaseline"],
      [11, "milestoneTarget"],
      [12, "badPeriod"],
      [13, "missingDepartment"],
      [14, "badBasis"],
    ]);
    expect(result.errors.every((error) => error.file === "报表.csv")).toBe(true);
  });

  it("says why in Chinese, naming the value or the other row", () => {
    const reason = (row: number): string => result.errors.find((error) => error.row === row)?.reason ?? "";
    expect(reason(3)).toContain("示例-99");
    expect(reason(4)).toContain("三个");
    expect(reason(5)).toContain("2024–2027");
    expect(reason(8)).toContain("报表.csv 第9行");
    expect(reason(9)).toContain("报表.csv 第8行");
    expect(reason(10)).toContain("基期值");
  });

  it("explains an impossible trajectory (a zero baseline for a growth target) as the TRAJECTORY function would", () => {
    const zeroBaselines = new Map([...baselines, ["示例-02", 0]]);
    const checked = check([["2025-06", "市商务局", "示例-02", 10, ""]], { baselines: zeroBaselines });
    expect(checked.rows).toEqual([]);
    const [error] = checked.errors;
    expect(error.row).toBe(2);
    expect(error.reason).toContain("#NUM! TRAJECTORY：");
    expect(error.reason).toContain("基期值");
    expect(error.reason).not.toMatch(/expectedAt/);
  });

  it("still computes the good rows and keeps one of two identical duplicates", () => {
    expect(result.rows.map((row) => row.row)).toEqual([2, 17]);
    expect(result.notes.map((note) => [note.row, note.code])).toEqual([
      [16, "blankValue"],
      [18, "duplicateKept"],
    ]);
    expect(result.summary).toEqual({ files: 1, rowsRead: 16, rowsChecked: 2, rowsRejected: 12 });
  });

  it("rejects a whole table without the required columns, naming them", () => {
    const bad = runReportCheck(
      [
        {
          file: "x.csv",
          rows: [
            ["期间", "数量"],
            ["2025-06", 3],
          ],
        },
      ],
      catalog,
      { baselines },
    );
    expect(bad.errors).toHaveLength(1);
    expect(bad.errors[0]).toMatchObject({ file: "x.csv", row: 0, code: "missingColumns" });
    expect(bad.errors[0].reason).toContain("部门");
  });
});

describe("runReportCheck: headers", () => {
  it("reads English headers in another order", () => {
    const result = runReportCheck(
      [
        reportTable(
          "en.csv",
          [["Commerce", 1200, "2025-06", "示例-02"]],
          ["Department", "Value", "Period", "Target ID"],
        ),
      ],
      catalog,
      { baselines },
    );
    expect(result.rows[0]).toMatchObject({ department: "Commerce", period: "2025-06", value: 1200, row: 2 });
  });

  it("finds the header under a title row and skips a second English header row", () => {
    const rows = [
      ["示例数据：2025年6月填报"],
      ["月份", "责任单位", "目标编号", "填报值", "口径"],
      ["Month", "Department", "Target id", "Value", "Basis"],
      ["2025-06", "市商务局", "示例-06", 6, "年累计"],
    ];
    const result = runReportCheck([{ file: "t.xlsx", rows }], catalog, { baselines });
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({ row: 4, basis: "ytd", status: "onTrack" });
  });

  it("numbers rows from the sheet's first row when the table starts lower (the add-in's used range)", () => {
    const result = runReportCheck(
      [
        {
          file: "月度填报",
          firstRowNumber: 3,
          rows: [
            ["期间", "部门", "目标编号", "填报值"],
            ["2025-06", "甲", "示例-99", 1],
          ],
        },
      ],
      catalog,
      {},
    );
    expect(result.errors[0].row).toBe(4);
  });
});

describe("runReportCheck: consolidation across files", () => {
  it("puts the rows of several files together and finds a conflict between files", () => {
    const result = runReportCheck(
      [
        reportTable("商务局.csv", [["2025-06", "市商务局", "示例-06", 6, ""]]),
        reportTable("商务局-补报.xlsx", [
          ["2025-06", "市商务局", "示例-06", 7, ""],
          ["2025-05", "市商务局", "示例-06", 5, ""],
        ]),
      ],
      catalog,
      { baselines },
    );
    expect(result.errors.map((error) => [error.file, error.row])).toEqual([
      ["商务局.csv", 2],
      ["商务局-补报.xlsx", 2],
    ]);
    expect(result.errors[0].reason).toContain("商务局-补报.xlsx 第2行");
    expect(result.rows.map((row) => [row.file, row.row])).toEqual([["商务局-补报.xlsx", 3]]);
  });
});

describe("runReportCheck: forecast", () => {
  const months = (count: number, valueAt: (month: number) => number): unknown[][] =>
    Array.from({ length: count }, (_, index) => [
      `2025-${String(index + 1).padStart(2, "0")}`,
      "市商务局",
      "示例-06",
      valueAt(index + 1),
      "",
    ]);

  it("attaches a forecast to the series' latest report once it has three months", () => {
    expect(check(months(2, (month) => month)).rows.map((row) => row.forecast === null)).toEqual([true, true]);
    expect(check(months(4, (month) => month)).rows.map((row) => row.forecast === null)).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it("attaches a forecast to every row from the third month with forecastRows: all", () => {
    const result = check(
      months(4, (month) => month),
      { forecastRows: "all" },
    );
    expect(result.rows.map((row) => row.forecast === null)).toEqual([true, true, false, false]);
    expect(result.rows[2].forecast?.months).toBe(3);
    expect(result.rows[3].forecast?.months).toBe(4);
    // One a month, annualised, is 12 a year: exactly the per-year target.
    expect(result.rows[3].forecast?.value).toBeCloseTo(12, 6);
  });

  it("turns an on-track figure whose forecast misses the target into 预警", () => {
    // Ahead of the path early, then slowing: each month is at or above the path but the trend falls below 12 a year.
    const values = [1.6, 2.6, 3.3, 4.0, 5.1, 6.1];
    const result = check(months(6, (month) => values[month - 1]));
    const last = result.rows[5];
    expect(last.gap).toBeGreaterThanOrEqual(0);
    expect(last.forecast?.value).toBeLessThan(12);
    expect(last.status).toBe("atRisk");
  });
});
