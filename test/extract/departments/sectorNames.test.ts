/**
 * Extraction rules: departments named by sector (商务部门, 发展改革、财政等部门) or abbreviated
 * without 局 (县发改, 县工信) are the department of the plan's level for that sector.
 */
import { extractCatalog } from "../../../src/core/extract/index";

function departmentsOf(plan: string, statement: string): [string | null, string[]] {
  const text = `${plan}推动设备更新实施方案\n二、重点任务\n1．推进冷链设备更新。到2027年，更新冷藏车120辆。${statement}`;
  const target = extractCatalog(text, { cityName: "测试" }).targets[0];
  return [target.lead, target.support];
}

describe("sector names and abbreviations", () => {
  it("reads 商务部门牵头 as the city's 商务局 and a sector list as one department each", () => {
    expect(departmentsOf("测试市", "（商务部门牵头，发展改革、财政等部门按职责分工负责）")).toEqual([
      "市商务局",
      ["市发展改革委", "市财政局"],
    ]);
  });

  it("reads a county's 县发改, 县工信 as its 发展改革局 and 工业和信息化局", () => {
    expect(departmentsOf("测试县", "（县工信牵头，县发改配合）")).toEqual(["县工业和信息化局", ["县发展改革局"]]);
  });

  it("reads 市监局 as the market regulator in a bracket that lists only departments", () => {
    expect(departmentsOf("测试市", "（市监局、市商务局）")).toEqual(["市市场监管局", ["市商务局"]]);
  });

  it("leaves a bracket of words that are not departments alone (（含县、乡两级）)", () => {
    expect(departmentsOf("测试市", "（含县、乡两级）")).toEqual([null, []]);
  });
});
