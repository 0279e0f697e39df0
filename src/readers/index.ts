/**
 * Plan readers: a plan file's bytes and name → the text the extractor reads, with warnings, or a
 * PlanReadError saying why not. Shared by `liangxin extract` and the task pane's file picker.
 * Text and web pages are decoded here; Word and PDF readers load on first use (dynamic imports,
 * so the task pane's start-up does not carry mammoth or pdf.js). The catalog's source spans point
 * into the returned text, which is what the catalog stores.
 */
import { decodePlanBytes } from "../core/decode";
import { detectPlanFormat, type PlanFormat } from "./detect";
import { PlanReadError } from "./errors";
import type { PdfjsRuntime } from "./pdf";

export { detectPlanFormat, type PlanFormat } from "./detect";
export { PlanReadError, type PlanReadErrorCode } from "./errors";
export type { PdfjsRuntime } from "./pdf";

/** The file picker's and the CLI's accepted extensions (the content decides the reader). */
export const PLAN_FILE_EXTENSIONS = [".txt", ".docx", ".pdf", ".html", ".htm"] as const;

export interface PlanReading {
  /** The plan's text; extractor offsets (source.start/end) index into it. */
  text: string;
  format: PlanFormat;
  /** What the reader repaired or could not read (zh-CN, then English); empty when nothing. */
  warnings: string[];
}

/** What a host provides: pdf.js for its platform, loaded only when a PDF is read. */
export interface ReaderHost {
  loadPdfjs(): Promise<PdfjsRuntime>;
}

const SAVE_AS_DOCX = "请在 WPS/Word 中打开后另存为 .docx（或 PDF、纯文本）再提取";

/**
 * Reads a plan file: detects its format by content (a renamed file is read as what it is), then
 * decodes text and web pages (UTF-8, GB18030, UTF-16), converts Word through mammoth and PDF
 * through pdf.js.
 *
 * @param bytes - the file content
 * @param fileName - the file's name (for HTML by extension; messages name it in the host)
 * @param host - platform services (pdf.js)
 * @returns the text, its format and warnings
 * @throws PlanReadError for old binary formats, scans, damaged files, zip bombs, non-text data
 * @example
 * (await readPlanFile(new TextEncoder().encode("到2027年，…"), "plan.txt", host)).format // → "text"
 */
export async function readPlanFile(bytes: Uint8Array, fileName: string, host: ReaderHost): Promise<PlanReading> {
  const format = detectPlanFormat(bytes, fileName);
  switch (format) {
    case "oldOffice":
      throw new PlanReadError(
        "oldFormat",
        `这是旧版 Word/WPS 二进制格式（.doc/.wps），无法直接读取：${SAVE_AS_DOCX} (an old binary Word/WPS file: save it as .docx)`,
      );
    case "rtf":
      throw new PlanReadError(
        "oldFormat",
        `这是 RTF 文件，无法直接读取：${SAVE_AS_DOCX} (an RTF file: save it as .docx)`,
      );
    case "xlsx":
      throw new PlanReadError(
        "notPlan",
        "这是 Excel 工作簿，不是方案文件：请给出方案的 Word、PDF、网页或文本文件 (an Excel workbook, not a plan)",
      );
    case "zip":
      throw new PlanReadError(
        "notPlan",
        "这是压缩包，不是方案文件：请解压后给出其中的方案文件 (a zip archive, not a plan: unpack it first)",
      );
    case "docx": {
      const { readDocx } = await import("./docx");
      return { format, ...(await readDocx(bytes)) };
    }
    case "pdf": {
      const [{ readPdf }, pdfjs] = await Promise.all([import("./pdf"), host.loadPdfjs()]);
      return { format, ...(await readPdf(bytes, pdfjs)) };
    }
    case "html": {
      const decoded = decodeOrThrow(bytes);
      const { htmlToPlanText } = await import("./html");
      return { format, text: htmlToPlanText(decoded.text), warnings: decoded.warnings ?? [] };
    }
    case "text": {
      const decoded = decodeOrThrow(bytes);
      return { format, text: decoded.text, warnings: decoded.warnings ?? [] };
    }
  }
}

function decodeOrThrow(bytes: Uint8Array): { text: string; warnings?: string[] } {
  const decoded = decodePlanBytes(bytes);
  if (decoded.encoding === "binary")
    throw new PlanReadError("notText", decoded.warning ?? "不是文本文件 (not a text file)");
  return decoded;
}
