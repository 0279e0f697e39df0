/**
 * Extraction rules: years of a growth clause and of later clauses.
 */
import { targetsOf } from "../helpers";

describe("years of a growth clause and of later clauses", () => {
  it("reads 较2023年 for every growth goal of the sentence, also in a later clause", () => {
    const targets = targetsOf("到2027年，全市设备投资较2023年增长35%以上；单位地区生产总值能耗下降10%。");
    expect(targets.map((target) => [target.kind, target.value, target.baseYear])).toEqual([
      ["growth_vs_baseline", 35, 2023],
      ["growth_vs_baseline", -10, 2023],
    ]);
  });

  it("does not carry a year inside one clause's words to the next clause", () => {
    const text =
      "到2027年，完成改造。\n4.汽车以旧换新。力争2025年全市汽车以旧换新达到2.5万辆；每年举办促消费活动不少于20场次。";
    const counts = targetsOf(text).filter((target) => target.kind !== "milestone");
    expect(counts.map((target) => [target.value, target.targetYear])).toEqual([
      [2.5, 2025],
      // No year of its own: the plan's horizon, not the 2025 of the clause before.
      [20, 2027],
    ]);
  });

  it("carries a lead-in year (到2025年，…；… and a 到2025年： line above a list)", () => {
    const sentence = targetsOf("到2027年，完成改造。到2025年，新能源公交车比例达到90%；完成老旧小区改造50个。");
    expect(sentence.filter((target) => target.kind !== "milestone").map((target) => target.targetYear)).toEqual([
      2025, 2025,
    ]);
    const list = targetsOf(
      "到2027年，完成改造。\n一、主要目标\n到2025年：\n1．全市新能源公交车比例达到90%；\n2．完成老旧小区改造50个。\n二、任务\n1．工业。完成技改项目80个。",
    );
    expect(
      list.filter((target) => target.kind !== "milestone").map((target) => [target.indicator, target.targetYear]),
    ).toEqual([
      ["新能源公交车比例", 2025],
      ["老旧小区改造", 2025],
      // Past the next section heading the list's year no longer holds.
      ["技改项目", 2027],
    ]);
  });
});
