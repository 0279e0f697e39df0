/**
 * 年度轨迹: the expected whole-year value 2023…2027 of every target, the actual figures the user
 * types, and a line chart of trajectory against actuals for the target chosen in B2.
 */
import { figuresAreRates, planYears, trajectoryKindForTarget } from "../src/core/trajectory";
import { builtinExpected, needsBaseline } from "../src/workbook/formulas";
import { absoluteRange, columnLetter } from "../src/workbook/a1";
import type {
  CellContent,
  ColumnTemplate,
  FormulaRow,
  SheetContext,
  SheetExtras,
  SheetTemplate,
} from "../src/workbook/model";
import { SHEET_NAMES } from "../src/workbook/model";
import { UNIT_OF_FIGURES_NOTE } from "./labels";
import { PERCENT_FORMAT, targetRowFormats, unitOfFiguresCell } from "./targets";

/** Years shown: the plans run from the 2023 base to 2027. */
export const TRAJECTORY_YEARS: readonly number[] = [2023, 2024, 2025, 2026, 2027];
/** Layout: selector and chart above the table. */
const SELECTOR_CELL = "B2";
const CHART_FROM = "A7";
const CHART_TO = "I22";
const TABLE_HEADER_ROW = 24;

/** Looks a 目标总表 column up by this row's id, giving "" for an empty cell (INDEX alone would give 0). */
function fromTargets(row: FormulaRow, columnKey: string): string {
  const value = `INDEX(${row.ctx.column("targets", columnKey)},MATCH(${row.ref("id")},${row.ctx.column("targets", "id")},0))`;
  return `=IF(${value}="","",${value})`;
}

function expectedColumn(year: number): ColumnTemplate {
  const guard = (row: FormulaRow): string => {
    const kind = row.ref("trajectoryKind");
    // Outside base year … target year the plan sets no trajectory (TRAJECTORY gives #NUM! there): leave it blank.
    return `OR(${kind}="",${row.ref("targetValue")}="",AND(${row.ref("baseline")}="",${needsBaseline(kind)}),${year}<${row.ref("baseYear")},${year}>${row.ref("targetYear")})`;
  };
  return {
    key: `expected${year}`,
    header: `${year}年轨迹`,
    headerEn: `Trajectory ${year}`,
    width: 11,
    numberFormat: "#,##0.00",
    role: "formula",
    formula: {
      addin: (row) =>
        `=IF(${guard(row)},"",TRAJECTORY(N(${row.ref("baseline")}),${row.ref("targetValue")},${year},${row.ref("trajectoryKind")},${row.ref("baseYear")},${row.ref("targetYear")},${row.ref("startYear")}))`,
      builtin: (row) =>
        `=IF(${guard(row)},"",${builtinExpected({
          kind: row.ref("trajectoryKind"),
          baseline: row.ref("baseline"),
          target: row.ref("targetValue"),
          year: String(year),
          month: "12",
          baseYear: row.ref("baseYear"),
          targetYear: row.ref("targetYear"),
          startYear: row.ref("startYear"),
        })})`,
    },
  };
}

function actualColumn(year: number): ColumnTemplate {
  return {
    key: `actual${year}`,
    header: `${year}年实际`,
    headerEn: `Actual ${year}`,
    width: 11,
    numberFormat: "#,##0.00",
    role: "input",
    validation: { type: "decimal", min: 0, allowBlank: true },
    note: {
      zh: "由您填写：该年全年实际数（不会被重新加载覆盖）。",
      en: "Typed by you: the year's actual figure (never overwritten on reload).",
    },
  };
}

const lookupNote = { zh: "取自「目标总表」（按编号查找）。", en: "From 目标总表, looked up by ID." };

export const trajectorySheet: SheetTemplate = {
  key: "trajectory",
  tableHeaderRow: TABLE_HEADER_ROW,
  frozen: { rows: 0, columns: 0 },
  table: {
    name: "LX_Trajectory",
    style: "TableStyleMedium2",
    rows: { from: "targets" },
    rowKeyColumn: "id",
    columns: [
      { key: "id", header: "编号", headerEn: "ID", width: 10, role: "catalog", fromTarget: (t) => t.id },
      {
        key: "indicator",
        header: "指标",
        headerEn: "Indicator",
        width: 20,
        role: "catalog",
        fromTarget: (t) => t.indicator,
      },
      // The unit the figures of this row are in (吨 for a 万吨 target; a growth target's "%" is the growth's, so 自定).
      {
        key: "unit",
        header: "计量单位",
        headerEn: "Unit of figures",
        width: 8,
        role: "catalog",
        fromTarget: unitOfFiguresCell,
        note: UNIT_OF_FIGURES_NOTE,
      },
      // The target's default path (defaultBasisForTarget picks flow or stock); 月度填报's 口径 may switch growth ↔ level.
      {
        key: "trajectoryKind",
        header: "轨迹口径",
        headerEn: "Trajectory kind",
        width: 10,
        role: "catalog",
        fromTarget: (t) => trajectoryKindForTarget(t),
      },
      {
        key: "baseline",
        header: "基期值",
        headerEn: "Baseline",
        width: 11,
        numberFormat: "#,##0.00",
        role: "formula",
        formula: { addin: (row) => fromTargets(row, "baseline"), builtin: (row) => fromTargets(row, "baseline") },
        note: lookupNote,
      },
      {
        key: "targetValue",
        header: "目标值",
        headerEn: "Target value",
        width: 11,
        numberFormat: "#,##0.00",
        role: "formula",
        formula: { addin: (row) => fromTargets(row, "targetValue"), builtin: (row) => fromTargets(row, "targetValue") },
        note: lookupNote,
      },
      // The years the formulas use, with the product's defaults where the plan gives none (planYears: base = start − 1, else 2023; 2027; base + 1).
      {
        key: "baseYear",
        header: "计算基期年",
        headerEn: "Base year used",
        width: 8,
        role: "catalog",
        fromTarget: (t) => planYears(t).baseYear,
      },
      {
        key: "targetYear",
        header: "计算目标年",
        headerEn: "Target year used",
        width: 8,
        role: "catalog",
        fromTarget: (t) => planYears(t).targetYear,
      },
      {
        key: "startYear",
        header: "计算起始年",
        headerEn: "Start year used",
        width: 8,
        role: "catalog",
        fromTarget: (t) => planYears(t).startYear,
      },
      ...TRAJECTORY_YEARS.map(expectedColumn),
      ...TRAJECTORY_YEARS.slice(1).map(actualColumn),
    ],
  },
  extras: (ctx: SheetContext): SheetExtras => {
    const sheetName = SHEET_NAMES.trajectory.zh;
    const ids = ctx.column("trajectory", "id");
    const firstWithPath = ctx.targets.find((target) => trajectoryKindForTarget(target) !== null) ?? ctx.targets[0];
    const pick = (columnKey: string): string => `INDEX(${ctx.column("trajectory", columnKey)},MATCH($B$2,${ids},0))`;
    // #N/A leaves a gap in the line instead of plotting an empty cell as 0.
    const plotted = (columnKey: string): CellContent => ({
      formula: `=IFERROR(IF(${pick(columnKey)}="",NA(),${pick(columnKey)}),NA())`,
    });
    const yearCount = TRAJECTORY_YEARS.length;
    const lastLetter = columnLetter(yearCount);
    const cells: CellContent[][] = [
      [ctx.text("年度轨迹", "Yearly trajectory"), null, null, null, null, null],
      [
        ctx.text("选择目标", "Target"),
        firstWithPath?.id ?? null,
        { formula: `=IFERROR(${pick("indicator")},"")` },
        { formula: `=IFERROR(IF(${pick("unit")}="","",${pick("unit")}),"")` },
        null,
        null,
      ],
      [ctx.text("年份", "Year"), ...TRAJECTORY_YEARS],
      [ctx.text("轨迹值", "Trajectory"), ...TRAJECTORY_YEARS.map((year) => plotted(`expected${year}`))],
      [
        ctx.text("实际值", "Actual"),
        plotted("baseline"),
        ...TRAJECTORY_YEARS.slice(1).map((year) => plotted(`actual${year}`)),
      ],
    ];
    return {
      blocks: [{ row: 0, column: 0, cells }],
      styles: [
        { range: "A1", bold: true, fontSize: 14 },
        { range: `A2:A5`, bold: true },
        { range: `B3:${lastLetter}3`, bold: true, fill: "FFDDEBF7" },
        { range: SELECTOR_CELL, fill: "FFFFF2CC" },
      ],
      numberFormats: [
        { range: `B4:${lastLetter}5`, format: "#,##0.00" },
        // Shares are fractions: shown as percentages, row by row, like 目标总表.
        ...[
          "baseline",
          "targetValue",
          ...TRAJECTORY_YEARS.map((year) => `expected${year}`),
          ...TRAJECTORY_YEARS.slice(1).map((year) => `actual${year}`),
        ].flatMap((key) =>
          targetRowFormats(ctx, "trajectory", key, (target) => (figuresAreRates(target) ? PERCENT_FORMAT : null)),
        ),
      ],
      notes: [
        {
          cell: SELECTOR_CELL,
          text: ctx.text(
            "选择一个目标编号，下方图表显示其轨迹与实际值。#N/A 表示尚无数据（图中留空）。",
            "Choose a target ID; the chart shows its trajectory and actuals. #N/A means no data yet (a gap in the chart).",
          ),
        },
      ],
      validations: [
        {
          range: SELECTOR_CELL,
          type: "list",
          listSource: ids,
          allowBlank: true,
          error: ctx.text("请从列表中选择目标编号。", "Choose a target ID from the list."),
        },
      ],
      charts: [
        {
          sheet: sheetName,
          type: "line",
          title: ctx.text("轨迹与实际", "Trajectory vs actual"),
          from: CHART_FROM,
          to: CHART_TO,
          categories: absoluteRange(sheetName, "B", 3, lastLetter, 3),
          series: [
            {
              name: ctx.text("轨迹值", "Trajectory"),
              values: absoluteRange(sheetName, "B", 4, lastLetter, 4),
              color: "4472C4",
            },
            {
              name: ctx.text("实际值", "Actual"),
              values: absoluteRange(sheetName, "B", 5, lastLetter, 5),
              color: "ED7D31",
            },
          ],
        },
      ],
      inputCells: [{ key: "selectedTarget", cell: SELECTOR_CELL, label: ctx.text("选择目标", "Target") }],
      columnWidths: { A: 12 },
    };
  },
};
