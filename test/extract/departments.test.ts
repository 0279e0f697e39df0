import { canonicalDepartment } from "../../src/core/departments";

describe("canonicalDepartment", () => {
  it("gives one name to the spellings of one department", () => {
    for (const name of ["市工信局", "工信局", "市工业和信息化局", "工业和信息化局"]) {
      expect(canonicalDepartment(name)).toBe("市工业和信息化局");
    }
    for (const name of ["发改委", "发展改革委", "市发改委", "市发展和改革委员会"]) {
      expect(canonicalDepartment(name)).toBe("市发展改革委");
    }
    expect(canonicalDepartment("住建局")).toBe("市住房城乡建设局");
    expect(canonicalDepartment("市住房和城乡建设局")).toBe("市住房城乡建设局");
    expect(canonicalDepartment("卫健委")).toBe("市卫生健康委");
    expect(canonicalDepartment("资源规划局")).toBe("市自然资源和规划局");
  });

  it("does not mistake the 市 of 市场监管局 for a prefix", () => {
    expect(canonicalDepartment("市场监管局")).toBe("市市场监管局");
    expect(canonicalDepartment("市市场监管局")).toBe("市市场监管局");
    expect(canonicalDepartment("市场监督管理局")).toBe("市市场监管局");
  });

  it("uses the prefix of the plan's level", () => {
    expect(canonicalDepartment("工信厅", "province")).toBe("省工业和信息化厅");
    expect(canonicalDepartment("县住建局", "county")).toBe("县住房城乡建设局");
  });

  it("passes unknown names through, trimmed, without guessing a prefix", () => {
    expect(canonicalDepartment(" 国网南阳供电公司、")).toBe("国网南阳供电公司");
    expect(canonicalDepartment("通信发展管理办公室")).toBe("通信发展管理办公室");
    expect(canonicalDepartment("人行南平市分行")).toBe("人行南平市分行");
  });
});
