/**
 * Rules added after the second blind measurement (four synthetic plans, now in
 * test/fixtures/unseen: 云岫, 甬屿, 禾阳, 松亭) found general failures: appendix task tables
 * (重点任务清单) not read, a later clause's year taken by a per-year amount, rate qualifiers and 架,
 * completion verbs, dated milestones with no end-state word, thresholds on nouns, eligibility
 * conditions, and the particulars of a plan issued by departments. One case per rule, written in
 * the general phrasing rather than the plans' sentences.
 */
import { extractCatalog } from "../../src/core/extract/index";
import { readResponsibilityTable } from "../../src/core/extract/departments/table";
import { normalizePlanText } from "../../src/core/extract/text";

type Targets = ReturnType<typeof extractCatalog>["targets"];

function targetsOf(text: string): Targets {
  return extractCatalog(text, { cityName: "测试" }).targets;
}

/** A city plan whose horizon is 2027, with body tasks that name no departments. */
function planWithTable(tasks: string[], table: string[]): string {
  return [
    "测试市人民政府",
    "一、总体目标",
    "到2027年，全市设备投资规模较2023年增长30%以上。",
    "二、重点任务",
    ...tasks,
    "附件：重点任务清单",
    ...table,
  ].join("\n");
}

const TASK_TABLE_HEADER = "序号\t重点任务\t工作目标\t牵头单位\t配合单位\t完成时限";

describe("an appendix task table (序号 | 重点任务 | 工作目标 | 牵头单位 | 配合单位 | 完成时限)", () => {
  const text = planWithTable(
    [
      "1．实施高端化智能化改造。每年实施技改项目300项以上。培育智能工厂12家。",
      "2．推进重点用能设备能效提升。到2025年，新增高效节能变压器800台以上。",
      "3．推进老旧电梯更新。推动电梯安全评估。",
    ],
    [
      TASK_TABLE_HEADER,
      "1\t工业技改重点项目\t每年实施技改项目300项以上\t市经信局\t市发改委、市财政局\t2027年底",
      "2\t智能工厂培育\t培育智能工厂12家\t市经信局\t市科技局\t2027年底",
      "3\t重点用能设备能效提升\t新增高效节能变压器800台以上\t市发改委\t市经信局\t2025年底",
      "4\t住宅老旧电梯更新\t累计更新改造老旧住宅电梯900台\t市住建局\t市市场监管局\t2026年底",
    ],
  );
  const targets = targetsOf(text);

  it("emits a goal only the table states, dated by 完成时限, with its row's departments and a source in the row", () => {
    const elevator = targets.find((target) => target.value === 900);
    expect(elevator).toMatchObject({
      kind: "cumulative",
      unit: "台",
      targetYear: 2026,
      lead: "市住房城乡建设局",
      support: ["市市场监管局"],
      leadInferred: false,
    });
    expect(elevator?.source.text).toBe("累计更新改造老旧住宅电梯900台");
    expect(text.slice(elevator?.source.start, elevator?.source.end)).toBe(elevator?.source.text);
  });

  it("does not count a body target twice when the table restates it, and gives it the row's lead", () => {
    for (const value of [300, 12, 800]) expect(targets.filter((target) => target.value === value)).toHaveLength(1);
    const lead = (value: number): string | null => targets.find((target) => target.value === value)?.lead ?? null;
    expect([lead(300), lead(12), lead(800)]).toEqual(["市经济和信息化局", "市经济和信息化局", "市发展改革委"]);
    // The body's own statement stays the source.
    expect(targets.find((target) => target.value === 800)?.source.text).toBe("到2025年，新增高效节能变压器800台以上");
  });

  it("maps rows to tasks by name, not by number: row 3 belongs to task 2, rows 1 and 2 to task 1", () => {
    const rows = readResponsibilityTable(normalizePlanText(text).text, "city");
    expect(rows.map((row) => [row.number, row.responsibility?.lead?.canonical, row.deadlineYear])).toEqual([
      [1, "市经济和信息化局", 2027],
      [2, "市经济和信息化局", 2027],
      [3, "市发展改革委", 2025],
      [4, "市住房城乡建设局", 2026],
    ]);
    // Task 3 (老旧电梯) states no target of its own, but row 4 names it: a target added there gets 市住建局.
    const withTarget = text.replace("推动电梯安全评估。", "到2027年，完成电梯安全评估400台。");
    expect(targetsOf(withTarget).find((target) => target.value === 400)?.lead).toBe("市住房城乡建设局");
  });
});

describe("department columns read by header name", () => {
  const body = [
    "1．推进港口设备更新。到2027年，更新港口作业机械150台。",
    "2．推进医疗设备更新。到2027年，更新医疗设备600台（套）。",
  ];
  const lead = (table: string[]): Array<string | null> =>
    targetsOf(planWithTable(body, table))
      .slice(1)
      .map((target) => target.lead);

  it("takes the 牵头单位 column when the last column is 完成时限", () => {
    expect(
      lead([
        "序号\t重点任务\t牵头单位\t配合单位\t完成时限",
        "1\t港口设备更新\t市交通局\t市发改委\t2027年底",
        "2\t医疗设备更新\t市卫健委\t市财政局\t2027年底",
      ]),
    ).toEqual(["市交通运输局", "市卫生健康委"]);
  });

  it("never takes the first 配合单位 as the lead of a 牵头单位 | 配合单位 table", () => {
    expect(
      lead([
        "序号\t重点任务\t牵头单位\t配合单位",
        "1\t港口设备更新\t市交通局\t市发改委、市财政局",
        "2\t医疗设备更新\t市卫健委\t市财政局",
      ]),
    ).toEqual(["市交通运输局", "市卫生健康委"]);
  });

  it("reads a 责任单位 cell that marks its lead: 市交通局（牵头）、市发改委", () => {
    expect(
      lead([
        "序号\t重点任务\t责任单位",
        "1\t港口设备更新\t市发改委、市交通局（牵头）",
        "2\t医疗设备更新\t市卫健委（牵头）、市财政局",
      ]),
    ).toEqual(["市交通运输局", "市卫生健康委"]);
    // A table without a header too.
    expect(
      lead(["1\t港口设备更新\t市交通局（牵头）、市发改委", "2\t医疗设备更新\t市卫健委（牵头）、市财政局"]),
    ).toEqual(["市交通运输局", "市卫生健康委"]);
  });

  it("reads a table drawn with bars (| 序号 | 重点任务 | 牵头单位 |)", () => {
    expect(
      lead([
        "| 序号 | 重点任务 | 牵头单位 | 配合单位 |",
        "|---|---|---|---|",
        "| 1 | 港口设备更新 | 市交通局 | 市发改委 |",
        "| 2 | 医疗设备更新 | 市卫健委 | 市财政局 |",
      ]),
    ).toEqual(["市交通运输局", "市卫生健康委"]);
  });
});

describe("the year of a per-year amount", () => {
  it("does not take the year of a later phrase that states something of its own (…200场次以上，2024年全市实现…)", () => {
    const targets = targetsOf("到2027年，完成改造。每年举办促消费活动200场次以上，2024年全市实现家电以旧换新12万台。");
    expect(
      targets
        .filter((target) => target.kind !== "milestone")
        .map((target) => [target.value, target.kind, target.targetYear]),
    ).toEqual([
      [200, "annual", 2027],
      [12, "cumulative", 2024],
    ]);
  });

  it("still dates a count by a phrase that only closes it (…改造老旧小区120个，2025年底前完成)", () => {
    expect(
      targetsOf("到2027年，完成改造。改造老旧小区120个，2025年底前完成。").find((target) => target.value === 120)
        ?.targetYear,
    ).toBe(2025);
  });

  it("is not dated by another phrase's completion deadline (2025年底前，A全部完成更新，每年更新B150套以上)", () => {
    const targets = targetsOf(
      "到2027年，完成改造。2025年底前，县级检测设备全部完成更新，每年更新乡镇快检设备150套以上。",
    );
    expect(targets.find((target) => target.value === 150)).toMatchObject({ kind: "annual", targetYear: 2027 });
    expect(
      targets.find((target) => target.kind === "milestone" && target.source.text.includes("县级"))?.targetYear,
    ).toBe(2025);
  });
});

describe("units and rate qualifiers", () => {
  it("reads 架 (植保无人机保有量达到3000架)", () => {
    expect(targetsOf("到2027年，植保无人机保有量达到3000架。")[0]).toMatchObject({
      value: 3000,
      unit: "架",
      kind: "level",
    });
  });

  it("reads a rate qualifier between 达到 and the number (烘干能力达到日处理3.5万吨) as part of the measure", () => {
    expect(targetsOf("到2027年，粮食产地烘干能力达到日处理3.5万吨。")[0]).toMatchObject({
      value: 3.5,
      unit: "万吨",
      kind: "level",
      indicator: "粮食产地烘干能力",
    });
    // A threshold on a plant's size is still a threshold.
    expect(
      targetsOf("到2027年，日处理500吨以上的垃圾焚烧厂全部完成提标改造。").filter(
        (target) => target.kind !== "milestone",
      ),
    ).toEqual([]);
  });
});

describe("cumulative counts", () => {
  it("counts 规范提升/提质升级 N个 as done over the period, like 提升改造", () => {
    expect(targetsOf("到2027年，规范提升再生资源集散市场5个。")[0].kind).toBe("cumulative");
  });

  it("counts an amount brought about (拉动消费8亿元) as a total, an amount to reach (带动消费额突破80亿元) as a level", () => {
    expect(targetsOf("力争2024年全区汽车以旧换新3000辆以上，拉动消费8亿元以上。")[1]).toMatchObject({
      value: 8,
      kind: "cumulative",
    });
    expect(targetsOf("到2025年，以旧换新带动消费额突破80亿元。")[0]).toMatchObject({ value: 80, kind: "level" });
  });
});

describe("milestones with a dated completion and no end-state word", () => {
  it.each([
    ["2024年9月15日前完成全区以旧换新参与商户备案和公示", 2024],
    ["2024年底前完成全市在用老旧拖拉机摸底登记", 2024],
    ["2025年6月底前完成重点用能单位能耗监测平台建设验收", 2025],
  ])("reads %s", (sentence, year) => {
    const milestones = targetsOf(`到2027年，完成改造。${sentence}。`).filter((target) =>
      target.source.text.includes(sentence.slice(-6)),
    );
    expect(milestones.map((target) => [target.kind, target.targetYear])).toEqual([["milestone", year]]);
  });

  it("does not make issuing a document (各市要于2024年6月底前出台具体实施方案) a target", () => {
    expect(
      targetsOf("到2027年，完成改造。各市（州）人民政府要于2024年6月底前出台具体实施方案，细化目标任务。"),
    ).toEqual([]);
  });

  it("dates a goals list item with no year by the lead-in year of the list's first item", () => {
    const text = [
      "一、总体要求",
      "主要目标：",
      "1．到2027年，设备投资规模较2023年增长30%以上。",
      "2．重点行业主要用能设备能效基本达到节能水平。",
      "二、任务",
      "（一）推进改造。持续推进。",
    ].join("\n");
    expect(targetsOf(text).map((target) => [target.kind, target.targetYear])).toEqual([
      ["growth_vs_baseline", 2027],
      ["milestone", 2027],
    ]);
  });
});

describe("thresholds and conditions that are not targets", () => {
  it("reads 35蒸吨/小时以下燃煤锅炉基本淘汰 as a milestone, not a level of 35蒸吨", () => {
    for (const sentence of [
      "到2025年，全省35蒸吨/小时以下燃煤锅炉基本淘汰。",
      "到2025年，全省基本淘汰35蒸吨/小时以下燃煤锅炉。",
    ]) {
      expect(targetsOf(sentence).map((target) => [target.kind, target.value, target.targetYear])).toEqual([
        ["milestone", null, 2025],
      ]);
    }
  });

  it("skips a past year's figure set as a condition (2023年度汽车零售额不低于5000万元)", () => {
    const text = "到2024年，全区新增充电桩200个。参与企业须为汽车4S店，2023年度汽车零售额不低于5000万元。";
    expect(targetsOf(text).map((target) => target.value)).toEqual([200]);
  });
});

describe("particulars of a plan issued by departments", () => {
  it("keeps the issuing departments, the date and the title apart", () => {
    const text = [
      "禾山市农业农村局",
      "禾山市发展和改革委员会",
      "关于印发《禾山市农业农村领域设备更新实施方案》的通知",
      "禾农发〔2024〕3号",
      "",
      "禾山市农业农村局　　禾山市发展和改革委员会",
      "2024年6月12日",
      "",
      "禾山市农业农村领域设备更新实施方案",
      "一、总体目标",
      "到2027年，更新农机3000台。",
    ].join("\n");
    expect(extractCatalog(text).plan).toEqual({
      government: "禾山市农业农村局、禾山市发展和改革委员会",
      title: "禾山市农业农村领域设备更新实施方案",
      docNumber: "禾农发〔2024〕3号",
      date: "2024-06-12",
    });
  });

  it("splits departments printed on one line (松山区商务局　松山区财政局)", () => {
    expect(
      extractCatalog("松山区商务局　松山区财政局\n松山区以旧换新补贴实施细则\n到2024年底，新增回收网点30个。").plan
        .government,
    ).toBe("松山区商务局、松山区财政局");
  });
});

describe("goals that continue the goal before them", () => {
  it("names a rate with no subject after its subject (…较2023年增长35%以上，年均增长8%左右)", () => {
    expect(
      targetsOf("到2027年，全市设备投资规模较2023年增长35%以上，年均增长8%左右。").map((target) => target.indicator),
    ).toEqual(["设备投资规模", "设备投资规模年均增长"]);
  });

  it("gives an outcome with no field (拉动消费) the departments of the goal it follows", () => {
    const text = [
      "松山区人民政府",
      "一、工作目标",
      "力争2024年全区汽车以旧换新3000辆以上，拉动消费8亿元以上。",
      "二、职责分工",
      "（一）组织以旧换新补贴工作。完成补贴审核。（区商务局牵头，区财政局配合）",
      "（二）完善汽车消费环境。到2024年底，新增公共充电桩200个以上。（区发展改革局牵头）",
    ].join("\n");
    expect(
      extractCatalog(text, { cityName: "测试" })
        .targets.slice(0, 2)
        .map((target) => target.lead),
    ).toEqual(["区商务局", "区商务局"]);
  });
});
