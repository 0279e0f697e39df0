import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Ajv from "ajv";
import { run } from "../../src/cli/commands/extract";
import { captureIo } from "../../src/cli/io";

const ROOT = path.join(__dirname, "..", "..");
const SEED = "seeds/001_bc9db3d026010e14.txt";

describe("liangxin extract", () => {
  it("prints one catalog object for one file", async () => {
    const io = captureIo(ROOT);
    expect(await run([SEED], io)).toBe(0);
    const catalog = JSON.parse(io.out);
    expect(catalog.plan.docNumber).toBe("南政规〔2024〕8号");
    expect(catalog.targets[0].id).toBe("南平-01");
  });

  it("names a missing file on stderr, exits 1 and keeps its place in the array, each element naming its file", async () => {
    const io = captureIo(ROOT);
    expect(await run([SEED, "no-such-plan.txt", "seeds/002_2e34df7fe6ba7779.txt"], io)).toBe(1);
    expect(io.err).toContain("no-such-plan.txt");
    const results = JSON.parse(io.out);
    expect(results.map((result: { file: string }) => result.file)).toEqual([
      SEED,
      "no-such-plan.txt",
      "seeds/002_2e34df7fe6ba7779.txt",
    ]);
    expect(results[1]).toEqual({ file: "no-such-plan.txt", error: "文件不存在 (no such file)" });
    expect([results[0].plan.government, results[2].plan.government]).toEqual(["南平市人民政府", "邯郸市人民政府"]);
  });

  it("prints multi-file elements that validate against the catalog schema (file allowed, failures as extractFailure)", async () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "schemas", "catalog.schema.json"), "utf8"));
    const ajv = new Ajv({ allErrors: true });
    const validateCatalog = ajv.compile(schema);
    const validateFailure = ajv.compile({ ...schema.definitions.extractFailure, definitions: schema.definitions });
    const io = captureIo(ROOT);
    await run([SEED, "no-such-plan.txt"], io);
    const [catalog, failure] = JSON.parse(io.out);
    expect(validateCatalog(catalog) ? [] : validateCatalog.errors).toEqual([]);
    expect(validateFailure(failure) ? [] : validateFailure.errors).toEqual([]);
  });

  it("reads GB18030 files and takes --city for ids", async () => {
    const io = captureIo(ROOT);
    expect(await run(["test/fixtures/golden/gb18030-excerpt.gb18030.txt", "--city", "白云区"], io)).toBe(0);
    expect(JSON.parse(io.out).targets[0].id).toBe("白云区-01");
  });

  it("prints a table with each target's source clause, and accepts a bundled city's name", async () => {
    const io = captureIo(os.tmpdir());
    expect(await run(["开封", "--format", "table"], io)).toBe(0);
    expect(io.out).toContain("开封-01");
    expect(io.out).toContain(
      "└ 到2027年，全市工业、农业、建筑、交通运输、教育、文化和旅游、医疗等领域设备投资规模较2023年增长25%以上",
    );
  });

  it("rejects an unknown format with a usage error", async () => {
    const io = captureIo(ROOT);
    expect(await run([SEED, "--format", "xml"], io)).toBe(2);
    expect(io.err).toContain("--format");
  });

  it("reports an unreadable path (a directory) by name, in words, not as EISDIR", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-"));
    const io = captureIo(ROOT);
    expect(await run([dir], io)).toBe(1);
    expect(io.err).toContain(dir);
    expect(io.err).toContain("是一个目录");
    expect(io.err).toContain("(is a directory)");
    expect(io.err).not.toContain("EISDIR");
    fs.rmSync(dir, { recursive: true });
  });

  describe("files that are not plain UTF-8 or GBK text", () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-"));
      const seed = fs.readFileSync(path.join(ROOT, SEED), "utf8");
      // Notepad's "Unicode" (UTF-16 LE with a BOM) and its big-endian variant.
      fs.writeFileSync(
        path.join(dir, "u16le.txt"),
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed, "utf16le")]),
      );
      fs.writeFileSync(
        path.join(dir, "u16be.txt"),
        Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(seed, "utf16le").swap16()]),
      );
      // An Excel workbook renamed .txt (a PDF or Word file renamed so is read as what it is: test/system/formats).
      fs.writeFileSync(
        path.join(dir, "plan.txt"),
        Buffer.from(
          "504b03040a00000000009b93845d0000000000000000000000000f000000786c2f776f726b626f6f6b2e786d6c" +
            "504b010214000a00000000009b93845d0000000000000000000000000f00000000000000000000000000000000" +
            "00786c2f776f726b626f6f6b2e786d6c504b050600000000010001003d0000002d0000000000",
          "hex",
        ),
      );
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("reads a UTF-16 plan (with its BOM) like the UTF-8 one", async () => {
      const utf8 = captureIo(ROOT);
      await run([SEED], utf8);
      for (const name of ["u16le.txt", "u16be.txt"]) {
        const io = captureIo(dir);
        expect(await run([name], io)).toBe(0);
        expect(JSON.parse(io.out)).toEqual(JSON.parse(utf8.out));
      }
    });

    it("refuses an Excel workbook renamed .txt with a clear message and no targets, exit 1", async () => {
      const io = captureIo(dir);
      expect(await run(["plan.txt", "u16le.txt"], io)).toBe(1);
      expect(io.err).toContain("plan.txt");
      expect(io.err).toContain("an Excel workbook, not a plan");
      const [workbook, text] = JSON.parse(io.out);
      expect(workbook).toEqual({ file: "plan.txt", error: expect.stringContaining("这是 Excel 工作簿") });
      expect(text.targets.length).toBeGreaterThan(10);
    });
  });
});
