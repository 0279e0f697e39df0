/** The .xlsx adapter: exceljs writer and DrawingML chart injection. */
export { writeWorkbookXlsx } from "./writer";
export { addCharts, chartXml } from "./charts";
