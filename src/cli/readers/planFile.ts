/** The plan readers' Node host: pdf.js's legacy build (the one meant for Node) with its CMaps and fonts from node_modules. */
import * as path from "path";
import type { ReaderHost } from "../../readers";

export const nodeReaderHost: ReaderHost = {
  async loadPdfjs() {
    // While loading, pdf.js warns on console.log when its optional canvas package is missing; the
    // CLI's stdout carries the catalog's JSON, so such a warning goes to stderr instead.
    const log = console.log;
    console.log = console.error;
    let pdfjs: typeof import("pdfjs-dist/legacy/build/pdf.mjs");
    try {
      pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    } finally {
      console.log = log;
    }
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
