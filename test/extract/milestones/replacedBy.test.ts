/**
 * Extraction rules: 全部更换为 by a deadline.
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

describe("全部更换为 by a deadline", () => {
  it("到2025年，城区公交车全部更换为新能源公交车 is a milestone", () => {
    const [target] = targetsOf(
      cityPlan([
        "（一）推动交通设备更新",
        "1．公交车。到2025年，城区公交车全部更换为新能源公交车。（市交通运输局牵头）",
      ]),
    );
    expect(target).toMatchObject({ kind: "milestone", targetYear: 2025, lead: "市交通运输局" });
  });
});
