/**
 * Extraction rules: a per-year amount written as the year's (全年, 年度).
 */
import { targetsOf } from "../helpers";

/** A county plan with a headline goal and one task per line, each with its department bracket. */
function countyPlan(tasks: string[], header: string[] = ["测试县推动大规模设备更新和消费品以旧换新实施方案"]): string {
  return [...header, "一、主要目标", "到2027年，全县设备投资比2023年增长30%左右。", "二、重点任务", ...tasks].join(
    "\n",
  );
}

describe("a per-year amount written as the year's (全年, 年度)", () => {
  it.each(["全年举办汽车促消费活动不少于6场", "年度举办汽车促消费活动不少于6场"])(
    "%s is annual, not a level needing a baseline",
    (clause) => {
      const [target] = targetsOf(countyPlan([`1．汽车以旧换新。${clause}。（县商务局牵头）`])).slice(1);
      expect(target).toMatchObject({
        kind: "annual",
        comparator: ">=",
        value: 6,
        unit: "场",
        normalizedValue: 6,
        indicator: "举办汽车促消费活动",
        startYear: 2024,
      });
    },
  );
});
