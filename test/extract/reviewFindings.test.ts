/**
 * Rules added after the acceptance review (issue 2): a fresh 12-line plan (青岩) and the seeds
 * showed ordinary phrasings misread. Each case is the general phrasing, not the review's sentence.
 */
import * as fs from "fs";
import * as path from "path";
import { BUNDLED_CITIES } from "../../src/core/cities";
import { extractCatalog } from "../../src/core/extract/index";
import { readUnit } from "../../src/core/extract/numbers";
import { parseResponsibility } from "../../src/core/extract/departments/statements";

type Targets = ReturnType<typeof extractCatalog>["targets"];

function targetsOf(text: string): Targets {
  return extractCatalog(text, { cityName: "测试" }).targets;
}

/** A plan with one task under 二、重点任务, so the task's departments apply. */
function task(body: string): string {
  return `测试市人民政府\n二、重点任务\n1.任务。${body}`;
}

describe("department names with a role marker in any bracket", () => {
  it.each([
    ["〔牵头〕", "市工信局〔牵头〕、市发改委、市财政局"],
    ["【牵头】", "市工信局【牵头】、市发改委、市财政局"],
    ["[牵头]", "市工信局[牵头]、市发改委、市财政局"],
    ["(牵头) after cleaning", "市工信局(牵头)、市发改委、市财政局"],
  ])("makes X%s a named lead with a clean canonical name", (_marker, list) => {
    const [target] = targetsOf(task(`到2027年，实施设备更新项目600个。（责任单位：${list}）`));
    expect([target.lead, target.leadOriginal, target.leadInferred, target.support]).toEqual([
      "市工业和信息化局",
      "市工信局",
      false,
      ["市发展改革委", "市财政局"],
    ]);
  });

  it("reads a marked supporting department as support, not as part of its name", () => {
    const parsed = parseResponsibility("责任单位：市商务局〔牵头〕、市财政局〔配合〕", "city");
    expect([parsed.lead?.canonical, parsed.support.map((name) => name.canonical)]).toEqual(["市商务局", ["市财政局"]]);
  });
});

describe("cross-reference notes in a responsibility statement", () => {
  it.each(["下同", "同上", "以下同"])("never makes …按职责分工负责，%s a department", (note) => {
    const [target] = targetsOf(task(`到2027年，完成老旧小区改造120个。（市住建局、市城管局按职责分工负责，${note}）`));
    expect([target.lead, target.support]).toEqual(["市住房城乡建设局", ["市城市管理局"]]);
  });

  it("drops a note glued to a name (市城管局（下同）)", () => {
    const parsed = parseResponsibility("市住建局牵头，市城管局（下同）、市财政局配合", "city");
    expect(parsed.support.map((name) => name.original)).toEqual(["市城管局", "市财政局"]);
  });

  it("gives （责任单位：同上） the departments of the statement before it", () => {
    const text = `${task("到2027年，新增充电桩3000个。（责任单位：市发改委〔牵头〕、市住建局）")}\n2.设施。到2027年，改造换电站20座。（责任单位：同上）`;
    expect(targetsOf(text).map((target) => [target.lead, target.support])).toEqual([
      ["市发展改革委", ["市住房城乡建设局"]],
      ["市发展改革委", ["市住房城乡建设局"]],
    ]);
  });
});

describe("one clause listing several targets", () => {
  it("reads every item of X 120公里、Y 80公里, each named by its own object", () => {
    const targets = targetsOf("到2027年，完成改造。建设改造城市燃气管网120公里、供水管网80公里、排水管网30公里。");
    expect(
      targets
        .filter((target) => target.kind !== "milestone")
        .map((target) => [target.indicator, target.value, target.unit, target.kind, target.source.text]),
    ).toEqual([
      ["建设改造城市燃气管网", 120, "公里", "cumulative", "建设改造城市燃气管网120公里"],
      ["供水管网", 80, "公里", "cumulative", "供水管网80公里"],
      ["排水管网", 30, "公里", "cumulative", "排水管网30公里"],
    ]);
  });

  it("still skips a threshold listed after a target (…120个、使用8年以上的…)", () => {
    const targets = targetsOf("到2027年，改造老旧小区120个、使用8年以上的公务用车。");
    expect(targets.map((target) => target.value)).toEqual([120]);
  });
});

describe("compound measure words", () => {
  it.each([
    ["不少于20场次", "场次"],
    ["1.2万台（套）", "万台（套）"],
    ["5万人次", "万人次"],
    ["300台套", "台套"],
    ["40架次", "架次"],
    ["2万户次", "万户次"],
  ])("reads %s with the unit %s whole", (amount, unit) => {
    const [target] = targetsOf(`到2027年，每年开展活动${amount}。`);
    expect([target.unit, target.source.text.endsWith(amount)]).toEqual([unit, true]);
  });

  it("names the activity, not a stray 次: 每年举办促消费活动不少于20场次", () => {
    const [target] = targetsOf("到2027年，每年举办促消费活动不少于20场次。");
    expect([target.indicator, target.value, target.kind]).toEqual(["举办促消费活动", 20, "annual"]);
    expect(readUnit("20场次", 2)).toEqual({ unit: "场次", factor: 1, base: "场次" });
  });
});

describe("years of a growth clause and of later clauses", () => {
  it("reads 较2023年 for every growth goal of the sentence, also in a later clause", () => {
    const targets = targetsOf("到2027年，全市设备投资较2023年增长35%以上；单位地区生产总值能耗下降10%。");
    expect(targets.map((target) => [target.kind, target.value, target.baseYear])).toEqual([
      ["growth_vs_baseline", 35, 2023],
      ["growth_vs_baseline", -10, 2023],
    ]);
  });

  it("does not carry a year inside one clause's words to the next clause", () => {
    const text =
      "到2027年，完成改造。\n4.汽车以旧换新。力争2025年全市汽车以旧换新达到2.5万辆；每年举办促消费活动不少于20场次。";
    const counts = targetsOf(text).filter((target) => target.kind !== "milestone");
    expect(counts.map((target) => [target.value, target.targetYear])).toEqual([
      [2.5, 2025],
      // No year of its own: the plan's horizon, not the 2025 of the clause before.
      [20, 2027],
    ]);
  });

  it("carries a lead-in year (到2025年，…；… and a 到2025年： line above a list)", () => {
    const sentence = targetsOf("到2027年，完成改造。到2025年，新能源公交车比例达到90%；完成老旧小区改造50个。");
    expect(sentence.filter((target) => target.kind !== "milestone").map((target) => target.targetYear)).toEqual([
      2025, 2025,
    ]);
    const list = targetsOf(
      "到2027年，完成改造。\n一、主要目标\n到2025年：\n1．全市新能源公交车比例达到90%；\n2．完成老旧小区改造50个。\n二、任务\n1．工业。完成技改项目80个。",
    );
    expect(
      list.filter((target) => target.kind !== "milestone").map((target) => [target.indicator, target.targetYear]),
    ).toEqual([
      ["新能源公交车比例", 2025],
      ["老旧小区改造", 2025],
      // Past the next section heading the list's year no longer holds.
      ["技改项目", 2027],
    ]);
  });
});

describe("source clauses a user can check", () => {
  it("extends the source over the object after the number, to the end of its phrase", () => {
    const text =
      "到2027年，完成78公里燃气管道老化更新，更换液化石油气钢瓶15万支；供气方面重点加快改造或迁建5座不满足规范要求的老旧燃气场站。";
    const targets = targetsOf(text);
    expect(targets.map((target) => target.source.text)).toEqual([
      "到2027年，完成78公里燃气管道老化更新",
      "更换液化石油气钢瓶15万支",
      "供气方面重点加快改造或迁建5座不满足规范要求的老旧燃气场站",
    ]);
    for (const target of targets) expect(text.slice(target.source.start, target.source.end)).toBe(target.source.text);
  });

  it("stops an object at the 、 before the next number of a list", () => {
    const [first, second] = targetsOf("到2027年，打造10个以上家装消费体验中心、培育10家以上规模化二手车经销企业。");
    expect([first.source.text, second.source.text]).toEqual([
      "到2027年，打造10个以上家装消费体验中心",
      "培育10家以上规模化二手车经销企业",
    ]);
  });
});

describe("indicator names that tell targets apart", () => {
  it("keeps the scope of two shares of one name (公交车辆中 / 出租车辆中)", () => {
    const text =
      "到2027年，全市更新的公交车辆中，新能源车辆比例达100%，更新的出租（含巡游出租车和网约车）车辆中，新能源车辆比例不低于70%。";
    const targets = targetsOf(text);
    expect(targets.map((target) => [target.indicator, target.source.text])).toEqual([
      ["更新的公交车辆中新能源车辆比例", "到2027年，全市更新的公交车辆中，新能源车辆比例达100%"],
      ["更新的出租车辆中新能源车辆比例", "更新的出租（含巡游出租车和网约车）车辆中，新能源车辆比例不低于70%"],
    ]);
  });

  it("drops a clause's own period and list markers from the name (三年内淘汰…, 1．…)", () => {
    expect(targetsOf("到2027年，完成改造。三年内淘汰国三及以下排放标准营运柴油货车1500辆。")[0].indicator).toBe(
      "淘汰国三及以下排放标准营运柴油货车",
    );
  });
});

describe("departments of goals", () => {
  const ROOT = path.join(__dirname, "..", "..");

  it.each(["南阳", "南平", "开封"])(
    "gives %s's 关键工序数控化率 the department of the 普及率 stated with it",
    (name) => {
      const city = BUNDLED_CITIES.find((candidate) => candidate.name === name);
      const text = fs.readFileSync(path.join(ROOT, "seeds", city?.file ?? ""), "utf8");
      const targets = extractCatalog(text, { cityName: name }).targets;
      const tool = targets.find((target) => target.indicator.endsWith("数字化研发设计工具普及率"));
      const cnc = targets.find((target) => target.indicator === "关键工序数控化率");
      expect(cnc?.lead ?? null).not.toBeNull();
      expect([cnc?.lead, cnc?.leadInferred]).toEqual([tool?.lead, true]);
    },
  );

  it("does not pair consecutive growth goals that are not rates of one field", () => {
    const text = [
      "一、总体目标",
      "到2027年，报废汽车回收量较2023年增加约一倍，二手车交易量较2023年增长45%。",
      "二、任务",
      "1.推动汽车以旧换新。到2027年，新增充电桩200个。（市商务局牵头）",
      "2.推进农机更新。到2027年，报废更新农机300台。（市农业农村局牵头）",
    ].join("\n");
    expect(targetsOf(text).map((target) => target.lead)).toEqual(["市商务局", null, "市商务局", "市农业农村局"]);
  });

  const goals = (tasks: string[]): string =>
    ["一、总体目标", "到2027年，二手车交易量年均增长10%以上。", "二、任务", ...tasks].join("\n");

  it("links a goal no task words match to the one task of its field (二手 → 回收利用体系)", () => {
    const text = goals([
      "1.推进农机更新。到2027年，报废更新农机300台。（市农业农村局牵头）",
      "2.完善废旧产品回收利用体系。支持回收网点建设。（市供销社牵头，市商务局配合）",
    ]);
    const [goal] = targetsOf(text);
    expect([goal.lead, goal.leadInferred]).toEqual(["市供销社", true]);
  });

  it("links nothing when two tasks share the field, rather than guess", () => {
    const text = goals([
      "1.完善废旧产品回收利用体系。建设网点。（市供销社牵头）",
      "2.推进再生资源加工利用。建设基地。（市发改委牵头）",
    ]);
    expect(targetsOf(text)[0].lead).toBeNull();
  });
});
