/**
 * Two columns for one field: the plainer header wins where one obviously is (期间 over 日期 for the
 * period, 填报单位 over 牵头单位 for the reporter); otherwise an error naming both, never the first silently.
 */
import { findBaselineHeader, findReportHeader, readBaselines, runReportCheck } from "../../src/core/check";
import { exampleBaselines, exampleCatalog, reportTable } from "./helpers";

describe("ambiguous report headers", () => {
  it("takes 期间, not the submission 日期, whichever comes first", () => {
    const header = ["日期", "期间", "部门", "目标编号", "填报值", "口径"];
    const result = runReportCheck(
      [reportTable("r.csv", [["2025-07-03", "2025-06", "市商务局", "示例-02", 1100, "累计"]], header)],
      exampleCatalog(),
      { baselines: exampleBaselines() },
    );
    expect(result.errors).toEqual([]);
    expect(result.rows[0].period).toBe("2025-06");
  });

  it("credits the 填报单位, not the 牵头单位 before it", () => {
    const header = ["期间", "牵头单位", "填报单位", "目标编号", "填报值"];
    const result = runReportCheck(
      [reportTable("r.csv", [["2025-06", "市工业和信息化局", "市商务局", "示例-02", 1100]], header)],
      exampleCatalog(),
      { baselines: exampleBaselines() },
    );
    expect(result.rows[0].department).toBe("市商务局");
  });

  it("refuses two equally plain columns, naming both", () => {
    const header = ["期间", "部门", "责任单位", "目标编号", "填报值"];
    const result = runReportCheck(
      [reportTable("r.csv", [["2025-06", "市商务局", "市住建局", "示例-02", 1100]], header)],
      exampleCatalog(),
      { baselines: exampleBaselines() },
    );
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([expect.objectContaining({ file: "r.csv", row: 0, code: "ambiguousColumns" })]);
    expect(result.errors[0].reason).toContain("B“部门”");
    expect(result.errors[0].reason).toContain("C“责任单位”");
    expect(findReportHeader([header])).toMatchObject({ ambiguous: [{ field: "department" }] });
  });

  it("refuses two baseline columns", () => {
    const rows = [
      ["目标编号", "基期值", "基数"],
      ["示例-02", 2000, 3000],
    ];
    expect(findBaselineHeader(rows)).toMatchObject({ ambiguous: [{ field: "baseline" }] });
    expect(readBaselines([{ file: "b.csv", rows }]).errors[0]).toMatchObject({ code: "ambiguousColumns", row: 0 });
  });

  it("does not mistake a header cell named __proto__ for a field", () => {
    expect(findReportHeader([["__proto__", "constructor", "期间", "部门", "目标编号", "填报值"]])).toMatchObject({
      columns: { period: 2, department: 3, targetId: 4, value: 5 },
    });
  });
});
