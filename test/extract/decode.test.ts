import * as fs from "fs";
import * as path from "path";
import { decodePlanBytes } from "../../src/core/decode";
import { extractCatalog } from "../../src/core/extract/index";

const GOLDEN = path.join(__dirname, "..", "fixtures", "golden");

describe("decodePlanBytes", () => {
  it("reads UTF-8 and drops a BOM", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from("到2027年", "utf8")]);
    expect(decodePlanBytes(bytes)).toEqual({ text: "到2027年", encoding: "utf-8" });
  });

  it("reads GBK/GB18030 bytes (南平 = C4CF C6BD)", () => {
    expect(decodePlanBytes(new Uint8Array([0xc4, 0xcf, 0xc6, 0xbd]))).toEqual({ text: "南平", encoding: "gb18030" });
  });

  it("gives the same targets for a GB18030 file as for its UTF-8 text", () => {
    const decoded = decodePlanBytes(fs.readFileSync(path.join(GOLDEN, "gb18030-excerpt.gb18030.txt")));
    expect(decoded.encoding).toBe("gb18030");
    const catalog = extractCatalog(decoded.text);
    expect(catalog.plan.government).toBe("白云市人民政府");
    expect(catalog.targets.map((target) => [target.value, target.unit, target.normalizedValue, target.lead])).toEqual([
      [120, "公里", 120, "市住房城乡建设局"],
      [0.5, "万台", 5000, "市住房城乡建设局"],
    ]);
    for (const target of catalog.targets)
      expect(decoded.text.slice(target.source.start, target.source.end)).toBe(target.source.text);
  });

  it("reads UTF-16 LE and BE with a BOM (Notepad's Unicode), dropping the BOM", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("到2027年，南平", "utf16le")]);
    expect(decodePlanBytes(le)).toEqual({ text: "到2027年，南平", encoding: "utf-16le" });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("到2027年，南平", "utf16le").swap16()]);
    expect(decodePlanBytes(be)).toEqual({ text: "到2027年，南平", encoding: "utf-16be" });
  });

  it("refuses a PDF with empty text and a warning that says so, in Chinese then English", () => {
    const decoded = decodePlanBytes(Buffer.from("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj <</Type/Catalog>> endobj", "latin1"));
    expect(decoded.encoding).toBe("binary");
    expect(decoded.text).toBe("");
    expect(decoded.warning).toMatch(
      /^这是 PDF 文件，不是文本文件：请.*另存为纯文本.*looks like a PDF: save the plan as text/,
    );
  });

  it("refuses a Word (.docx, zip) file and binary data with NUL bytes", () => {
    expect(decodePlanBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toMatchObject({
      encoding: "binary",
      text: "",
      warning: expect.stringContaining("Word"),
    });
    const withNul = Buffer.from([0xe5, 0x88, 0xb0, 0x00, 0x01, 0x02, 0x32, 0x30]);
    expect(decodePlanBytes(withNul)).toMatchObject({
      encoding: "binary",
      text: "",
      warning: expect.stringContaining("这不是文本文件"),
    });
  });

  it("refuses random bytes without NULs (they would decode as GB18030 garbage)", () => {
    let seed = 7;
    const random = Buffer.alloc(3000, 0).map(() => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return 1 + (seed % 255);
    });
    const decoded = decodePlanBytes(random);
    expect(decoded.encoding).toBe("binary");
    expect(extractCatalog(decoded.text).targets).toEqual([]);
  });

  it("reads the review's Notepad-Unicode copy of a plan into targets", () => {
    const catalog = extractCatalog(
      decodePlanBytes(
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("到2027年，二手车交易量较2023年增长45%。", "utf16le")]),
      ).text,
    );
    expect(catalog.targets.map((target) => target.value)).toEqual([45]);
  });
});
