/**
 * Extraction rules: departments opening a paragraph (市X局、市Y局：……) carry it out, the first as lead.
 */
import { extractCatalog } from "../../../src/core/extract/index";

describe("departments opening a task paragraph", () => {
  const text = [
    "测试市推动设备更新实施方案",
    "二、重点任务",
    "1．推动工业设备更新",
    "市工信局、市发改委：到2027年，完成重点行业技术改造项目150个。",
    "2．推动建筑设备更新",
    "市住建局：到2027年，更新老旧供热管网60公里。",
  ].join("\n");
  const targets = extractCatalog(text, { cityName: "测试" }).targets;

  it("makes the first named department the lead and the others support", () => {
    expect(targets.map((target) => [target.value, target.lead, target.support])).toEqual([
      [150, "市工业和信息化局", ["市发展改革委"]],
      [60, "市住房城乡建设局", []],
    ]);
  });

  it("does not read a heading with a colon (主要目标：) as departments", () => {
    const goals = extractCatalog("测试市方案\n一、主要目标：\n到2027年，更新电梯900台。", { cityName: "测试" }).targets;
    expect(goals[0].lead).toBeNull();
  });
});
