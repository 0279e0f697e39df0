/**
 * Custom XML parts for .xlsx files written by exceljs (which has no API for them): the part
 * itself (customXml/itemN.xml), its properties (customXml/itemPropsN.xml, a ds:datastoreItem
 * with an item id and the root namespace as schema reference), the item's relationship to its
 * properties, the workbook's customXml relationship and the [Content_Types].xml override for the
 * properties part — the layout Office writes, so Excel lists the part in
 * `workbook.customXmlParts` and the add-in finds it with getByNamespace.
 */
import { createHash } from "crypto";
import JSZip from "jszip";

const PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_TYPE = {
  customXml: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
  customXmlProps: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps",
};
const DATASTORE_NAMESPACE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml";
const PROPERTIES_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";

/**
 * A GUID derived from the part's text (name-based, as UUID version 5 lays out its bits), so the
 * same workbook gives the same bytes; a different state gives a different id.
 * @param text the part's XML
 * @returns "{XXXXXXXX-XXXX-5XXX-YXXX-XXXXXXXXXXXX}", upper case
 */
export function itemIdOf(text: string): string {
  const bytes = createHash("sha1").update(`liangxin customXml item\n${text}`, "utf8").digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex").toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`;
}

/**
 * Adds a custom XML part to an .xlsx file.
 * @param xlsxBuffer an .xlsx file (e.g. from exceljs)
 * @param partXml the part's XML document; its root element's namespace is what Office matches on
 * @returns the new .xlsx bytes, and where the part went (e.g. "customXml/item1.xml")
 * @throws Error when the file lacks [Content_Types].xml or xl/_rels/workbook.xml.rels
 */
export async function addCustomXmlPart(
  xlsxBuffer: Buffer,
  partXml: string,
): Promise<{ bytes: Buffer; itemPath: string }> {
  const zip = await JSZip.loadAsync(xlsxBuffer);
  const number = nextItemNumber(zip);
  const itemPath = `customXml/item${number}.xml`;
  const propsName = `itemProps${number}.xml`;
  const rootNamespace = rootNamespaceOf(partXml);
  const schemaRefs = rootNamespace
    ? `<ds:schemaRefs><ds:schemaRef ds:uri="${escapeAttribute(rootNamespace)}"/></ds:schemaRefs>`
    : "<ds:schemaRefs/>";

  zip.file(itemPath, partXml);
  zip.file(
    `customXml/${propsName}`,
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${itemIdOf(partXml)}" xmlns:ds="${DATASTORE_NAMESPACE}">${schemaRefs}</ds:datastoreItem>`,
  );
  zip.file(
    `customXml/_rels/item${number}.xml.rels`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${REL_TYPE.customXmlProps}" Target="${propsName}"/></Relationships>`,
  );

  const relsPath = "xl/_rels/workbook.xml.rels";
  const rels = await readPart(zip, relsPath);
  const usedIds = new Set([...rels.matchAll(/\bId="([^"]+)"/g)].map((match) => match[1]));
  let relNumber = 1;
  while (usedIds.has(`rIdCustomXml${relNumber}`)) relNumber++;
  zip.file(
    relsPath,
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdCustomXml${relNumber}" Type="${REL_TYPE.customXml}" Target="../${itemPath}"/></Relationships>`,
    ),
  );

  const types = await readPart(zip, "[Content_Types].xml");
  // item N.xml itself is covered by the package's Default for "xml" (application/xml); add one if it is missing.
  const xmlDefault = /<Default\b[^>]*\bExtension="xml"/i.test(types)
    ? ""
    : `<Default Extension="xml" ContentType="application/xml"/>`;
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `${xmlDefault}<Override PartName="/customXml/${propsName}" ContentType="${PROPERTIES_CONTENT_TYPE}"/></Types>`,
    ),
  );

  return { bytes: await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }), itemPath };
}

/**
 * The custom XML parts of an .xlsx file whose root element is in `namespace`, as text — what
 * Office.js `customXmlParts.getByNamespace(namespace)` would list. The part is found wherever the
 * package's relationships put it: Excel relates it from the workbook part, LibreOffice from the
 * package root (_rels/.rels); any other .rels file relating a customXml part counts too.
 * @param xlsxBuffer an .xlsx file
 * @param namespace the root element's namespace URI
 * @returns each matching part's XML, in the order found (workbook's relationships first), once each
 */
export async function readCustomXmlParts(xlsxBuffer: Buffer, namespace: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(xlsxBuffer);
  const relsFiles: string[] = [];
  zip.forEach((path, file) => {
    if (!file.dir && /(^|\/)_rels\/[^/]*\.rels$/i.test(path)) relsFiles.push(path);
  });
  const order = (path: string) => (path === "xl/_rels/workbook.xml.rels" ? 0 : path === "_rels/.rels" ? 1 : 2);
  relsFiles.sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  const targets: string[] = [];
  for (const relsPath of relsFiles) {
    const rels = await zip.file(relsPath)!.async("string");
    // The source part's folder: "xl/_rels/workbook.xml.rels" → "xl/", "_rels/.rels" → "".
    const base = relsPath.replace(/_rels\/[^/]*$/i, "");
    for (const match of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      if (!match[0].includes(`Type="${REL_TYPE.customXml}"`)) continue;
      const target = /\bTarget="([^"]+)"/.exec(match[0])?.[1] ?? "";
      const resolved = resolvePartPath(base, target);
      if (resolved && !targets.includes(resolved)) targets.push(resolved);
    }
  }
  const parts: string[] = [];
  for (const target of targets) {
    const text = await zip.file(target)?.async("string");
    if (text && rootNamespaceOf(text) === namespace) parts.push(text);
  }
  return parts;
}

/** A relationship target resolved against its source part's folder ("/customXml/item1.xml" is absolute). */
function resolvePartPath(base: string, target: string): string {
  const segments = (target.startsWith("/") ? target.slice(1) : base + target).split("/");
  const resolved: string[] = [];
  for (const segment of segments) {
    if (segment === "..") resolved.pop();
    else if (segment && segment !== ".") resolved.push(segment);
  }
  return resolved.join("/");
}

/**
 * The text of column A of a sheet of an .xlsx file, in row order, read from the package itself
 * (shared or inline strings) — for the very-hidden copy of the workbook state.
 * @param xlsxBuffer an .xlsx file
 * @param sheetName the sheet's tab name
 * @returns the strings of column A from row 1 (empty when the sheet is missing)
 */
export async function readSheetColumnA(xlsxBuffer: Buffer, sheetName: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(xlsxBuffer);
  const workbookXml = await zip.file("xl/workbook.xml")?.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
  if (!workbookXml || !rels) return [];
  const sheetTag = [...workbookXml.matchAll(/<sheet\b[^>]*>/g)]
    .map((match) => match[0])
    .find((tag) => unescapeXml(/\bname="([^"]*)"/.exec(tag)?.[1] ?? "") === sheetName);
  const relationshipId = sheetTag ? /\br:id="([^"]+)"/.exec(sheetTag)?.[1] : undefined;
  if (!relationshipId) return [];
  const relationship = [...rels.matchAll(/<Relationship\b[^>]*>/g)]
    .map((match) => match[0])
    .find((tag) => tag.includes(`Id="${relationshipId}"`));
  const target = relationship ? /\bTarget="([^"]+)"/.exec(relationship)?.[1] : undefined;
  const sheetXml = target ? await zip.file(resolvePartPath("xl/", target))?.async("string") : undefined;
  if (!sheetXml) return [];
  const sharedXml = (await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "";
  const shared = [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((match) => textRuns(match[1]));
  const column: string[] = [];
  for (const cell of sheetXml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const reference = /\br="A(\d+)"/.exec(cell[1]);
    if (!reference) continue;
    const type = /\bt="([^"]+)"/.exec(cell[1])?.[1];
    const body = cell[2] ?? "";
    const value = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    const text =
      type === "s" ? shared[Number(value)] : type === "inlineStr" ? textRuns(body) : unescapeXml(value ?? "");
    column[Number(reference[1]) - 1] = text ?? "";
  }
  return Array.from(column, (text) => text ?? "");
}

/** The text of an <si> or <is> element: its <t> runs joined. */
function textRuns(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((match) => unescapeXml(match[1])).join("");
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_entity, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_entity, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/g, "&");
}

function nextItemNumber(zip: JSZip): number {
  let highest = 0;
  zip.forEach((path) => {
    const match = /^customXml\/item(\d+)\.xml$/i.exec(path);
    if (match) highest = Math.max(highest, Number(match[1]));
  });
  return highest + 1;
}

async function readPart(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`addCustomXmlPart: the workbook has no ${path}`);
  return file.async("string");
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

/** The default namespace declared on the root element (the first tag that is not a declaration or comment). */
function rootNamespaceOf(xml: string): string | undefined {
  const rootTag = /<(?![?!])[^>]*>/.exec(xml)?.[0] ?? "";
  return /\sxmlns="([^"]*)"/.exec(rootTag)?.[1];
}
