/**
 * Charts for .xlsx files written by exceljs (which has no chart support): adds DrawingML chart
 * parts to the zip — xl/charts/chartN.xml, xl/drawings/drawingN.xml with their rels, the
 * worksheet's <drawing> element and relationship, and [Content_Types].xml overrides.
 * Reused by the report check's .xlsx output for its per-target charts.
 */
import JSZip from "jszip";
import type { ChartSpec } from "../workbook";
import { parseCell } from "../workbook";

const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  drawingMain: "http://schemas.openxmlformats.org/drawingml/2006/main",
  spreadsheetDrawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
};
const REL_TYPE = {
  drawing: `${NS.rel}/drawing`,
  chart: `${NS.rel}/chart`,
};
const CONTENT_TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/**
 * Adds charts to an .xlsx file.
 * @param xlsxBuffer an .xlsx written by exceljs (or any workbook without drawings on the charted sheets)
 * @param charts charts to add; each names its sheet, its box (from/to cells) and sheet-qualified series ranges
 * @returns the new .xlsx bytes (every sheet's <tableParts> also moved to its schema position)
 * @throws Error when a chart names a sheet the workbook does not have
 */
export async function addCharts(xlsxBuffer: Buffer, charts: readonly ChartSpec[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsxBuffer);
  const sheetPaths = await worksheetPaths(zip);
  for (const sheetPath of sheetPaths.values()) await moveTablePartsLast(zip, sheetPath);
  const bySheet = new Map<string, ChartSpec[]>();
  for (const chart of charts) {
    if (!sheetPaths.has(chart.sheet)) throw new Error(`addCharts: no sheet named ${chart.sheet}`);
    bySheet.set(chart.sheet, [...(bySheet.get(chart.sheet) ?? []), chart]);
  }

  let chartNumber = nextNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/);
  let drawingNumber = nextNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);
  const overrides: { partName: string; contentType: string }[] = [];

  for (const [sheetName, sheetCharts] of bySheet) {
    const sheetPath = sheetPaths.get(sheetName) as string;
    const drawingPath = `xl/drawings/drawing${drawingNumber}.xml`;
    const anchors: string[] = [];
    const drawingRels: string[] = [];
    sheetCharts.forEach((chart, index) => {
      const chartPath = `xl/charts/chart${chartNumber}.xml`;
      zip.file(chartPath, chartXml(chart));
      overrides.push({ partName: `/${chartPath}`, contentType: CONTENT_TYPE.chart });
      const relId = `rId${index + 1}`;
      drawingRels.push(
        `<Relationship Id="${relId}" Type="${REL_TYPE.chart}" Target="../charts/chart${chartNumber}.xml"/>`,
      );
      anchors.push(anchorXml(chart, relId, index + 2));
      chartNumber++;
    });
    zip.file(
      drawingPath,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.spreadsheetDrawing}" xmlns:a="${NS.drawingMain}">${anchors.join("")}</xdr:wsDr>`,
    );
    zip.file(
      `xl/drawings/_rels/drawing${drawingNumber}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}">${drawingRels.join("")}</Relationships>`,
    );
    overrides.push({ partName: `/${drawingPath}`, contentType: CONTENT_TYPE.drawing });
    await linkDrawing(zip, sheetPath, `../drawings/drawing${drawingNumber}.xml`);
    drawingNumber++;
  }

  const typesFile = zip.file("[Content_Types].xml");
  if (!typesFile) throw new Error("addCharts: not an .xlsx file ([Content_Types].xml missing)");
  let types = await typesFile.async("string");
  const additions = overrides
    .map((override) => `<Override PartName="${override.partName}" ContentType="${override.contentType}"/>`)
    .join("");
  types = types.replace("</Types>", `${additions}</Types>`);
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * exceljs writes <tableParts> before <legacyDrawing> (the comments' shapes); the schema wants
 * tableParts after every drawing element, so it is moved to just before extLst / the end.
 */
async function moveTablePartsLast(zip: JSZip, sheetPath: string): Promise<void> {
  const sheet = await readPart(zip, sheetPath);
  const match = /<tableParts\b[^>]*\/>|<tableParts\b[\s\S]*?<\/tableParts>/.exec(sheet);
  if (!match) return;
  const without = sheet.slice(0, match.index) + sheet.slice(match.index + match[0].length);
  const at = without.includes("<extLst") ? without.indexOf("<extLst") : without.indexOf("</worksheet>");
  zip.file(sheetPath, without.slice(0, at) + match[0] + without.slice(at));
}

/** Sheet name → worksheet part path, from xl/workbook.xml and its rels. */
async function worksheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await readPart(zip, "xl/workbook.xml");
  const rels = await readPart(zip, "xl/_rels/workbook.xml.rels");
  const targets = new Map<string, string>();
  for (const match of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(match[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(match[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const paths = new Map<string, string>();
  for (const match of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(match[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(match[0])?.[1];
    const path = id ? targets.get(id) : undefined;
    if (name && path) paths.set(unescapeXml(name), path);
  }
  return paths;
}

/** Element text needs only &, < and > escaped; formulas stay readable ('年度轨迹'!$B$4). */
function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

async function readPart(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`addCharts: the workbook has no ${path}`);
  return file.async("string");
}

function nextNumber(zip: JSZip, pattern: RegExp): number {
  let highest = 0;
  zip.forEach((path) => {
    const match = pattern.exec(path);
    if (match) highest = Math.max(highest, Number(match[1]));
  });
  return highest + 1;
}

/** Adds the drawing relationship to the sheet's rels and the <drawing> element in schema order. */
async function linkDrawing(zip: JSZip, sheetPath: string, drawingTarget: string): Promise<void> {
  const slash = sheetPath.lastIndexOf("/");
  const relsPath = `${sheetPath.slice(0, slash)}/_rels/${sheetPath.slice(slash + 1)}.rels`;
  const relsFile = zip.file(relsPath);
  let rels = relsFile
    ? await relsFile.async("string")
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
  let sheet = await readPart(zip, sheetPath);
  if (/<drawing\b/.test(sheet)) throw new Error(`addCharts: ${sheetPath} already has a drawing`);
  const usedIds = new Set([...rels.matchAll(/\bId="([^"]+)"/g)].map((match) => match[1]));
  let relNumber = 1;
  while (usedIds.has(`rId${relNumber}`) || usedIds.has(`rIdChart${relNumber}`)) relNumber++;
  const relId = `rIdChart${relNumber}`;
  rels = rels.replace(
    "</Relationships>",
    `<Relationship Id="${relId}" Type="${REL_TYPE.drawing}" Target="${drawingTarget}"/></Relationships>`,
  );
  zip.file(relsPath, rels);

  if (!/xmlns:r="/.test(sheet.slice(0, sheet.indexOf(">", sheet.indexOf("<worksheet"))))) {
    sheet = sheet.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.rel}"`);
  }
  // CT_Worksheet order: … drawing, legacyDrawing, legacyDrawingHF, picture, oleObjects, controls, webPublishItems, tableParts, extLst.
  const element = `<drawing r:id="${relId}"/>`;
  const followers = [
    "<legacyDrawing ",
    "<legacyDrawingHF",
    "<picture",
    "<oleObjects",
    "<controls",
    "<webPublishItems",
    "<tableParts",
    "<extLst",
    "</worksheet>",
  ];
  for (const follower of followers) {
    const at = sheet.indexOf(follower);
    if (at >= 0) {
      sheet = sheet.slice(0, at) + element + sheet.slice(at);
      break;
    }
  }
  zip.file(sheetPath, sheet);
}

function anchorXml(chart: ChartSpec, relId: string, shapeId: number): string {
  const from = parseCell(chart.from);
  const to = parseCell(chart.to);
  const marker = (tag: string, cell: { row: number; column: number }): string =>
    `<xdr:${tag}><xdr:col>${cell.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${cell.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${marker("from", from)}${marker("to", to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.rel}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** The chart part (c:chartSpace) of a line or bar chart. */
export function chartXml(chart: ChartSpec): string {
  const categoryAxis = 500000001;
  const valueAxis = 500000002;
  const series = chart.series
    .map((one, index) => {
      const colour = one.color
        ? chart.type === "line"
          ? `<c:spPr><a:ln w="28575"><a:solidFill><a:srgbClr val="${one.color}"/></a:solidFill></a:ln></c:spPr>`
          : `<c:spPr><a:solidFill><a:srgbClr val="${one.color}"/></a:solidFill></c:spPr>`
        : "";
      const head = `<c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeText(one.name)}</c:v></c:tx>${colour}`;
      const data = `<c:cat><c:strRef><c:f>${escapeText(chart.categories)}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${escapeText(one.values)}</c:f></c:numRef></c:val>`;
      return chart.type === "line"
        ? `<c:ser>${head}<c:marker><c:symbol val="circle"/><c:size val="6"/></c:marker>${data}<c:smooth val="0"/></c:ser>`
        : `<c:ser>${head}<c:invertIfNegative val="0"/>${data}</c:ser>`;
    })
    .join("");
  const axes = `<c:axId val="${categoryAxis}"/><c:axId val="${valueAxis}"/>`;
  const plot =
    chart.type === "line"
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`
      : `<c:barChart><c:barDir val="col"/><c:grouping val="${chart.stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${series}` +
        `<c:gapWidth val="80"/>${chart.stacked ? '<c:overlap val="100"/>' : ""}${axes}</c:barChart>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.drawingMain}" xmlns:r="${NS.rel}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}` +
    `<c:catAx><c:axId val="${categoryAxis}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="low"/><c:crossAx val="${valueAxis}"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="${valueAxis}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="${categoryAxis}"/><c:crosses val="autoZero"/>` +
    `<c:crossBetween val="between"/></c:valAx></c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}
