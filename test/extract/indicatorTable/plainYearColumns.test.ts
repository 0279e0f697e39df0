/**
 * Extraction rules: an indicator table whose year columns are headed by the year alone
 * (2023年 | 2025年 | 2027年) with a 责任单位 column.
 */
import { extractCatalog } from "../../../src/core/extract/index";

const TABLE = [
  "测试市推动设备更新实施方案",
  "附件",
  "主要指标表",
  "序号\t指标\t单位\t2023年\t2025年\t2027年\t责任单位",
  "1\t城市公交车新能源占比\t%\t62\t80\t96\t市交通运输局、市财政局",
  "2\t报废汽车回收量\t万辆\t1.2\t1.8\t2.4\t市商务局",
].join("\n");

describe("year columns headed by the year alone", () => {
  const targets = extractCatalog(TABLE, { cityName: "测试" }).targets;

  it("takes the later years as targets and the earliest as the base, never a target", () => {
    expect(targets.map((target) => [target.value, target.unit, target.targetYear])).toEqual([
      [80, "%", 2025],
      [96, "%", 2027],
      [1.8, "万辆", 2025],
      [2.4, "万辆", 2027],
    ]);
  });

  it("gives each row's targets the row's 责任单位, the first as lead", () => {
    expect(targets.map((target) => [target.lead, target.support])).toEqual([
      ["市交通运输局", ["市财政局"]],
      ["市交通运输局", ["市财政局"]],
      ["市商务局", []],
      ["市商务局", []],
    ]);
  });

  it("takes every year column from the plan's first year on when the plan states it (2024—2027年)", () => {
    const stated = TABLE.replace("附件", "2024—2027年，全市推进设备更新。\n附件");
    expect(extractCatalog(stated, { cityName: "测试" }).targets.map((target) => target.targetYear)).toEqual([
      2025, 2027, 2025, 2027,
    ]);
  });
});
