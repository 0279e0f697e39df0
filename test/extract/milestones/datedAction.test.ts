/**
 * Extraction rules: milestones with a dated completion and no end-state word.
 */
import { targetsOf } from "../helpers";

describe("milestones with a dated completion and no end-state word", () => {
  it.each([
    ["2024年9月15日前完成全区以旧换新参与商户备案和公示", 2024],
    ["2024年底前完成全市在用老旧拖拉机摸底登记", 2024],
    ["2025年6月底前完成重点用能单位能耗监测平台建设验收", 2025],
  ])("reads %s", (sentence, year) => {
    const milestones = targetsOf(`到2027年，完成改造。${sentence}。`).filter((target) =>
      target.source.text.includes(sentence.slice(-6)),
    );
    expect(milestones.map((target) => [target.kind, target.targetYear])).toEqual([["milestone", year]]);
  });

  it("does not make issuing a document (各市要于2024年6月底前出台具体实施方案) a target", () => {
    expect(
      targetsOf("到2027年，完成改造。各市（州）人民政府要于2024年6月底前出台具体实施方案，细化目标任务。"),
    ).toEqual([]);
  });

  it("dates a goals list item with no year by the lead-in year of the list's first item", () => {
    const text = [
      "一、总体要求",
      "主要目标：",
      "1．到2027年，设备投资规模较2023年增长30%以上。",
      "2．重点行业主要用能设备能效基本达到节能水平。",
      "二、任务",
      "（一）推进改造。持续推进。",
    ].join("\n");
    expect(targetsOf(text).map((target) => [target.kind, target.targetYear])).toEqual([
      ["growth_vs_baseline", 2027],
      ["milestone", 2027],
    ]);
  });
});
