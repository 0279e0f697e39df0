/** The plan readers' Node host: pdf.js's legacy build (the one meant for Node) with its CMaps and fonts from node_modules. */
import * as path from "path";
import type { ReaderHost } from "../../readers";

export const nodeReaderHost: ReaderHost = {
  async loadPdfjs() {
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const root = path.dirname(require.resolve("pdfjs-dist/package.json"));
    return {
      getDocument: pdfjs.getDocument,
      // Chinese PDFs often use predefined CMaps (UniGB-UCS2-H …) that pdf.js reads from these files.
      documentOptions: {
        cMapUrl: path.join(root, "cmaps") + path.sep,
        cMapPacked: true,
        standardFontDataUrl: path.join(root, "standard_fonts") + path.sep,
      },
    };
  },
};
