/**
 * Extraction rules: sub-items （1）（2） with leads of their own, and a sub-item title's （X牵头）
 * followed by a bracket naming only its supporting units.
 */
import { extractCatalog } from "../../../src/core/extract/index";

const PLAN = [
  "测试市推动设备更新实施方案",
  "二、重点任务",
  "1．完善回收网络",
  "（1）建设社区回收点（市商务局牵头）（市供销社、市城管局）。到2027年，新增社区回收点60个。",
  "（2）建设分拣中心（市城管局牵头）。到2027年，新增分拣中心4个。",
].join("\n");

describe("sub-items with their own departments", () => {
  const targets = extractCatalog(PLAN, { cityName: "测试" }).targets;

  it("gives each sub-item its own lead", () => {
    expect(targets.map((target) => [target.value, target.lead])).toEqual([
      [60, "市商务局"],
      [4, "市城市管理局"],
    ]);
  });

  it("reads a names-only bracket right after a lead's bracket as the lead's support", () => {
    expect(targets[0].support).toEqual(["市供销社", "市城市管理局"]);
    expect(targets[0].leadInferred).toBe(false);
  });
});
