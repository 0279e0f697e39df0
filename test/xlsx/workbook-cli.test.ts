import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { captureIo } from "../../src/cli/io";
import { run } from "../../src/cli/commands/workbook";
import { BUNDLED_CITIES } from "../../src/core/cities";

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

  it("writes every bundled city with a progress line each", async () => {
    const io = captureIo(directory);
    const code = await run(["--all", "-o", "out"], io);
    const lines = io.err.trim().split("\n");
    expect(lines).toHaveLength(BUNDLED_CITIES.length);
    BUNDLED_CITIES.forEach((city, index) => expect(lines[index]).toContain(`[${index + 1}/${BUNDLED_CITIES.length}] ${city.name}`));
    if (code === 0) for (const city of BUNDLED_CITIES) expect(fs.existsSync(path.join(directory, "out", `${city.slug}.xlsx`))).toBe(true);
  });

  it("refuses unknown options and a missing source with exit code 1", async () => {
    const io = captureIo(directory);
    expect(await run(["--catalog", fixture, "--colour"], io)).toBe(1);
    expect(io.err).toContain("unknown option --colour");
    expect(await run([], io)).toBe(1);
    expect(io.err).toContain("exactly one of --city, --catalog or --all");
  });

  it("names an unknown city", async () => {
    const io = captureIo(directory);
    expect(await run(["--city", "北京"], io)).toBe(1);
    expect(io.err).toContain("北京");
  });
});
