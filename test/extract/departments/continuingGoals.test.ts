/**
 * Extraction rules: goals that continue the goal before them.
 */
import { extractCatalog } from "../../../src/core/extract/index";
import { targetsOf } from "../helpers";

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
