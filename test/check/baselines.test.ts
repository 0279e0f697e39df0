import { readBaselines } from "../../src/core/check";

describe("readBaselines", () => {
  it("reads 目标编号 and 基期值 from a 目标总表-like sheet with other columns around them", () => {
    const { baselines, errors } = readBaselines([
      {
        file: "目标总表",
        rows: [
          ["目标编号", "指标", "类型", "基期值", "备注"],
          ["示例-01", "二手车交易量", "growth_vs_baseline", 100, ""],
          ["示例-04", "普及率", "share", "40%", ""],
          ["示例-09", "投资", "growth_vs_baseline", "", "待填"],
        ],
      },
    ]);
    expect(errors).toEqual([]);
    expect([...baselines]).toEqual([
      ["示例-01", 100],
      ["示例-04", 0.4],
    ]);
  });

  it("reads English headers", () => {
    const { baselines } = readBaselines([
      {
        file: "b.csv",
        rows: [
          ["Target ID", "Baseline"],
          ["示例-02", "2,000"],
        ],
      },
    ]);
    expect(baselines.get("示例-02")).toBe(2000);
  });

  it("reports text, negative and conflicting baselines with their rows instead of guessing", () => {
    const { baselines, errors } = readBaselines([
      {
        file: "b.csv",
        rows: [
          ["目标编号", "基期值"],
          ["示例-01", "约一百"],
          ["示例-02", -5],
          ["示例-03", 10],
        ],
      },
      {
        file: "c.csv",
        rows: [
          ["目标编号", "基期值"],
          ["示例-03", 12],
        ],
      },
    ]);
    expect(errors.map((error) => [error.file, error.row, error.code])).toEqual([
      ["b.csv", 2, "badBaseline"],
      ["b.csv", 3, "badBaseline"],
      ["c.csv", 2, "conflictingBaseline"],
    ]);
    expect(errors[2].reason).toContain("b.csv 第4行");
    expect([...baselines]).toEqual([["示例-03", 10]]);
  });

  it("names the missing columns", () => {
    const { errors } = readBaselines([{ file: "b.csv", rows: [["编号", "数值"]] }]);
    expect(errors[0]).toMatchObject({ row: 0, code: "missingColumns" });
    expect(errors[0].reason).toContain("基期值");
  });
});
