import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { captureIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { FIXTURES } from "./helpers";

/** End-to-end: report files generated in a temp dir (示例数据), checked through the CLI dispatcher. */
describe("liangxin check", () => {
  let directory: string;
  const catalog = path.join(FIXTURES, "catalog.json");
  const baselines = path.join(FIXTURES, "baselines.csv");

  async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const io = captureIo(directory);
    const code = await main(["check", ...args], io);
    return { code, out: io.out, err: io.err };
  }

  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-check-"));
    // 示例数据: 市商务局 behind on 示例-02, 市住建局 on track, sent as a CSV and a workbook.
    fs.writeFileSync(
      path.join(directory, "商务局.csv"),
      "\uFEFF期间,部门,目标编号,填报值,口径\n2025-04,市商务局,示例-02,700,累计\n2025-05,市商务局,示例-02,900,累计\n2025-06,市商务局,示例-02,1100,累计\n2025-06,市商务局,示例-06,6,\n",
    );
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("月度填报");
    sheet.addRow(["Period", "Department", "Target ID", "Value"]);
    sheet.addRow(["2025-06", "市住房和城乡建设局", "示例-05", 160]);
    sheet.addRow(["2025-06", "市工业和信息化局", "示例-04", "55%"]);
    await workbook.xlsx.writeFile(path.join(directory, "住建局.xlsx"));
    fs.copyFileSync(path.join(FIXTURES, "report-gb18030.csv"), path.join(directory, "gbk.csv"));
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  it("exits 0 with laggards and prints the league table worst first", async () => {
    const { code, out, err } = await cli("商务局.csv", "住建局.xlsx", "--city", catalog, "--baselines", baselines);
    expect(code).toBe(0);
    const league = out.slice(0, out.indexOf("落后目标\n"));
    expect(league.indexOf("市商务局")).toBeLessThan(league.indexOf("市工业和信息化局"));
    expect(league.indexOf("市工业和信息化局")).toBeLessThan(league.indexOf("市住房城乡建设局"));
    expect(out).toMatch(/市商务局\s+示例-02\s+报废汽车回收量\s+2025-06\s+1100/);
    expect(err).toContain("检查 6 行");
  });

  it("writes JSON with the documented field names", async () => {
    const { code } = await cli(
      "商务局.csv",
      "住建局.xlsx",
      "--city",
      catalog,
      "--baselines",
      baselines,
      "--format",
      "json",
      "-o",
      "out.json",
    );
    expect(code).toBe(0);
    const result = JSON.parse(fs.readFileSync(path.join(directory, "out.json"), "utf8"));
    expect(Object.keys(result)).toEqual(expect.arrayContaining(["rows", "departments", "errors"]));
    expect(Object.keys(result.rows[0])).toEqual(
      expect.arrayContaining([
        "file",
        "row",
        "targetId",
        "department",
        "period",
        "value",
        "expected",
        "gap",
        "status",
        "statusLabel",
      ]),
    );
    expect(Object.keys(result.departments[0])).toEqual(
      expect.arrayContaining(["department", "behind", "atRisk", "onTrack", "worstGap"]),
    );
    expect(result.rows[0]).toMatchObject({
      file: "商务局.csv",
      row: 2,
      targetId: "示例-02",
      department: "市商务局",
      period: "2025-04",
      value: 700,
      status: "behind",
      statusLabel: "落后",
    });
    // The third month of 示例-02 carries a forecast.
    expect(result.rows[2].forecast).toMatchObject({ months: 3 });
    expect(result.rows.find((row: { file: string }) => row.file === "住建局.xlsx").row).toBe(2);
  });

  it("exits 2 when rows are rejected, listing file, row and reason (GB18030 file)", async () => {
    const { code, out } = await cli("gbk.csv", "--city", catalog, "--baselines", baselines, "--format", "json");
    expect(code).toBe(2);
    const result = JSON.parse(out);
    expect(result.errors).toEqual([
      { file: "gbk.csv", row: 4, column: "C（目标编号）", code: "unknownTarget", reason: "未知目标编号“示例-99”" },
    ]);
    expect(result.rows.map((row: { row: number }) => row.row)).toEqual([2, 3]);
  });

  it("reports a missing baseline (exit 2) rather than guessing one", async () => {
    fs.writeFileSync(
      path.join(directory, "发改委.csv"),
      "期间,部门,目标编号,填报值\n2025-06,市发展和改革委员会,示例-09,50\n",
    );
    const { code, out } = await cli("发改委.csv", "--city", catalog, "--format", "json", "--lang", "en-US");
    expect(code).toBe(2);
    expect(JSON.parse(out).errors[0]).toMatchObject({ row: 2, code: "missingBaseline" });
    expect(JSON.parse(out).errors[0].reason).toContain("no baseline");
  });

  it("checks every file of a directory", async () => {
    fs.mkdirSync(path.join(directory, "inbox"));
    fs.copyFileSync(path.join(directory, "商务局.csv"), path.join(directory, "inbox", "a.csv"));
    fs.copyFileSync(path.join(directory, "住建局.xlsx"), path.join(directory, "inbox", "b.xlsx"));
    const { code, out } = await cli("inbox", "--city", catalog, "--baselines", baselines, "--format", "json");
    expect(code).toBe(0);
    expect(new Set(JSON.parse(out).rows.map((row: { file: string }) => row.file))).toEqual(
      new Set([path.join("inbox", "a.csv"), path.join("inbox", "b.xlsx")]),
    );
  });

  it("exits 1 when it cannot run: no readable file, a bad catalog, an unknown city", async () => {
    fs.writeFileSync(path.join(directory, "notes.csv"), "说明\n示例数据\n");
    fs.writeFileSync(path.join(directory, "bad.json"), '{"plan": {}}');
    expect((await cli("nope.csv", "--city", catalog)).code).toBe(1);
    const noColumns = await cli("notes.csv", "--city", catalog);
    expect(noColumns.code).toBe(1);
    expect(noColumns.err).toContain("找不到表头列");
    expect((await cli("商务局.csv", "--city", "bad.json")).code).toBe(1);
    expect((await cli("商务局.csv", "--city", "火星")).err).toContain("未知城市");
    expect((await cli("商务局.csv")).code).toBe(1);
  });

  describe("the catalog saved in a liangxin workbook", () => {
    beforeAll(async () => {
      const io = captureIo(directory);
      expect(await main(["workbook", "--catalog", catalog, "-o", "saved.xlsx"], io)).toBe(0);
      // 示例数据: the same plan extracted again after an edit, so that 示例-02 names another indicator.
      const edited = JSON.parse(fs.readFileSync(catalog, "utf8"));
      edited.targets[1].indicator = "新能源汽车销量";
      fs.writeFileSync(path.join(directory, "edited.json"), JSON.stringify(edited));
    });

    it("is used for the ids when --city is not given", async () => {
      const { code, out, err } = await cli(
        "商务局.csv",
        "--baselines",
        "saved.xlsx",
        "--baselines",
        baselines,
        "--format",
        "json",
      );
      expect(code).toBe(0);
      expect(err).toContain("使用工作簿 saved.xlsx 中保存的目标清单（9 个目标）");
      expect(JSON.parse(out).rows.map((row: { targetId: string }) => row.targetId)).toContain("示例-02");
    });

    it("refuses to run when --city's ids disagree with it, naming the id and both indicators", async () => {
      const { code, err } = await cli(
        "商务局.csv",
        "--city",
        "edited.json",
        "--baselines",
        "saved.xlsx",
        "--baselines",
        baselines,
      );
      expect(code).toBe(1);
      expect(err).toContain("--city edited.json 的目标编号与工作簿 saved.xlsx 中保存的目标清单不一致（1 个编号");
      expect(err).toContain("示例-02：工作簿为“报废汽车回收量”，所给目标清单为“新能源汽车销量”");
      const same = await cli("商务局.csv", "--city", catalog, "--baselines", "saved.xlsx", "--baselines", baselines);
      expect(same.code).toBe(0);
      expect(same.err).not.toContain("不一致");
    });
  });

  it("writes an .xlsx report with the league table, behind list, all rows and rejected rows", async () => {
    const { code } = await cli(
      "商务局.csv",
      "gbk.csv",
      "--city",
      catalog,
      "--baselines",
      baselines,
      "-o",
      "report.xlsx",
    );
    expect(code).toBe(2);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(directory, "report.xlsx"));
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toEqual(expect.arrayContaining(["部门预警", "落后目标", "全部行", "退回行"]));
    const league = workbook.getWorksheet("部门预警");
    expect(league?.getCell("A2").value).toBe("市商务局");
    // gbk.csv's 2025-06 figure for 市商务局 示例-02 (1200) contradicts 商务局.csv's (1100): both rejected.
    const rejected = workbook.getWorksheet("退回行");
    const rejectedRows = [2, 3, 4].map((row) => [rejected?.getCell(row, 1).value, rejected?.getCell(row, 2).value]);
    expect(rejectedRows).toEqual([
      ["商务局.csv", 4],
      ["gbk.csv", 2],
      ["gbk.csv", 4],
    ]);
    // One line chart per target behind, over the department's reports of it in period order.
    const charts = workbook.getWorksheet("落后目标图表");
    expect(charts?.getCell("A1").value).toBe("市商务局 示例-02 报废汽车回收量：填报值与轨迹");
    expect([3, 4, 5].map((row) => charts?.getCell(row, 1).value)).toEqual(["2025-04", "2025-05", null]);
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(directory, "report.xlsx")));
    const chartXml = await zip.file("xl/charts/chart1.xml")?.async("string");
    expect(chartXml).toContain("<c:lineChart>");
    expect(chartXml).toContain("$B$3:$B$4");
  });
});
