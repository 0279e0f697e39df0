/**
 * Extraction rules: particulars of a plan issued by departments.
 */
import { extractCatalog } from "../../../src/core/extract/index";

describe("particulars of a plan issued by departments", () => {
  it("keeps the issuing departments, the date and the title apart", () => {
    const text = [
      "禾山市农业农村局",
      "禾山市发展和改革委员会",
      "关于印发《禾山市农业农村领域设备更新实施方案》的通知",
      "禾农发〔2024〕3号",
      "",
      "禾山市农业农村局　　禾山市发展和改革委员会",
      "2024年6月12日",
      "",
      "禾山市农业农村领域设备更新实施方案",
      "一、总体目标",
      "到2027年，更新农机3000台。",
    ].join("\n");
    expect(extractCatalog(text).plan).toEqual({
      government: "禾山市农业农村局、禾山市发展和改革委员会",
      title: "禾山市农业农村领域设备更新实施方案",
      docNumber: "禾农发〔2024〕3号",
      date: "2024-06-12",
    });
  });

  it("splits departments printed on one line (松山区商务局　松山区财政局)", () => {
    expect(
      extractCatalog("松山区商务局　松山区财政局\n松山区以旧换新补贴实施细则\n到2024年底，新增回收网点30个。").plan
        .government,
    ).toBe("松山区商务局、松山区财政局");
  });
});
