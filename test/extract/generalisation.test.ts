/**
 * Rules added so the extractor reads other governments' conventions (issue 2): each case is a
 * phrasing from a province, city, county or sector plan that the seeds do not use.
 */
import { canonicalDepartment } from "../../src/core/departments";
import { extractCatalog } from "../../src/core/extract/index";
import { findTableTargets } from "../../src/core/extract/indicatorTable";
import { readUnit } from "../../src/core/extract/numbers";
import { isResponsibilitySentence, parseResponsibility } from "../../src/core/extract/departments/statements";
import { scanYears } from "../../src/core/extract/years";

function only(text: string, cityName = "测试"): ReturnType<typeof extractCatalog>["targets"] {
  return extractCatalog(text, { cityName }).targets;
}

describe("numbers written the way other plans write them", () => {
  it("reads 翻一番 as growth of one 倍 and 翻两番 as three", () => {
    const [doubled] = only("到2027年，报废汽车回收量较2023年翻一番。");
    expect(doubled).toMatchObject({
      kind: "growth_vs_baseline",
      value: 1,
      unit: "倍",
      normalizedValue: 1,
      baseYear: 2023,
      targetYear: 2027,
    });
    expect(only("到2030年，再生资源产值翻两番。")[0]).toMatchObject({ value: 3, unit: "倍" });
  });

  it("reads 成 as tenths: 增长三成以上 is growth of 3 成 = 0.3", () => {
    expect(only("到2026年，设备更新投资比2023年增长三成以上。")[0]).toMatchObject({
      kind: "growth_vs_baseline",
      comparator: ">=",
      value: 3,
      unit: "成",
      normalizedValue: 0.3,
    });
  });

  it("reads Chinese numerals with 十/百/千 that end their phrase, but not 一个 or 两个市场", () => {
    expect(only("到2026年，新增工业机器人应用两千台。")[0]).toMatchObject({
      value: 2000,
      unit: "台",
      kind: "cumulative",
    });
    expect(only("到2027年，培育县级以上数字化车间十个。")[0]).toMatchObject({ value: 10, unit: "个" });
    expect(only("到2027年，每个乡镇建成一个回收站点，统筹两个市场。")).toEqual([]);
  });

  it("keeps 千 as a unit prefix after Arabic digits, except in 千瓦 and 千米", () => {
    expect(readUnit("6千辆", 1)).toEqual({ unit: "千辆", factor: 1000, base: "辆" });
    expect(readUnit("30千瓦", 2)).toEqual({ unit: "千瓦", factor: 1, base: "千瓦" });
    expect(only("2024年全县汽车销量突破6千辆。")[0]).toMatchObject({
      value: 6,
      unit: "千辆",
      normalizedValue: 6000,
      targetYear: 2024,
    });
  });
});

describe("years", () => {
  it("reads “十四五”末 and “十四五”期间 as 2025", () => {
    expect(scanYears("“十四五”末，保有量达到180万辆")[0]).toMatchObject({ role: "deadline", year: 2025 });
    expect(only("“十四五”期间，全县累计淘汰老旧农业机械一千二百台。")[0]).toMatchObject({
      value: 1200,
      targetYear: 2025,
    });
  });

  it("does not take a year qualifying a noun as the deadline (2000年底前建成的小区)", () => {
    const [milestone] = only("到2027年，2000年底前建成的需改造城镇老旧小区改造任务基本完成。");
    expect(milestone).toMatchObject({ kind: "milestone", targetYear: 2027 });
  });

  it("gives a clause with its own period (三年内) the plan's horizon, not a breakdown year after it", () => {
    const text = "到2026年，全区完成改造。\n3.更新老旧电梯。三年内累计改造老旧电梯不少于350台，其中2024年完成80台。";
    const targets = only(text);
    expect(targets.find((target) => target.value === 350)).toMatchObject({ kind: "cumulative", targetYear: 2026 });
    expect(targets.find((target) => target.value === 80)).toMatchObject({ targetYear: 2024 });
  });
});

describe("kinds", () => {
  it("reads 年均增长8% and 年增长10%左右 as annual growth rates, not growth against a base", () => {
    expect(only("到2027年，技术改造投资年均增长8%左右。")[0]).toMatchObject({
      kind: "annual",
      value: 8,
      unit: "%",
      normalizedValue: 0.08,
      comparator: "~",
    });
    expect(only("力争家电以旧换新销售额年增长10%左右。")[0]).toMatchObject({ kind: "annual" });
    expect(only("到2027年，二手车交易量较2023年增长45%。")[0]).toMatchObject({ kind: "growth_vs_baseline" });
  });

  it("keeps 提高N个百分点 as growth in percentage points (normalizedValue 0.01 per point)", () => {
    expect(only("到2027年，再生材料占比提高3个百分点。")[0]).toMatchObject({
      kind: "growth_vs_baseline",
      value: 3,
      unit: "个百分点",
      normalizedValue: 0.03,
    });
  });

  it("reads a share after a base year that only names machines (新增和更换…比例达到100%)", () => {
    const text = "到2027年，设备投资规模较2023年增长40%以上，港口新增和更换作业机械中新能源比例达到100%。";
    expect(only(text).map((target) => target.kind)).toEqual(["growth_vs_baseline", "share"]);
  });

  it("lets a completion verb decide before 不少于 (更新仪器设备不少于8万台（套） is cumulative)", () => {
    expect(only("到2027年，高校更新教学科研仪器设备不少于8万台（套）。")[0]).toMatchObject({
      kind: "cumulative",
      comparator: ">=",
    });
  });
});

describe("what counts as a target", () => {
  it("takes a counted object with 以上 after a completion verb (每年推动500家以上企业实施…)", () => {
    expect(only("每年推动500家以上规上工业企业实施设备更新和技术改造。")[0]).toMatchObject({
      kind: "annual",
      value: 500,
      comparator: ">=",
    });
  });

  it("still skips thresholds and grants (总投资500万元以上, 分别给予50万元, 支持金额不超过3000万元)", () => {
    const text =
      "入库项目原则上总投资500万元以上。对主导制定国家标准的分别给予50万元、30万元奖励。单个项目支持金额不超过3000万元。实施500万元以上项目100个。";
    expect(only(text).map((target) => `${target.value}${target.unit}`)).toEqual(["100个"]);
  });

  it("takes an undated completion in a task (更新老旧环卫车辆60台) at the plan's horizon", () => {
    const targets = only("到2027年，完成改造。\n（3）环卫设施。更新老旧环卫车辆60台，乡镇垃圾中转站提升改造8—10座。");
    expect(
      targets
        .filter((target) => target.kind !== "milestone")
        .map((target) => [target.value, target.comparator, target.targetYear]),
    ).toEqual([
      [60, "=", 2027],
      [8, ">=", 2027],
    ]);
  });

  it("reads 全部停止使用 by a deadline as a milestone", () => {
    expect(only("对列入国家淘汰目录的设备，2024年底前全部停止使用。")[0]).toMatchObject({
      kind: "milestone",
      targetYear: 2024,
    });
  });
});

describe("page furniture", () => {
  it("re-joins a paragraph split by a page number and a running header, and keeps spans exact", () => {
    const raw =
      "沧澜市人民政府办公厅文件\n一、目标\n到2025年底，全市巡游出租车新能源比例\n\n— 3 —\n\n沧澜市人民政府办公厅文件\n\n达到90%以上。";
    const [target] = only(raw);
    expect(target).toMatchObject({ kind: "share", value: 90, targetYear: 2025 });
    expect(raw.slice(target.source.start, target.source.end)).toBe(target.source.text);
  });
});

describe("departments in other conventions", () => {
  it("reads a statement that is a whole sentence (县工信局牵头，县发改局配合。 / 由县供销社负责。)", () => {
    expect(isResponsibilitySentence("县工信局牵头，县发改局、县财政局配合")).toBe(true);
    expect(isResponsibilitySentence("由县供销社负责")).toBe(true);
    expect(isResponsibilitySentence("资金使用管理办法由县财政局会同有关部门另行制定")).toBe(false);
    const text =
      "梧溪县人民政府\n二、措施\n第一条　支持设备更新。县工信局牵头，县发改局配合。到2027年，每年实施技改项目不少于30个。";
    expect(only(text)[0]).toMatchObject({ lead: "县工业和信息化局", support: ["县发展改革局"], leadInferred: false });
  });

  it("splits （牵头单位：X　配合单位：Y） whose only separator was a space", () => {
    const parsed = parseResponsibility("牵头单位：县农业农村局配合单位：县财政局、县交通运输局", "county");
    expect(parsed.lead?.canonical).toBe("县农业农村局");
    expect(parsed.support.map((name) => name.canonical)).toEqual(["县财政局", "县交通运输局"]);
  });

  it("puts 第X条 articles above the （1） items inside them", () => {
    const text =
      "梧溪县人民政府\n一、措施\n第三条　推动市政设施更新。（县住建局牵头，县市场监管局参与）\n（1）电梯更新。到2027年，累计加装电梯150部。";
    expect(only(text)[0]).toMatchObject({ lead: "县住房城乡建设局", section: "一、第三条 (1)" });
  });

  it("takes the level from an issuing department when no 人民政府 issues the plan", () => {
    const text =
      "嵩原省交通运输厅\n嵩原省交通运输大规模设备更新行动实施方案\n一、任务\n1．标准。2024年底前，制修订地方标准15项。（省市场监管局、省交通运输厅按职责分工负责）";
    const catalog = extractCatalog(text);
    expect(catalog.plan.government).toBe("嵩原省交通运输厅");
    expect(catalog.targets[0].lead).toBe("省市场监管局");
  });

  it("knows provincial 厅 and city 委 spellings", () => {
    expect(canonicalDepartment("交通运输厅", "province")).toBe("省交通运输厅");
    expect(canonicalDepartment("省文旅厅", "province")).toBe("省文化和旅游厅");
    expect(canonicalDepartment("市经济信息化委")).toBe("市经济和信息化委");
    expect(canonicalDepartment("区发改局", "district")).toBe("区发展改革局");
  });
});

describe("indicator tables (重点指标表)", () => {
  const table = [
    "附件",
    "重点指标表",
    "序号\t指标\t单位\t2023年\t2027年目标\t责任单位",
    "1\t设备投资规模增速（较2023年）\t%\t—\t30以上\t省发展改革委、省工业和信息化厅",
    "2\t报废汽车回收量\t万辆\t18\t36以上\t省商务厅",
    "3\t城市公交车新能源化比例（%）\t\t82.6\t95\t省交通运输厅",
  ].join("\n");

  it("reads one target per row with the year of the target column and the unit from its column or bracket", () => {
    const rows = findTableTargets(table, { horizonYear: 2027, planStartYear: 2024 }).map(({ target }) => [
      target.indicator,
      target.kind,
      target.value,
      target.unit,
      target.targetYear,
    ]);
    expect(rows).toEqual([
      ["设备投资规模增速（较2023年）", "growth_vs_baseline", 30, "%", 2027],
      ["报废汽车回收量", "level", 36, "万辆", 2027],
      ["城市公交车新能源化比例", "share", 95, "%", 2027],
    ]);
  });

  it("gives each row its departments and never reads the 2023 column as a target", () => {
    const targets = extractCatalog(`岚江省人民政府\n${table}`).targets;
    expect(targets.map((target) => target.value)).toEqual([30, 36, 95]);
    expect(targets[0]).toMatchObject({
      lead: "省发展改革委",
      support: ["省工业和信息化厅"],
      leadInferred: true,
      baseYear: 2023,
    });
    for (const target of targets) expect(target.source.text).toContain("\t");
  });
});
