/**
 * Extraction rules: measure words and deliverables.
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
