import { PlanReadError, detectPlanFormat, readPlanFile, type ReaderHost } from "../../src/readers";
import { zipFile } from "./builders";

const noPdf: ReaderHost = { loadPdfjs: () => Promise.reject(new Error("no PDF in this test")) };
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

async function refusal(bytes: Uint8Array, name: string): Promise<PlanReadError> {
  const error = await readPlanFile(bytes, name, noPdf).catch((caught: unknown) => caught);
  if (!(error instanceof PlanReadError)) throw new Error(`expected a PlanReadError for ${name}`);
  return error;
}

describe("detectPlanFormat and the refusals", () => {
  it("refuses an old binary .doc/.wps by its magic bytes, whatever its name, asking for .docx", async () => {
    const doc = new Uint8Array([...OLE2, ...new Array(504).fill(0)]);
    for (const name of ["plan.doc", "plan.wps", "plan.docx", "plan.txt"]) {
      const error = await refusal(doc, name);
      expect(error.code).toBe("oldFormat");
      expect(error.message).toMatch(
        /^这是旧版 Word\/WPS 二进制格式（\.doc\/\.wps）.*另存为 \.docx.*\(an old binary Word\/WPS file: save it as \.docx\)$/,
      );
    }
  });

  it("tells an Excel workbook and a plain zip from a Word file", async () => {
    expect(detectPlanFormat(await zipFile({ "xl/workbook.xml": "<workbook/>" }), "plan.docx")).toBe("xlsx");
    expect(detectPlanFormat(await zipFile({ "readme.txt": "hi" }), "plan.zip")).toBe("zip");
    expect((await refusal(await zipFile({ "xl/workbook.xml": "<workbook/>" }), "plan.xlsx")).code).toBe("notPlan");
  });

  it("finds a PDF header within the first kilobyte, and HTML by its start or its name", () => {
    const junkThenPdf = new Uint8Array([...new Array(100).fill(0x20), ...new TextEncoder().encode("%PDF-1.7\n")]);
    expect(detectPlanFormat(junkThenPdf, "plan.txt")).toBe("pdf");
    expect(detectPlanFormat(new TextEncoder().encode("\ufeff<!DOCTYPE html><html>"), "download")).toBe("html");
    expect(detectPlanFormat(new TextEncoder().encode("<p>到2027年</p>"), "plan.htm")).toBe("html");
    expect(detectPlanFormat(new TextEncoder().encode("到2027年，<br>"), "plan.txt")).toBe("text");
    expect(detectPlanFormat(new TextEncoder().encode("{\\rtf1\\ansi"), "plan.doc")).toBe("rtf");
  });

  it("reads a GBK-encoded web page (charset gb2312) as Chinese text", async () => {
    const gbk = new Uint8Array([
      ...new TextEncoder().encode('<html><head><meta charset="gb2312"></head><body><p>'),
      0xc4,
      0xcf,
      0xc6,
      0xbd, // 南平
      ...new TextEncoder().encode("</p></body></html>"),
    ]);
    expect(await readPlanFile(gbk, "page.html", noPdf)).toEqual({ format: "html", text: "南平", warnings: [] });
  });
});
