/**
 * Valid files always: text the .xlsx format cannot hold (XML-illegal characters, more than Excel's
 * 32,767 characters a cell) is replaced or cut with a warning, in the workbook and in `check -o
 * x.xlsx`, and every part of the file parses with a strict XML parser (saxes, exceljs's own).
 * All figures 示例数据.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { renderWorkbook } from "../../src/workbook";
import { EXCEL_CELL_MAX_CHARS, excelCellText, TRUNCATION_MARKER, writeWorkbookXlsx } from "../../src/xlsx/writer";
import { captureIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { FIXTURES } from "../check/helpers";
import { hostileCatalog } from "./hostileCatalog";
import { stateFromXml, stateToXml } from "../../src/workbook";

/** Every XML part of an .xlsx, parsed strictly: the first error, or null. */
async function firstXmlError(bytes: Buffer): Promise<string | null> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).filter((entry) => /\.(xml|rels)$/.test(entry))) {
    const parser = new SaxesParser();
    try {
      parser.write(await zip.files[name].async("string")).close();
    } catch (error) {
      return `${name}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return null;
}

describe("excelCellText", () => {
  it("replaces XML-illegal characters and lone surrogates with U+FFFD, keeping tab, newlines and pairs", () => {
    const warnings: string[] = [];
    expect(excelCellText("a\ufffeb\u0000c\u001fd\ud800e\udc00f", warnings)).toBe(
      "a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf",
    );
    expect(warnings).toHaveLength(1);
    const fine = "行1\t列\n行2\r\n😀 南平";
    expect(excelCellText(fine, warnings)).toBe(fine);
    expect(warnings).toHaveLength(1);
  });

  it("cuts text over 32,767 characters with a marker, never inside a surrogate pair", () => {
    const warnings: string[] = [];
    const cut = excelCellText("条".repeat(40_000), warnings);
    expect(cut.length).toBe(EXCEL_CELL_MAX_CHARS);
    expect(cut.endsWith(TRUNCATION_MARKER)).toBe(true);
    expect(warnings[0]).toContain("32767");
    const emoji = excelCellText("😀".repeat(20_000));
    expect(emoji.length).toBeLessThanOrEqual(EXCEL_CELL_MAX_CHARS);
    expect(/[\ud800-\udbff]$/.test(emoji.slice(0, -TRUNCATION_MARKER.length))).toBe(false);
  });
});

describe("the .xlsx files the toolkit writes", () => {
  it("the templated workbook is well-formed XML with hostile catalog text, and keeps the strings after it", async () => {
    const warnings: string[] = [];
    const catalog = hostileCatalog();
    const bytes = await writeWorkbookXlsx(renderWorkbook(catalog, { flavour: "builtin" }), { catalog, warnings });
    expect(await firstXmlError(bytes)).toBeNull();
    expect(warnings.some((warning) => warning.includes("XML"))).toBe(true);
    expect(warnings.some((warning) => warning.includes("截断"))).toBe(true);
    const zip = await JSZip.loadAsync(bytes);
    const strings = (
      await Promise.all(
        Object.keys(zip.files)
          .filter((name) => /^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/.test(name))
          .map((name) => zip.files[name].async("string")),
      )
    ).join("");
    expect(strings).toContain("二手车\ufffd交易\ufffd量");
    expect(strings).toContain(catalog.targets[8].indicator);
  });

  it("saves the catalog in the workbook state as well-formed XML that reads back unchanged", () => {
    const catalog = hostileCatalog();
    const xml = stateToXml({ version: 1, city: null, targets: catalog.targets, rowKeys: {}, loadedAt: "" });
    expect(() => new SaxesParser().write(xml).close()).not.toThrow();
    expect(stateFromXml(xml)?.targets[0].indicator).toBe(catalog.targets[0].indicator);
  });

  it("check -o x.xlsx is well-formed XML with hostile report cells", async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-xmlsafe-"));
    try {
      const remark = "示例数据".repeat(100);
      fs.writeFileSync(
        path.join(directory, "r.csv"),
        `期间,部门,目标编号,填报值,备注\n2025-06,市商务局\ufffe\u0002,示例-02,1100,${remark}\n2025-06,市住建局,示例-05,160,${remark}\n`,
      );
      const io = captureIo(directory);
      const code = await main(
        [
          "check",
          "r.csv",
          "--city",
          path.join(FIXTURES, "catalog.json"),
          "--baselines",
          path.join(FIXTURES, "baselines.csv"),
          "-o",
          "out.xlsx",
        ],
        io,
      );
      expect(code).toBe(0);
      expect(io.err).toContain("XML");
      expect(await firstXmlError(fs.readFileSync(path.join(directory, "out.xlsx")))).toBeNull();
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
