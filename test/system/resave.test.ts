/**
 * A workbook written by `liangxin workbook`, opened and saved by LibreOffice (which relates the
 * custom XML part from the package root instead of the workbook part): `check` and a reload in the
 * add-in still find the saved catalog, from the part or from its very-hidden copy.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { extractCatalog } from "../../src/core/extract";
import { readStoredCatalog } from "../../src/cli/readers/workbookCatalog";
import { loadCatalogIntoWorkbook } from "../../src/office/excel/sheetBuilder";
import { renderWorkbook, sheetByKey } from "../../src/workbook";
import { writeWorkbookXlsx } from "../../src/xlsx";
import { createFakeExcel } from "../../measure/fakeExcel";
import { openXlsxAsFake } from "../office/xlsxWorkbook";
import { recalculateWithLibreOffice } from "./lo";

jest.setTimeout(240_000);

describe("a liangxin workbook re-saved by LibreOffice", () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-resave-"));
  const catalog = extractCatalog(fs.readFileSync("seeds/001_bc9db3d026010e14.txt", "utf8"), { cityName: "南平" });
  let resaved: string;

  beforeAll(async () => {
    const original = path.join(directory, "in", "nanping.xlsx");
    fs.mkdirSync(path.dirname(original), { recursive: true });
    fs.writeFileSync(
      original,
      await writeWorkbookXlsx(renderWorkbook(catalog, { flavour: "builtin" }), { catalog, city: "南平" }),
    );
    const out = path.join(directory, "out");
    fs.mkdirSync(out);
    recalculateWithLibreOffice([original], out);
    resaved = path.join(out, "nanping.xlsx");
  });

  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  it("still gives check the saved catalog", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(resaved));
    // LibreOffice's layout: the part is related from the package root, not from the workbook.
    expect(await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).not.toContain("relationships/customXml");
    const stored = await readStoredCatalog(resaved, "/");
    if (stored.kind !== "catalog") throw new Error(`no catalog found: ${stored.kind}`);
    expect(stored.city).toBe("南平");
    expect(stored.catalog.targets.map((target) => target.id)).toEqual(catalog.targets.map((target) => target.id));
  });

  it("still lets the add-in reload it, keeping what was typed, from the part or from the hidden copy alone", async () => {
    const targets = sheetByKey(renderWorkbook(catalog, { flavour: "addin" }).sheets, "targets").table!;
    const baseline = targets.columns.findIndex((column) => column.key === "baseline");
    for (const dropPart of [false, true]) {
      const opened = await openXlsxAsFake(fs.readFileSync(resaved));
      const excel = createFakeExcel({ ...opened, stateXml: dropPart ? null : opened.stateXml });
      expect(dropPart || excel.stateXml !== null).toBe(true);
      excel.type("目标总表", targets.firstDataRow, baseline, 4321);
      // No clash: the sheets are known from the saved state; the baseline stays on its target.
      const result = await loadCatalogIntoWorkbook(excel.context, catalog, { render: renderWorkbook, city: "南平" });
      expect(result.sheets.every((sheet) => !sheet.created)).toBe(true);
      expect(excel.cell("目标总表", targets.firstDataRow, 0)).toBe(catalog.targets[0].id);
      expect(excel.cell("目标总表", targets.firstDataRow, baseline)).toBe(4321);
    }
  });
});
