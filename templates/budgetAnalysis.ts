/**
 * The analysis blocks of 补贴测算, in Excel built-ins: the sensitivity table (敏感性分析, both
 * flavours) and the .xlsx's reproducible Monte Carlo (模拟抽样, builtin flavour only; the add-in
 * flavour calls SUBSIDY_SIMULATE instead).
 *
 * Both reproduce the budget core for the sheet's rows (src/core/budget/sensitivity.ts and
 * simulate.ts), including the order of every multiplication, so the numbers agree to rounding:
 * - a calculation area (计算区) lays each table row out across one row per parameter, numbers
 *   only, and gives each program (first-appearance order, as the core) a 1-based slot number;
 * - a 0/1 matrix (slot × table row) turns per-slot factors into per-row factors with MMULT;
 * - each total is one SUMPRODUCT over the table rows, with MIN and the take-up clamp written as
 *   comparisons (x>1)+(x<=1)*x, which Excel without dynamic arrays evaluates inside SUMPRODUCT;
 * - the Monte Carlo's uniforms are constants drawn at render time from the seed by the core's own
 *   generator (programRandom), one row per iteration and one column per program slot; formulas
 *   turn them into triangular factors from the ranges the user types, so editing a range
 *   recalculates, while another seed or iteration count needs a new file (or the add-in).
 * Rows with a 自定义公式 cannot be evaluated by built-ins: the .xlsx leaves them out (as its
 * totals do); the add-in flavour adds their cost to every sensitivity total unchanged.
 */
import { BUDGET_PARAMETER_LABELS, type BudgetParameter } from "../src/core/budget/sensitivity";
import { DEFAULT_SEED, programRandom } from "../src/core/budget/simulate";
import { columnLetter } from "../src/workbook/a1";
import type { CellContent, RenderedBlock, RenderedStyle, SheetContext } from "../src/workbook/model";

/** Draws in the .xlsx's Monte Carlo (and the sheet's default for SUBSIDY_SIMULATE): 1,000 keeps the file small. */
export const SHEET_SIMULATION_ITERATIONS = 1000;
/** The seed of the .xlsx's pre-drawn uniforms (the core's default). */
export const SHEET_SIMULATION_SEED = DEFAULT_SEED;
/** Default relative change of the sensitivity table (±20%, as the core's default). */
export const SENSITIVITY_CHANGE = 0.2;
/** Rows of the ranked sensitivity table shown (the full grid is in the calculation area). */
export const SENSITIVITY_TOP_ROWS = 15;

/** Parameters the sensitivity varies, in the core's order (parametersOfLine). */
const PARAMETERS: readonly BudgetParameter[] = ["volume", "takeUp", "amountYuan", "rate", "priceYuan", "capYuan"];

/** Where the blocks sit (0-based columns, 1-based rows). */
export interface AnalysisLayout {
  /** First column of the ranked sensitivity table (right of the program × year grid and its spill). */
  sensitivityColumn: number;
  /** Title row of the ranked table; the change input is on the next row, headers below it. */
  sensitivityTitleRow: number;
  /** Label column of the calculation area; its data start one column right. */
  calcColumn: number;
  /** Program slots the .xlsx's Monte Carlo has draws for. */
  programSlots: number;
}

/** The table columns and settings cells the blocks read. */
export interface AnalysisInputs {
  /** Letter of a budget-table column by key. */
  letter: (key: string) => string;
  firstDataRow: number;
  dataRowCount: number;
  /** The ± range cells (volume, take-up, price) and the iterations and seed cells. */
  ranges: { volume: string; takeUp: string; price: string; iterations: string; seed: string };
  /** The cells that show P10, P50, P90. */
  percentileCells: readonly [string, string, string];
}

export interface AnalysisExtras {
  blocks: RenderedBlock[];
  styles: RenderedStyle[];
  numberFormats: Array<{ range: string; format: string }>;
  notes: Array<{ cell: string; text: string }>;
  columnWidths: Record<string, number>;
  /** The cell holding the sensitivity's relative change (an input, kept on reload). */
  changeCell: string;
  /** The builtin flavour's P10/P50/P90 formulas, for `percentileCells`. */
  percentiles: CellContent[] | null;
}

const abs = (column: number, row: number) => `$${columnLetter(column)}$${row}`;

/**
 * Builds the sensitivity block, the calculation area and (builtin flavour) the Monte Carlo draws.
 * @param ctx the render context (flavour, locale).
 * @param layout where the blocks go.
 * @param inputs the table columns and settings cells.
 * @returns blocks and formats for the sheet's extras.
 */
export function budgetAnalysis(ctx: SheetContext, layout: AnalysisLayout, inputs: AnalysisInputs): AnalysisExtras {
  const rowCount = inputs.dataRowCount;
  const slots = layout.programSlots;
  const labelColumn = layout.calcColumn;
  const firstColumn = labelColumn + 1;
  const lastColumn = firstColumn + rowCount - 1;
  const tableRow = (index: number) => inputs.firstDataRow + index;
  const cellOf = (key: string, index: number) => `${inputs.letter(key)}${tableRow(index)}`;
  const blocks: RenderedBlock[] = [];
  const styles: RenderedStyle[] = [];
  const numberFormats: Array<{ range: string; format: string }> = [];
  const notes: Array<{ cell: string; text: string }> = [];

  // ---- per-row helpers: one sheet row per quantity, one column per table row ----
  const HELPERS = [
    "sheetRow",
    "program",
    "line",
    "first",
    "running",
    "slot",
    "volume",
    "takeUp",
    "isAmount",
    "amount",
    "rate",
    "price",
    "hasCap",
    "cap",
    "formulaCost",
    "error",
  ] as const;
  type Helper = (typeof HELPERS)[number];
  const helperFirstRow = 3;
  const helperRow = (helper: Helper) => helperFirstRow + HELPERS.indexOf(helper);
  const rowRange = (helper: Helper) => `${abs(firstColumn, helperRow(helper))}:${abs(lastColumn, helperRow(helper))}`;
  const at = (helper: Helper, index: number) => `${columnLetter(firstColumn + index)}${helperRow(helper)}`;
  const upTo = (helper: Helper, index: number) => `${abs(firstColumn, helperRow(helper))}:${at(helper, index)}`;
  const helperLabels: Record<Helper, [string, string]> = {
    sheetRow: ["表格行", "Table row"],
    program: ["项目（计入的行）", "Program (rows counted)"],
    line: ["计入", "Counted"],
    first: ["首次出现", "First row of program"],
    running: ["累计项目数", "Programs so far"],
    slot: ["项目序号", "Program slot"],
    volume: ["测算数量", "Volume used"],
    takeUp: ["申领比例（空白=100%）", "Take-up (blank = 100%)"],
    isAmount: ["按件补贴", "Fixed amount"],
    amount: ["每件补贴额", "Amount per unit"],
    rate: ["补贴比例", "Rate"],
    price: ["平均价格", "Price"],
    hasCap: ["有上限", "Has cap"],
    cap: ["每件上限", "Cap"],
    formulaCost: ["自定义公式金额", "Custom-formula cost"],
    error: ["出错", "Error"],
  };
  const helperFormula = (helper: Helper, index: number): CellContent => {
    const program = cellOf("program", index);
    const formula = cellOf("formula", index);
    const cost = cellOf("costYuan", index);
    const here = (key: Helper) => at(key, index);
    switch (helper) {
      case "sheetRow":
        return tableRow(index);
      case "program": // the program name of a row the budget counts: named, without a custom formula
        return { formula: `=IF(AND(${program}<>"",${formula}=""),${program}&"","")` };
      case "line":
        return { formula: `=IF(${here("program")}="",0,1)` };
      case "first": // exact comparison, not COUNTIF: program names may hold * ? ~ or look like numbers
        return {
          formula: `=IF(${here("line")}=0,0,IF(SUMPRODUCT(--(${upTo("program", index)}=${here("program")}))=1,1,0))`,
        };
      case "running":
        return { formula: `=SUM(${upTo("first", index)})` };
      case "slot":
        return {
          formula: `=IF(${here("line")}=0,0,SUMPRODUCT((${upTo("program", index)}=${here("program")})*${upTo("first", index)}*${upTo("running", index)}))`,
        };
      case "volume":
        return { formula: `=N(${cellOf("volumeUsed", index)})` };
      case "takeUp":
        return { formula: `=IF(${cellOf("takeUp", index)}="",1,N(${cellOf("takeUp", index)}))` };
      case "isAmount":
        return { formula: `=IF(${cellOf("amountYuan", index)}="",0,1)` };
      case "amount":
        return { formula: `=N(${cellOf("amountYuan", index)})` };
      case "rate":
        return { formula: `=N(${cellOf("rate", index)})` };
      case "price":
        return { formula: `=N(${cellOf("priceYuan", index)})` };
      case "hasCap":
        return { formula: `=IF(${cellOf("capYuan", index)}="",0,1)` };
      case "cap":
        return { formula: `=N(${cellOf("capYuan", index)})` };
      case "formulaCost":
        return { formula: `=IF(AND(${program}<>"",${formula}<>""),IF(ISNUMBER(${cost}),${cost},0),0)` };
      case "error": // what the core refuses: a cost the sheet cannot compute, or no whole year
        return {
          formula: `=IF(${here("line")}=0,0,IF(OR(ISERROR(${cost}),NOT(ISNUMBER(${cellOf("year", index)}))),1,0))`,
        };
    }
  };
  blocks.push({
    row: 0,
    column: labelColumn,
    cells: [
      [
        ctx.text(
          "计算区：敏感性分析和蒙特卡洛模拟的中间结果，自动计算，请勿修改",
          "Calculation area for the sensitivity table and the Monte Carlo: computed, do not edit",
        ),
      ],
    ],
  });
  styles.push({ range: `${columnLetter(labelColumn)}1`, bold: true });
  blocks.push({
    row: helperFirstRow - 1,
    column: labelColumn,
    cells: HELPERS.map((helper) => [
      ctx.text(...helperLabels[helper]),
      ...Array.from({ length: rowCount }, (_unused, index) => helperFormula(helper, index)),
    ]),
  });

  // ---- scalars ----
  const scalarFirstRow = helperFirstRow + HELPERS.length + 1;
  const SCALARS = ["programCount", "formulaCost", "errors", "baseTotal"] as const;
  type Scalar = (typeof SCALARS)[number];
  const scalar = (name: Scalar) => abs(firstColumn, scalarFirstRow + SCALARS.indexOf(name));

  // ---- slot × row matrix: 1 where the row belongs to the slot's program ----
  const matrixFirstRow = scalarFirstRow + SCALARS.length + 2;
  const matrix = `${abs(firstColumn, matrixFirstRow)}:${abs(lastColumn, matrixFirstRow + slots - 1)}`;
  blocks.push({
    row: matrixFirstRow - 2,
    column: labelColumn,
    cells: [
      [
        ctx.text(
          "项目序号 × 表格行（1 = 该行属于该项目）",
          "Program slot × table row (1 = the row belongs to the program)",
        ),
      ],
      ...Array.from({ length: slots }, (_unused, slotIndex): CellContent[] => [
        slotIndex + 1,
        ...Array.from({ length: rowCount }, (_unused2, index): CellContent => ({
          formula: `=IF(${columnLetter(firstColumn + index)}$${helperRow("slot")}=$${columnLetter(labelColumn)}${matrixFirstRow + slotIndex},1,0)`,
        })),
      ]),
    ],
  });

  // ---- the cost of every table row as one array, under factors ----
  const ranges = {
    line: rowRange("line"),
    volume: rowRange("volume"),
    takeUp: rowRange("takeUp"),
    isAmount: rowRange("isAmount"),
    amount: rowRange("amount"),
    rate: rowRange("rate"),
    price: rowRange("price"),
    hasCap: rowRange("hasCap"),
    cap: rowRange("cap"),
    slot: rowRange("slot"),
  };
  const clampToOne = (value: string) => `((${value}>1)+(${value}<=1)*${value})`;
  const minWithCap = (perUnit: string, cap: string) =>
    `((1-${ranges.hasCap}*(${perUnit}>${cap}))*${perUnit}+${ranges.hasCap}*(${perUnit}>${cap})*${cap})`;
  /**
   * Σ over counted rows of ((volume × fV) × min(1, takeUp × fT)) × perUnit, perUnit = amount × fA
   * or min(rate' × price', cap'), as computeBudgetLine on scaled lines (sensitivity: rate' =
   * min(1, rate × fR), price' = price × fP, cap' = cap × fC) or as simulateBudget's hot path
   * (simulation: perUnit = min((rate × price) × fP, cap)). A factor left out is 1, and left out
   * of the text so the arithmetic stays the core's.
   */
  const rowCosts = (factors: Partial<Record<BudgetParameter, string>>, mode: "sensitivity" | "simulation"): string => {
    const times = (range: string, factor: string | undefined) => (factor ? `(${range}*${factor})` : range);
    const volume = times(ranges.volume, factors.volume);
    const takeUp = factors.takeUp ? clampToOne(times(ranges.takeUp, factors.takeUp)) : ranges.takeUp;
    const amount = times(ranges.amount, factors.amountYuan);
    let ratePrice: string;
    if (mode === "simulation") {
      ratePrice = factors.priceYuan
        ? `((${ranges.rate}*${ranges.price})*${factors.priceYuan})`
        : `(${ranges.rate}*${ranges.price})`;
    } else {
      const rate = factors.rate ? clampToOne(times(ranges.rate, factors.rate)) : ranges.rate;
      ratePrice = `(${rate}*${times(ranges.price, factors.priceYuan)})`;
    }
    const perUnit = `(${ranges.isAmount}*${amount}+(1-${ranges.isAmount})*${minWithCap(ratePrice, times(ranges.cap, factors.capYuan))})`;
    return `SUMPRODUCT(${ranges.line}*((${volume}*${takeUp})*${perUnit}))`;
  };

  blocks.push({
    row: scalarFirstRow - 1,
    column: labelColumn,
    cells: [
      [ctx.text("项目数", "Programs"), { formula: `=MAX(${rowRange("slot")})` }],
      [ctx.text("自定义公式行金额", "Custom-formula rows (yuan)"), { formula: `=SUM(${rowRange("formulaCost")})` }],
      [ctx.text("出错的行", "Rows in error"), { formula: `=SUM(${rowRange("error")})` }],
      [
        ctx.text("基准总额（元）", "Base total (yuan)"),
        { formula: `=${rowCosts({}, "sensitivity")}+${scalar("formulaCost")}` },
      ],
    ],
  });

  // ---- sensitivity grid: every slot × parameter, unsorted, with a unique rank ----
  const changeCell = abs(layout.sensitivityColumn + 1, layout.sensitivityTitleRow + 1);
  const gridTitleRow = matrixFirstRow + slots + 1;
  const gridFirstRow = gridTitleRow + 2;
  const gridRows = slots * PARAMETERS.length;
  const gridLastRow = gridFirstRow + gridRows - 1;
  const gridColumn = (offset: number) => columnLetter(labelColumn + offset);
  const gridRange = (offset: number) => `$${gridColumn(offset)}$${gridFirstRow}:$${gridColumn(offset)}$${gridLastRow}`;
  const G = { slot: 0, name: 1, parameter: 2, applies: 3, low: 4, high: 5, swing: 6, sortKey: 7, rank: 8 } as const;
  const slotMatches = (slot: string) => `(${ranges.slot}=${slot})`;
  const applies = (parameter: BudgetParameter, slot: string): string => {
    switch (parameter) {
      case "volume":
      case "takeUp":
        return `${slot}<=${scalar("programCount")}`;
      case "amountYuan":
        return `SUMPRODUCT(${slotMatches(slot)}*${ranges.isAmount})>0`;
      case "rate":
      case "priceYuan":
        return `SUMPRODUCT(${slotMatches(slot)}*(1-${ranges.isAmount}))>0`;
      case "capYuan":
        return `SUMPRODUCT(${slotMatches(slot)}*(1-${ranges.isAmount})*${ranges.hasCap})>0`;
    }
  };
  const gridCells: CellContent[][] = [];
  for (let slotIndex = 0; slotIndex < slots; slotIndex++) {
    PARAMETERS.forEach((parameter, parameterIndex) => {
      const row = gridFirstRow + slotIndex * PARAMETERS.length + parameterIndex;
      const ref = (offset: number) => `${gridColumn(offset)}${row}`;
      const slot = `$${gridColumn(G.slot)}${row}`;
      // Only the slot's rows move: the factor is f there and exactly 1 elsewhere.
      const factor = (sign: "-" | "+") => `(${slotMatches(slot)}*(1${sign}${changeCell})+(${ranges.slot}<>${slot}))`;
      const total = (sign: "-" | "+") =>
        `=IF(${ref(G.applies)}=1,${rowCosts({ [parameter]: factor(sign) }, "sensitivity")}+${scalar("formulaCost")},"")`;
      const earlier =
        row === gridFirstRow
          ? "0"
          : `SUMPRODUCT(--($${gridColumn(G.sortKey)}$${gridFirstRow}:${gridColumn(G.sortKey)}${row - 1}=${ref(G.sortKey)}))`;
      gridCells.push([
        slotIndex + 1,
        {
          formula: `=IF(${slot}>${scalar("programCount")},"",INDEX(${rowRange("program")},1,MATCH(${slot},${rowRange("slot")},0)))`,
        },
        ctx.text(BUDGET_PARAMETER_LABELS["zh-CN"][parameter], BUDGET_PARAMETER_LABELS["en-US"][parameter]),
        { formula: `=IF(${applies(parameter, slot)},1,0)` },
        { formula: total("-") },
        { formula: total("+") },
        { formula: `=IF(${ref(G.applies)}=1,ABS(${ref(G.high)}-${ref(G.low)}),"")` },
        { formula: `=IF(${ref(G.applies)}=1,${ref(G.swing)},-1)` },
        // Ties keep grid order (program, then parameter), as the core's stable sort.
        { formula: `=SUMPRODUCT(--(${gridRange(G.sortKey)}>${ref(G.sortKey)}))+${earlier}+1` },
      ]);
    });
  }
  blocks.push({
    row: gridTitleRow - 1,
    column: labelColumn,
    cells: [
      [ctx.text("敏感性分析（全部项目 × 参数，未排序）", "Sensitivity (every program × parameter, unsorted)")],
      [
        ctx.text("项目序号", "Slot"),
        ctx.text("项目", "Program"),
        ctx.text("参数", "Parameter"),
        ctx.text("适用", "Applies"),
        ctx.text("下调后总额", "Total, lowered"),
        ctx.text("上调后总额", "Total, raised"),
        ctx.text("摆幅", "Swing"),
        ctx.text("排序值", "Sort key"),
        ctx.text("名次", "Rank"),
      ],
      ...gridCells,
    ],
  });
  numberFormats.push({
    range: `${gridColumn(G.low)}${gridFirstRow}:${gridColumn(G.swing)}${gridLastRow}`,
    format: "#,##0",
  });
  styles.push(
    { range: `${gridColumn(0)}${gridTitleRow}`, bold: true },
    { range: `${gridColumn(0)}${gridTitleRow + 1}:${gridColumn(G.rank)}${gridTitleRow + 1}`, bold: true },
  );

  // ---- the ranked table users read ----
  const tableColumn = layout.sensitivityColumn;
  const titleRow = layout.sensitivityTitleRow;
  const rankedFirstRow = titleRow + 3;
  const pick = (offset: number, at: string) => `INDEX(${gridRange(offset)},${at})`;
  const ranked: CellContent[][] = [];
  for (let rank = 1; rank <= SENSITIVITY_TOP_ROWS; rank++) {
    const at = `MATCH(${rank},${gridRange(G.rank)},0)`;
    const shown = (offset: number, numeric: boolean) => ({
      formula: `=IF(${pick(G.sortKey, at)}<0,"",${numeric ? `IF(${scalar("errors")}>0,NA(),${pick(offset, at)})` : pick(offset, at)})`,
    });
    ranked.push([
      shown(G.name, false),
      shown(G.parameter, false),
      shown(G.low, true),
      shown(G.high, true),
      shown(G.swing, true),
    ]);
  }
  blocks.push({
    row: titleRow - 1,
    column: tableColumn,
    cells: [
      [
        ctx.text(
          "敏感性分析：各参数单独变动时的补贴总额（元），影响最大的在前",
          "Sensitivity: the total (yuan) with one parameter moved, largest swing first",
        ),
      ],
      [
        ctx.text("变动幅度±", "Change ±"),
        SENSITIVITY_CHANGE,
        ctx.text("基准总额", "Base total"),
        { formula: `=IF(${scalar("errors")}>0,NA(),${scalar("baseTotal")})` },
      ],
      [
        ctx.text("项目", "Program"),
        ctx.text("参数", "Parameter"),
        ctx.text("下调后总额", "Total, lowered"),
        ctx.text("上调后总额", "Total, raised"),
        ctx.text("摆幅", "Swing"),
      ],
      ...ranked,
    ],
  });
  const tableLetter = (offset: number) => columnLetter(tableColumn + offset);
  numberFormats.push(
    { range: `${tableLetter(1)}${titleRow + 1}`, format: "0%" },
    { range: `${tableLetter(3)}${titleRow + 1}`, format: "#,##0" },
    {
      range: `${tableLetter(2)}${rankedFirstRow}:${tableLetter(4)}${rankedFirstRow + SENSITIVITY_TOP_ROWS - 1}`,
      format: "#,##0",
    },
  );
  styles.push(
    { range: `${tableLetter(0)}${titleRow}`, bold: true },
    { range: `${tableLetter(0)}${titleRow + 2}:${tableLetter(4)}${titleRow + 2}`, bold: true },
    { range: changeCell.replace(/\$/g, ""), fill: "FFFFF2CC" },
  );
  notes.push({
    cell: `${tableLetter(0)}${titleRow}`,
    text: ctx.text(
      "每次只把一个项目的一个参数在所有年度同时下调、上调变动幅度（申领比例、补贴比例不超过100%），其余不变，重算补贴总额；摆幅 = |上调后 − 下调后|。全部组合及名次见右侧计算区。" +
        (ctx.flavour === "builtin"
          ? "含自定义公式的行需加载项，不计入。"
          : "含自定义公式的行按原金额计入，不参与变动。"),
      "Each row moves one parameter of one program down and up by the change in every year at once (take-up and rate capped at 100%), all else held; swing = |raised − lowered|. Every combination and its rank is in the calculation area to the right." +
        (ctx.flavour === "builtin"
          ? " Rows with a custom formula need the add-in and are left out."
          : " Rows with a custom formula count at their cost and are not moved."),
    ),
  });

  // ---- the .xlsx's Monte Carlo: pre-drawn uniforms, formulas for the rest ----
  let percentiles: CellContent[] | null = null;
  if (ctx.flavour === "builtin") {
    const iterations = SHEET_SIMULATION_ITERATIONS;
    const seed = SHEET_SIMULATION_SEED;
    const simulationTitleRow = gridLastRow + 3;
    const parameterFirstRow = simulationTitleRow + 2;
    const drawHeaderRow = parameterFirstRow + 4;
    const drawFirstRow = drawHeaderRow + 1;
    const drawLastRow = drawFirstRow + iterations - 1;
    const DIMENSIONS = [
      { key: "volume", cell: inputs.ranges.volume, zh: "数量", en: "Volume" },
      { key: "takeUp", cell: inputs.ranges.takeUp, zh: "申领比例", en: "Take-up" },
      { key: "price", cell: inputs.ranges.price, zh: "价格", en: "Price" },
    ] as const;
    // Triangular on [1 − r, 1 + r], mode 1, as random.ts's triangular(): low, high, width, mode − low, high − mode, split.
    const parameter = (dimension: number, offset: number) =>
      abs(firstColumn + offset, parameterFirstRow + 1 + dimension);
    const parameterRows: CellContent[][] = DIMENSIONS.map((dimension, index) => [
      ctx.text(dimension.zh, dimension.en),
      { formula: `=1-${dimension.cell.replace(/(\D+)(\d+)/, "$$$1$$$2")}` },
      { formula: `=1+${dimension.cell.replace(/(\D+)(\d+)/, "$$$1$$$2")}` },
      { formula: `=${parameter(index, 1)}-${parameter(index, 0)}` },
      { formula: `=1-${parameter(index, 0)}` },
      { formula: `=${parameter(index, 1)}-1` },
      { formula: `=IF(${parameter(index, 2)}>0,${parameter(index, 3)}/${parameter(index, 2)},2)` },
    ]);
    const uniformColumn = (dimension: number, slot: number) => firstColumn + dimension * slots + slot;
    const totalColumn = firstColumn + DIMENSIONS.length * slots;
    const factorVector = (dimension: number, row: number): string => {
      const uniforms = `$${columnLetter(uniformColumn(dimension, 0))}${row}:$${columnLetter(uniformColumn(dimension, slots - 1))}${row}`;
      const [low, high, width, modeMinusLow, highMinusMode, split] = [0, 1, 2, 3, 4, 5].map((offset) =>
        parameter(dimension, offset),
      );
      const triangular =
        `((${uniforms}<${split})*(${low}+SQRT(${uniforms}*${width}*${modeMinusLow}))` +
        `+(${uniforms}>=${split})*(${high}-SQRT((1-${uniforms})*${width}*${highMinusMode})))`;
      return `MMULT(${triangular},${matrix})`;
    };
    // Uniforms by slot, then iteration: program k's stream slice, exactly as simulateBudget draws it.
    const uniforms: number[][] = Array.from({ length: iterations }, () => new Array<number>(DIMENSIONS.length * slots));
    for (let slot = 0; slot < slots; slot++) {
      const random = programRandom(seed, slot, iterations);
      for (let iteration = 0; iteration < iterations; iteration++) {
        for (let dimension = 0; dimension < DIMENSIONS.length; dimension++)
          uniforms[iteration][dimension * slots + slot] = random();
      }
    }
    const drawRows: CellContent[][] = uniforms.map((row, iteration) => {
      const sheetRow = drawFirstRow + iteration;
      return [
        iteration + 1,
        ...row,
        {
          formula: `=${rowCosts({ volume: factorVector(0, sheetRow), takeUp: factorVector(1, sheetRow), priceYuan: factorVector(2, sheetRow) }, "simulation")}`,
        },
      ];
    });
    const slotHeaders = (zh: string, en: string) =>
      Array.from({ length: slots }, (_unused, slot) => ctx.text(`${zh}${slot + 1}`, `${en} ${slot + 1}`));
    blocks.push({
      row: simulationTitleRow - 1,
      column: labelColumn,
      cells: [
        [
          ctx.text(
            `模拟抽样（常量）：按随机种子 ${seed}、${iterations} 次预先生成的 [0,1) 均匀随机数（Mulberry32，与加载项 SUBSIDY_SIMULATE 和 npx liangxin budget 相同），每个项目序号每次取数量、申领比例、价格各一个；公式按上方的波动范围换算为三角分布系数并计算每次的补贴总额。`,
            `Monte Carlo draws (constants): uniforms in [0,1) pre-drawn from seed ${seed} for ${iterations} iterations (Mulberry32, as SUBSIDY_SIMULATE and npx liangxin budget), one each for volume, take-up and price per program slot and iteration; formulas turn them into triangular factors from the ranges and compute each draw's total.`,
          ),
        ],
        [
          ctx.text("随机种子", "Seed"),
          seed,
          ctx.text("模拟次数", "Iterations"),
          iterations,
          ctx.text("项目序号数", "Program slots"),
          slots,
        ],
        [
          ctx.text("三角分布", "Triangular"),
          ctx.text("下限", "Low"),
          ctx.text("上限", "High"),
          ctx.text("宽度", "Width"),
          ctx.text("众数−下限", "Mode − low"),
          ctx.text("上限−众数", "High − mode"),
          ctx.text("分界", "Split"),
        ],
        ...parameterRows,
      ],
    });
    blocks.push({
      row: drawHeaderRow - 1,
      column: labelColumn,
      cells: [
        [
          ctx.text("次序", "Draw"),
          ...slotHeaders("数量u", "Volume u"),
          ...slotHeaders("申领u", "Take-up u"),
          ...slotHeaders("价格u", "Price u"),
          ctx.text("补贴总额（元）", "Total (yuan)"),
        ],
        ...drawRows,
      ],
    });
    styles.push(
      { range: `${columnLetter(labelColumn)}${simulationTitleRow}`, bold: true },
      {
        range: `${columnLetter(labelColumn)}${drawHeaderRow}:${columnLetter(totalColumn)}${drawHeaderRow}`,
        bold: true,
      },
    );
    numberFormats.push({
      range: `${columnLetter(totalColumn)}${drawFirstRow}:${columnLetter(totalColumn)}${drawLastRow}`,
      format: "#,##0",
    });

    const totals = `$${columnLetter(totalColumn)}$${drawFirstRow}:$${columnLetter(totalColumn)}$${drawLastRow}`;
    const settingsChanged = `OR(${inputs.ranges.iterations}<>${iterations},${inputs.ranges.seed}<>${seed})`;
    const outsideRange = DIMENSIONS.map((dimension) => `${dimension.cell}<0,${dimension.cell}>1`).join(",");
    percentiles = [0.1, 0.5, 0.9].map((probability, index) => {
      const message = (zh: string, en: string) => (index === 0 ? `"${ctx.text(zh, en)}"` : '""');
      return {
        formula:
          `=IF(${settingsChanged},${message(`本文件按种子${seed}、${iterations}次预先抽样；其他种子或次数请用加载项或 npx liangxin budget`, `Draws are pre-made for seed ${seed}, ${iterations} iterations; use the add-in or npx liangxin budget for others`)},` +
          `IF(${scalar("programCount")}>${slots},${message(`项目超过${slots}个，请用加载项`, `More than ${slots} programs: use the add-in`)},` +
          `IF(OR(${scalar("programCount")}=0,${scalar("errors")}>0,${outsideRange}),NA(),` +
          `PERCENTILE(${totals},${probability}))))`,
      };
    });
  }

  return {
    blocks,
    styles,
    numberFormats,
    notes,
    columnWidths: {
      [columnLetter(tableColumn)]: 26,
      [columnLetter(tableColumn + 1)]: 10,
      [columnLetter(tableColumn + 2)]: 14,
      [columnLetter(tableColumn + 3)]: 14,
      [columnLetter(tableColumn + 4)]: 14,
      [columnLetter(labelColumn)]: 22,
    },
    changeCell: changeCell.replace(/\$/g, ""),
    percentiles,
  };
}
