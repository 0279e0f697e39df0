/**
 * Extraction rules: lead-in words before a department name.
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
