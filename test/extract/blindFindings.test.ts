/**
 * Rules added after an independent blind measurement (four synthetic plans in
 * test/fixtures/unseen: 津海, 朔原, 桐阳, 柘川) found the extractor's general failures: department
 * lines after a task, undated counted objects, activity counts, 实现 + state milestones,
 * decreases, 自治区 names, goal links, domains and indicator names. One case per rule.
 */
import { prepareTarget } from "../../src/core/check";
import { canonicalDepartment } from "../../src/core/departments";
import { extractCatalog } from "../../src/core/extract/index";
import { parseResponsibility } from "../../src/core/extract/departments/statements";
import { normalizePlanText } from "../../src/core/extract/text";

function targetsOf(text: string): ReturnType<typeof extractCatalog>["targets"] {
  return extractCatalog(text, { cityName: "测试" }).targets;
}

/** Lead, whether it was inferred, and support of each target: what a department sees. */
function departments(text: string): Array<[string | null, boolean, string[]]> {
  return targetsOf(text).map((target) => [target.lead, target.leadInferred, target.support]);
}

describe("department statements on their own line after a task", () => {
  it("reads 【牵头单位】X ⏎【责任单位】Y lines as one statement for the task above them", () => {
    const text = [
      "桐山市人民政府",
      "二、重点任务",
      "1．推进技术改造。到2027年，完成200个重点技改项目。",
      "【牵头单位】市工信局",
      "【责任单位】市发展改革委、市财政局，各县（市、区）人民政府",
      "2．推进数字化转型。到2027年，新培育智能工厂35个。",
      "【牵头单位】市工信局",
      "【责任单位】市科技局",
    ].join("\n");
    expect(departments(text)).toEqual([
      ["市工业和信息化局", false, ["市发展改革委", "市财政局", "各县（市、区）人民政府"]],
      // The repeated 【牵头单位】市工信局 line is content, not a running header to drop.
      ["市工业和信息化局", false, ["市科技局"]],
    ]);
  });

  it("reads 牵头单位：X and 责任单位：X、Y lines without brackets", () => {
    const text =
      "桐山市人民政府\n二、任务\n1．电梯。到2027年，完成加装电梯800部。\n牵头单位：市住建局\n责任单位：市城管局、市市场监管局";
    expect(departments(text)).toEqual([["市住房城乡建设局", false, ["市城市管理局", "市市场监管局"]]]);
  });

  it("makes X the named lead in 责任单位：X（牵头），Y and in a nested （牵头） inside a bracket", () => {
    const line =
      "柘山县人民政府\n二、任务\n（一）工业。到2027年，实施技术改造项目80个以上。\n责任单位：县经济商务和信息化局（牵头），县发展和改革局、县财政局";
    expect(departments(line)).toEqual([["县经济商务和信息化局", false, ["县发展改革局", "县财政局"]]]);
    const nested = parseResponsibility("责任单位：县经济商务和信息化局（牵头）、县财政局", "county");
    expect([nested.lead?.original, nested.leadInferred, nested.support.map((name) => name.original)]).toEqual([
      "县经济商务和信息化局",
      false,
      ["县财政局"],
    ]);
  });

  it("keeps …按职责分工负责 out of the names after a 责任单位： label", () => {
    const parsed = parseResponsibility(
      "责任单位：县教育体育局、县卫生健康局、县文化广电和旅游局按职责分工负责",
      "county",
    );
    expect([parsed.lead?.canonical, parsed.leadInferred, parsed.support.map((name) => name.canonical)]).toEqual([
      "县教育体育局",
      true,
      ["县卫生健康局", "县文化广电和旅游局"],
    ]);
  });

  it("takes 列第一位的为牵头单位，下同 as naming the first listed lead, here and in later brackets", () => {
    const text = [
      "朔山回族自治区人民政府",
      "二、重点任务",
      "1．数字化。到2027年，建成智能工厂50家。（责任单位：自治区工业和信息化厅、科技厅、发展改革委。列第一位的为牵头单位，下同）",
      "2．标准。到2027年，制修订地方标准50项以上。（责任单位：自治区市场监督管理局、工业和信息化厅）",
    ].join("\n");
    expect(departments(text)).toEqual([
      ["自治区工业和信息化厅", false, ["自治区科技厅", "自治区发展改革委"]],
      ["自治区市场监管局", false, ["自治区工业和信息化厅"]],
    ]);
  });

  it("adds a bare 以下各项任务均需…负责落实，不再一一列出 sentence to the support of later tasks", () => {
    const text =
      "柘山县人民政府\n二、主要任务\n以下各项任务均需各乡镇人民政府负责落实，不再一一列出。\n（一）农机。每年报废更新农业机械300台以上。\n责任单位：县农业农村局（牵头），县财政局";
    expect(departments(text)).toEqual([["县农业农村局", false, ["县财政局", "各乡镇人民政府"]]]);
  });

  it("joins a department list wrapped onto the next line of a PDF paste, but not the next paragraph", () => {
    const clean = normalizePlanText(
      "【责任单位】市发展改革委、市财政局、市科技局、市数据局、市\n市场监管局\n到2027年，建成分拣中心15个。",
    ).text;
    expect(clean.split("\n")).toEqual([
      "【责任单位】市发展改革委、市财政局、市科技局、市数据局、市市场监管局",
      "到2027年，建成分拣中心15个。",
    ]);
  });
});

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

describe("names, levels, links and fields", () => {
  it("prefixes an autonomous region's departments with 自治区, including unprefixed later names", () => {
    expect(canonicalDepartment("生态环境厅", "region")).toBe("自治区生态环境厅");
    expect(canonicalDepartment("自治区工信厅", "province")).toBe("自治区工业和信息化厅");
    expect(canonicalDepartment("市场监管厅", "region")).toBe("自治区市场监管厅");
    const catalog = extractCatalog(
      "朔山回族自治区人民政府关于印发…的通知\n二、任务\n1．电力。到2027年，完成改造升级100万千瓦。（自治区发展改革委牵头，自治区工业和信息化厅、生态环境厅配合）",
    );
    expect(catalog.targets[0]).toMatchObject({
      id: "朔山-01",
      lead: "自治区发展改革委",
      support: ["自治区工业和信息化厅", "自治区生态环境厅"],
    });
  });

  it("gives the second goal of a 分别 pair or a 、-list the departments of the first", () => {
    const text = [
      "一、总体要求",
      "到2027年，规模以上工业企业数字化研发设计工具普及率、关键工序数控化率分别超过92%、78%。",
      "二、任务",
      "1．数字化研发设计工具推广。推广设计工具。（市经济和信息化局牵头，市科委配合）",
    ].join("\n");
    expect(departments(text)).toEqual([
      ["市经济和信息化局", true, ["市科学技术委员会"]],
      ["市经济和信息化局", true, ["市科学技术委员会"]],
    ]);
  });

  it("links 设备更新投资 to the first task only when that task names departments", () => {
    const goal = "一、总体要求\n到2027年，累计完成设备更新投资300亿元。\n二、任务\n";
    const firstNamed = `${goal}1．工业。推进技改。（市工信局牵头）\n2．医疗。推进医疗设备更新。（市卫健委牵头）`;
    expect(targetsOf(firstNamed)[0].lead).toBe("市工业和信息化局");
    const firstUnnamed = `${goal}1．工业。推进技改。\n2．医疗。推进医疗设备更新。（市卫健委牵头）`;
    expect(targetsOf(firstUnnamed)[0].lead).toBeNull();
  });

  it("takes the field from a task title that names one field before the indicator's qualifiers", () => {
    const text =
      "到2027年，完成改造。\n8．推动交通运输设备更新。到2027年，累计淘汰国三及以下排放标准营运柴油货车两万辆。\n17．完善废旧产品回收网络。到2027年，建成标准化社区回收网点3000个。";
    expect(targetsOf(text).map((target) => target.domain)).toEqual(["交通", "回收利用"]);
    // A task naming several fields leaves it to the indicator.
    expect(
      targetsOf("到2027年，完成改造。\n9．推进教育文旅医疗设备更新。到2027年，职业院校实训设备更新比例不低于50%。")[0]
        .domain,
    ).toBe("教育");
  });

  it("cuts clean indicator names: no trailing 翻, the words after the number, a bare verb's object", () => {
    expect(targetsOf("到2027年，废旧家电回收量较2023年翻一番。")[0].indicator).toBe("废旧家电回收量");
    const task =
      "到2027年，完成改造。\n11．推动文旅设施设备更新。每年推动不少于15家4A级及以上旅游景区开展设施设备更新。";
    expect(targetsOf(task)[0].indicator).toBe("4A级及以上旅游景区开展设施设备更新");
    const verb =
      "到2027年，完成改造。\n（四）推动交通运输设备更新。推进国三及以下排放标准营运柴油货车淘汰，力争2025年底前累计淘汰350辆。";
    expect(targetsOf(verb)[0].indicator).toBe("国三及以下排放标准营运柴油货车淘汰");
  });
});
