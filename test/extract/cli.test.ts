import * as fs from "fs";
import * as os from "os";
import * as path from "path";
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

  it("names a missing file on stderr, exits 1 and still prints the others as an array", async () => {
    const io = captureIo(ROOT);
    expect(await run([SEED, "no-such-plan.txt", "seeds/002_2e34df7fe6ba7779.txt"], io)).toBe(1);
    expect(io.err).toContain("no-such-plan.txt");
    const catalogs = JSON.parse(io.out);
    expect(catalogs.map((catalog: { plan: { government: string } }) => catalog.plan.government)).toEqual(["南平市人民政府", "邯郸市人民政府"]);
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
    expect(io.out).toContain("└ 到2027年，全市工业、农业、建筑、交通运输、教育、文化和旅游、医疗等领域设备投资规模较2023年增长25%以上");
  });

  it("rejects an unknown format with a usage error", async () => {
    const io = captureIo(ROOT);
    expect(await run([SEED, "--format", "xml"], io)).toBe(2);
    expect(io.err).toContain("--format");
  });

  it("reports an unreadable path (a directory) by name", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-"));
    const io = captureIo(ROOT);
    expect(await run([dir], io)).toBe(1);
    expect(io.err).toContain(dir);
  });
});
