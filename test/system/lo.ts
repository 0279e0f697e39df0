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
