/**
 * Extraction rules: lead and support said with 会同, 为主 / 参与 and 指导 — never one fused name.
 */
import { extractCatalog } from "../../../src/core/extract/index";
import { parseResponsibility } from "../../../src/core/extract/departments/statements";

/** Lead and support of the one target of a one-task plan whose task ends with the given sentence. */
function departmentsOf(statement: string, level = "市"): [string | null, string[]] {
  const text = `测试${level}推动设备更新实施方案\n二、重点任务\n1．推进仓储设备更新。到2027年，更新叉车800台。${statement}`;
  const target = extractCatalog(text, { cityName: "测试" }).targets[0];
  return [target.lead, target.support];
}

describe("会同, 为主 / 参与 and 指导", () => {
  it("reads 由X会同Y、Z组织实施 as lead X, support Y and Z", () => {
    expect(departmentsOf("由市商务局会同市财政局、市税务局组织实施。")).toEqual(["市商务局", ["市财政局", "市税务局"]]);
  });

  it("reads X会同Y、Z负责 the same way, in a bracket too", () => {
    expect(departmentsOf("（市商务局会同市财政局、市税务局负责）")).toEqual(["市商务局", ["市财政局", "市税务局"]]);
  });

  it("reads X为主，Y、Z参与 as lead X, support Y and Z", () => {
    expect(departmentsOf("市交通运输局为主，市公安局、市生态环境局参与。")).toEqual([
      "市交通运输局",
      ["市公安局", "市生态环境局"],
    ]);
  });

  it("reads a guiding department (…负责、省X厅指导) as support, without 指导 in its name", () => {
    const parsed = parseResponsibility("各市（州）人民政府负责、省商务厅指导", "province");
    expect([parsed.lead?.canonical, parsed.support.map((name) => name.canonical)]).toEqual([
      "各市（州）人民政府",
      ["省商务厅"],
    ]);
  });

  it("keeps a government as the lead (各县（市、区）人民政府负责，市教育局指导)", () => {
    expect(departmentsOf("（各县（市、区）人民政府负责，市教育局指导）")).toEqual([
      "各县（市、区）人民政府",
      ["市教育局"],
    ]);
  });
});
