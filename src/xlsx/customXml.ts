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
 * Office.js `customXmlParts.getByNamespace(namespace)` would list (for tests and tools).
 * @param xlsxBuffer an .xlsx file
 * @param namespace the root element's namespace URI
 * @returns each matching part's XML, in item order
 */
export async function readCustomXmlParts(xlsxBuffer: Buffer, namespace: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(xlsxBuffer);
  const rels = zip.file("xl/_rels/workbook.xml.rels");
  if (!rels) return [];
  const targets = [...(await rels.async("string")).matchAll(/<Relationship\b[^>]*>/g)]
    .filter((match) => match[0].includes(`Type="${REL_TYPE.customXml}"`))
    .map((match) => /\bTarget="([^"]+)"/.exec(match[0])?.[1] ?? "")
    .map((target) => (target.startsWith("/") ? target.slice(1) : target.replace(/^\.\.\//, "")));
  const parts: string[] = [];
  for (const target of targets) {
    const text = await zip.file(target)?.async("string");
    if (text && rootNamespaceOf(text) === namespace) parts.push(text);
  }
  return parts;
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
