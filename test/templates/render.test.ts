import * as fs from "fs";
import * as path from "path";
import type { Catalog, Target } from "../../src/core/catalog";
import {
  renderWorkbook,
  sheetByKey,
  inputColumnsOf,
  toOfficeFormulas,
  isFormulaCell,
  SHEET_NAMES,
} from "../../src/workbook";
import type { CellContent, RenderedSheet, RenderedWorkbook } from "../../src/workbook";
import { qualifyCustomFunctions, SHEET_FUNCTIONS } from "../../src/core/sheet/registry";

const catalog = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/catalog-sample.json"), "utf8")) as Catalog;

/** The cell at a 1-based row and column letter, searching every block. */
function cellAt(sheet: RenderedSheet, ref: string): CellContent | undefined {
  const match = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!match) throw new Error(ref);
  const column = match[1].split("").reduce((sum, char) => sum * 26 + char.charCodeAt(0) - 64, 0) - 1;
  const row = Number(match[2]) - 1;
  for (const block of sheet.blocks) {
    const cell = block.cells[row - block.row]?.[column - block.column];
    if (cell !== undefined && cell !== null) return cell;
  }
  return undefined;
}

function columnCell(sheet: RenderedSheet, key: string, dataIndex: number): CellContent | undefined {
  const table = sheet.table;
  if (!table) throw new Error("no table");
  const column = table.columns.find((candidate) => candidate.key === key);
  if (!column) throw new Error(`no column ${key}`);
  return cellAt(sheet, `${column.letter}${table.firstDataRow + dataIndex}`);
}

function formulaOf(cell: CellContent | undefined): string {
  if (cell === undefined || !isFormulaCell(cell)) throw new Error(`not a formula: ${JSON.stringify(cell)}`);
  return cell.formula;
}

describe("renderWorkbook", () => {
  const builtin: RenderedWorkbook = renderWorkbook(catalog, { flavour: "builtin" });
  const addin: RenderedWorkbook = renderWorkbook(catalog, { flavour: "addin" });

  it("has the six sheets with their Chinese names", () => {
    expect(builtin.sheets.map((sheet) => sheet.name)).toEqual([
      "说明",
      "目标总表",
      "年度轨迹",
      "月度填报",
      "部门预警",
      "补贴测算",
    ]);
  });

  it("lists every target in 目标总表 with id, indicator and its source clause, in catalog order", () => {
    const targets = sheetByKey(builtin.sheets, "targets");
    expect(targets.table?.rowKeys).toEqual(catalog.targets.map((target) => target.id));
    catalog.targets.forEach((target, index) => {
      expect(columnCell(targets, "indicator", index)).toBe(target.indicator);
      expect(columnCell(targets, "source", index)).toBe(target.source.text);
    });
  });

  it("puts Chinese headers in the table and English in the row above (swapped for en-US)", () => {
    const targets = sheetByKey(builtin.sheets, "targets");
    const table = targets.table!;
    expect(cellAt(targets, `A${table.headerRow}`)).toBe("编号");
    expect(cellAt(targets, `A${table.headerRow - 1}`)).toBe("ID");
    const baselineLetter = table.columns.find((column) => column.key === "baseline")!.letter;
    expect(cellAt(targets, `${baselineLetter}${table.headerRow}`)).toBe("基期值");
    const english = sheetByKey(renderWorkbook(catalog, { flavour: "builtin", locale: "en-US" }).sheets, "targets");
    expect(cellAt(english, `A${english.table!.headerRow}`)).toBe("ID");
    expect(cellAt(english, `A${english.table!.headerRow - 1}`)).toBe("编号");
  });

  it("has unique table headers on every sheet (Excel tables require it)", () => {
    for (const sheet of builtin.sheets) {
      const headers = sheet.table?.columns.map((column) => column.header) ?? [];
      expect(new Set(headers).size).toBe(headers.length);
    }
  });

  it("computes a growth target's value as baseline × (1 + growth) and required growth with _xlfn.RRI", () => {
    const targets = sheetByKey(builtin.sheets, "targets");
    const letter = (key: string) => targets.table!.columns.find((column) => column.key === key)!.letter;
    const row = targets.table!.firstDataRow; // 示例-01: +25% on 2023
    const targetValue = formulaOf(columnCell(targets, "targetValue", 0));
    expect(targetValue).toContain(`${letter("baseline")}${row}*(1+${letter("normalizedValue")}${row})`);
    const growth = formulaOf(columnCell(targets, "requiredGrowth", 0));
    expect(growth).toContain("_xlfn.RRI(");
    expect(growth).not.toMatch(/(?<!_xlfn\.)RRI\(/);
    expect(formulaOf(columnCell(sheetByKey(addin.sheets, "targets"), "requiredGrowth", 0))).toContain(
      "REQUIRED_GROWTH(",
    );
  });

  it("invents no data: baselines, notes, actuals and report rows start empty", () => {
    // 补贴测算 is prefilled with published national standards (each with its source): not checked here.
    for (const sheet of builtin.sheets) {
      if (!sheet.table || sheet.key === "budget") continue;
      for (const input of sheet.inputColumns) {
        for (let index = 0; index < sheet.table.dataRowCount; index++) {
          expect(columnCell(sheet, input.key, index)).toBeUndefined();
        }
      }
    }
    expect(JSON.stringify(builtin.sheets.filter((sheet) => sheet.key !== "budget"))).not.toContain("示例数据");
  });

  it("labels example rows 示例数据 and writes them only when asked", () => {
    const withExamples = renderWorkbook(catalog, { flavour: "builtin", exampleData: true });
    const reports = sheetByKey(withExamples.sheets, "reports");
    expect(columnCell(reports, "notes", 0)).toBe("示例数据");
    expect(columnCell(reports, "targetId", 0)).toBe("示例-01");
    const targets = sheetByKey(withExamples.sheets, "targets");
    expect(columnCell(targets, "baseline", 0)).toBe(100);
    expect(columnCell(targets, "notes", 0)).toBe("示例数据");
  });

  it("offers dropdowns of target ids and departments in 月度填报, and numbers ≥ 0 for values", () => {
    const reports = sheetByKey(builtin.sheets, "reports");
    const targets = sheetByKey(builtin.sheets, "targets");
    const departments = sheetByKey(builtin.sheets, "departments");
    const byColumn = (key: string) => {
      const letter = reports.table!.columns.find((column) => column.key === key)!.letter;
      return reports.validations.find((validation) =>
        validation.range.startsWith(`${letter}${reports.table!.firstDataRow}:`),
      );
    };
    const lastTargetRow = targets.table!.firstDataRow + catalog.targets.length - 1;
    expect(byColumn("targetId")?.listSource).toBe(`'目标总表'!$A$3:$A$${lastTargetRow}`);
    expect(byColumn("department")?.listSource).toBe(`'部门预警'!$A$3:$A$${2 + departments.table!.dataRowCount}`);
    expect(byColumn("reportedValue")).toMatchObject({ type: "decimal", min: 0 });
    expect(byColumn("basis")?.listValues).toEqual(["累计", "水平"]);
    expect(departments.table!.rowKeys).toEqual([
      "市发展和改革委员会",
      "市商务局",
      "市工业和信息化局",
      "市住房和城乡建设局",
      "市交通运输局",
      "市公安局",
      "市城市管理局",
      "市生态环境局",
    ]);
  });

  it("colours 月度填报 status by label, in both languages", () => {
    const reports = sheetByKey(builtin.sheets, "reports");
    const statusLetter = reports.table!.columns.find((column) => column.key === "status")!.letter;
    const format = reports.conditionalFormats.find((candidate) => candidate.range.startsWith(statusLetter));
    expect(format?.rules.map((rule) => rule.formula)).toEqual([
      `=OR(${statusLetter}3="落后",${statusLetter}3="Behind")`,
      `=OR(${statusLetter}3="预警",${statusLetter}3="At risk")`,
      `=OR(${statusLetter}3="正常",${statusLetter}3="On track")`,
    ]);
    expect(format?.rules[0].fill).toBe("FFFFC7CE");
  });

  it("uses the custom functions in the add-in flavour and built-ins only in the file flavour", () => {
    const customFunctions = /\b(TRAJECTORY|TARGET_GAP|TARGET_STATUS|REQUIRED_GROWTH|LAGGARDS)\(/;
    const formulas = (workbook: RenderedWorkbook) =>
      workbook.sheets.flatMap((sheet) =>
        sheet.blocks.flatMap((block) =>
          block.cells
            .flat()
            .filter(isFormulaCell)
            .map((cell) => cell.formula),
        ),
      );
    expect(formulas(builtin).filter((formula) => customFunctions.test(formula))).toEqual([]);
    const addinFormulas = formulas(addin).join("\n");
    for (const name of [
      "TRAJECTORY(",
      "TARGET_GAP(",
      "TARGET_STATUS(",
      "REQUIRED_GROWTH(",
      "LAGGARDS(",
      "SUBSIDY_COST(",
    ])
      expect(addinFormulas).toContain(`LX.${name}`);
    // Functions newer than Excel 2007 carry their prefix, or LibreOffice and older Excel show #NAME?.
    expect(formulas(builtin).join("\n")).not.toMatch(/(?<!_xlfn\.)\b(MINIFS|MAXIFS|RRI)\(/);
  });

  it("writes every custom-function call of the add-in flavour as LX.NAME(…), which works in an Excel without LAMBDA", () => {
    // Review finding 10: bare TARGET_GAP(…) needs the LAMBDA workbook names; Excel 2019/2021 showed #NAME? in every computed cell.
    const names = Object.keys(SHEET_FUNCTIONS);
    const bare = new RegExp(`(?<![A-Za-z0-9_.])(${names.join("|")})\\(`);
    const addinFormulas = addin.sheets.flatMap((sheet) =>
      sheet.blocks.flatMap((block) =>
        block.cells
          .flat()
          .filter(isFormulaCell)
          .map((cell) => cell.formula),
      ),
    );
    expect(addinFormulas.filter((formula) => bare.test(formula))).toEqual([]);
    const called = new Set(
      addinFormulas.flatMap((formula) => [...formula.matchAll(/LX\.([A-Z_]+)\(/g)].map((match) => match[1])),
    );
    expect([...called].filter((name) => !names.includes(name))).toEqual([]);
    expect(called.size).toBeGreaterThanOrEqual(8); // trajectory, gap, status, growth, laggards and the subsidy functions
  });

  it("keeps targets a reload carries over, marked 已移出目录", () => {
    const dropped: Target = { ...catalog.targets[0], id: "示例-99", indicator: "已删除的指标" };
    const rendered = renderWorkbook(catalog, { flavour: "addin", keptTargets: [dropped] });
    const targets = sheetByKey(rendered.sheets, "targets");
    expect(targets.table!.rowKeys.at(-1)).toBe("示例-99");
    expect(columnCell(targets, "catalogState", catalog.targets.length)).toBe("已移出目录");
    expect(columnCell(targets, "catalogState", 0)).toBeUndefined();
  });

  it("exports the input columns a reload must preserve, by header", () => {
    expect(inputColumnsOf("targets").map((column) => column.header)).toEqual(["基期值", "备注"]);
    expect(inputColumnsOf("reports").map((column) => column.header)).toEqual([
      "期间",
      "部门",
      "目标编号",
      "填报值",
      "口径",
      "备注",
    ]);
    expect(inputColumnsOf("trajectory").map((column) => column.header)).toEqual([
      "2024年实际",
      "2025年实际",
      "2026年实际",
      "2027年实际",
    ]);
  });

  it("declares a trajectory line chart and a department bar chart on their sheets", () => {
    const charts = builtin.charts.filter((chart) => chart.sheet !== SHEET_NAMES.budget.zh);
    expect(charts.map((chart) => [chart.sheet, chart.type])).toEqual([
      [SHEET_NAMES.trajectory.zh, "line"],
      [SHEET_NAMES.departments.zh, "bar"],
    ]);
    expect(builtin.charts[0].series.map((series) => series.values)).toEqual([
      "'年度轨迹'!$B$4:$F$4",
      "'年度轨迹'!$B$5:$F$5",
    ]);
  });

  it("shows the plan's title and document number in 说明", () => {
    const guide = sheetByKey(builtin.sheets, "guide");
    const texts = guide.blocks.flatMap((block) => block.cells.flat());
    expect(texts).toContain(catalog.plan.title);
    expect(texts).toContain("示政〔2024〕1号");
  });

  it("renders an empty catalog with one empty row per keyed table instead of failing", () => {
    const empty = renderWorkbook(
      { plan: catalog.plan, targets: [], warnings: ["没有找到目标"] },
      { flavour: "builtin" },
    );
    expect(sheetByKey(empty.sheets, "targets").table!.dataRowCount).toBe(1);
    expect(sheetByKey(empty.sheets, "guide").blocks[0].cells.flat()).toContain("没有找到目标");
  });
});

describe("qualifyCustomFunctions", () => {
  it("prefixes bare calls of registered functions with LX., whatever their case", () => {
    expect(qualifyCustomFunctions('=IF(A3="","",TARGET_GAP(A3,N(B3),C3,D3,E3))')).toBe(
      '=IF(A3="","",LX.TARGET_GAP(A3,N(B3),C3,D3,E3))',
    );
    expect(qualifyCustomFunctions("=laggards(A:A,B:B)+Trajectory(1,2,2025)")).toBe(
      "=LX.LAGGARDS(A:A,B:B)+LX.TRAJECTORY(1,2,2025)",
    );
  });

  it("leaves qualified calls, longer names, built-ins, string literals and quoted sheet names alone", () => {
    const untouched = [
      "=LX.TARGET_GAP(1,2,3,4)",
      "=MY_TRAJECTORY(1)+_xlfn.RRI(4,1,2)+TRAJECTORY_X(1)",
      '="TARGET_GAP(x)"&A1',
      "='TRAJECTORY(old)'!A1",
      "=TRAJECTORY", // a name, not a call
    ];
    for (const formula of untouched) expect(qualifyCustomFunctions(formula)).toBe(formula);
    expect(qualifyCustomFunctions('="a""TRAJECTORY(""b"&TRAJECTORY(1,2,3)')).toBe(
      '="a""TRAJECTORY(""b"&LX.TRAJECTORY(1,2,3)',
    );
  });
});

describe("toOfficeFormulas", () => {
  it("keeps literal text that looks like a formula as text", () => {
    expect(toOfficeFormulas([["=", ">=", { formula: "=1+1" }, null, 3]])).toEqual([["'=", ">=", "=1+1", "", 3]]);
  });
});
