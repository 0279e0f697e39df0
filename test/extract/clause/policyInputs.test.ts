/**
 * Extraction rules: arrangement rates that are policy inputs, not targets.
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

describe("arrangement rates that are policy inputs, not targets", () => {
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
