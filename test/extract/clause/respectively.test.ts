/**
 * Extraction rules: 分别 lists — a value for each of paired years, and a unit or comparator written
 * once at the end of the list.
 */
import { targetsOf } from "../helpers";

describe("分别 lists", () => {
  it("gives each value its own year when the years are paired (到2025年、2027年，…分别达到…)", () => {
    const targets = targetsOf("到2025年、2027年，全市充电桩保有量分别达到1.2万个、2万个。");
    expect(targets.map((target) => [target.value, target.unit, target.targetYear])).toEqual([
      [1.2, "万个", 2025],
      [2, "万个", 2027],
    ]);
  });

  it("keeps one year for a list with a subject per value", () => {
    const targets = targetsOf("到2027年，光伏装机、风电装机分别达到80万千瓦、30万千瓦。");
    expect(targets.map((target) => target.targetYear)).toEqual([2027, 2027]);
  });

  it("gives the first value the unit completed at the end (分别提高8个、6个百分点)", () => {
    const targets = targetsOf("到2027年，工业互联网普及率、上云率分别提高8个、6个百分点。");
    expect(targets.map((target) => [target.value, target.unit, target.kind])).toEqual([
      [8, "个百分点", "growth_vs_baseline"],
      [6, "个百分点", "growth_vs_baseline"],
    ]);
  });

  it("gives a bare number of the list the unit and comparator written once (分别达到4、6家以上)", () => {
    const targets = targetsOf("到2027年，省级、市级智能工厂分别达到4、6家以上。");
    expect(targets.map((target) => [target.value, target.unit, target.comparator])).toEqual([
      [4, "家", ">="],
      [6, "家", ">="],
    ]);
  });

  it("counts new ones over the period even when 达到 states the count (新增A、B分别达到2、5家)", () => {
    const targets = targetsOf("到2027年，新增国家级、省级绿色工厂分别达到2、5家。");
    expect(targets.map((target) => [target.kind, target.value])).toEqual([
      ["cumulative", 2],
      ["cumulative", 5],
    ]);
  });
});
