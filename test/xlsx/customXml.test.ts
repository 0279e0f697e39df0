import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { captureIo } from "../../src/cli/io";
import { run } from "../../src/cli/commands/workbook";
import { loadCatalog } from "../../src/cli/readers/catalog";
import { STATE_NAMESPACE, STATE_SHEET_NAME, stateFromCells, stateFromXml } from "../../src/workbook/workbookState";
import { addCustomXmlPart, readCustomXmlParts, readSheetColumnA, writeWorkbookXlsx } from "../../src/xlsx";
import { extractCatalog } from "../../src/core/extract";
import { renderWorkbook } from "../../src/workbook";

const SHEETS = ["说明", "目标总表", "年度轨迹", "月度填报", "部门预警", "补贴测算"];

describe("liangxin workbook's saved state (custom XML part)", () => {
  let directory: string;
  let bytes: Buffer;
  let zip: JSZip;
  const read = (name: string) => zip.file(name)?.async("string") ?? Promise.resolve("(missing)");

  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-customxml-"));
    const io = captureIo(directory);
    expect(await run(["--city", "南平", "-o", "nanping.xlsx"], io)).toBe(0);
    bytes = fs.readFileSync(path.join(directory, "nanping.xlsx"));
    zip = await JSZip.loadAsync(bytes);
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  it("writes the state as customXml/item1.xml, linked from the workbook, with its properties part", async () => {
    expect(await read("xl/_rels/workbook.xml.rels")).toMatch(
      /<Relationship Id="[^"]+" Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/customXml" Target="\.\.\/customXml\/item1\.xml"\/>/,
    );
    expect(await read("customXml/_rels/item1.xml.rels")).toContain(
      'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"',
    );
    const props = await read("customXml/itemProps1.xml");
    expect(props).toMatch(
      /<ds:datastoreItem ds:itemID="\{[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\}" xmlns:ds="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/customXml">/,
    );
    expect(props).toContain(`<ds:schemaRef ds:uri="${STATE_NAMESPACE}"/>`);
    const types = await read("[Content_Types].xml");
    expect(types).toContain(
      '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>',
    );
    expect(types).toContain('<Default Extension="xml" ContentType="application/xml"/>'); // covers item1.xml
  });

  it("reads back with the city, every target and the row keys the add-in needs", async () => {
    const parts = await readCustomXmlParts(bytes, STATE_NAMESPACE);
    expect(parts).toHaveLength(1);
    const state = stateFromXml(parts[0]);
    const catalog = loadCatalog("南平", process.cwd());
    expect(state).not.toBeNull();
    expect(state?.city).toBe("南平");
    expect(state?.targets).toEqual(catalog.targets); // full targets, source clauses included
    expect(state?.rowKeys.targets).toEqual(catalog.targets.map((target) => target.id));
    expect(state?.sheets?.map((sheet) => sheet.name)).toEqual(SHEETS);
    expect(state?.sheets?.find((sheet) => sheet.name === "目标总表")?.key).toBe("targets");
    expect(state?.loadedAt).toBe(""); // no clock in the file
  });

  it("still opens in exceljs with its six sheets and data", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([...SHEETS, "liangxin_state"]);
    expect(String(workbook.getWorksheet("目标总表")!.getCell("A3").value)).toMatch(/^南平-/);
  });

  it("gives another catalog another item id", async () => {
    const io = captureIo(directory);
    expect(await run(["--city", "邯郸", "-o", "handan.xlsx"], io)).toBe(0);
    const other = await JSZip.loadAsync(fs.readFileSync(path.join(directory, "handan.xlsx")));
    const id = async (archive: JSZip) =>
      /ds:itemID="([^"]+)"/.exec((await archive.file("customXml/itemProps1.xml")?.async("string")) ?? "")?.[1];
    expect(await id(other)).not.toBe(await id(zip));
  });
});

describe("addCustomXmlPart", () => {
  it("adds a second part beside an existing one, with fresh names and relationship ids, and finds each by namespace", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("数据").getCell("A1").value = 1;
    const first = await addCustomXmlPart(
      Buffer.from(await workbook.xlsx.writeBuffer()),
      '<?xml version="1.0"?><a xmlns="urn:example:a">1</a>',
    );
    const second = await addCustomXmlPart(
      first.bytes,
      '<!-- b --><b:root xmlns:b="urn:example:b" xmlns="urn:example:b"><b:x/></b:root>',
    );
    expect([first.itemPath, second.itemPath]).toEqual(["customXml/item1.xml", "customXml/item2.xml"]);
    const zip = await JSZip.loadAsync(second.bytes);
    const rels = (await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).match(/\bId="[^"]+"/g) ?? [];
    expect(new Set(rels).size).toBe(rels.length);
    expect(await zip.file("customXml/_rels/item2.xml.rels")!.async("string")).toContain('Target="itemProps2.xml"');
    expect(await readCustomXmlParts(second.bytes, "urn:example:a")).toEqual([
      '<?xml version="1.0"?><a xmlns="urn:example:a">1</a>',
    ]);
    expect(await readCustomXmlParts(second.bytes, "urn:example:b")).toHaveLength(1);
    expect(await readCustomXmlParts(second.bytes, "urn:example:none")).toEqual([]);
  });
});

describe("the saved state after another program's save", () => {
  it("is found when the package root relates the custom XML part (LibreOffice's layout), and in the very-hidden copy when the part is gone", async () => {
    const catalog = extractCatalog(fs.readFileSync("seeds/001_bc9db3d026010e14.txt", "utf8"), { cityName: "南平" });
    const bytes = await writeWorkbookXlsx(renderWorkbook(catalog, { flavour: "builtin" }), { catalog, city: "南平" });
    const zip = await JSZip.loadAsync(bytes);
    // Move the relationship from the workbook part to the package root, as LibreOffice does.
    const workbookRels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    const relationship = /<Relationship [^>]*customXml"[^>]*\/>/.exec(workbookRels)![0];
    zip.file("xl/_rels/workbook.xml.rels", workbookRels.replace(relationship, ""));
    const rootRels = await zip.file("_rels/.rels")!.async("string");
    zip.file(
      "_rels/.rels",
      rootRels.replace("</Relationships>", `${relationship.replace('Target="../', 'Target="')}</Relationships>`),
    );
    const moved = await zip.generateAsync({ type: "nodebuffer" });
    const [part] = await readCustomXmlParts(moved, STATE_NAMESPACE);
    expect(stateFromXml(part)?.targets.map((target) => target.id)).toEqual(catalog.targets.map((target) => target.id));

    // A save that drops custom XML altogether: the hidden sheet still carries the state.
    zip.remove("customXml/item1.xml");
    const dropped = await zip.generateAsync({ type: "nodebuffer" });
    expect(await readCustomXmlParts(dropped, STATE_NAMESPACE)).toEqual([]);
    const copy = stateFromCells(await readSheetColumnA(dropped, STATE_SHEET_NAME));
    expect(copy?.targets).toEqual(catalog.targets);
  });
});
