/**
 * Extraction rules: an indicator-table cell that restates a body target.
 */
import { extractCatalog } from "../../../src/core/extract/index";

const HEADER = "序号\t指标\t单位\t2023年基数\t2025年目标\t2027年目标\t牵头单位";

/** A city plan with a body goal paragraph, a task with its own departments, and an appendix table. */
function plan(goal: string, tableRows: string[]): string {
  return [
    "测试市推动大规模设备更新和消费品以旧换新实施方案",
    "一、主要目标",
    goal,
    "二、重点任务",
    "（一）推进消费品以旧换新。到2027年，报废汽车回收量达到2.2万辆。（市商务局牵头，市公安局配合）",
    "三、保障措施",
    "（一）加强组织领导。建立工作机制。",
    "附件：测试市主要指标表",
    "附件",
    "测试市主要指标表",
    HEADER,
    ...tableRows,
  ].join("\n");
}

describe("an indicator-table cell that restates a body target", () => {
  const text = plan("到2025年，全市设备投资规模较2023年增长15%以上；到2027年，设备投资规模较2023年增长28%以上。", [
    "1\t设备投资规模较2023年增长\t%\t—\t15\t28\t市发展改革委",
    "2\t规上工业企业关键工序数控化率\t%\t61.2\t65\t70\t市工业和信息化局",
  ]);
  const targets = extractCatalog(text, { cityName: "测试" }).targets;

  it("is one target, kept at the body statement, with the row's 牵头单位 as a named lead", () => {
    const investment = targets.filter((target) => target.indicator.includes("设备投资"));
    expect(investment.map((target) => [target.value, target.targetYear, target.lead, target.leadInferred])).toEqual([
      [15, 2025, "市发展改革委", false],
      [28, 2027, "市发展改革委", false],
    ]);
    for (const target of investment) expect(target.source.text).toContain("较2023年增长");
    expect(investment.every((target) => !target.source.text.includes("\t"))).toBe(true);
  });

  it("leaves a cell the body does not state as a table target of its year", () => {
    const numerical = targets.filter((target) => target.indicator.includes("数控化率"));
    expect(numerical.map((target) => [target.value, target.targetYear, target.lead])).toEqual([
      [65, 2025, "市工业和信息化局"],
      [70, 2027, "市工业和信息化局"],
    ]);
  });

  it("is not a restatement when the year differs", () => {
    const other = extractCatalog(
      plan("到2025年，全市设备投资规模较2023年增长15%以上。", [
        "1\t设备投资规模较2023年增长\t%\t—\t—\t15\t市发展改革委",
      ]),
      {
        cityName: "测试",
      },
    ).targets.filter((target) => target.value === 15);
    expect(other.map((target) => target.targetYear)).toEqual([2025, 2027]);
  });

  it("does not override departments the body's task states for its own target", () => {
    const restated = extractCatalog(
      plan("到2027年，设备投资规模较2023年增长28%以上。", ["6\t报废汽车回收量\t万辆\t1.1\t—\t2.2\t市公安局"]),
      {
        cityName: "测试",
      },
    ).targets.filter((target) => target.value === 2.2);
    expect(restated.map((target) => [target.lead, target.source.text.includes("\t")])).toEqual([["市商务局", false]]);
  });
});
