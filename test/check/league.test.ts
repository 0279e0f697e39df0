import { departmentLeague, runReportCheck } from "../../src/core/check";
import type { CheckedRow } from "../../src/core/check";
import { exampleBaselines, exampleCatalog, reportTable } from "./helpers";

function row(
  department: string,
  targetId: string,
  period: string,
  gap: number,
  status: CheckedRow["status"],
): CheckedRow {
  return {
    file: "示例.csv",
    row: 2,
    targetId,
    indicator: "",
    department,
    departmentAsWritten: department,
    period,
    basis: "ytd",
    value: 1,
    expected: 1,
    gap,
    gapAbs: 0,
    status,
    statusLabel: "",
    targetValue: 1,
    baselineValue: 1,
    runRate: null,
    forecast: null,
  };
}

describe("departmentLeague", () => {
  it("puts the department with most targets behind first, then most at risk, then the worst gap", () => {
    const league = departmentLeague([
      row("乙局", "A", "2025-06", -0.05, "atRisk"),
      row("甲局", "A", "2025-06", -0.3, "behind"),
      row("甲局", "B", "2025-06", 0.1, "onTrack"),
      row("丙局", "A", "2025-06", -0.2, "behind"),
      row("丙局", "B", "2025-06", -0.5, "behind"),
      row("丁局", "A", "2025-06", -0.08, "atRisk"),
      row("戊局", "A", "2025-06", 0.2, "onTrack"),
    ]);
    expect(league.map((entry) => entry.department)).toEqual(["丙局", "甲局", "丁局", "乙局", "戊局"]);
    expect(league[0]).toEqual({
      department: "丙局",
      behind: 2,
      atRisk: 0,
      onTrack: 0,
      worstGap: -0.5,
      worstTargetId: "B",
      targetsBehind: ["B", "A"],
    });
  });

  it("counts each target once, by its latest report", () => {
    const league = departmentLeague([
      row("甲局", "A", "2025-05", -0.3, "behind"),
      row("甲局", "A", "2025-06", 0.01, "onTrack"),
      row("甲局", "B", "2024", -0.02, "atRisk"),
      row("甲局", "B", "2024-11", -0.5, "behind"),
    ]);
    expect(league[0]).toMatchObject({ behind: 0, atRisk: 1, onTrack: 1, worstGap: -0.02 });
  });
});

describe("runReportCheck: league table and behind list", () => {
  it("lists the targets behind at their latest report, worst gap first", () => {
    const result = runReportCheck(
      [
        reportTable("示例.csv", [
          ["2025-06", "市商务局", "示例-02", 1000, ""], // gap −29%
          ["2025-06", "市商务局", "示例-06", 2, ""], // gap −67%
          ["2025-06", "市住房和城乡建设局", "示例-05", 150, ""], // on track
          ["2025-06", "市工业和信息化局", "示例-04", 0.55, ""], // gap −6%: at risk
        ]),
      ],
      exampleCatalog(),
      { baselines: exampleBaselines() },
    );
    expect(result.departments.map((entry) => [entry.department, entry.behind, entry.atRisk, entry.onTrack])).toEqual([
      ["市商务局", 2, 0, 0],
      ["市工业和信息化局", 0, 1, 0],
      ["市住房城乡建设局", 0, 0, 1],
    ]);
    expect(result.behind.map((entry) => entry.targetId)).toEqual(["示例-06", "示例-02"]);
    expect(result.behind[0].gap).toBeCloseTo(2 / 6 - 1, 10);
  });
});
