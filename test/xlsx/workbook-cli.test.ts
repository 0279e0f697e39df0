import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { captureIo } from "../../src/cli/io";
import { run } from "../../src/cli/commands/workbook";

const fixture = path.join(__dirname, "../fixtures/catalog-sample.json");

describe("liangxin workbook", () => {
  let directory: string;
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-workbook-"));
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  it("writes a catalog's workbook to -o and says how many targets it holds", async () => {
    const io = captureIo(directory);
    expect(await run(["--catalog", fixture, "-o", "sample.xlsx", "--lang", "en-US"], io)).toBe(0);
    expect(io.err).toMatch(/^10 个目标 \(targets\) → sample\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(directory, "sample.xlsx"));
    // en-US: English headers in the table, Chinese in the row above; sheet names stay Chinese.
    expect(workbook.getWorksheet("目标总表")!.getCell("A2").value).toBe("ID");
    expect(workbook.getWorksheet("目标总表")!.getCell("A1").value).toBe("编号");
  });

  it("refuses --formulas addin, saying why and what to do instead", async () => {
    const io = captureIo(directory);
    expect(await run(["--catalog", fixture, "--formulas", "addin", "-o", "sample.xlsx"], io)).toBe(2);
    expect(io.err).toContain("已取消");
    expect(io.err).toContain("载入目标");
    expect(fs.existsSync(path.join(directory, "sample.xlsx"))).toBe(false);
  });

  it("refuses unknown options and a missing source as usage errors (exit 2) with the usage line", async () => {
    const io = captureIo(directory);
    expect(await run(["--catalog", fixture, "--colour"], io)).toBe(2);
    expect(io.err).toContain("unknown option --colour");
    expect(io.err).toContain("用法 Usage: liangxin workbook (--city");
    expect(await run([], io)).toBe(2);
    expect(io.err).toContain("exactly one of --city, --catalog or --all");
  });

  it("says -o must be a directory when --all is given an existing file, and writes nothing", async () => {
    fs.writeFileSync(path.join(directory, "taken.xlsx"), "x");
    const io = captureIo(directory);
    expect(await run(["--all", "-o", "taken.xlsx"], io)).toBe(1);
    expect(io.err).toContain("--all 写出多个工作簿，-o 须为目录，而 taken.xlsx 是一个已有文件");
    expect(io.err).not.toContain("EEXIST");
    expect(io.err.trim().split("\n")).toHaveLength(1);
  });

  it("writes one workbook per catalog of an array (the output of extract a b), skipping failed files by name", async () => {
    const catalog = JSON.parse(fs.readFileSync(fixture, "utf8"));
    const other = {
      ...catalog,
      targets: catalog.targets.map((target: { id: string }) => ({ ...target, id: target.id.replace(/^.+-/, "南平-") })),
    };
    fs.writeFileSync(
      path.join(directory, "two.json"),
      JSON.stringify([
        { file: "a.txt", ...catalog },
        { file: "missing.txt", error: "文件不存在 (no such file)" },
        { file: "b.txt", ...other },
      ]),
    );
    const io = captureIo(directory);
    expect(await run(["--catalog", "two.json", "-o", "out"], io)).toBe(1);
    expect(io.err).toContain("跳过 (skipped) missing.txt");
    const cityOfFixture = catalog.targets[0].id.replace(/-\d+$/, "");
    const written = fs.readdirSync(path.join(directory, "out")).sort();
    expect(written).toEqual([`${cityOfFixture}.xlsx`, "nanping.xlsx"].sort());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(directory, "out", "nanping.xlsx"));
    expect(workbook.getWorksheet("目标总表")!.getCell("A3").value).toBe("南平-01");
  });

  it("refuses an array for --city with a message that says how to write them", async () => {
    fs.writeFileSync(path.join(directory, "two.json"), JSON.stringify([JSON.parse(fs.readFileSync(fixture, "utf8"))]));
    const io = captureIo(directory);
    expect(await run(["--city", "two.json"], io)).toBe(1);
    expect(io.err).toContain("含 1 份目标清单");
    expect(io.err).toContain("liangxin workbook --catalog two.json");
  });

  it("puts <city>.xlsx inside -o when it is an existing directory", async () => {
    fs.mkdirSync(path.join(directory, "dir"));
    const io = captureIo(directory);
    expect(await run(["--catalog", fixture, "-o", "dir"], io)).toBe(0);
    expect(fs.readdirSync(path.join(directory, "dir"))).toEqual(["catalog-sample.xlsx"]);
  });

  it("names an unknown city", async () => {
    const io = captureIo(directory);
    expect(await run(["--city", "北京"], io)).toBe(1);
    expect(io.err).toContain("北京");
  });
});
