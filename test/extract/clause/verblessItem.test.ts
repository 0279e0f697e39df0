/**
 * Extraction rules: a verbless next item after a comma that measures the same thing (容量, 规模) as
 * the target before it continues the list; the same words elsewhere still state a condition.
 */
import { targetsOf } from "../helpers";

describe("a verbless item after a comma", () => {
  it("reads …，老旧光伏电站改造容量20万千瓦 after a target in 万千瓦 as a target of its own", () => {
    const targets = targetsOf("到2027年，光伏装机容量达到150万千瓦，老旧光伏电站改造容量20万千瓦。");
    expect(targets.map((target) => [target.value, target.unit, target.kind, target.targetYear])).toEqual([
      [150, "万千瓦", "level", 2027],
      [20, "万千瓦", "cumulative", 2027],
    ]);
  });

  it("still skips a capacity that qualifies a noun or bounds it (容量10万千瓦以下的电站)", () => {
    const targets = targetsOf("到2027年，光伏装机容量达到150万千瓦，淘汰容量10万千瓦以下的老旧电站。");
    expect(targets.map((target) => target.value)).toEqual([150]);
  });
});
