import { MAX_UNCOMPRESSED_BYTES, checkZipSize, zipEntries } from "../../src/readers/zip";
import { declareUncompressedSize, zipFile } from "./builders";

describe("checkZipSize", () => {
  it("lists the archive's entries with their declared sizes, without inflating them", async () => {
    const archive = await zipFile({ "word/document.xml": "x".repeat(10_000) });
    expect(zipEntries(archive)).toEqual([
      { name: "word/document.xml", compressedSize: expect.any(Number), uncompressedSize: 10_000 },
    ]);
    expect(archive.length).toBeLessThan(1_000);
  });

  it("refuses an archive that really expands past the cap (a 5 MB entry against a 1 MB cap)", async () => {
    const archive = await zipFile({ "payload.bin": new Uint8Array(5 * 1024 * 1024) });
    expect(archive.length).toBeLessThan(20_000);
    expect(() => checkZipSize(archive, 1024 * 1024)).toThrow(/超过上限 1 MB.*zip bomb|超过上限 1 MB/);
  });

  it("refuses a directory declaring 1.7 GB (the issue's 1.5 MB bomb) under the default 200 MB cap", async () => {
    const bomb = declareUncompressedSize(await zipFile({ "xl/worksheets/sheet1.xml": "<x/>" }), 1_700_000_000);
    expect(MAX_UNCOMPRESSED_BYTES).toBe(200 * 1024 * 1024);
    expect(() => checkZipSize(bomb)).toThrow("文件解压后有 1621 MB，超过上限 200 MB");
  });

  it("calls bytes without a zip directory damaged", () => {
    expect(zipEntries(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBeNull();
    expect(() => checkZipSize(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toThrow(/damaged/);
  });
});
