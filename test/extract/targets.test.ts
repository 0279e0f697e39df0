import { extractCatalog } from "../../src/core/extract/index";

/** Extracts a one-sentence plan and returns its targets. */
function targetsOf(sentence: string) {
  return extractCatalog(`一、重点任务\n1.推进工作。${sentence}（市发展改革委负责）`).targets;
}

describe("target recognition", () => {
  it("reads growth against a base year, with 约 and Chinese numerals", () => {
    const [growth, doubled] = targetsOf("到2027年，二手车交易量较2023年增长45%，报废汽车回收量较2023年增加约一倍。");
    expect(growth).toMatchObject({
      kind: "growth_vs_baseline",
      comparator: "=",
      value: 45,
      unit: "%",
      normalizedValue: 0.45,
      baseYear: 2023,
      targetYear: 2027,
      indicator: "二手车交易量",
    });
    expect(doubled).toMatchObject({
      kind: "growth_vs_baseline",
      comparator: "~",
      value: 1,
      unit: "倍",
      normalizedValue: 1,
    });
  });

  it("splits 分别…、… into one target per subject", () => {
    const targets = targetsOf("到2027年，数字化研发设计工具普及率、关键工序数控化率分别超过90%、75%。");
    expect(targets.map((target) => [target.indicator, target.kind, target.comparator, target.value])).toEqual([
      ["数字化研发设计工具普及率", "share", ">", 90],
      ["关键工序数控化率", "share", ">", 75],
    ]);
  });

  it("reads cumulative, per-year and level targets with their comparators", () => {
    const targets = targetsOf(
      "2024至2027年，力争每年实施节能降碳改造项目10个以上，累计报废农业机械0.2万台以上，再生资源回收量达到30万吨，培育专精特新企业800家左右。",
    );
    expect(
      targets.map((target) => [
        target.kind,
        target.comparator,
        target.value,
        target.unit,
        target.normalizedValue,
        target.startYear,
        target.targetYear,
      ]),
    ).toEqual([
      ["annual", ">=", 10, "个", 10, 2024, 2027],
      ["cumulative", ">=", 0.2, "万台", 2000, 2024, 2027],
      ["level", "=", 30, "万吨", 300000, null, 2027],
      ["cumulative", "~", 800, "家", 800, 2024, 2027],
    ]);
  });

  it("reads two completion targets in one sentence (完成…246公里，完成…33处)", () => {
    const targets = targetsOf("到2027年，完成新改建供水管网246公里，完成居民小区二次供水设施更新改造33处。");
    expect(targets.map((target) => [target.indicator, target.value, target.unit])).toEqual([
      ["新改建供水管网", 246, "公里"],
      ["居民小区二次供水设施更新改造", 33, "处"],
    ]);
  });

  it("takes 2024年底前 as the target year of a milestone", () => {
    const [milestone] = targetsOf("2024年底前，全部完成“带病运行”管道设施更新改造。");
    expect(milestone).toMatchObject({ kind: "milestone", value: null, unit: null, comparator: null, targetYear: 2024 });
  });

  it("does not take thresholds, conditions or plan-describing counts for targets", () => {
    const sentences = [
      "对使用8年以上的公务用车分批次更新。",
      "工业新建年综合能耗1万吨标准煤以上项目达到能效先进水平。",
      "有序推动4人间及以上病房改造为2—3人间。",
      "淘汰超过10年以上的设备，推广能效2级产品。",
      "实施十大工程，部署5方面20项重点任务。",
      "落实豫政〔2024〕15号文件，2024年5月11日起施行。",
      "支持34家省级工业龙头企业提升存量。",
    ];
    for (const sentence of sentences) expect(targetsOf(sentence)).toEqual([]);
  });

  it("keeps the number target when a threshold sits in the same clause", () => {
    const [target] = targetsOf("到2027年，3人间及以下的病房占比达到80%以上。");
    expect(target).toMatchObject({ kind: "share", value: 80, comparator: ">=" });
  });

  it("uses the plan's horizon year where a clause states none", () => {
    const catalog = extractCatalog(
      "一、总体要求\n到2027年，设备投资规模较2023年增长25%以上。\n二、重点任务\n1.推进节能。每年组织实施节能改造项目30项以上。（市工信局负责）",
    );
    expect(catalog.targets[1]).toMatchObject({ kind: "annual", targetYear: 2027, startYear: 2024 });
  });
});
