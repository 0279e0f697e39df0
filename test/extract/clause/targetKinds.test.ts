/**
 * Extraction rules: targets the measurement found missing or mis-kinded.
 */
import { prepareTarget } from "../../../src/core/check";
import { targetsOf } from "../helpers";

describe("targets the measurement found missing or mis-kinded", () => {
  it("takes an undated verb + number + 以上 + object in a task at the plan's horizon (打造10个以上…中心)", () => {
    const text = "到2027年，完成改造。\n15．家装。打造10个以上家装消费体验中心。培育10家以上规模化二手车经销企业。";
    expect(
      targetsOf(text).map((target) => [target.kind, target.comparator, target.value, target.unit, target.targetYear]),
    ).toEqual([
      ["cumulative", ">=", 10, "个", 2027],
      ["cumulative", ">=", 10, "家", 2027],
    ]);
  });

  it("still skips undated participant counts and background (…企业参加展会, 培育了…, 支持…)", () => {
    const text =
      "到2027年，完成改造。\n1．任务。组织10家以上企业参加展会。培育了30家以上龙头企业。支持20家以上企业上云。";
    expect(targetsOf(text).filter((target) => target.kind !== "milestone")).toEqual([]);
  });

  it("reads an activity counted with no verb (汽车以旧换新1500辆以上) as a total done by the year", () => {
    const [target] = targetsOf("力争到2024年底，全县汽车以旧换新1500辆以上。");
    expect(target).toMatchObject({ kind: "cumulative", value: 1500, unit: "辆", targetYear: 2024 });
    expect(targetsOf("2024年，全县家电以旧换新销售额力争突破1亿元。")[0]).toMatchObject({
      kind: "level",
      comparator: ">",
    });
  });

  it("reads 实现稳定运行 by a deadline as a milestone, with the number before it left as a count", () => {
    const targets = targetsOf("推进污水处理设施提标改造，2025年底前，12个乡镇政府驻地污水处理设施实现稳定运行。");
    expect(targets.map((target) => [target.kind, target.targetYear])).toEqual([["milestone", 2025]]);
  });

  it("stores a decrease as a negative change (比2023年下降4.5% → −4.5, −0.045), but 降低至12% as a level", () => {
    const [decrease, level] = targetsOf("到2025年，单位增加值能耗比2023年下降4.5%，供热管网热损失率降低至12%以下。");
    expect(decrease).toMatchObject({
      kind: "growth_vs_baseline",
      value: -4.5,
      normalizedValue: -0.045,
      baseYear: 2023,
    });
    expect(level).toMatchObject({ kind: "share", value: 12, comparator: "<=" });
    // The check then aims at baseline × 0.955 and treats lower as better, flipped once.
    const plan = prepareTarget(decrease, 100);
    expect(plan.ready && [plan.targetValue, plan.lowerIsBetter]).toEqual([95.5, true]);
  });

  it("gives 突破 the comparator >", () => {
    expect(targetsOf("到2025年，全区新能源汽车保有量突破25万辆。")[0]).toMatchObject({
      comparator: ">",
      kind: "level",
    });
  });
});
