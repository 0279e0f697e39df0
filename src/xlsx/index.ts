/** The .xlsx adapter: exceljs writer, DrawingML chart injection and custom XML parts. */
export { writeWorkbookXlsx, type WorkbookSource } from "./writer";
export { addCharts, chartXml } from "./charts";
export { addCustomXmlPart, readCustomXmlParts, readSheetColumnA } from "./customXml";
