/**
 * Extraction rules: an appendix table none of whose rows names a task is never attached to the
 * tasks by its row numbers.
 */
import { extractCatalog } from "../../../src/core/extract/index";

describe("a table whose rows name no task", () => {
  it("does not lend row 1's departments to task 1", () => {
    const text = [
      "测试市推动设备更新实施方案",
      "二、重点任务",
      "1．推进港口设备更新。到2027年，更新岸桥12台。",
      "附件",
      "重点指标表",
      "序号\t指标\t单位\t2027年目标\t责任单位",
      "1\t新能源出租车占比\t%\t90\t市交通运输局",
    ].join("\n");
    const crane = extractCatalog(text, { cityName: "测试" }).targets.find((target) => target.value === 12);
    expect(crane?.lead).toBeNull();
  });
});
