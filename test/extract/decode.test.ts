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
    for (const target of catalog.targets) expect(decoded.text.slice(target.source.start, target.source.end)).toBe(target.source.text);
  });
});
