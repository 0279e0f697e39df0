/**
 * Why a plan file could not be read. Readers throw PlanReadError; each host maps it once (the CLI
 * to stderr and exit 1, the task pane to its status line) and names the file there.
 */

/** Language-neutral reason codes; the message carries the zh-CN text, then English. */
export type PlanReadErrorCode =
  /** A PDF without a text layer: pages are images and need OCR. */
  | "scan"
  /** A PDF whose fonts map to no characters (text comes out as private-use or replacement characters). */
  | "garbled"
  /** An old binary Office file (.doc, .wps, .xls: OLE2 compound file) or RTF. */
  | "oldFormat"
  /** A zip-based file whose directory declares more uncompressed data than the cap. */
  | "tooLarge"
  /** A file that says it is a zip, Word or PDF file but cannot be parsed. */
  | "corrupt"
  /** A zip or Office file that is not a Word document (an Excel workbook, a plain archive). */
  | "notPlan"
  /** Bytes that are not text in any encoding the decoder knows, or mixed encodings. */
  | "notText";

/** A plan file that cannot be read, with a code for programs and a zh-CN/English message for people. */
export class PlanReadError extends Error {
  override readonly name = "PlanReadError";
  constructor(
    readonly code: PlanReadErrorCode,
    message: string,
  ) {
    super(message);
  }
}
