/**
 * Extraction rules: department names at the plan's level (自治区).
 */
import { canonicalDepartment } from "../../../src/core/departments";
import { extractCatalog } from "../../../src/core/extract/index";

describe("department names at the plan's level (自治区)", () => {
  it("prefixes an autonomous region's departments with 自治区, including unprefixed later names", () => {
    expect(canonicalDepartment("生态环境厅", "region")).toBe("自治区生态环境厅");
    expect(canonicalDepartment("自治区工信厅", "province")).toBe("自治区工业和信息化厅");
    expect(canonicalDepartment("市场监管厅", "region")).toBe("自治区市场监管厅");
    const catalog = extractCatalog(
      "朔山回族自治区人民政府关于印发…的通知\n二、任务\n1．电力。到2027年，完成改造升级100万千瓦。（自治区发展改革委牵头，自治区工业和信息化厅、生态环境厅配合）",
    );
    expect(catalog.targets[0]).toMatchObject({
      id: "朔山-01",
      lead: "自治区发展改革委",
      support: ["自治区工业和信息化厅", "自治区生态环境厅"],
    });
  });
});
