/**
 * The directory of a zip archive (.docx, .xlsx), read without inflating anything, so an archive
 * that would expand to gigabytes (a "zip bomb") is refused before any library unpacks it.
 * The sizes checked are the ones the archive declares; an archive that lies about them is caught
 * by the inflating library's own size and CRC checks, after the fact.
 */
import { PlanReadError } from "./errors";

/** Uncompressed bytes a plan or report archive may declare: 200 MB (real plans and reports are under 20 MB). */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  compressedSize: number;
  /** Declared uncompressed size; Infinity where a ZIP64 record would be needed to state it. */
  uncompressedSize: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const ZIP64_MARKER = 0xffffffff;

/**
 * The entries of a zip archive's central directory, or null when the bytes hold no readable
 * directory (not a zip, or truncated).
 * @param bytes - the whole archive
 * @example zipEntries(docxBytes)?.some((entry) => entry.name === "word/document.xml") // → true
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  let end = -1;
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset--) {
    if (view.getUint32(offset, true) === END_OF_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const decoder = new TextDecoder("utf-8");
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== DIRECTORY_ENTRY)
      return entries.length ? entries : null;
    const compressedSize = view.getUint32(offset + 20, true);
    const uncompressedSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    entries.push({
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      compressedSize,
      uncompressedSize: uncompressedSize === ZIP64_MARKER ? Infinity : uncompressedSize,
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Refuses an archive whose declared uncompressed size is above the cap, before it is inflated.
 * @param bytes - the whole archive
 * @param limitBytes - the cap (default MAX_UNCOMPRESSED_BYTES, 200 MB)
 * @returns the archive's entries
 * @throws PlanReadError "tooLarge" above the cap, "corrupt" when the directory cannot be read
 */
export function checkZipSize(bytes: Uint8Array, limitBytes = MAX_UNCOMPRESSED_BYTES): ZipEntry[] {
  const entries = zipEntries(bytes);
  if (!entries) {
    throw new PlanReadError("corrupt", "压缩文件已损坏，读不到其目录 (damaged zip-based file: no readable directory)");
  }
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > limitBytes) {
    const declared = Number.isFinite(total) ? `${Math.round(total / 1024 / 1024)} MB` : "超过 4 GB";
    const limit = `${Math.round(limitBytes / 1024 / 1024)} MB`;
    throw new PlanReadError(
      "tooLarge",
      `文件解压后有 ${declared}，超过上限 ${limit}，已拒绝读取（可能是恶意的"压缩炸弹"）` +
        ` (uncompressed size ${Number.isFinite(total) ? declared : "over 4 GB"} exceeds the ${limit} limit: refused)`,
    );
  }
  return entries;
}
