/**
 * Extraction rules: a closing statement split by topic.
 */
import { readTopicStatement } from "../../../src/core/extract/departments/statements";
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
