/**
 * Valid files always, seen by LibreOffice: a workbook whose catalog holds U+FFFE, controls and a
 * 40,000-character clause opens with every string after the bad one intact (before the fix,
 * LibreOffice blanked them all). 示例数据.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { renderWorkbook } from "../../src/workbook";
import { writeWorkbookXlsx } from "../../src/xlsx/writer";
import { hostileCatalog } from "../xlsx/hostileCatalog";
import { readSheetValues, recalculateWithLibreOffice } from "./lo";

describe("LibreOffice opens a workbook written from hostile catalog text", () => {
  it("keeps the strings after the bad one", async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-lo-xmlsafe-"));
    const outDir = path.join(directory, "out");
    fs.mkdirSync(outDir);
    try {
      const catalog = hostileCatalog();
      const file = path.join(directory, "hostile.xlsx");
      fs.writeFileSync(file, await writeWorkbookXlsx(renderWorkbook(catalog, { flavour: "builtin" }), { catalog }));
      recalculateWithLibreOffice([file], outDir);
      const values = [...(await readSheetValues(path.join(outDir, "hostile.xlsx"), "目标总表")).values()].map(String);
      expect(values.some((value) => value.includes("二手车") && value.includes("交易"))).toBe(true);
      for (const target of catalog.targets.slice(1)) expect(values).toContain(target.indicator);
      expect(values.some((value) => value.endsWith("…[截断]"))).toBe(true);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
