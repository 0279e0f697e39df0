/**
 * PDF plans through pdf.js: the text layer of every page in reading order (pdfLayout.ts), page
 * furniture dropped, paragraphs re-joined. A PDF without a text layer (a scan) is refused with a
 * message asking for OCR: an empty catalog would look like a plan without targets.
 * The host supplies pdf.js (Node: the legacy build; the browser: the standard build with its worker).
 */
import type { getDocument as GetDocument } from "pdfjs-dist";
import { PlanReadError } from "./errors";
import {
  alignTableColumns,
  dropPageFurniture,
  joinParagraphs,
  linesOfPage,
  type PdfLine,
  type PositionedText,
} from "./pdfLayout";

/** pdf.js as a host loads it, with the options its platform needs (CMap and font data locations). */
export interface PdfjsRuntime {
  getDocument: typeof GetDocument;
  /** Extra getDocument parameters: cMapUrl, standardFontDataUrl, … */
  documentOptions?: Record<string, unknown>;
}

/** Fewer visible characters per page than this on average: the PDF has no usable text layer. */
const MIN_CHARS_PER_PAGE = 5;
/** Share of private-use or replacement characters above which the fonts map to no real characters. */
const GARBLED_SHARE = 0.2;

/**
 * Reads a PDF plan's text.
 * @param bytes - the PDF file (not modified: pdf.js is given a copy)
 * @param pdfjs - pdf.js as the host loaded it
 * @returns the text and warnings (pages without a text layer, page furniture dropped)
 * @throws PlanReadError "scan" without a text layer, "garbled" when fonts map to no characters, "corrupt" when unparsable
 */
export async function readPdf(bytes: Uint8Array, pdfjs: PdfjsRuntime): Promise<{ text: string; warnings: string[] }> {
  const pages: PdfLine[][] = [];
  try {
    const task = pdfjs.getDocument({
      data: new Uint8Array(bytes), // a copy (pdf.js transfers it to its worker), never a Node Buffer (refused)
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      verbosity: 0,
      ...pdfjs.documentOptions,
    });
    const document = await task.promise;
    try {
      for (let number = 1; number <= document.numPages; number++) {
        const page = await document.getPage(number);
        const content = await page.getTextContent();
        const pieces: PositionedText[] = [];
        for (const item of content.items) {
          if (!("str" in item)) continue;
          const [scaleX, skewY, , scaleY, x, y] = item.transform as number[];
          if (Math.abs(skewY) > Math.abs(scaleX)) continue; // vertical text: stamps, side notes
          pieces.push({ text: item.str, x, y, width: item.width, size: Math.abs(scaleY) || item.height });
        }
        pages.push(linesOfPage(pieces));
        page.cleanup();
      }
    } finally {
      await document.destroy();
    }
  } catch (error) {
    if (error instanceof PlanReadError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new PlanReadError("corrupt", `PDF 文件已损坏或已加密，无法读取：${reason} (damaged or encrypted PDF)`);
  }
  const characters = pages.map((lines) => lines.reduce((sum, line) => sum + line.text.replace(/\s+/g, "").length, 0));
  const total = characters.reduce((sum, count) => sum + count, 0);
  if (total < MIN_CHARS_PER_PAGE * pages.length) {
    throw new PlanReadError(
      "scan",
      `这是扫描件 PDF（${pages.length} 页都没有文字层，只有图像），无法提取目标：请先做文字识别（OCR，如 WPS 或 Acrobat 的"图片转文字"），` +
        `或向发文单位索取 Word/文本版 (a scanned PDF with no text layer: run OCR first, or get the Word or text version)`,
    );
  }
  const allText = pages.flatMap((lines) => lines.map((line) => line.text)).join("");
  const unmapped = (allText.match(/[\ue000-\uf8ff\ufffd]/g) ?? []).length;
  if (unmapped > GARBLED_SHARE * allText.length) {
    throw new PlanReadError(
      "garbled",
      "PDF 的字体没有文字映射，读出来是乱码，无法提取目标：请用 WPS/Word 打开后另存为 .docx，或做文字识别（OCR） " +
        "(the PDF's fonts map to no characters: save it as .docx or run OCR)",
    );
  }
  const warnings: string[] = [];
  const imageOnly = characters.flatMap((count, index) => (count === 0 ? [index + 1] : []));
  if (imageOnly.length > 0) {
    warnings.push(
      `第 ${pageList(imageOnly)} 页没有文字层（扫描页），其中的目标未能提取 (page ${pageList(imageOnly)} has no text layer: its targets are missing)`,
    );
  }
  const { pages: body } = dropPageFurniture(pages);
  return { text: joinParagraphs(body.map(alignTableColumns)), warnings };
}

/** 3, 5–7, 9 */
function pageList(numbers: readonly number[]): string {
  const ranges: string[] = [];
  for (let index = 0; index < numbers.length; index++) {
    let end = index;
    while (end + 1 < numbers.length && numbers[end + 1] === numbers[end] + 1) end++;
    ranges.push(end > index ? `${numbers[index]}–${numbers[end]}` : String(numbers[index]));
    index = end;
  }
  return ranges.join(", ");
}
