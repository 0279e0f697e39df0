/**
 * Extraction rules: a base year written 与2023年相比 for a whole list, and 年平均增长 as an annual rate.
 */
import { targetsOf } from "../helpers";

describe("与2023年相比 and 年平均增长", () => {
  it("reads 与2023年相比 as the base of every item of the list, dated by the plan's horizon", () => {
    const targets = targetsOf(
      "到2027年，全市设备更新取得成效。与2023年相比，二手车交易额、再生资源回收额分别增长25%、18%。",
    );
    expect(targets.slice(-2).map((target) => [target.kind, target.value, target.baseYear, target.targetYear])).toEqual([
      ["growth_vs_baseline", 25, 2023, 2027],
      ["growth_vs_baseline", 18, 2023, 2027],
    ]);
  });

  it("reads 年平均增长X% as an annual rate, named without 年平均", () => {
    const [target] = targetsOf("到2027年，全市工业设备投资年平均增长9%以上。");
    expect([target.kind, target.value, target.indicator]).toEqual(["annual", 9, "工业设备投资"]);
  });
});
