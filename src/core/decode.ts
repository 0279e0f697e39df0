/**
 * Decoding a plan file's bytes. Government files come as UTF-8 (with or without a BOM) or as
 * GB18030/GBK; TextDecoder (Node 20 and browsers) handles both, so no library is needed.
 */

export interface DecodedPlan {
  /** The decoded text; extractor offsets are JavaScript string indices into it. */
  text: string;
  encoding: "utf-8" | "gb18030";
}

/**
 * Decodes a plan file: UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else GB18030
 * (a superset of GBK and GB2312). Nothing else is stripped, so offsets stay meaningful.
 *
 * @param bytes - the raw file content
 * @returns the text and the encoding that was used
 * @example
 * decodePlanBytes(new Uint8Array([0xc4, 0xcf, 0xc6, 0xbd])) // → { text: "南平", encoding: "gb18030" }
 */
export function decodePlanBytes(bytes: Uint8Array): DecodedPlan {
  try {
    // fatal: invalid UTF-8 throws instead of producing U+FFFD, which is how GBK is recognised.
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}
