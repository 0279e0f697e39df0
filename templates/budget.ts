/**
 * 补贴测算 (subsidy budget): one row per program and year with every parameter as an editable
 * input cell, prefilled from the one defaults table (src/core/budget/defaults.ts) with each
 * default's 标准依据 and 来源 beside it; cost and funding split by formula; above the table the
 * default funding split, totals by year and level, and the Monte Carlo percentiles; to the right
 * the program × year budget, the sensitivity table and a calculation area (templates/budgetAnalysis.ts).
 *
 * Flavours: `addin` uses SUBSIDY_COST / SUBSIDY_FORMULA / SUBSIDY_BUDGET / SUBSIDY_SIMULATE;
 * `builtin` uses MIN, arithmetic, SUMIFS, SUMPRODUCT, MMULT and PERCENTILE only: its P10/P50/P90
 * come from uniforms pre-drawn from the seed at render time, equal to SUBSIDY_SIMULATE's; custom
 * formulas need the add-in, and say so. The sensitivity table is built-ins in both flavours.
 * Volumes are never defaulted: typed in, or taken from the 年度轨迹 sheet for the linked
 * indicator (报废汽车回收量), which needs the user's baseline.
 */
import { BUNDLED_CITIES } from "../src/core/cities";
import {
  BUDGET_DEFAULTS,
  DEFAULT_PROGRAM_DEFINITIONS,
  DEFAULT_STATUS_LABELS,
  defaultFundingShares,
  findDefault,
  provinceOfPlan,
  REGION_LABELS,
  regionOfProvince,
  type ParameterDefault,
  type ProgramParameter,
} from "../src/core/budget/defaults";
import { DEFAULT_BUDGET_YEARS } from "../src/core/budget/budget";
import { DEFAULT_UNCERTAINTY } from "../src/core/budget/simulate";
import { absoluteRange, columnLetter } from "../src/workbook/a1";
import { budgetAnalysis, SHEET_SIMULATION_ITERATIONS, SHEET_SIMULATION_SEED } from "./budgetAnalysis";
import type {
  CellContent,
  CellValue,
  ChartSpec,
  FormulaRow,
  SheetContext,
  SheetExtras,
  SheetTemplate,
} from "../src/workbook/model";
import { SHEET_NAMES } from "../src/workbook/model";
import { TRAJECTORY_YEARS } from "./trajectory";

/** Blank rows for programs the user adds (自定义项目). */
export const CUSTOM_PROGRAM_ROWS = 6;
const TABLE_HEADER_ROW = 16;
const INPUT_FILL = "FFFFF2CC";
const MONEY = "#,##0";
const SHARE = "0.0%";

// Settings cells above the table (inputs kept on reload).
const CENTRAL_SHARE_CELL = "B6";
const PROVINCIAL_PART_CELL = "B7";
const PROVINCIAL_SHARE_CELL = "B8";
const CITY_SHARE_CELL = "B9";
const RANGE_CELLS = { volume: "K6", takeUp: "L6", price: "M6", iterations: "N6", seed: "O6" } as const;
const SIMULATION_CELL = "K9";
const SUMMARY_FIRST_ROW = 6; // years in E6:E8, 合计 in row 9
const PIVOT_COLUMN = 25; // Z: leaves a blank column after the table
// AJ: right of the pivot, clear of SUBSIDY_BUDGET's spill (program, up to 7 years, 合计: Z..AH).
const SENSITIVITY_COLUMN = PIVOT_COLUMN + 10;
const CALC_COLUMN = SENSITIVITY_COLUMN + 6; // AP: the calculation area

const PARAMETER_LABELS: Record<ProgramParameter, string> = {
  amountYuan: "补贴额",
  rate: "补贴比例",
  priceYuan: "价格",
  capYuan: "上限",
  takeUp: "申领比例",
};

/** The 标准依据 and 来源 texts of a program's defaults. */
function provenance(programId: string): { basis: string; source: string } {
  const rows = BUDGET_DEFAULTS.filter((row) => row.programId === programId);
  const basis = rows
    .map(
      (row) => `${PARAMETER_LABELS[row.parameter as ProgramParameter]}：${DEFAULT_STATUS_LABELS["zh-CN"][row.status]}`,
    )
    .join("；");
  const sources = [...new Set(rows.map((row: ParameterDefault) => row.source))];
  return { basis, source: sources.join("；") };
}

/** The fixed rows: every default program in every budget year, then blank rows for user programs. */
export function budgetRows(): Array<Record<string, CellValue>> {
  const rows: Array<Record<string, CellValue>> = [];
  for (const definition of DEFAULT_PROGRAM_DEFINITIONS) {
    const { basis, source } = provenance(definition.id);
    const value = (parameter: ProgramParameter) => findDefault(definition.id, parameter)?.value ?? null;
    for (const year of DEFAULT_BUDGET_YEARS) {
      rows.push({
        key: `${definition.id}-${year}`,
        program: definition.name,
        year,
        unit: definition.unit,
        linkedIndicator: definition.volumeIndicator,
        takeUp: value("takeUp"),
        amountYuan: value("amountYuan"),
        rate: value("rate"),
        priceYuan: value("priceYuan"),
        capYuan: value("capYuan"),
        basis,
        source,
      });
    }
  }
  for (let index = 1; index <= CUSTOM_PROGRAM_ROWS; index++) {
    rows.push({ key: `custom-${index}`, basis: "自定义项目：由您填写", source: null });
  }
  return rows;
}

const ROWS = budgetRows();

/** Take-up used: blank means 100%. */
function takeUpUsed(row: FormulaRow): string {
  return `IF(${row.ref("takeUp")}="",1,${row.ref("takeUp")})`;
}

/**
 * Volume from the linked indicator's trajectory on 年度轨迹: the row's year's expected value, or
 * for a cumulative target the year's increment. Blank when there is no link, no such target or
 * no baseline yet (年度轨迹 leaves those cells empty, and the arithmetic fails into IFERROR).
 */
function trajectoryVolumeFormula(row: FormulaRow): string {
  const { ctx } = row;
  const trajectory = ctx.tableOf("trajectory");
  const first = trajectory.firstDataRow;
  const last = first + trajectory.dataRowCount - 1;
  const expected = absoluteRange(
    SHEET_NAMES.trajectory.zh,
    ctx.letter("trajectory", `expected${TRAJECTORY_YEARS[0]}`),
    first,
    ctx.letter("trajectory", `expected${TRAJECTORY_YEARS[TRAJECTORY_YEARS.length - 1]}`),
    last,
  );
  // As trajectoryForIndicator: the exact indicator first, else the first one containing it (全市报废汽车回收量).
  const indicators = ctx.column("trajectory", "indicator");
  const match = `IFERROR(MATCH(${row.ref("linkedIndicator")},${indicators},0),MATCH("*"&${row.ref("linkedIndicator")}&"*",${indicators},0))`;
  const offset = TRAJECTORY_YEARS[0] - 1;
  const at = (yearExpression: string) => `INDEX(${expected},${match},${yearExpression}-${offset})`;
  const year = row.ref("year");
  const kind = `INDEX(${ctx.column("trajectory", "trajectoryKind")},${match})`;
  return `=IF(OR(${row.ref("linkedIndicator")}="",${year}=""),"",IFERROR(IF(${kind}="cumulative",${at(year)}-${at(`(${year}-1)`)},${at(year)}+0),""))`;
}

function costFormula(flavour: "addin" | "builtin") {
  return (row: FormulaRow): string => {
    const r = (key: string) => row.ref(key);
    const volume = r("volumeUsed");
    const takeUp = takeUpUsed(row);
    if (flavour === "addin") {
      return (
        `=IF(${r("program")}="","",IF(${r("formula")}<>"",` +
        `SUBSIDY_FORMULA(${r("formula")},${volume},${r("priceYuan")},${r("amountYuan")},${r("rate")},${r("capYuan")},${takeUp}),` +
        `SUBSIDY_COST(${volume}*${takeUp},${r("amountYuan")},${r("rate")},${r("priceYuan")},${r("capYuan")})))`
      );
    }
    const perUnit =
      `IF(${r("amountYuan")}<>"",${r("amountYuan")},IF(OR(${r("rate")}="",${r("priceYuan")}=""),NA(),` +
      `IF(${r("capYuan")}="",${r("rate")}*${r("priceYuan")},MIN(${r("rate")}*${r("priceYuan")},${r("capYuan")}))))`;
    return `=IF(${r("program")}="","",IF(${r("formula")}<>"","需加载项",${volume}*${takeUp}*${perUnit}))`;
  };
}

/**
 * A level's amount: cost × the row's share, or the sheet's default shares when the row leaves all
 * three blank. Own shares that do not add up to 100% give #N/A (the core's checkFundingShares
 * refuses them, to the same 1e-6), so the totals fail loudly instead of losing the missing part.
 */
function levelFormula(shareKey: "centralShare" | "provincialShare" | "cityShare", defaultCell: string) {
  return (row: FormulaRow): string => {
    const r = (key: string) => row.ref(key);
    const ownShares = `AND(${r("centralShare")}="",${r("provincialShare")}="",${r("cityShare")}="")`;
    const sharesAddUp = `ABS(N(${r("centralShare")})+N(${r("provincialShare")})+N(${r("cityShare")})-1)<=0.000001`;
    return `=IF(ISNUMBER(${r("costYuan")}),${r("costYuan")}*IF(${ownShares},$${defaultCell.replace(/(\d+)/, "$$$1")},IF(${sharesAddUp},N(${r(shareKey)}),NA())),"")`;
  };
}

const same = (build: (row: FormulaRow) => string) => ({ addin: build, builtin: build });
const money = { numberFormat: MONEY } as const;
const nonNegative = { type: "decimal", min: 0, allowBlank: true } as const;
const share = { type: "decimal", min: 0, max: 1, allowBlank: true } as const;

export const budgetSheet: SheetTemplate = {
  key: "budget",
  tableHeaderRow: TABLE_HEADER_ROW,
  frozen: { rows: 0, columns: 0 },
  table: {
    name: "LX_Budget",
    style: "TableStyleMedium2",
    rows: { from: "fixed", rows: ROWS },
    rowKeyColumn: "key",
    columns: [
      { key: "key", header: "编号", headerEn: "Row ID", width: 22, role: "catalog" },
      {
        key: "program",
        header: "项目",
        headerEn: "Program",
        width: 28,
        role: "input",
        note: { zh: "补贴项目；空行可填写自定义项目。", en: "Subsidy program; fill a blank row to add your own." },
      },
      {
        key: "year",
        header: "年度",
        headerEn: "Year",
        width: 7,
        role: "input",
        validation: { type: "whole", min: 2024, max: 2030, allowBlank: true },
      },
      { key: "unit", header: "单位", headerEn: "Unit", width: 6, role: "input" },
      {
        key: "linkedIndicator",
        header: "关联指标",
        headerEn: "Linked indicator",
        width: 14,
        role: "input",
        note: {
          zh: "数量取自该指标在「年度轨迹」的当年应达值（累计类取当年增量）；需在「目标总表」填写基期值，单位与本行一致（辆）。清空则不关联。",
          en: "Volume taken from this indicator's yearly trajectory (the year's increment for cumulative targets); needs the baseline in 目标总表, in this row's unit. Clear to unlink.",
        },
      },
      {
        key: "trajectoryVolume",
        header: "轨迹数量",
        headerEn: "Trajectory volume",
        width: 11,
        ...money,
        role: "formula",
        formula: same(trajectoryVolumeFormula),
      },
      {
        key: "volume",
        header: "数量",
        headerEn: "Volume",
        width: 11,
        ...money,
        role: "input",
        validation: nonNegative,
        note: {
          zh: "由您填写：当年符合条件的数量；填写后优先于轨迹数量。无默认值。",
          en: "Typed by you: eligible units in the year; overrides the trajectory volume. No default.",
        },
      },
      {
        key: "volumeUsed",
        header: "测算数量",
        headerEn: "Volume used",
        width: 11,
        ...money,
        role: "formula",
        formula: same((row) => `=IF(${row.ref("volume")}<>"",${row.ref("volume")},N(${row.ref("trajectoryVolume")}))`),
      },
      {
        key: "takeUp",
        header: "申领比例",
        headerEn: "Take-up",
        width: 9,
        numberFormat: SHARE,
        role: "input",
        validation: share,
        note: { zh: "申领补贴的比例；空白为100%。", en: "Share that claims the subsidy; blank = 100%." },
      },
      {
        key: "amountYuan",
        header: "每件补贴额",
        headerEn: "Amount per unit",
        width: 11,
        ...money,
        role: "input",
        validation: nonNegative,
        note: {
          zh: "元/件；填写后优先于比例、价格和上限。",
          en: "Yuan per unit; when filled it wins over rate, price and cap.",
        },
      },
      {
        key: "rate",
        header: "补贴比例",
        headerEn: "Rate",
        width: 9,
        numberFormat: SHARE,
        role: "input",
        validation: share,
      },
      {
        key: "priceYuan",
        header: "平均价格",
        headerEn: "Average price",
        width: 10,
        ...money,
        role: "input",
        validation: nonNegative,
      },
      {
        key: "capYuan",
        header: "每件上限",
        headerEn: "Cap per unit",
        width: 9,
        ...money,
        role: "input",
        validation: nonNegative,
      },
      {
        key: "formula",
        header: "自定义公式",
        headerEn: "Custom formula",
        width: 22,
        role: "input",
        note: {
          zh: "可选，结果为本行补贴总额（元），如 volume * 0.6 * min(price * 15%, 2000)。变量：volume、price、amount、rate、cap、takeUp；函数：min、max、round、abs、floor、ceil。需加载项。",
          en: "Optional; gives the row's total (yuan), e.g. volume * 0.6 * min(price * 15%, 2000). Variables volume, price, amount, rate, cap, takeUp; functions min, max, round, abs, floor, ceil. Needs the add-in.",
        },
      },
      {
        key: "centralShare",
        header: "中央比例",
        headerEn: "Central share",
        width: 9,
        numberFormat: SHARE,
        role: "input",
        validation: share,
        note: {
          zh: "本行的分担比例；三项都空白则用上方默认比例。",
          en: "This row's funding shares; all three blank = the defaults above.",
        },
      },
      {
        key: "provincialShare",
        header: "省级比例",
        headerEn: "Provincial share",
        width: 9,
        numberFormat: SHARE,
        role: "input",
        validation: share,
      },
      {
        key: "cityShare",
        header: "市级比例",
        headerEn: "City share",
        width: 9,
        numberFormat: SHARE,
        role: "input",
        validation: share,
      },
      {
        key: "costYuan",
        header: "补贴金额",
        headerEn: "Subsidy (yuan)",
        width: 14,
        ...money,
        role: "formula",
        formula: { addin: costFormula("addin"), builtin: costFormula("builtin") },
      },
      {
        key: "centralYuan",
        header: "中央承担",
        headerEn: "Central (yuan)",
        width: 13,
        ...money,
        role: "formula",
        formula: same(levelFormula("centralShare", CENTRAL_SHARE_CELL)),
      },
      {
        key: "provincialYuan",
        header: "省级承担",
        headerEn: "Provincial (yuan)",
        width: 13,
        ...money,
        role: "formula",
        formula: same(levelFormula("provincialShare", PROVINCIAL_SHARE_CELL)),
      },
      {
        key: "cityYuan",
        header: "市级承担",
        headerEn: "City (yuan)",
        width: 13,
        ...money,
        role: "formula",
        formula: same(levelFormula("cityShare", CITY_SHARE_CELL)),
      },
      {
        key: "basis",
        header: "标准依据",
        headerEn: "Basis",
        width: 30,
        role: "catalog",
        note: {
          zh: "国家标准：已发布的全国标准；待核实：请按本省文件核对；示例：示意值，请按本地实际修改。",
          en: "national standard / to verify against your province's rules / example value to replace.",
        },
      },
      { key: "source", header: "来源", headerEn: "Source", width: 60, role: "catalog" },
    ],
  },
  extras: (ctx: SheetContext): SheetExtras => {
    const table = ctx.tableOf("budget");
    const col = (key: string) => ctx.column("budget", key);
    const province = provinceOfPlan(ctx.catalog.plan, BUNDLED_CITIES);
    const region = regionOfProvince(province);
    const shares = defaultFundingShares(province ?? undefined);
    const centralDefault = findDefault("*", "centralShare", region ?? "central")!;
    const provincialDefault = findDefault("*", "provincialPartOfLocal")!;
    const regionText =
      province && region
        ? ctx.text(
            `${province}（${REGION_LABELS["zh-CN"][region]}）`,
            `${province} (${REGION_LABELS["en-US"][region]})`,
          )
        : ctx.text("未识别省份，按中部比例；请核对", "Province not recognised: central-region split used; check it");
    const years = DEFAULT_BUDGET_YEARS;
    const sumLevel = (amountKey: string, yearCell: string) => ({
      formula: `=SUMIFS(${col(amountKey)},${col("year")},${yearCell})`,
    });
    const summaryRows: CellContent[][] = years.map((year, index) => {
      const yearCell = `$E$${SUMMARY_FIRST_ROW + index}`;
      const row = SUMMARY_FIRST_ROW + index;
      return [
        year,
        sumLevel("centralYuan", yearCell),
        sumLevel("provincialYuan", yearCell),
        sumLevel("cityYuan", yearCell),
        { formula: `=SUM(F${row}:H${row})` },
      ];
    });
    const totalRow = SUMMARY_FIRST_ROW + years.length;
    const sumColumn = (letter: string) => ({ formula: `=SUM(${letter}${SUMMARY_FIRST_ROW}:${letter}${totalRow - 1})` });
    summaryRows.push([ctx.text("合计", "Total"), sumColumn("F"), sumColumn("G"), sumColumn("H"), sumColumn("I")]);

    const tableArgs = ["program", "year", "volumeUsed", "amountYuan", "rate", "priceYuan", "capYuan", "takeUp"]
      .map(col)
      .join(",");
    const analysis = budgetAnalysis(
      ctx,
      {
        sensitivityColumn: SENSITIVITY_COLUMN,
        sensitivityTitleRow: TABLE_HEADER_ROW - 1,
        calcColumn: CALC_COLUMN,
        programSlots: DEFAULT_PROGRAM_DEFINITIONS.length + CUSTOM_PROGRAM_ROWS,
      },
      {
        letter: (key) => ctx.letter("budget", key),
        firstDataRow: table.firstDataRow,
        dataRowCount: table.dataRowCount,
        ranges: RANGE_CELLS,
        percentileCells: ["K9", "L9", "M9"],
      },
    );
    // The add-in spills SUBSIDY_SIMULATE; the file computes the same draws with built-ins (budgetAnalysis).
    const simulation: CellContent[] =
      ctx.flavour === "addin"
        ? [
            {
              formula: `=SUBSIDY_SIMULATE(${tableArgs},${RANGE_CELLS.volume}:${RANGE_CELLS.price},${RANGE_CELLS.iterations},${RANGE_CELLS.seed},${col("formula")})`,
            },
          ]
        : analysis.percentiles!;

    // Program × year budget: one spilling SUBSIDY_BUDGET, or the same grid with SUMIFS.
    const pivotHeaderRow = TABLE_HEADER_ROW;
    const pivotLetter = columnLetter(PIVOT_COLUMN);
    const pivot: CellContent[][] = [[ctx.text("分项目分年度补贴（元）", "Budget by program and year (yuan)")]];
    if (ctx.flavour === "addin") {
      pivot.push([{ formula: `=SUBSIDY_BUDGET(${tableArgs},,"total",${col("formula")})` }]);
    } else {
      const yearLetters = years.map((_year, index) => columnLetter(PIVOT_COLUMN + 1 + index));
      const totalLetter = columnLetter(PIVOT_COLUMN + 1 + years.length);
      const firstProgramRow = pivotHeaderRow + 1;
      pivot.push([ctx.text("项目", "Program"), ...years, ctx.text("合计", "Total")]);
      DEFAULT_PROGRAM_DEFINITIONS.forEach((definition, index) => {
        const row = firstProgramRow + index;
        pivot.push([
          definition.name,
          ...years.map((_year, yearIndex) => ({
            formula: `=SUMIFS(${col("costYuan")},${col("program")},$${pivotLetter}${row},${col("year")},${yearLetters[yearIndex]}$${pivotHeaderRow})`,
          })),
          { formula: `=SUM(${yearLetters[0]}${row}:${yearLetters[yearLetters.length - 1]}${row})` },
        ]);
      });
      const otherRow = firstProgramRow + DEFAULT_PROGRAM_DEFINITIONS.length;
      pivot.push([
        ctx.text("其他（自定义项目）", "Other (your programs)"),
        ...years.map((_year, yearIndex) => ({
          formula: `=SUMIFS(${col("costYuan")},${col("year")},${yearLetters[yearIndex]}$${pivotHeaderRow})-SUM(${yearLetters[yearIndex]}${firstProgramRow}:${yearLetters[yearIndex]}${otherRow - 1})`,
        })),
        { formula: `=SUM(${yearLetters[0]}${otherRow}:${yearLetters[yearLetters.length - 1]}${otherRow})` },
      ]);
      pivot.push([
        ctx.text("合计", "Total"),
        ...[...yearLetters, totalLetter].map((letter) => ({
          formula: `=SUM(${letter}${firstProgramRow}:${letter}${otherRow})`,
        })),
      ]);
    }

    const sheetName = SHEET_NAMES.budget.zh;
    const chart: ChartSpec = {
      sheet: sheetName,
      type: "bar",
      title: ctx.text("各级财政承担（元）", "Funding by level (yuan)"),
      from: "Q2",
      to: "W14",
      categories: absoluteRange(sheetName, "E", SUMMARY_FIRST_ROW, "E", totalRow - 1),
      series: [
        {
          name: ctx.text("中央", "Central"),
          values: absoluteRange(sheetName, "F", SUMMARY_FIRST_ROW, "F", totalRow - 1),
          color: "1F4E79",
        },
        {
          name: ctx.text("省级", "Provincial"),
          values: absoluteRange(sheetName, "G", SUMMARY_FIRST_ROW, "G", totalRow - 1),
          color: "2E75B6",
        },
        {
          name: ctx.text("市级", "City"),
          values: absoluteRange(sheetName, "H", SUMMARY_FIRST_ROW, "H", totalRow - 1),
          color: "9DC3E6",
        },
      ],
      stacked: true,
    };

    const settingsInputs = [CENTRAL_SHARE_CELL, PROVINCIAL_PART_CELL, ...Object.values(RANGE_CELLS)];
    return {
      blocks: [
        {
          row: 0,
          column: 0,
          cells: [
            [ctx.text("补贴测算", "Subsidy budget")],
            [
              ctx.text(
                "黄色单元格可编辑，重新加载不会覆盖。默认补贴标准来自国家2024年政策文件，每行「标准依据」「来源」列注明出处；标为“待核实”“示例”的数值请按本省、本地实际修改。数量无默认值：请填写「数量」，或由「关联指标」按「年度轨迹」带出（需在「目标总表」填写基期值）。",
                "Yellow cells are inputs, never overwritten on reload. Default standards come from the 2024 national documents, each row citing its basis and source; replace values marked 待核实 (to verify) or 示例 (example) with your province's. Volumes have no default: type them, or link an indicator to take its trajectory (needs the baseline in 目标总表).",
              ),
            ],
          ],
        },
        {
          row: 3,
          column: 0,
          cells: [
            [ctx.text("资金分担默认比例", "Default funding shares"), null, null],
            [ctx.text("地区", "Region"), regionText, null],
            [ctx.text("中央承担比例", "Central share"), shares.central, centralDefault.source],
            [
              ctx.text("地方部分中省级占比", "Provincial part of the local share"),
              provincialDefault.value,
              provincialDefault.source,
            ],
            [
              ctx.text("省级承担比例", "Provincial share"),
              { formula: `=(1-${CENTRAL_SHARE_CELL})*${PROVINCIAL_PART_CELL}` },
              null,
            ],
            [
              ctx.text("市级承担比例", "City share"),
              { formula: `=(1-${CENTRAL_SHARE_CELL})*(1-${PROVINCIAL_PART_CELL})` },
              null,
            ],
          ],
        },
        {
          row: 3,
          column: 4,
          cells: [
            [ctx.text("资金汇总（元）", "Totals (yuan)")],
            [
              ctx.text("年度", "Year"),
              ctx.text("中央", "Central"),
              ctx.text("省级", "Provincial"),
              ctx.text("市级", "City"),
              ctx.text("合计", "Total"),
            ],
            ...summaryRows,
          ],
        },
        {
          row: 3,
          column: 10,
          cells: [
            [ctx.text("不确定性（蒙特卡洛，三角分布）", "Uncertainty (Monte Carlo, triangular)")],
            [
              ctx.text("数量±", "Volume ±"),
              ctx.text("申领比例±", "Take-up ±"),
              ctx.text("价格±", "Price ±"),
              ctx.text("模拟次数", "Iterations"),
              ctx.text("随机种子", "Seed"),
            ],
            [
              DEFAULT_UNCERTAINTY.volume,
              DEFAULT_UNCERTAINTY.takeUp,
              DEFAULT_UNCERTAINTY.price,
              SHEET_SIMULATION_ITERATIONS,
              SHEET_SIMULATION_SEED,
            ],
            [ctx.text("补贴总额分位数（元）", "Total budget percentiles (yuan)")],
            ["P10", "P50", "P90"],
            simulation,
          ],
        },
        { row: pivotHeaderRow - 2, column: PIVOT_COLUMN, cells: pivot },
        ...analysis.blocks,
      ],
      columnWidths: { [pivotLetter]: 26, ...analysis.columnWidths },
      numberFormats: [
        { range: "B6:B9", format: SHARE },
        { range: `F${SUMMARY_FIRST_ROW}:I${totalRow}`, format: MONEY },
        { range: "K6:M6", format: "0%" },
        { range: "K9:M9", format: MONEY },
        {
          range: `${columnLetter(PIVOT_COLUMN + 1)}${pivotHeaderRow + 1}:${columnLetter(PIVOT_COLUMN + 2 + years.length)}${pivotHeaderRow + DEFAULT_PROGRAM_DEFINITIONS.length + 3}`,
          format: MONEY,
        },
        ...analysis.numberFormats,
      ],
      styles: [
        { range: "A1", bold: true, fontSize: 14 },
        { range: "A2", italic: true, fontColor: "FF595959" },
        { range: "A4", bold: true },
        { range: "E4", bold: true },
        { range: "K4", bold: true },
        { range: "K7", bold: true },
        { range: `E5:I5`, bold: true },
        { range: `E${totalRow}:I${totalRow}`, bold: true },
        { range: `${pivotLetter}${pivotHeaderRow - 1}`, bold: true },
        ...settingsInputs.map((cell) => ({ range: cell, fill: INPUT_FILL })),
        ...ctx
          .tableOf("budget")
          .columns.filter((column) => column.role === "input")
          .map((column) => ({
            range: `${column.letter}${table.firstDataRow}:${column.letter}${table.firstDataRow + table.dataRowCount - 1}`,
            fill: INPUT_FILL,
          })),
        ...analysis.styles,
      ],
      notes: [
        { cell: CENTRAL_SHARE_CELL, text: centralDefault.source },
        { cell: PROVINCIAL_PART_CELL, text: provincialDefault.source },
        {
          cell: "K5",
          text: ctx.text(
            "每个项目的数量、申领比例、价格各按 1±范围 的三角分布抽样（众数为1），同一项目各年度同向变化；范围为示例假设，请按经验修改。",
            "Each program draws volume, take-up and price multipliers from triangular distributions on 1 ± range (mode 1), the same for all its years; ranges are example assumptions.",
          ),
        },
        {
          cell: SIMULATION_CELL,
          text:
            ctx.flavour === "addin"
              ? ctx.text(
                  "由 SUBSIDY_SIMULATE 计算；同一种子、次数结果相同。",
                  "Computed by SUBSIDY_SIMULATE; the same seed and iterations give the same result.",
                )
              : ctx.text(
                  `内置公式计算：抽样数为按种子 ${SHEET_SIMULATION_SEED}、${SHEET_SIMULATION_ITERATIONS} 次预先生成的常量（见右侧计算区「模拟抽样」），结果与加载项 SUBSIDY_SIMULATE 相同。可改波动范围；改种子或次数需加载项或 npx liangxin budget。自定义公式行不计入。`,
                  `Built-in formulas over uniforms pre-drawn for seed ${SHEET_SIMULATION_SEED}, ${SHEET_SIMULATION_ITERATIONS} iterations (the calculation area's draws); equal to SUBSIDY_SIMULATE. Ranges can be edited; another seed or count needs the add-in or npx liangxin budget. Custom-formula rows are left out.`,
                ),
        },
        ...analysis.notes,
      ],
      validations: [
        {
          range: CENTRAL_SHARE_CELL,
          type: "decimal",
          min: 0,
          max: 1,
          allowBlank: false,
          error: ctx.text("比例为 0 到 1 之间的小数。", "A share between 0 and 1."),
        },
        {
          range: PROVINCIAL_PART_CELL,
          type: "decimal",
          min: 0,
          max: 1,
          allowBlank: false,
          error: ctx.text("比例为 0 到 1 之间的小数。", "A share between 0 and 1."),
        },
        {
          range: "K6:M6",
          type: "decimal",
          min: 0,
          max: 1,
          allowBlank: false,
          error: ctx.text("范围为 0 到 1 之间的小数（0.2 即 ±20%）。", "A range between 0 and 1 (0.2 = ±20%)."),
        },
        {
          range: RANGE_CELLS.iterations,
          type: "whole",
          min: 1,
          max: 1000000,
          allowBlank: false,
          error: ctx.text("模拟次数为 1 到 1000000 的整数。", "A whole number from 1 to 1,000,000."),
        },
        {
          range: analysis.changeCell,
          type: "decimal",
          min: 0,
          max: 1,
          allowBlank: false,
          error: ctx.text("变动幅度为 0 到 1 之间的小数（0.2 即 ±20%）。", "A change between 0 and 1 (0.2 = ±20%)."),
        },
      ],
      charts: [chart],
      inputCells: [
        { key: "centralShare", cell: CENTRAL_SHARE_CELL, label: ctx.text("中央承担比例", "Central share") },
        {
          key: "provincialPartOfLocal",
          cell: PROVINCIAL_PART_CELL,
          label: ctx.text("地方部分中省级占比", "Provincial part of the local share"),
        },
        { key: "rangeVolume", cell: RANGE_CELLS.volume, label: ctx.text("数量波动范围", "Volume range") },
        { key: "rangeTakeUp", cell: RANGE_CELLS.takeUp, label: ctx.text("申领比例波动范围", "Take-up range") },
        { key: "rangePrice", cell: RANGE_CELLS.price, label: ctx.text("价格波动范围", "Price range") },
        { key: "iterations", cell: RANGE_CELLS.iterations, label: ctx.text("模拟次数", "Iterations") },
        { key: "seed", cell: RANGE_CELLS.seed, label: ctx.text("随机种子", "Seed") },
        {
          key: "sensitivityChange",
          cell: analysis.changeCell,
          label: ctx.text("敏感性变动幅度", "Sensitivity change"),
        },
      ],
    };
  },
};

/** Cells of the 补贴测算 sheet that other code (tests, the task pane) may read. */
export const BUDGET_CELLS = {
  centralShare: CENTRAL_SHARE_CELL,
  provincialShare: PROVINCIAL_SHARE_CELL,
  cityShare: CITY_SHARE_CELL,
  simulation: SIMULATION_CELL,
  sensitivityColumn: SENSITIVITY_COLUMN,
  sensitivityTitleRow: TABLE_HEADER_ROW - 1,
  calcColumn: CALC_COLUMN,
  summaryFirstRow: SUMMARY_FIRST_ROW,
  pivotColumn: PIVOT_COLUMN,
  tableHeaderRow: TABLE_HEADER_ROW,
} as const;
