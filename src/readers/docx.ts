/**
 * Word (.docx) plans through mammoth: the document body as HTML, then the same walk as web pages
 * (html.ts), so Word tables (附件 责任分工表, 重点任务清单, 指标表) become tab-separated rows.
 * Page headers, footers and page numbers are not part of mammoth's body, so they never reach the text.
 */
import mammoth from "mammoth";
import { PlanReadError } from "./errors";
import { htmlToPlanText } from "./html";
import { checkZipSize } from "./zip";

/**
 * Reads a .docx plan's text.
 * @param bytes - the .docx file
 * @returns the text (tabs of tab-laid-out paragraphs kept) and mammoth's warnings that matter
 * @throws PlanReadError "tooLarge" above the unpacking cap, "corrupt" when Word's XML cannot be read
 */
export async function readDocx(bytes: Uint8Array): Promise<{ text: string; warnings: string[] }> {
  checkZipSize(bytes);
  let html: string;
  try {
    // mammoth's Node build reads `buffer`, its browser build `arrayBuffer`; JSZip takes a Uint8Array for either.
    const input = { buffer: bytes, arrayBuffer: bytes } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
    // Images would be inlined as base64; a plan's text never needs them.
    const result = await mammoth.convertToHtml(input, {
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })),
    });
    html = result.value;
  } catch (error) {
    throw new PlanReadError(
      "corrupt",
      `Word 文件已损坏或不是有效的 .docx：${error instanceof Error ? error.message : String(error)} (damaged .docx file)`,
    );
  }
  return { text: htmlToPlanText(html, { keepTabs: true }), warnings: [] };
}
