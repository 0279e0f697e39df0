import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Catalog } from "../../src/core/catalog";
import { renderWorkbook, sheetByKey } from "../../src/workbook";
import { addCharts, writeWorkbookXlsx } from "../../src/xlsx";

const catalog = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/catalog-sample.json"), "utf8")) as Catalog;

/** exceljs read-back exposes these collections untyped. */
interface ReadBackSheet {
  dataValidations: { model: Record<string, { type: string; formulae: unknown[]; operator?: string }> };
  conditionalFormattings: Array<{ ref: string; rules: Array<{ formulae: string[] }> }>;
}

describe("writeWorkbookXlsx", () => {
  let bytes: Buffer;
  let workbook: ExcelJS.Workbook;
  const rendered = renderWorkbook(catalog, { flavour: "builtin" });

  beforeAll(async () => {
    bytes = await writeWorkbookXlsx(rendered);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  });

  it("writes the six sheets in order, and the state's copy in a very-hidden sheet", () => {
    expect(workbook.getWorksheet("liangxin_state")?.state).toBe("veryHidden");
    expect(workbook.worksheets.filter((sheet) => sheet.state === "visible").map((sheet) => sheet.name)).toEqual([
      "说明",
      "目标总表",
      "年度轨迹",
      "月度填报",
      "部门预警",
      "补贴测算",
    ]);
  });

  it("keeps 目标总表 as an Excel table with filter buttons over every target", () => {
    const sheet = workbook.getWorksheet("目标总表")!;
    const table = sheet.getTable("LX_Targets") as unknown as {
      table: { tableRef: string; columns: Array<{ name: string; filterButton: boolean }> };
    };
    expect(table.table.tableRef).toBe(`A2:${sheetByKey(rendered.sheets, "targets").table!.range.split(":")[1]}`);
    expect(table.table.columns[0]).toMatchObject({ name: "编号", filterButton: true });
    expect(sheet.getCell("A3").value).toBe("示例-01");
  });

  it("freezes the header rows", () => {
    const view = workbook.getWorksheet("目标总表")!.views[0] as ExcelJS.WorksheetViewFrozen;
    expect(view).toMatchObject({ state: "frozen", ySplit: 2, xSplit: 1 });
  });

  it("keeps formulas without the leading = and with _xlfn. prefixes", () => {
    const sheet = workbook.getWorksheet("目标总表")!;
    const table = sheetByKey(rendered.sheets, "targets").table!;
    const letter = table.columns.find((column) => column.key === "requiredGrowth")!.letter;
    const value = sheet.getCell(`${letter}3`).value as ExcelJS.CellFormulaValue;
    expect(value.formula).toMatch(/^IF\(.*_xlfn\.RRI\(/);
    expect(sheet.getCell(`${letter}3`).numFmt).toBe("0.00%");
  });

  it("keeps the dropdowns and the number rule on 月度填报", () => {
    const sheet = workbook.getWorksheet("月度填报")! as unknown as ReadBackSheet;
    const validations = Object.values(sheet.dataValidations.model);
    const lists = validations
      .filter((validation) => validation.type === "list")
      .map((validation) => validation.formulae[0]);
    expect(lists).toEqual(expect.arrayContaining([`'目标总表'!$A$3:$A$12`, '"累计,水平"']));
    expect(
      validations.some((validation) => validation.type === "decimal" && validation.operator === "greaterThanOrEqual"),
    ).toBe(true);
  });

  it("keeps the status colours", () => {
    const sheet = workbook.getWorksheet("月度填报")! as unknown as ReadBackSheet;
    const formulas = sheet.conditionalFormattings.flatMap((format) => format.rules.flatMap((rule) => rule.formulae));
    expect(formulas).toContain('OR(J3="落后",J3="Behind")'); // 状态 is J since 计量单位 follows 填报值
  });

  it("keeps header notes", () => {
    const sheet = workbook.getWorksheet("目标总表")!;
    const table = sheetByKey(rendered.sheets, "targets").table!;
    const letter = table.columns.find((column) => column.key === "baseline")!.letter;
    expect(JSON.stringify(sheet.getCell(`${letter}2`).note)).toContain("基期年");
  });

  it("adds the line and bar charts as DrawingML parts linked from their sheets", async () => {
    const zip = await JSZip.loadAsync(bytes);
    const charts = Object.keys(zip.files).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
    expect(charts.length).toBe(rendered.charts.length);
    const chartTexts = await Promise.all(charts.map((name) => zip.file(name)!.async("string")));
    expect(chartTexts.some((text) => text.includes("<c:lineChart>") && text.includes("'年度轨迹'!$B$4:$F$4"))).toBe(
      true,
    );
    expect(
      chartTexts.some((text) => text.includes("<c:barChart>") && text.includes('<c:grouping val="stacked"/>')),
    ).toBe(true);
    const types = await zip.file("[Content_Types].xml")!.async("string");
    for (const name of charts) expect(types).toContain(`PartName="/${name}"`);
    // The drawing element must come before tableParts (schema order) or Excel repairs the file.
    const sheetXml = await zip.file("xl/worksheets/sheet3.xml")!.async("string");
    expect(sheetXml.indexOf("<drawing ")).toBeGreaterThan(sheetXml.indexOf("</sheetData>"));
    expect(sheetXml.indexOf("<drawing ")).toBeLessThan(sheetXml.indexOf("<tableParts"));
    expect(sheetXml.indexOf("<drawing ")).toBeLessThan(sheetXml.indexOf("<legacyDrawing "));
    expect(sheetXml.indexOf("<legacyDrawing ")).toBeLessThan(sheetXml.indexOf("<tableParts"));
  });

  it("writes the same bytes for the same catalog (no clock in the file)", async () => {
    const again = await writeWorkbookXlsx(renderWorkbook(catalog, { flavour: "builtin" }));
    const names = async (buffer: Buffer) => {
      const zip = await JSZip.loadAsync(buffer);
      return Promise.all(
        Object.keys(zip.files)
          .sort()
          .map(async (name) => [name, await zip.file(name)?.async("string")]),
      );
    };
    expect(await names(again)).toEqual(await names(bytes));
  });
});

describe("addCharts", () => {
  it("refuses a chart on a sheet the workbook does not have", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("数据").getCell("A1").value = 1;
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    await expect(
      addCharts(bytes, [
        {
          sheet: "没有",
          type: "line",
          title: "t",
          from: "A1",
          to: "B2",
          categories: "'没有'!$A$1",
          series: [{ name: "s", values: "'没有'!$A$1" }],
        },
      ]),
    ).rejects.toThrow("no sheet named 没有");
  });

  it("charts a sheet that had no rels file, for other writers (the report check)", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("报告");
    sheet.addRow(["月份", "填报", "轨迹"]);
    sheet.addRow(["2025-01", 1, 2]);
    const bytes = await addCharts(Buffer.from(await workbook.xlsx.writeBuffer()), [
      {
        sheet: "报告",
        type: "line",
        title: "示例-01",
        from: "E2",
        to: "L16",
        categories: "'报告'!$A$2:$A$2",
        series: [{ name: "填报", values: "'报告'!$B$2:$B$2" }],
      },
    ]);
    const zip = await JSZip.loadAsync(bytes);
    const rels = await zip.file("xl/worksheets/_rels/sheet1.xml.rels")!.async("string");
    expect(rels).toContain("../drawings/drawing1.xml");
    expect(await zip.file("xl/drawings/_rels/drawing1.xml.rels")!.async("string")).toContain("../charts/chart1.xml");
  });
});
