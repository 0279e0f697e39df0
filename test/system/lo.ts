/**
 * Shared helpers of the LibreOffice system tests: recalculate .xlsx files with headless
 * LibreOffice (forced recalculation, throw-away profile) and read the computed cell values back.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import type { RenderedTable } from "../../src/workbook";

// ---- LibreOffice -----------------------------------------------------------------------------

/** Converts .xlsx files to .xlsx with LibreOffice, forcing recalculation on load, in a fresh profile. */
export function recalculateWithLibreOffice(files: string[], outDir: string): void {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-lo-profile-"));
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  // OOXMLRecalcMode 0 = always recalculate; otherwise LibreOffice trusts (absent) cached values.
  fs.writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  try {
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "xlsx", "--outdir", outDir, ...files],
      { stdio: "pipe", timeout: 150000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

// ---- helpers -----------------------------------------------------------------------------------

export function letterOf(table: RenderedTable, key: string): string {
  const column = table.columns.find((candidate) => candidate.key === key);
  if (!column) throw new Error(`no column ${key}`);
  return column.letter;
}

/** Computed values of a sheet, read from the file's XML (exceljs drops a cached result of 0). */
export type SheetValues = Map<string, number | string>;

export function xmlText(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

export async function readSheetValues(file: string, sheetName: string): Promise<SheetValues> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const read = async (part: string) => (await zip.file(part)?.async("string")) ?? "";
  const shared = [...(await read("xl/sharedStrings.xml")).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((match) =>
    xmlText([...match[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((text) => text[1]).join("")),
  );
  const workbookXml = await read("xl/workbook.xml");
  const sheetTag = [...workbookXml.matchAll(/<sheet\b[^>]*>/g)]
    .map((match) => match[0])
    .find((tag) => xmlText(/name="([^"]*)"/.exec(tag)?.[1] ?? "") === sheetName);
  const relId = sheetTag && /r:id="([^"]*)"/.exec(sheetTag)?.[1];
  const relTag = [...(await read("xl/_rels/workbook.xml.rels")).matchAll(/<Relationship\b[^>]*>/g)]
    .map((match) => match[0])
    .find((tag) => tag.includes(`Id="${relId}"`));
  const target = relTag && /Target="([^"]*)"/.exec(relTag)?.[1];
  if (!target) throw new Error(`no sheet ${sheetName} in ${file}`);
  const sheetXml = await read(target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  const values: SheetValues = new Map();
  for (const match of sheetXml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const value = /<v>([\s\S]*?)<\/v>/.exec(match[3] ?? "")?.[1];
    if (value === undefined) continue;
    const type = /\bt="([^"]*)"/.exec(match[2])?.[1] ?? "n";
    values.set(match[1], type === "s" ? shared[Number(value)] : type === "n" ? Number(value) : xmlText(value));
  }
  return values;
}

/** The computed value of a cell after LibreOffice's recalculation (null when empty). */
export function computed(sheet: SheetValues, ref: string): number | string | null {
  return sheet.get(ref) ?? null;
}

export function expectClose(actual: number | string | null, expected: number, label: string): void {
  if (typeof actual !== "number")
    throw new Error(`${label}: expected ${expected}, LibreOffice gave ${JSON.stringify(actual)}`);
  if (Math.abs(actual - expected) > 1e-6 * Math.max(1, Math.abs(expected)))
    throw new Error(`${label}: expected ${expected}, LibreOffice gave ${actual}`);
}

// ---- Writer -------------------------------------------------------------------------------------

/**
 * Converts documents with LibreOffice Writer (`soffice --headless --convert-to docx|pdf`) in a
 * throw-away profile; text files are read as UTF-8 (the seeds' encoding).
 * @returns the converted files' paths, in the order given
 */
export function convertWithWriter(files: string[], format: "docx" | "pdf", outDir: string): string[] {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-lo-profile-"));
  try {
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        // Plain text in UTF-8, opened by Writer (not Calc's CSV import); other inputs by their own filter.
        ...(files.every((file) => file.endsWith(".txt")) ? ["--infilter=Text (encoded):UTF8,LF,,,"] : []),
        "--convert-to",
        format === "docx" ? "docx:MS Word 2007 XML" : "pdf:writer_pdf_Export",
        "--outdir",
        outDir,
        ...files,
      ],
      { stdio: "pipe", timeout: 150000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return files.map((file) => path.join(outDir, path.basename(file).replace(/\.[^.]+$/, `.${format}`)));
}

/**
 * A scanned document as a PDF: one page holding only a JPEG image (no text layer), the way a
 * scanner or a photo-to-PDF app writes it.
 * @param jpeg - the page image
 */
export function imageOnlyPdf(jpeg: Buffer): Buffer {
  // The frame header (SOF0–SOF2) holds the image's height and width.
  let offset = 2;
  let width = 0;
  let height = 0;
  while (offset < jpeg.length) {
    const marker = jpeg.readUInt16BE(offset);
    if (marker >= 0xffc0 && marker <= 0xffc2) {
      height = jpeg.readUInt16BE(offset + 5);
      width = jpeg.readUInt16BE(offset + 7);
      break;
    }
    offset += 2 + jpeg.readUInt16BE(offset + 2);
  }
  const content = "q 595 0 0 842 0 0 cm /Im0 Do Q";
  const objects: Buffer[] = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    Buffer.from(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
    ),
    Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
      ),
      jpeg,
      Buffer.from("\nendstream"),
    ]),
    Buffer.from(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`),
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n")];
  const offsets: number[] = [];
  let length = parts[0].length;
  objects.forEach((body, index) => {
    offsets.push(length);
    const object = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
    parts.push(object);
    length += object.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((at) => `${String(at).padStart(10, "0")} 00000 n \n`).join("") +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  return Buffer.concat([...parts, Buffer.from(xref)]);
}
