/**
 * Extraction rules: an amount per quarter, month or half-year.
 */
import { targetsOf } from "../helpers";

/** A county plan with a headline goal and one task per line, each with its department bracket. */
function countyPlan(tasks: string[], header: string[] = ["测试县推动大规模设备更新和消费品以旧换新实施方案"]): string {
  return [...header, "一、主要目标", "到2027年，全县设备投资比2023年增长30%左右。", "二、重点任务", ...tasks].join(
    "\n",
  );
}

describe("an amount per quarter, month or half-year", () => {
  it.each([
    ["每季度", 4],
    ["每月", 12],
    ["每半年", 2],
  ])("%s组织2场… is an annual target of the year's total (value and unit as written)", (period, perYear) => {
    const [target] = targetsOf(
      countyPlan([`1．家电以旧换新。${period}组织2场家电以旧换新促销活动。（县商务局牵头）`]),
    ).slice(1);
    expect(target).toMatchObject({
      kind: "annual",
      value: 2,
      unit: "场",
      normalizedValue: 2 * Number(perYear),
      indicator: "家电以旧换新促销活动",
      lead: "县商务局",
    });
    expect(target.source.text).toBe(`${period}组织2场家电以旧换新促销活动`);
  });

  it("is one target with 全年不少于N when the year's figure restates it, stated by both phrases", () => {
    const targets = targetsOf(
      countyPlan(["1．家电以旧换新。每季度组织1场家电以旧换新促销活动，全年不少于4场。（县商务局牵头）"]),
    ).slice(1);
    expect(targets).toHaveLength(1);
    expect(targets[0]).toMatchObject({
      kind: "annual",
      comparator: ">=",
      value: 4,
      unit: "场",
      normalizedValue: 4,
      indicator: "家电以旧换新促销活动",
    });
    expect(targets[0].source.text).toBe("每季度组织1场家电以旧换新促销活动，全年不少于4场");
  });

  it("keeps both when the year asks for more than the quarters add up to", () => {
    const targets = targetsOf(
      countyPlan(["1．家电以旧换新。每季度组织1场家电以旧换新促销活动，全年不少于6场。（县商务局牵头）"]),
    ).slice(1);
    expect(targets.map((target) => [target.kind, target.normalizedValue])).toEqual([
      ["annual", 4],
      ["annual", 6],
    ]);
  });

  it("is not a target when it is a working routine (调度, 报送) or counted in 次", () => {
    const text = countyPlan(["1．家电以旧换新。每季度调度2次工作进展，每月报送1份工作台账。（县商务局牵头）"]);
    expect(targetsOf(text).slice(1)).toEqual([]);
  });
});
