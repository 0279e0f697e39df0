/**
 * Plans as governments publish them (issue 12): every bundled plan, converted by LibreOffice
 * Writer to .docx and to PDF, gives the same targets through `liangxin extract` (the built CLI, as
 * a user runs it) as its text; a Word file with a running header and page numbers, printed to PDF,
 * loses neither targets nor gains furniture; a scanned PDF exits 1 with the OCR message.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BUNDLED_CITIES } from "../../src/core/cities";
import { wordFile } from "../readers/builders";
import { convertWithWriter, imageOnlyPdf } from "./lo";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "bin", "liangxin.js");

interface CliTarget {
  indicator: string;
  kind: string;
  value: number | null;
  unit: string | null;
  baseYear: number | null;
  targetYear: number | null;
  lead: string | null;
  support: string[];
  source: { start: number; end: number; text: string };
}

function extract(file: string, ...args: string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, "extract", file, ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The text the plan readers make of a file, read by the built CLI's modules in a separate Node (pdf.js needs real ES modules). */
function readerText(file: string): string {
  const script = `const { readPlanFile } = require(${JSON.stringify(path.join(ROOT, "lib/src/readers"))});
    const { nodeReaderHost } = require(${JSON.stringify(path.join(ROOT, "lib/src/cli/readers/planFile"))});
    readPlanFile(require("fs").readFileSync(process.argv[1]), process.argv[1], nodeReaderHost).then((reading) => process.stdout.write(reading.text));`;
  return execFileSync(process.execPath, ["-e", script, file], { encoding: "utf8" });
}

/** What a planner checks of each target: indicator, kind, value, unit, years, departments. */
function targetsOf(file: string, city: string): unknown[] {
  const result = extract(file, "--city", city);
  if (result.status !== 0) throw new Error(`extract ${file} exited ${result.status}: ${result.stderr}`);
  return (JSON.parse(result.stdout).targets as CliTarget[]).map((target) => [
    target.indicator,
    target.kind,
    target.value,
    target.unit,
    target.baseYear,
    target.targetYear,
    target.lead,
    target.support,
  ]);
}

describe("plans in Word and PDF (LibreOffice Writer)", () => {
  let dir: string;
  let seeds: string[];
  let docx: string[];
  let pdf: string[];

  beforeAll(() => {
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-formats-"));
    seeds = BUNDLED_CITIES.map((city) => {
      const copy = path.join(dir, city.file);
      fs.copyFileSync(path.join(ROOT, "seeds", city.file), copy);
      return copy;
    });
    docx = convertWithWriter(seeds, "docx", dir);
    pdf = convertWithWriter(seeds, "pdf", dir);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(BUNDLED_CITIES.map((city, index) => [city.name, index]))(
    "%s: the .docx and the PDF give the same targets as the text",
    (name, index) => {
      const fromText = targetsOf(seeds[index as number], name as string);
      expect(fromText.length).toBeGreaterThan(5);
      expect(targetsOf(docx[index as number], name as string)).toEqual(fromText);
      expect(targetsOf(pdf[index as number], name as string)).toEqual(fromText);
    },
  );

  it("keeps every source clause pointing into the text a PDF was read as", () => {
    const result = extract(pdf[1], "--format", "json");
    const catalog = JSON.parse(result.stdout) as { targets: CliTarget[] };
    const text = readerText(pdf[1]);
    for (const target of catalog.targets)
      expect(text.slice(target.source.start, target.source.end)).toBe(target.source.text);
  });

  it("reads a PDF renamed .txt as a PDF", () => {
    const renamed = path.join(dir, "renamed.txt");
    fs.copyFileSync(pdf[3], renamed);
    expect(targetsOf(renamed, BUNDLED_CITIES[3].name)).toEqual(targetsOf(seeds[3], BUNDLED_CITIES[3].name));
  });

  it("drops a Word file's running header and page numbers when it is printed to PDF, and joins words across pages", async () => {
    const body = [
      "白云市推动大规模设备更新和消费品以旧换新实施方案",
      "一、主要目标",
      ...Array.from(
        { length: 60 },
        (_, index) =>
          `${index + 1}.推动第${index + 1}类设备更新。到2027年，第${index + 1}类设备更新量较2023年增长${index + 10}%，由市发展改革委牵头，市工业和信息化局、市财政局配合，各县（市、区）人民政府按职责分工负责落实。`,
      ),
    ];
    const word = path.join(dir, "headed.docx");
    fs.writeFileSync(word, await wordFile(body));
    const [printed] = convertWithWriter([word], "pdf", path.join(dir, "printed"));
    const text = readerText(printed);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [printed], { encoding: "utf8" }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(text).not.toContain("白云市人民政府办公室");
    expect(text).not.toMatch(/—\s*\d+\s*—/);
    // One line per paragraph, as in the Word file: nothing split at a line or page end.
    expect(text.split("\n")).toEqual(body);
    expect(targetsOf(printed, "白云")).toEqual(targetsOf(word, "白云"));
  });

  it("reads a Word table printed to PDF as the same rows: an empty cell kept, a wrapped cell joined", async () => {
    const table = [
      ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
      ["1", "推动二手车流通，完善二手车交易登记管理和异地交易制度", "市商务局", "市公安局", "2025年底"],
      ["2", "报废汽车回收", "市商务局", "", "2026年底"],
      ["3", "家电以旧换新", "市商务局", "市财政局、市市场监管局、市发展改革委", "长期"],
    ];
    const word = path.join(dir, "table.docx");
    fs.writeFileSync(word, await wordFile(["附件", table]));
    const [printed] = convertWithWriter([word], "pdf", path.join(dir, "table"));
    const text = readerText(printed);
    // (On a one-page PDF the running header cannot be told from a title, so the text starts with it.)
    const lines = text.split("\n");
    expect(lines.slice(lines.indexOf("附件"))).toEqual(["附件", ...table.map((row) => row.join("\t"))]);
  });

  it("refuses a scanned PDF (an image, no text layer) with a message naming the file and asking for OCR, exit 1", () => {
    const prefix = path.join(dir, "page");
    execFileSync("pdftoppm", ["-jpeg", "-r", "60", "-f", "1", "-l", "1", pdf[1], prefix]);
    const jpeg = fs.readdirSync(dir).find((file) => file.startsWith("page") && file.endsWith(".jpg"));
    const scan = path.join(dir, "scan.pdf");
    fs.writeFileSync(scan, imageOnlyPdf(fs.readFileSync(path.join(dir, jpeg as string))));
    const result = extract(scan);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /^liangxin extract: 无法读取 .*scan\.pdf：这是扫描件 PDF（1 页都没有文字层，只有图像）.*OCR.*\(a scanned PDF with no text layer: run OCR first/,
    );
  });

  it("refuses a Word 97–2003 .doc written by LibreOffice with the message to save it as .docx", () => {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-lo-profile-"));
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "doc", "--outdir", dir, docx[0]],
      {
        stdio: "pipe",
        timeout: 150000,
      },
    );
    fs.rmSync(profile, { recursive: true, force: true });
    const result = extract(docx[0].replace(/\.docx$/, ".doc"));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/这是旧版 Word\/WPS 二进制格式（\.doc\/\.wps）.*另存为 \.docx/);
  });
});
