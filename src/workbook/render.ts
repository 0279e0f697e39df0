/**
 * renderWorkbook: turns the sheet templates and a catalog into the neutral RenderedWorkbook
 * (2-D arrays of values and formulas plus ranges for tables, validations, formats and charts).
 * Pure: no exceljs, no Office.
 */
import type { Catalog, Target } from "../core/catalog";
import type { Locale } from "../core/i18n";
import { absoluteRange, columnLetter } from "./a1";
import { DEFAULT_REPORT_ROWS, reportRowsFor, SHEET_TEMPLATES, TOLERANCE_CELL } from "../../templates";
import type {
  CellContent,
  CellValue,
  ColumnTemplate,
  FormulaRow,
  RenderedSheet,
  RenderedTable,
  RenderedValidation,
  RenderOptions,
  RenderedWorkbook,
  SheetContext,
  SheetKey,
  SheetTemplate,
  TableTemplate,
} from "./model";
import { isFormulaCell, SHEET_NAMES, SHEET_ORDER, STATUS_COLOURS } from "./model";
import { qualifyCustomFunctions } from "../core/sheet/registry";
import { STATUS_LABELS } from "../core/i18n";

const HEADER_FILL = "FFDDEBF7";
const SECOND_HEADER_FONT = "FF595959";

/**
 * Departments named in the targets: each lead, then supporting departments, in first-appearance order.
 * @param targets catalog targets
 * @returns department names without duplicates
 */
export function departmentsOf(targets: readonly Target[]): string[] {
  const seen = new Set<string>();
  for (const target of targets) if (target.lead) seen.add(target.lead);
  for (const target of targets) for (const department of target.support) if (department) seen.add(department);
  return [...seen];
}

function rowCount(
  template: SheetTemplate,
  table: TableTemplate,
  targets: readonly Target[],
  departments: readonly string[],
  options: RenderOptions,
): number {
  switch (table.rows.from) {
    case "targets":
      return targets.length;
    case "departments":
      return departments.length;
    case "blank":
      // 月度填报 holds a plan's monthly reports (targets × months); other blank tables their own count.
      return (
        options.reportRows ??
        (template.key === "reports" ? reportRowsFor(targets) : (table.rows.rows ?? DEFAULT_REPORT_ROWS))
      );
    case "fixed":
      return table.rows.rows.length;
  }
}

function layoutTable(template: SheetTemplate, table: TableTemplate, count: number, locale: Locale): RenderedTable {
  const headerRow = template.tableHeaderRow ?? 2;
  const dataRowCount = Math.max(1, count);
  const lastLetter = columnLetter(table.columns.length - 1);
  const english = locale === "en-US";
  return {
    name: table.name,
    style: table.style,
    range: `A${headerRow}:${lastLetter}${headerRow + dataRowCount}`,
    headerRow,
    firstDataRow: headerRow + 1,
    dataRowCount,
    showFilterButtons: true,
    columns: table.columns.map((column, index) => ({
      key: column.key,
      header: english ? column.headerEn : column.header,
      headerEn: english ? column.header : column.headerEn,
      role: column.role,
      letter: columnLetter(index),
    })),
    rowKeyColumn: table.rowKeyColumn,
    rowKeys: [],
  };
}

/**
 * Renders the workbook for a catalog.
 *
 * Both flavours share the layout; only formula text differs: `addin` calls the custom functions
 * with their namespace (LX.TRAJECTORY, LX.TARGET_GAP, LX.TARGET_STATUS, LX.REQUIRED_GROWTH, LX.LAGGARDS,
 * LX.SUBSIDY_*), `builtin` uses Excel
 * built-ins only (RRI, POWER, COUNTIFS, MINIFS …) so the file computes without the add-in.
 * Input cells (baselines, monthly figures, notes) start empty unless `exampleData` asks for
 * labelled example rows.
 *
 * @param catalog the target catalog (from the extractor or a bundled city)
 * @param options flavour, locale, example data, targets kept by a reload, report rows
 * @returns the neutral workbook model both writers consume
 * @example renderWorkbook(catalog, { flavour: "builtin" }).sheets.map((s) => s.name) // ["说明", "目标总表", …]
 */
export function renderWorkbook(catalog: Catalog, options: RenderOptions): RenderedWorkbook {
  const locale: Locale = options.locale ?? "zh-CN";
  const kept = (options.keptTargets ?? []).filter(
    (target) => !catalog.targets.some((current) => current.id === target.id),
  );
  const targets = [...catalog.targets, ...kept];
  const departments = departmentsOf(targets);
  const templates = SHEET_ORDER.map((key) => SHEET_TEMPLATES[key]);

  const layouts = new Map<SheetKey, RenderedTable>();
  for (const template of templates) {
    if (!template.table) continue;
    layouts.set(
      template.key,
      layoutTable(template, template.table, rowCount(template, template.table, targets, departments, options), locale),
    );
  }
  const tableOf = (sheet: SheetKey): RenderedTable => {
    const layout = layouts.get(sheet);
    if (!layout) throw new Error(`renderWorkbook: sheet ${sheet} has no table`);
    return layout;
  };
  const letter = (sheet: SheetKey, columnKey: string): string => {
    const column = tableOf(sheet).columns.find((candidate) => candidate.key === columnKey);
    if (!column) throw new Error(`renderWorkbook: sheet ${sheet} has no column ${columnKey}`);
    return column.letter;
  };
  const ctx: SheetContext = {
    catalog,
    targets,
    keptTargetIds: new Set(kept.map((target) => target.id)),
    departments,
    flavour: options.flavour,
    locale,
    exampleData: options.exampleData ?? false,
    text: (zh, en) => (locale === "en-US" ? en : zh),
    column: (sheet, columnKey) => {
      const table = tableOf(sheet);
      const columnLetterOf = letter(sheet, columnKey);
      return absoluteRange(
        SHEET_NAMES[sheet].zh,
        columnLetterOf,
        table.firstDataRow,
        columnLetterOf,
        table.firstDataRow + table.dataRowCount - 1,
      );
    },
    letter,
    tableOf,
    setting: () =>
      absoluteRange(SHEET_NAMES.guide.zh, TOLERANCE_CELL.replace(/\d+/, ""), Number(TOLERANCE_CELL.replace(/\D+/, ""))),
  };

  const sheets = templates.map((template) => renderSheet(template, ctx, layouts.get(template.key)));
  if (options.flavour === "addin") for (const sheet of sheets) qualifyFormulas(sheet);
  return { flavour: options.flavour, locale, sheets, charts: sheets.flatMap((sheet) => sheet.charts) };
}

/**
 * The add-in flavour's one finishing step: every call of a registered sheet function becomes LX.NAME(…)
 * (qualifyCustomFunctions), which works in any Excel while the add-in is installed. Templates write the
 * bare names planners know; the bare LAMBDA names stay for formulas planners type themselves.
 */
function qualifyFormulas(sheet: RenderedSheet): void {
  for (const block of sheet.blocks) {
    block.cells = block.cells.map((row) =>
      row.map((cell) =>
        cell !== null && isFormulaCell(cell) ? { ...cell, formula: qualifyCustomFunctions(cell.formula) } : cell,
      ),
    );
  }
}

function renderSheet(template: SheetTemplate, ctx: SheetContext, layout: RenderedTable | undefined): RenderedSheet {
  const names = SHEET_NAMES[template.key];
  const sheet: RenderedSheet = {
    key: template.key,
    name: names.zh,
    nameEn: names.en,
    blocks: [],
    columnWidths: {},
    numberFormats: [],
    styles: [],
    notes: [],
    frozen: template.frozen ?? { rows: layout?.headerRow ?? 0, columns: 0 },
    validations: [],
    conditionalFormats: [],
    charts: [],
    inputColumns: [],
    inputCells: [],
  };
  if (template.table && layout) renderTable(template, template.table, layout, ctx, sheet);
  const extras = template.extras?.(ctx);
  if (extras) {
    sheet.blocks.push(...(extras.blocks ?? []));
    Object.assign(sheet.columnWidths, extras.columnWidths ?? {});
    sheet.numberFormats = [...sheet.numberFormats, ...(extras.numberFormats ?? [])];
    sheet.styles.push(...(extras.styles ?? []));
    sheet.notes = [...sheet.notes, ...(extras.notes ?? [])];
    sheet.validations.push(...(extras.validations ?? []));
    sheet.conditionalFormats.push(...(extras.conditionalFormats ?? []));
    sheet.charts.push(...(extras.charts ?? []));
    sheet.inputCells = extras.inputCells ?? [];
  }
  return sheet;
}

function renderTable(
  template: SheetTemplate,
  table: TableTemplate,
  layout: RenderedTable,
  ctx: SheetContext,
  sheet: RenderedSheet,
): void {
  const english = ctx.locale === "en-US";
  const lastLetter = columnLetter(table.columns.length - 1);
  const secondHeaderRow = layout.headerRow - 1;
  const cells: CellContent[][] = [
    table.columns.map((column) => (english ? column.header : column.headerEn)),
    table.columns.map((column) => (english ? column.headerEn : column.header)),
  ];

  // Source of each data row: a target, a department, a fixed record or nothing (blank rows).
  const rowKeys: string[] = [];
  const examples = ctx.exampleData
    ? (template.exampleInputs?.(ctx) ?? new Map<string, Record<string, CellValue>>())
    : new Map<string, Record<string, CellValue>>();
  const exampleRows = ctx.exampleData ? (template.exampleRows?.(ctx) ?? []) : [];
  const source = table.rows;
  const sourceCount =
    source.from === "targets"
      ? ctx.targets.length
      : source.from === "departments"
        ? ctx.departments.length
        : source.from === "fixed"
          ? source.rows.length
          : 0;

  for (let index = 0; index < layout.dataRowCount; index++) {
    const sheetRow = layout.firstDataRow + index;
    const refs: FormulaRow = {
      row: sheetRow,
      ref: (columnKey) => `${ctx.letter(template.key, columnKey)}${sheetRow}`,
      ctx,
    };
    // Keyed tables with no rows (an empty catalog) keep one empty row: an Excel table needs a data row.
    const emptyPlaceholder = source.from !== "blank" && index >= sourceCount;
    const target = source.from === "targets" ? ctx.targets[index] : undefined;
    const department = source.from === "departments" ? ctx.departments[index] : undefined;
    const fixed =
      source.from === "fixed" ? source.rows[index] : source.from === "blank" ? exampleRows[index] : undefined;
    const exampleInputs = target ? examples.get(target.id) : undefined;
    if (target) rowKeys.push(target.id);
    if (department !== undefined) rowKeys.push(department);
    if (source.from === "fixed" && fixed && table.rowKeyColumn) rowKeys.push(String(fixed[table.rowKeyColumn] ?? ""));

    cells.push(
      table.columns.map((column): CellContent => {
        if (emptyPlaceholder) return null;
        switch (column.role) {
          case "catalog":
            if (target && column.fromTarget) return column.fromTarget(target, ctx) ?? null;
            if (department !== undefined && column.key === table.rowKeyColumn) return department;
            return fixed?.[column.key] ?? null;
          case "input":
            return exampleInputs?.[column.key] ?? fixed?.[column.key] ?? null;
          case "formula":
            return column.formula ? { formula: column.formula[ctx.flavour](refs) } : null;
        }
      }),
    );
  }
  layout.rowKeys = rowKeys;
  sheet.table = layout;
  sheet.blocks.push({ row: secondHeaderRow - 1, column: 0, cells });

  const firstRow = layout.firstDataRow;
  const lastRow = firstRow + layout.dataRowCount - 1;
  const dataRange = (letter: string): string => `${letter}${firstRow}:${letter}${lastRow}`;
  const numberFormats: { range: string; format: string }[] = [];
  const notes: { cell: string; text: string }[] = [];
  table.columns.forEach((column: ColumnTemplate, index) => {
    const letter = columnLetter(index);
    sheet.columnWidths[letter] = column.width;
    if (column.numberFormat) numberFormats.push({ range: dataRange(letter), format: column.numberFormat });
    if (column.note)
      notes.push({ cell: `${letter}${layout.headerRow}`, text: english ? column.note.en : column.note.zh });
    if (column.validation) sheet.validations.push(validationFor(column, dataRange(letter), ctx));
    if (column.role === "input")
      sheet.inputColumns = [
        ...sheet.inputColumns,
        { key: column.key, header: column.header, headerEn: column.headerEn, letter },
      ];
  });
  sheet.numberFormats = numberFormats;
  sheet.notes = notes;
  sheet.styles.push(
    {
      range: `A${secondHeaderRow}:${lastLetter}${secondHeaderRow}`,
      italic: true,
      fontColor: SECOND_HEADER_FONT,
      fill: HEADER_FILL,
    },
    { range: `A${layout.headerRow}:${lastLetter}${layout.headerRow}`, bold: true, wrap: true },
  );
  for (const key of table.statusColumns ?? []) {
    const letter = ctx.letter(template.key, key);
    const first = `${letter}${firstRow}`;
    const rule = (code: "behind" | "atRisk" | "onTrack") => ({
      formula: `=OR(${first}="${STATUS_LABELS["zh-CN"][code]}",${first}="${STATUS_LABELS["en-US"][code]}")`,
      fill: STATUS_COLOURS[code].fill,
      fontColor: STATUS_COLOURS[code].font,
    });
    sheet.conditionalFormats.push({
      range: dataRange(letter),
      rules: [rule("behind"), rule("atRisk"), rule("onTrack")],
    });
  }
}

function validationFor(column: ColumnTemplate, range: string, ctx: SheetContext): RenderedValidation {
  const validation = column.validation;
  if (!validation) throw new Error("validationFor: no validation");
  const allowBlank = validation.allowBlank ?? true;
  switch (validation.type) {
    case "list":
      return {
        range,
        type: "list",
        listValues: validation.values,
        allowBlank,
        error: ctx.text(
          `请从列表中选择：${validation.values.join("、")}`,
          `Choose one of: ${validation.values.join(", ")}`,
        ),
      };
    case "listRef":
      return {
        range,
        type: "list",
        listSource: ctx.column(validation.sheet, validation.columnKey),
        allowBlank,
        error: ctx.text(
          `请从「${SHEET_NAMES[validation.sheet].zh}」的列表中选择。`,
          `Choose a value listed in ${SHEET_NAMES[validation.sheet].zh}.`,
        ),
      };
    case "decimal":
    case "whole": {
      const bounds = [
        validation.min !== undefined ? `≥ ${validation.min}` : "",
        validation.max !== undefined ? `≤ ${validation.max}` : "",
      ]
        .filter(Boolean)
        .join(", ");
      return {
        range,
        type: validation.type,
        min: validation.min,
        max: validation.max,
        allowBlank,
        error: ctx.text(
          `请输入${validation.type === "whole" ? "整数" : "数字"}${bounds ? `（${bounds}）` : ""}。`,
          `Enter a ${validation.type === "whole" ? "whole number" : "number"}${bounds ? ` (${bounds})` : ""}.`,
        ),
      };
    }
  }
}
