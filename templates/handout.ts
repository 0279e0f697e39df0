/**
 * 分发填报表 (handout): the small workbook one responsible department receives each month — only
 * its targets, lead or support marked, the period, its previous figures (read-only), cells to fill,
 * the 填报单位/填报人/联系电话/填报日期 fields and the office workbook's catalog id. Declarative: a
 * RenderedSheet of the workbook model, written by the .xlsx writer (src/xlsx/handout.ts protects it).
 *
 * Collecting reads it back by header names (src/core/round/headers.ts), so departments may insert
 * rows and columns or rename the sheet; the header names below are the contract.
 */
import type { Target } from "../src/core/catalog";
import type { Locale } from "../src/core/i18n";
import type { DepartmentShare } from "../src/core/round/departmentCut";
import { figuresAreRates } from "../src/core/trajectory";
import { unitOfFigures } from "../src/core/units";
import { columnLetter } from "../src/workbook/a1";
import type { CellContent, RenderedSheet, RenderedStyle, RenderedValidation } from "../src/workbook/model";
import { BASIS_LABELS, OWN_UNIT_LABEL } from "./labels";

/** The department's last figure for a target before the period (from the office's 月度填报, through the check). */
export interface PreviousFigure {
  period: string;
  /** As the check reads it (shares as fractions). */
  value: number;
}

export interface HandoutInput {
  city: string;
  period: string;
  catalogId: string;
  share: DepartmentShare;
  previous: ReadonlyMap<string, PreviousFigure>;
  /** 口径 choices offered, as in 月度填报 (e.g. 累计, 水平). */
  basisChoices: readonly string[];
  locale?: Locale;
}

/** The handout as a sheet, and the ranges a department may edit (everything else is locked). */
export interface RenderedHandout {
  sheet: RenderedSheet;
  unlocked: string[];
  /** Print setup: landscape A4, fit to one page wide, the header rows repeated. */
  printTitleRows: string;
}

/** Sheet name of the handout (a department may rename it; collecting finds the table by its headers). */
export const HANDOUT_SHEET = "本单位填报";

/** 1-based row of the table header. */
export const HANDOUT_HEADER_ROW = 6;

const INPUT_FILL = "FFFFF2CC";
const LOCKED_FILL = "FFF2F2F2";
const HEADER_FILL = "FFDDEBF7";

interface HandoutColumn {
  key: string;
  header: string;
  headerEn: string;
  width: number;
  input?: boolean;
}

const COLUMNS: readonly HandoutColumn[] = [
  { key: "number", header: "序号", headerEn: "No.", width: 5 },
  { key: "targetId", header: "目标编号", headerEn: "Target ID", width: 10 },
  { key: "indicator", header: "指标", headerEn: "Indicator", width: 26 },
  { key: "target", header: "目标", headerEn: "Target", width: 16 },
  { key: "unit", header: "计量单位", headerEn: "Unit of figures", width: 8 },
  { key: "role", header: "职责", headerEn: "Role", width: 10 },
  { key: "department", header: "责任单位", headerEn: "Department", width: 18 },
  { key: "period", header: "期间", headerEn: "Period", width: 9 },
  { key: "value", header: "本期填报值", headerEn: "Reported value", width: 12, input: true },
  { key: "basis", header: "口径", headerEn: "Basis", width: 7, input: true },
  { key: "previousPeriod", header: "上期期间", headerEn: "Previous period", width: 9 },
  { key: "previousValue", header: "上期值", headerEn: "Previous value", width: 12 },
  { key: "problems", header: "存在问题", headerEn: "Problems", width: 24, input: true },
  { key: "measures", header: "下步措施", headerEn: "Next steps", width: 24, input: true },
  { key: "notes", header: "备注", headerEn: "Notes", width: 14, input: true },
];

const COMPARATOR_TEXT: Record<string, string> = { ">=": "≥", ">": ">", "~": "约", "<=": "≤", "=": "" };

function targetText(target: Target, locale: Locale): string {
  const value =
    target.value === null
      ? ""
      : `${COMPARATOR_TEXT[target.comparator ?? "="] ?? ""}${target.value}${target.unit ?? ""}`;
  const year = target.targetYear ? (locale === "en-US" ? ` (${target.targetYear})` : `（${target.targetYear}年）`) : "";
  return `${value}${year}`;
}

function roleText(role: "lead" | "support", inferred: boolean, locale: Locale): string {
  if (locale === "en-US") return role === "lead" ? (inferred ? "Lead (inferred)" : "Lead") : "Support";
  return role === "lead" ? (inferred ? "牵头（推定）" : "牵头") : "配合";
}

/**
 * Renders one department's handout.
 * @param input the department's share of the catalog, the period, previous figures, catalog id
 * @returns the sheet, its editable ranges and print titles
 * @example renderHandout({ city: "南平", period: "2025-06", catalogId, share, previous: new Map(), basisChoices: ["累计", "水平"] })
 */
export function renderHandout(input: HandoutInput): RenderedHandout {
  const locale = input.locale ?? "zh-CN";
  const zh = locale === "zh-CN";
  const t = (chinese: string, english: string): string => (zh ? chinese : english);
  const letter = (key: string): string => columnLetter(COLUMNS.findIndex((column) => column.key === key));
  const last = columnLetter(COLUMNS.length - 1);
  const [year, month] = input.period.split("-").map(Number);
  const periodText = zh ? `${year}年${month}月` : input.period;
  const department = input.share.department;

  // Label/value pairs sit over columns wide enough for them: B/C, F/G, H/I, K/L; the catalog id over M/N.
  const header: CellContent[][] = [
    [
      t(
        `${input.city}市两新目标任务月度填报表（${periodText}）`,
        `${input.city} 两新 targets: monthly report, ${periodText}`,
      ),
    ],
    [
      null,
      t("填报单位", "Reporting unit"),
      department,
      null,
      null,
      t("填报人", "Filled in by"),
      null,
      t("联系电话", "Telephone"),
      null,
      null,
      t("填报日期", "Date"),
      null,
    ],
    [
      null,
      t("填报期间", "Report period"),
      input.period,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      t("目标清单校验码", "Catalog id"),
      input.catalogId,
    ],
    [
      null,
      t(
        "黄色单元格由本单位填写，灰色单元格请勿修改；目标清单校验码用于核对目标清单，请保留。",
        "Fill in the yellow cells and leave the grey ones; keep the catalog id (it ties this file to the office's plan).",
      ),
    ],
    [
      null,
      t(
        "本期填报值按「计量单位」填写（如 吨，不是 万吨；比重按百分数，如 45%）。口径：累计 = 年初至今累计数；水平 = 月末时点数；留空按目标默认口径。配合单位如无本单位数据可不填。",
        "Report values in the unit of figures (吨, not 万吨; shares as percentages, e.g. 45%). Basis: 累计 = year to date; 水平 = month-end level; blank = the target's default. Supporting units without figures of their own may leave the value blank.",
      ),
    ],
    COLUMNS.map((column) => (zh ? column.header : column.headerEn)),
  ];
  // Cells of the header block a department fills (the office only reads them).
  const headerInputs = ["G2", "I2", "L2"];

  const firstRow = HANDOUT_HEADER_ROW + 1;
  const rows: CellContent[][] = input.share.targets.map((entry, index) => {
    const previous = input.previous.get(entry.target.id);
    const unit = unitOfFigures(entry.target) ?? OWN_UNIT_LABEL[locale];
    const values: Record<string, CellContent> = {
      number: index + 1,
      targetId: entry.target.id,
      indicator: entry.target.indicator,
      target: targetText(entry.target, locale),
      unit,
      role: roleText(entry.role, entry.inferred, locale),
      department,
      period: input.period,
      value: null,
      basis: null,
      previousPeriod: previous?.period ?? null,
      previousValue: previous?.value ?? null,
      problems: null,
      measures: null,
      notes: null,
    };
    return COLUMNS.map((column) => values[column.key]);
  });
  const lastRow = firstRow + Math.max(rows.length, 1) - 1;

  const styles: RenderedStyle[] = [
    { range: "A1", bold: true, fontSize: 14 },
    { range: `A2:${last}3`, bold: false },
    ...["B2", "F2", "H2", "K2", "B3", "M3"].map((cell) => ({ range: cell, bold: true })),
    { range: "C2", fill: LOCKED_FILL },
    { range: "C3", fill: LOCKED_FILL },
    { range: "N3", fill: LOCKED_FILL },
    ...headerInputs.map((cell) => ({ range: cell, fill: INPUT_FILL })),
    { range: "B4:B5", italic: true, fontColor: "FF595959" },
    { range: `A${HANDOUT_HEADER_ROW}:${last}${HANDOUT_HEADER_ROW}`, bold: true, fill: HEADER_FILL, wrap: true },
  ];
  const unlocked = [...headerInputs];
  if (rows.length > 0) {
    for (const column of COLUMNS) {
      const range = `${letter(column.key)}${firstRow}:${letter(column.key)}${lastRow}`;
      if (column.input) {
        styles.push({ range, fill: INPUT_FILL, ...(column.width > 20 ? { wrap: true } : {}) });
        unlocked.push(range);
      } else styles.push({ range, fill: LOCKED_FILL, ...(column.key === "indicator" ? { wrap: true } : {}) });
    }
  }
  const valueRange = `${letter("value")}${firstRow}:${letter("value")}${lastRow}`;
  const validations: RenderedValidation[] = [
    {
      range: valueRange,
      type: "decimal",
      min: 0,
      allowBlank: true,
      error: t("请填写不小于 0 的数值（按计量单位）", "A number of at least 0, in the unit of figures"),
    },
    {
      range: `${letter("basis")}${firstRow}:${letter("basis")}${lastRow}`,
      type: "list",
      listValues: input.basisChoices,
      allowBlank: true,
      error: t(
        `口径只能是 ${input.basisChoices.join("、")} 或留空`,
        `Basis: ${input.basisChoices.join(", ")} or blank`,
      ),
    },
  ];
  // Figures as the check reads them: shares as fractions shown as percentages.
  const numberFormats = input.share.targets.flatMap((entry, index) =>
    figuresAreRates(entry.target)
      ? [
          { range: `${letter("value")}${firstRow + index}`, format: "0.0%" },
          { range: `${letter("previousValue")}${firstRow + index}`, format: "0.0%" },
        ]
      : [
          { range: `${letter("value")}${firstRow + index}`, format: "#,##0.##" },
          { range: `${letter("previousValue")}${firstRow + index}`, format: "#,##0.##" },
        ],
  );
  const columnWidths: Record<string, number> = {};
  COLUMNS.forEach((column, index) => (columnWidths[columnLetter(index)] = column.width));

  const sheet: RenderedSheet = {
    key: "reports",
    name: HANDOUT_SHEET,
    nameEn: "Our report",
    blocks: [
      { row: 0, column: 0, cells: header },
      { row: firstRow - 1, column: 0, cells: rows },
    ],
    columnWidths,
    numberFormats: [
      { range: "C3", format: "@" },
      { range: `${letter("period")}${firstRow}:${letter("period")}${lastRow}`, format: "@" },
      ...numberFormats,
    ],
    styles,
    notes: [
      {
        cell: `${letter("basis")}${HANDOUT_HEADER_ROW}`,
        text: t(
          `${BASIS_LABELS["zh-CN"].ytd}：年初至今累计数（交易量、投资、销售额等）；${BASIS_LABELS["zh-CN"].level}：月末时点数（率、占比、产能、保有量等）；留空按目标默认口径。`,
          "累计 (YTD): total since January; 水平 (level): month-end figure; blank: the target's default.",
        ),
      },
    ],
    frozen: { rows: HANDOUT_HEADER_ROW, columns: 3 },
    validations,
    conditionalFormats: [],
    charts: [],
    inputColumns: COLUMNS.filter((column) => column.input).map((column) => ({
      key: column.key,
      header: column.header,
      headerEn: column.headerEn,
      letter: letter(column.key),
    })),
    inputCells: [],
  };
  return { sheet, unlocked, printTitleRows: `${HANDOUT_HEADER_ROW}:${HANDOUT_HEADER_ROW}` };
}
