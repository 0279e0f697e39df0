/**
 * Extraction rules: a department paragraph closing a section.
 */
import { targetsOf } from "../helpers";

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
