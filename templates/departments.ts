/**
 * 部门预警: per department, how many of its targets are 落后 / 预警 / 正常 in their latest report,
 * the worst gap, the departments behind (LAGGARDS in the add-in, a sorted list in built-ins) and a bar chart.
 */
import { STATUS_LABELS } from "../src/core/i18n";
import type { StatusCode } from "../src/core/i18n";
import { STATUS_COLOURS, SHEET_NAMES } from "../src/workbook/model";
import type {
  CellContent,
  ColumnTemplate,
  FormulaRow,
  SheetContext,
  SheetExtras,
  SheetTemplate,
} from "../src/workbook/model";
import { absoluteRange, columnLetter } from "../src/workbook/a1";

const LIST_COLUMN = 8; // I: the list of departments behind, right of the table
const CHART_FROM = "L2";
const CHART_TO = "T20";

/** Counts latest reports with a status, in either language (TARGET_STATUS and the built-ins may label differently). */
function countStatus(row: FormulaRow, code: StatusCode): string {
  const reports = (key: string): string => row.ctx.column("reports", key);
  const base = `${reports("department")},${row.ref("department")},${reports("latest")},1,${reports("status")}`;
  return `=COUNTIFS(${base},"${STATUS_LABELS["zh-CN"][code]}")+COUNTIFS(${base},"${STATUS_LABELS["en-US"][code]}")`;
}

function countColumn(code: StatusCode, headerEn: string): ColumnTemplate {
  const formula = (row: FormulaRow): string => countStatus(row, code);
  return {
    key: code,
    header: STATUS_LABELS["zh-CN"][code],
    headerEn,
    width: 7,
    numberFormat: "0",
    role: "formula",
    formula: { addin: formula, builtin: formula },
  };
}

function worstGapFormula(row: FormulaRow): string {
  const reports = (key: string): string => row.ctx.column("reports", key);
  const criteria = `${reports("department")},${row.ref("department")},${reports("latest")},1`;
  return `=IF(COUNTIFS(${criteria})=0,"",_xlfn.MINIFS(${reports("gap")},${criteria}))`;
}

function reportedFormula(row: FormulaRow): string {
  const reports = (key: string): string => row.ctx.column("reports", key);
  return `=COUNTIFS(${reports("department")},${row.ref("department")},${reports("latest")},1)`;
}

/** Position among departments behind (worst gap below −tolerance), ties in table order; "" when not behind. */
function rankFormula(row: FormulaRow): string {
  const gaps = row.ctx.column("departments", "worstGap");
  const gap = row.ref("worstGap");
  const table = row.ctx.tableOf("departments");
  const letter = row.ctx.letter("departments", "worstGap");
  const tolerance = row.ctx.setting("tolerance");
  return (
    `=IF(OR(${gap}="",${gap}>=-${tolerance}),"",` +
    `SUMPRODUCT(ISNUMBER(${gaps})*(${gaps}<${gap}))+COUNTIF(${letter}$${table.firstDataRow}:${gap},${gap}))`
  );
}

export const departmentsSheet: SheetTemplate = {
  key: "departments",
  tableHeaderRow: 2,
  frozen: { rows: 2, columns: 1 },
  table: {
    name: "LX_Departments",
    style: "TableStyleMedium2",
    rows: { from: "departments" },
    rowKeyColumn: "department",
    columns: [
      { key: "department", header: "部门", headerEn: "Department", width: 20, role: "catalog" },
      countColumn("behind", "Behind"),
      countColumn("atRisk", "At risk"),
      countColumn("onTrack", "On track"),
      {
        key: "worstGap",
        header: "最差差距",
        headerEn: "Worst gap",
        width: 10,
        numberFormat: "0.0%",
        role: "formula",
        formula: { addin: worstGapFormula, builtin: worstGapFormula },
        note: { zh: "该部门各目标最新一期差距中的最小值。", en: "Lowest gap among the department's latest reports." },
      },
      {
        key: "reported",
        header: "已填报目标数",
        headerEn: "Targets reported",
        width: 8,
        numberFormat: "0",
        role: "formula",
        formula: { addin: reportedFormula, builtin: reportedFormula },
      },
      {
        key: "rank",
        header: "落后排名",
        headerEn: "Rank behind",
        width: 8,
        role: "formula",
        formula: { addin: rankFormula, builtin: rankFormula },
        note: {
          zh: "最差差距低于 −容差 的部门按差距由差到好排序。",
          en: "Departments with a worst gap below −tolerance, worst first.",
        },
      },
    ],
  },
  extras: (ctx: SheetContext): SheetExtras => {
    const sheetName = SHEET_NAMES.departments.zh;
    const table = ctx.tableOf("departments");
    const departments = ctx.column("departments", "department");
    const worst = ctx.column("departments", "worstGap");
    const ranks = ctx.column("departments", "rank");
    const tolerance = ctx.setting("tolerance");
    const listLetter = columnLetter(LIST_COLUMN);
    const gapLetter = columnLetter(LIST_COLUMN + 1);
    const rows = table.dataRowCount;
    const cells: CellContent[][] = [
      [ctx.text("落后部门（最差在前）", "Departments behind (worst first)"), null],
      [ctx.text("部门", "Department"), ctx.text("最差差距", "Worst gap")],
    ];
    for (let index = 0; index < rows; index++) {
      const sheetRow = table.firstDataRow + index;
      if (ctx.flavour === "addin") {
        // LAGGARDS spills the whole list from the first cell; the gaps beside it follow the spilled names.
        cells.push([
          index === 0 ? { formula: `=LAGGARDS(${departments},${worst},${tolerance})` } : null,
          {
            formula: `=IF(${listLetter}${sheetRow}="","",IFERROR(INDEX(${worst},MATCH(${listLetter}${sheetRow},${departments},0)),""))`,
          },
        ]);
      } else {
        cells.push([
          { formula: `=IFERROR(INDEX(${departments},MATCH(${index + 1},${ranks},0)),"")` },
          { formula: `=IFERROR(INDEX(${worst},MATCH(${index + 1},${ranks},0)),"")` },
        ]);
      }
    }
    const worstLetter = ctx.letter("departments", "worstGap");
    const dataRange = (letter: string): string =>
      `${letter}${table.firstDataRow}:${letter}${table.firstDataRow + rows - 1}`;
    const firstWorst = `${worstLetter}${table.firstDataRow}`;
    const lastRow = table.firstDataRow + rows - 1;
    const series = (["behind", "atRisk", "onTrack"] as const).map((code) => ({
      name: ctx.text(STATUS_LABELS["zh-CN"][code], STATUS_LABELS["en-US"][code]),
      values: absoluteRange(
        sheetName,
        ctx.letter("departments", code),
        table.firstDataRow,
        ctx.letter("departments", code),
        lastRow,
      ),
      color: { behind: "C00000", atRisk: "FFC000", onTrack: "70AD47" }[code],
    }));
    return {
      blocks: [{ row: 0, column: LIST_COLUMN, cells }],
      columnWidths: { [listLetter]: 20, [gapLetter]: 10 },
      numberFormats: [{ range: `${gapLetter}3:${gapLetter}${2 + rows}`, format: "0.0%" }],
      styles: [
        { range: `${listLetter}1`, bold: true },
        { range: `${listLetter}2:${gapLetter}2`, bold: true, fill: "FFDDEBF7" },
      ],
      conditionalFormats: [
        {
          range: dataRange(worstLetter),
          rules: [
            {
              formula: `=AND(ISNUMBER(${firstWorst}),${firstWorst}<-${tolerance})`,
              fill: STATUS_COLOURS.behind.fill,
              fontColor: STATUS_COLOURS.behind.font,
            },
            {
              formula: `=AND(ISNUMBER(${firstWorst}),${firstWorst}<0)`,
              fill: STATUS_COLOURS.atRisk.fill,
              fontColor: STATUS_COLOURS.atRisk.font,
            },
          ],
        },
        {
          range: `${listLetter}3:${gapLetter}${2 + rows}`,
          rules: [
            {
              formula: `=$${listLetter}3<>""`,
              fill: STATUS_COLOURS.behind.fill,
              fontColor: STATUS_COLOURS.behind.font,
            },
          ],
        },
      ],
      charts: [
        {
          sheet: sheetName,
          type: "bar",
          stacked: true,
          title: ctx.text("各部门目标状态（最新一期）", "Targets by status per department (latest reports)"),
          from: CHART_FROM,
          to: CHART_TO,
          categories: absoluteRange(
            sheetName,
            ctx.letter("departments", "department"),
            table.firstDataRow,
            ctx.letter("departments", "department"),
            lastRow,
          ),
          series,
        },
      ],
    };
  },
};
