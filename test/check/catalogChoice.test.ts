/**
 * `check` trusts only what the user chose: --city, --catalog, or the catalog saved in a --baselines
 * workbook — never one saved in a department's report file; saved catalogs are schema-checked and
 * disagreements are errors. Also the command line itself (node:util parseArgs) and terminal output.
 * All figures 示例数据.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { captureIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { stateToXml } from "../../src/workbook";
import { addCustomXmlPart } from "../../src/xlsx/customXml";
import { FIXTURES } from "./helpers";

describe("liangxin check: which catalog", () => {
  let directory: string;
  const catalog = path.join(FIXTURES, "catalog.json");
  const baselines = path.join(FIXTURES, "baselines.csv");

  async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const io = captureIo(directory);
    const code = await main(["check", ...args], io);
    return { code, out: io.out, err: io.err };
  }

  /** A workbook with a 月度填报 sheet and, optionally, a saved state holding `targets`. */
  async function reportWorkbook(file: string, rows: unknown[][], targets?: unknown[], extraSheet?: unknown[][]) {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("月度填报");
    sheet.addRow(["期间", "部门", "目标编号", "填报值", "口径"]);
    for (const row of rows) sheet.addRow(row);
    if (extraSheet) {
      const extra = workbook.addWorksheet("6月补报");
      for (const row of extraSheet) extra.addRow(row);
    }
    let bytes: Buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    if (targets) {
      const xml = stateToXml({ version: 1, city: "示例", targets: targets as never[], rowKeys: {}, loadedAt: "" });
      bytes = (await addCustomXmlPart(bytes, xml)).bytes;
    }
    fs.writeFileSync(path.join(directory, file), bytes);
  }

  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-check-choice-"));
    // 示例数据: 市商务局 behind on 示例-02 (1100 against a trajectory near 2,600 in June 2025).
    const behind = [["2025-06", "市商务局", "示例-02", 1100, "累计"]];
    // A department's workbook whose saved catalog was edited: every target value set to 1.
    const edited = JSON.parse(fs.readFileSync(catalog, "utf8"));
    for (const target of edited.targets) if (target.value !== null) target.value = target.normalizedValue = 1;
    await reportWorkbook("dept.xlsx", behind, edited.targets);
    // The office's own workbook, saved with the real catalog.
    const io = captureIo(directory);
    expect(await main(["workbook", "--catalog", catalog, "-o", "office.xlsx"], io)).toBe(0);
    // A workbook whose saved catalog is malformed (a target without a kind, a value that is text).
    const malformed = JSON.parse(fs.readFileSync(catalog, "utf8")).targets;
    delete malformed[0].kind;
    malformed[1].value = "很多";
    await reportWorkbook("malformed.xlsx", [], malformed);
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  it("never takes the catalog saved in a report file", async () => {
    const { code, err } = await cli("dept.xlsx", "--baselines", baselines);
    expect(code).toBe(1);
    expect(err).toContain("月报文件 dept.xlsx 中保存了目标清单，但月报文件不决定检查所用的目标");
  });

  it("checks a report workbook against --city, not its own edited catalog", async () => {
    const { code, out } = await cli("dept.xlsx", "--city", catalog, "--baselines", baselines, "--format", "json");
    expect(code).toBe(0);
    const [row] = JSON.parse(out).rows;
    expect(row.status).toBe("behind");
    expect(row.targetValue).toBe(4000);
  });

  it("takes the office's own workbook given as --catalog or --baselines", async () => {
    const viaCatalog = await cli("dept.xlsx", "--catalog", "office.xlsx", "--baselines", baselines, "--format", "json");
    expect(viaCatalog.code).toBe(0);
    expect(JSON.parse(viaCatalog.out).rows[0].status).toBe("behind");
    const viaBaselines = await cli("dept.xlsx", "--baselines", "office.xlsx", "--baselines", baselines);
    expect(viaBaselines.code).toBe(0);
    expect(viaBaselines.err).toContain("使用工作簿 office.xlsx 中保存的目标清单");
  });

  it("refuses a malformed saved catalog with a message naming the target and field, not a TypeError", async () => {
    for (const args of [
      ["dept.xlsx", "--baselines", "malformed.xlsx", "--baselines", baselines],
      ["dept.xlsx", "--catalog", "malformed.xlsx", "--baselines", baselines],
    ]) {
      const { code, err } = await cli(...args);
      expect(code).toBe(1);
      expect(err).toContain("格式不符");
      expect(err).toContain("示例-01.kind");
      expect(err).toContain("示例-02.value");
      expect(err).not.toMatch(/TypeError|is not iterable|undefined/);
    }
  });

  it("refuses two catalogs that disagree (--city against the office's workbook)", async () => {
    const edited = JSON.parse(fs.readFileSync(catalog, "utf8"));
    edited.targets[1].indicator = "新能源汽车销量";
    fs.writeFileSync(path.join(directory, "edited.json"), JSON.stringify(edited));
    const { code, err } = await cli("dept.xlsx", "--city", "edited.json", "--baselines", "office.xlsx");
    expect(code).toBe(1);
    expect(err).toContain("不一致");
  });

  it("loads a catalog without the optional fields (support, section, lead …) with their defaults", async () => {
    const bare = JSON.parse(fs.readFileSync(catalog, "utf8"));
    for (const target of bare.targets) {
      for (const field of ["support", "section", "task", "domain", "leadOriginal", "leadInferred", "source", "lead"])
        delete target[field];
    }
    delete bare.warnings;
    fs.writeFileSync(path.join(directory, "bare.json"), JSON.stringify(bare));
    const { code, out, err } = await cli(
      "dept.xlsx",
      "--city",
      "bare.json",
      "--baselines",
      baselines,
      "--format",
      "json",
    );
    expect(err).not.toContain("not iterable");
    expect(code).toBe(0);
    expect(JSON.parse(out).rows[0].status).toBe("behind");
  });

  it("reads a workbook's extra report sheets beside 月度填报, naming each", async () => {
    await reportWorkbook("two-sheets.xlsx", [["2025-06", "市商务局", "示例-02", 1100, "累计"]], undefined, [
      ["期间", "部门", "目标编号", "填报值"],
      ["2025-05", "市商务局", "示例-02", 900],
    ]);
    const { out } = await cli("two-sheets.xlsx", "--city", catalog, "--baselines", baselines, "--format", "json");
    const files = JSON.parse(out).rows.map((row: { file: string }) => row.file);
    expect(files).toEqual(expect.arrayContaining(["two-sheets.xlsx!月度填报", "two-sheets.xlsx!6月补报"]));
  });

  it("strips terminal escape sequences from report cells in the table", async () => {
    // A 备注 column of ordinary text keeps the file's share of control characters that of a text file.
    const remark = "示例数据备注".repeat(200);
    fs.writeFileSync(
      path.join(directory, "escape.csv"),
      `期间,部门,目标编号,填报值,备注\n2025-06,市商务局\u001b]0;pwned\u0007\u001b[31m,示例-02,1100,${remark}\n` +
        `2025-06,x,示例-99\u001b[2J,1,${remark}\n`,
    );
    const { out } = await cli("escape.csv", "--city", catalog, "--baselines", baselines);
    expect(out).not.toContain("\u001b");
    expect(out).not.toContain("\u0007");
    expect(out).toContain("市商务局");
  });

  it("parses its options with node:util: an unknown option or two catalogs are usage errors (exit 2)", async () => {
    const unknown = await cli("dept.xlsx", "--city", catalog, "--colour");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("未知选项 --colour (unknown option)");
    expect(unknown.err).toContain("用法 Usage");
    expect((await cli("dept.xlsx", "--city", catalog, "--catalog", "office.xlsx")).code).toBe(2);
    expect((await cli("dept.xlsx", "--city", catalog, "--tolerance", "-1")).code).toBe(2);
    expect((await cli("dept.xlsx", "--city")).code).toBe(2);
    const help = await cli("--help");
    expect(help.code).toBe(0);
    expect(help.out.indexOf("用法")).toBe(0);
    const inline = await cli("dept.xlsx", `--city=${catalog}`, "--baselines", baselines, "--format=json");
    expect(inline.code).toBe(0);
  });
});
