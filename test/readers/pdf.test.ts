import { PlanReadError } from "../../src/readers";
import { readPdf, type PdfjsRuntime } from "../../src/readers/pdf";

/** pdf.js as far as readPdf uses it: pages of text items (str, transform, width, height). */
function fakePdfjs(pages: Array<Array<{ str: string; x: number; y: number }>>): PdfjsRuntime {
  const document = {
    numPages: pages.length,
    getPage: async (number: number) => ({
      getTextContent: async () => ({
        items: pages[number - 1].map((item) => ({
          str: item.str,
          transform: [10, 0, 0, 10, item.x, item.y],
          width: item.str.length * 10,
          height: 10,
          hasEOL: false,
        })),
      }),
      cleanup: () => undefined,
    }),
    destroy: async () => undefined,
  };
  return { getDocument: (() => ({ promise: Promise.resolve(document) })) as unknown as PdfjsRuntime["getDocument"] };
}

const BYTES = new TextEncoder().encode("%PDF-1.7");

describe("readPdf", () => {
  it("refuses a PDF whose pages carry no text (a scan) with the OCR message, never an empty text", async () => {
    const error = await readPdf(BYTES, fakePdfjs([[], [], []])).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlanReadError);
    expect((error as PlanReadError).code).toBe("scan");
    expect((error as PlanReadError).message).toMatch(/^这是扫描件 PDF（3 页都没有文字层，只有图像）.*OCR/);
  });

  it("reads the pages that have text and names the scanned pages in a warning", async () => {
    const heading = [{ str: "一、主要目标", x: 50, y: 700 }];
    const target = [{ str: "到2027年，再生资源回收量达到30万吨。", x: 50, y: 700 }];
    const reading = await readPdf(BYTES, fakePdfjs([heading, [], [], target, []]));
    expect(reading.text).toBe("一、主要目标\n到2027年，再生资源回收量达到30万吨。");
    expect(reading.warnings).toEqual([expect.stringMatching(/^第 2–3, 5 页没有文字层（扫描页）/)]);
  });

  it("refuses text whose fonts map to private-use characters (garbled) rather than extracting nonsense", async () => {
    const garbled = [{ str: "\ue000\ue001\ue002\ue003\ue004\ue005", x: 50, y: 700 }];
    const error = await readPdf(BYTES, fakePdfjs([garbled])).catch((caught: unknown) => caught);
    expect((error as PlanReadError).code).toBe("garbled");
  });

  it("reports a PDF pdf.js cannot open as damaged", async () => {
    const broken: PdfjsRuntime = {
      getDocument: (() => ({
        promise: Promise.reject(new Error("Invalid PDF structure.")),
      })) as unknown as PdfjsRuntime["getDocument"],
    };
    await expect(readPdf(BYTES, broken)).rejects.toThrow(/^PDF 文件已损坏或已加密，无法读取：Invalid PDF structure\./);
  });
});
