/**
 * Rules added after the third blind measurement (/work/blind3, 昭宁 and three others): a department
 * paragraph closing a section covers all its items, lead-in words (本行动由, 其中) are not part of a
 * name, a statement split by topic gives each item its topic's departments, the measure words 批次 /
 * 美元 / 床, 为N家…配备 deliverables, 全部更换为 milestones, and fee rates / assessment weights that are
 * not targets. One case per rule, in general phrasing.
 */
import { extractCatalog } from "../../src/core/extract/index";
import { readTopicStatement } from "../../src/core/extract/departments/statements";

type Targets = ReturnType<typeof extractCatalog>["targets"];

function targetsOf(text: string): Targets {
  return extractCatalog(text, { cityName: "测试" }).targets;
}

/** A city plan whose 重点任务 part holds the given sections. */
function cityPlan(sections: string[]): string {
  return [
    "测试市推动大规模设备更新和消费品以旧换新实施方案",
    "一、重点任务",
    ...sections,
    "二、保障措施",
    "（一）加强组织领导。建立工作机制。",
  ].join("\n");
}

const INDUSTRY = [
  "（一）实施工业设备更新行动",
  "1．推动设备更新。到2027年，新建智能工厂30个。",
  "2．推进绿色改造。到2027年，新增绿色工厂50家。",
  "3．推动用能设施更新。到2027年，新增分布式光伏装机60万千瓦。",
];
const BUILDING = [
  "（二）实施建筑设备更新行动",
  "1．推进电梯更新。到2027年，更新老旧电梯1200台。",
  "2．推进管网改造。到2027年，改造供水管网350公里。",
];

describe("a department paragraph closing a section", () => {
  it.each([
    [
      "本行动由市工业和信息化局牵头，市发展改革委、市科技局按职责分工负责。",
      "本行动由市住房和城乡建设局牵头，市水务局按职责分工负责。",
    ],
    ["责任单位：市工业和信息化局、市发展改革委、市科技局", "责任单位：市住房和城乡建设局、市水务局"],
    [
      "市工业和信息化局牵头，市发展改革委、市科技局按职责分工负责。",
      "市住房和城乡建设局牵头，市水务局按职责分工负责。",
    ],
  ])("covers every numbered item of its section: %s", (industry, building) => {
    const targets = targetsOf(cityPlan([...INDUSTRY, industry, ...BUILDING, building]));
    expect(targets.map((target) => [target.value, target.lead])).toEqual([
      [30, "市工业和信息化局"],
      [50, "市工业和信息化局"],
      [60, "市工业和信息化局"],
      [1200, "市住房城乡建设局"],
      [350, "市住房城乡建设局"],
    ]);
    expect(targets[0].support).toEqual(["市发展改革委", "市科技局"]);
  });

  it("leaves an item's own statement in force", () => {
    const items = [
      INDUSTRY[0],
      INDUSTRY[1],
      "2．推进绿色改造。到2027年，新增绿色工厂50家。（市生态环境局牵头）",
      INDUSTRY[3],
    ];
    const targets = targetsOf(cityPlan([...items, "本行动由市工业和信息化局牵头，市科技局按职责分工负责。"]));
    expect(targets.map((target) => target.lead)).toEqual(["市工业和信息化局", "市生态环境局", "市工业和信息化局"]);
  });

  it("does not reach into the next section, which has none", () => {
    const targets = targetsOf(cityPlan([...INDUSTRY, "本行动由市工业和信息化局牵头。", ...BUILDING]));
    expect(targets.map((target) => target.lead)).toEqual([
      "市工业和信息化局",
      "市工业和信息化局",
      "市工业和信息化局",
      null,
      null,
    ]);
  });
});

describe("lead-in words before a department name", () => {
  it.each(["本行动由", "本任务由", "由", "其中，由", "本行动中，由"])(
    "%s市商务局牵头 names 市商务局 as written without the lead-in",
    (leadIn) => {
      const [target] = targetsOf(
        cityPlan([
          "（一）实施汽车以旧换新行动",
          "1．汽车以旧换新。到2027年，汽车以旧换新累计达到3万辆。",
          `${leadIn}市商务局牵头，市公安局配合。`,
        ]),
      );
      expect([target.lead, target.leadOriginal, target.support]).toEqual(["市商务局", "市商务局", ["市公安局"]]);
    },
  );
});

describe("a closing statement split by topic", () => {
  const TRANSPORT = [
    "（一）实施交通运输和农业设备更新行动",
    "1．推动交通运输设备更新。到2027年，城市公交车电动化率达到95%。",
    "2．推动老旧农业机械报废更新。每年报废更新老旧农业机械1500台以上。",
    "3．推动老旧营运船舶更新。到2027年，淘汰更新老旧营运船舶120艘。",
  ];

  it("其中，A由X牵头…；B由Y牵头…: each item has the topic it shares words with, else the first", () => {
    const targets = targetsOf(
      cityPlan([
        ...TRANSPORT,
        "其中，交通运输设备更新由市交通运输局牵头，市公安局配合；农业机械更新由市农业农村局牵头，市财政局配合。",
      ]),
    );
    expect(targets.map((target) => [target.value, target.lead, target.support])).toEqual([
      [95, "市交通运输局", ["市公安局"]],
      [1500, "市农业农村局", ["市财政局"]],
      [120, "市交通运输局", ["市公安局"]],
    ]);
  });

  it("本行动中，A由X牵头，B由Y牵头，C由Z牵头: comma-separated topics", () => {
    const targets = targetsOf(
      cityPlan([
        "（一）实施教育文旅医疗设备更新行动",
        "1．推动教育教学设备更新。到2027年，建设智慧教室500间。",
        "2．推动文旅设备更新。到2027年，完成景区游乐设施更新100台（套）。",
        "3．推动医疗卫生设备更新。到2027年，更新大型医用设备300台（套）。",
        "本行动中，教育设备更新由市教育局牵头，文旅设备更新由市文化广电和旅游局牵头，医疗卫生设备更新由市卫生健康委牵头，市财政局配合。",
      ]),
    );
    expect(targets.map((target) => target.lead)).toEqual(["市教育局", "市文化广电和旅游局", "市卫生健康委"]);
  });

  it("is not read from prose or from a plain statement", () => {
    expect(readTopicStatement("本行动由市商务局牵头，市公安局配合")).toBeNull();
    expect(readTopicStatement("其中，中央资金由财政统筹安排")).toBeNull();
    expect(readTopicStatement("其中，交通运输设备更新由市交通运输局牵头")).toEqual([
      { topic: "交通运输设备更新", content: "市交通运输局牵头" },
    ]);
  });
});

describe("measure words and deliverables", () => {
  it.each([
    ["每年抽查批次不少于200批次", { kind: "annual", value: 200, unit: "批次", normalizedValue: 200 }],
    ["二手车出口额突破5亿美元", { kind: "level", value: 5, unit: "亿美元", normalizedValue: 500_000_000 }],
    ["新增重症监护床位200床", { kind: "cumulative", value: 200, unit: "床", normalizedValue: 200 }],
    ["为120家村卫生室配备智能健康监测设备", { kind: "cumulative", value: 120, unit: "家", normalizedValue: 120 }],
  ])("到2027年，%s", (clause, expected) => {
    const targets = targetsOf(cityPlan(["（一）推动设备更新", `1．更新。到2027年，${clause}。（市商务局牵头）`]));
    expect(targets).toHaveLength(1);
    expect(targets[0]).toMatchObject({ ...expected, targetYear: 2027 });
  });

  it("支持120家企业开展… stays a supported group, not a target", () => {
    expect(
      targetsOf(
        cityPlan(["（一）推动设备更新", "1．更新。到2027年，支持120家企业开展设备更新。（市工业和信息化局牵头）"]),
      ),
    ).toEqual([]);
  });
});

describe("milestones and arrangement rates", () => {
  it("到2025年，城区公交车全部更换为新能源公交车 is a milestone", () => {
    const [target] = targetsOf(
      cityPlan([
        "（一）推动交通设备更新",
        "1．公交车。到2025年，城区公交车全部更换为新能源公交车。（市交通运输局牵头）",
      ]),
    );
    expect(target).toMatchObject({ kind: "milestone", targetYear: 2025, lead: "市交通运输局" });
  });

  it.each(["担保费率不超过1%", "考核分值占比不低于2%", "考核权重不低于5%"])(
    "%s in 保障措施 is an arrangement, not a target",
    (clause) => {
      const text =
        cityPlan(["（一）推动设备更新", "1．更新。到2027年，新建智能工厂30个。（市工业和信息化局牵头）"]) +
        `\n（二）强化金融服务。到2027年，${clause}。`;
      expect(targetsOf(text).map((target) => target.value)).toEqual([30]);
    },
  );
});
