import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { captureIo } from "../../src/cli/io";
import { decodeCsvBytes, parseCsvText } from "../../src/cli/readers/csv";
import { readBaselineFiles, readReportFiles } from "../../src/cli/readers/tables";
import { FIXTURES } from "./helpers";
import { declareUncompressedSize } from "../readers/builders";

describe("decodeCsvBytes", () => {
  it("reads GB18030 (Excel's CSV on Chinese Windows)", () => {
    const { text, encoding } = decodeCsvBytes(fs.readFileSync(path.join(FIXTURES, "report-gb18030.csv")));
    expect(encoding).toBe("gb18030");
    expect(text.split("\n")[0]).toBe("月份,责任单位,目标编号,填报值,口径");
  });

  it("drops a UTF-8 BOM and reads UTF-16 with a BOM", () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("期间,部门\n", "utf8")]);
    expect(decodeCsvBytes(utf8)).toEqual({ text: "期间,部门\n", encoding: "utf-8" });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("期间\t部门\n", "utf16le")]);
    expect(decodeCsvBytes(utf16)).toEqual({ text: "期间\t部门\n", encoding: "utf-16le" });
  });
});

describe("parseCsvText", () => {
  it("keeps blank lines so that row numbers match the spreadsheet", () => {
    const rows = parseCsvText('期间,部门\n\n2025-06,"市商务局,示例"\n');
    expect(rows[2]).toEqual(["2025-06", "市商务局,示例"]);
  });

  it("recognises tab-separated text", () => {
    expect(parseCsvText("期间\t部门\n2025-06\t甲\n")[1]).toEqual(["2025-06", "甲"]);
  });
});

describe("readReportFiles", () => {
  let directory: string;
  beforeAll(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-readers-"));
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  it("reads the 月度填报 sheet of a workbook, with dates and formula results as a user sees them", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("说明").addRow(["示例数据"]);
    const sheet = workbook.addWorksheet("月度填报");
    sheet.addRow(["期间", "部门", "目标编号", "填报值"]);
    sheet.addRow([new Date(Date.UTC(2025, 5, 1)), "市商务局", "示例-06", { formula: "2+3", result: 5 }]);
    sheet.addRow([]);
    sheet.addRow(["2025-07", { richText: [{ text: "市商" }, { text: "务局" }] }, "示例-06", 7]);
    await workbook.xlsx.writeFile(path.join(directory, "商务局.xlsx"));

    const { tables, failures } = await readReportFiles(["商务局.xlsx"], captureIo(directory));
    expect(failures).toEqual([]);
    expect(tables).toHaveLength(1);
    expect(tables[0].file).toBe("商务局.xlsx");
    expect(tables[0].rows[1]).toEqual(["2025-06-01", "市商务局", "示例-06", 5]);
    expect(tables[0].rows[3]).toEqual(["2025-07", "市商务局", "示例-06", 7]);
  });

  it("refuses a zip bomb named .xlsx before inflating it, and reads the other files (issue 13 item 8)", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("月度填报").addRow(["期间", "部门", "目标编号", "填报值"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    fs.writeFileSync(path.join(directory, "bomb.xlsx"), declareUncompressedSize(bytes, 300_000_000));
    fs.writeFileSync(path.join(directory, "ok.csv"), "期间,部门,目标编号,填报值\n2025-06,市商务局,示例-06,5\n");
    const { tables, failures } = await readReportFiles(["bomb.xlsx", "ok.csv"], captureIo(directory));
    expect(failures).toEqual([
      { file: "bomb.xlsx", message: expect.stringMatching(/^文件解压后有 \d+ MB，超过上限 200 MB/) },
    ]);
    expect(tables.map((table) => table.file)).toEqual(["ok.csv"]);
  });

  it("reports missing and unsupported files without stopping", async () => {
    fs.writeFileSync(path.join(directory, "a.csv"), "期间,部门,目标编号,填报值\n");
    const { tables, failures } = await readReportFiles(["a.csv", "nope.csv", "old.xls"], captureIo(directory));
    expect(tables.map((table) => table.file)).toEqual(["a.csv"]);
    expect(failures.map((failure) => failure.file)).toEqual(["nope.csv", "old.xls"]);
  });

  it("reads baselines from the 目标总表 sheet of a workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("目标总表");
    sheet.addRow(["目标编号", "指标", "基期值"]);
    sheet.addRow(["示例-01", "二手车交易量（示例数据）", 100]);
    await workbook.xlsx.writeFile(path.join(directory, "workbook.xlsx"));
    const { tables } = await readBaselineFiles(["workbook.xlsx"], captureIo(directory));
    expect(tables[0].rows[1]).toEqual(["示例-01", "二手车交易量（示例数据）", 100]);
  });
});

describe("parseCsvText fast path", () => {
  it("gives what csv-parse gives for quote-free text, blank lines and CRLF included", () => {
    const text = "期间,部门,目标编号,填报值\r\n2025-06,市商务局,示例-06,6\r\n\r\n2025-07,市商务局,示例-06,\r\n";
    expect(parseCsvText(text)).toEqual(parse(text, { relax_column_count: true, skip_empty_lines: false }));
  });
});
