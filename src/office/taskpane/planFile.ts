/**
 * The plan readers' browser host: pdf.js's standard build with its worker, loaded only when a PDF
 * is opened. webpack copies the worker and the Chinese CMaps beside taskpane.html (webpack.config.js).
 */
import type { ReaderHost } from "../../readers";

/** Where webpack.config.js copies pdf.js's worker and CMaps, relative to taskpane.html. */
const PDFJS_ASSETS = "pdfjs/";

export const browserReaderHost: ReaderHost = {
  async loadPdfjs() {
    const pdfjs = await import(/* webpackChunkName: "pdfjs" */ "pdfjs-dist");
    pdfjs.GlobalWorkerOptions.workerSrc = new URL(`${PDFJS_ASSETS}pdf.worker.min.mjs`, document.baseURI).href;
    return {
      getDocument: pdfjs.getDocument,
      documentOptions: { cMapUrl: new URL(`${PDFJS_ASSETS}cmaps/`, document.baseURI).href, cMapPacked: true },
    };
  },
};
