import { mergeSheet, shiftFormulaRows, type MergeTableLayout, type SheetCell } from "../../src/workbook/merge";

// A small 目标总表-like sheet: title in row 1, headers in row 2, data from row 3.
// Columns: A 编号 (key), B 指标 (catalog), C 目标值 (catalog), D 基期值 (input), E 目标年值 (formula), F 备注 (input).
const COLUMNS: MergeTableLayout["columns"] = [
  { key: "id", header: "编号", headerEn: "ID", role: "catalog", letter: "A" },
  { key: "indicator", header: "指标", headerEn: "Indicator", role: "catalog", letter: "B" },
  { key: "value", header: "目标值", headerEn: "Value", role: "catalog", letter: "C" },
  { key: "baseline", header: "基期值", headerEn: "Baseline", role: "input", letter: "D" },
  { key: "targetValue", header: "目标年值", headerEn: "Target value", role: "formula", letter: "E" },
  { key: "notes", header: "备注", headerEn: "Notes", role: "input", letter: "F" },
];
const HEADER = COLUMNS.map((column) => column.header);

function renderTargets(targets: Array<[id: string, indicator: string, value: number]>): {
  cells: SheetCell[][];
  layout: MergeTableLayout;
} {
  const cells: SheetCell[][] = [["目标总表", "", "", "", "", ""], [...HEADER]];
  targets.forEach(([id, indicator, value], index) => {
    const row = index + 3;
    cells.push([id, indicator, value, "", `=D${row}*(1+C${row})`, ""]);
  });
  return {
    cells,
    layout: {
      headerRow: 2,
      firstDataRow: 3,
      dataRowCount: targets.length,
      columns: COLUMNS,
      rowKeyColumn: "id",
      rowKeys: targets.map(([id]) => id),
    },
  };
}

const existingFrom = (formulas: SheetCell[][]) => ({ formulas, rowIndex: 0, columnIndex: 0 });

describe("mergeSheet", () => {
  it("writes the rendered sheet unchanged into a new sheet and reports every row as new", () => {
    const { cells, layout } = renderTargets([["南平-01", "二手车交易量", 0.45]]);
    const merged = mergeSheet(cells, layout, null);
    expect(merged.cells).toEqual(cells);
    expect(merged.tableRange).toBe("A2:F3");
    expect(merged.report.newRowKeys).toEqual(["南平-01"]);
  });

  it("updates changed catalog values and keeps the baseline and notes typed for each target, even when targets move", () => {
    const before = renderTargets([
      ["南平-01", "二手车交易量", 0.45],
      ["南平-02", "报废汽车回收量", 1],
    ]).cells;
    before[2][3] = 3500; // 南平-01 (sheet row 3)
    before[2][5] = "统计局口径";
    before[3][3] = 8000;
    // The new catalog inserts a target before both and revises 南平-02's value.
    const { cells, layout } = renderTargets([
      ["南平-00", "设备投资", 0.25],
      ["南平-01", "二手车交易量", 0.45],
      ["南平-02", "报废汽车回收量", 1.2],
    ]);
    const merged = mergeSheet(cells, layout, existingFrom(before), { previousRowKeys: ["南平-01", "南平-02"] });
    expect(merged.cells[3]).toEqual(["南平-01", "二手车交易量", 0.45, 3500, "=D4*(1+C4)", "统计局口径"]);
    expect(merged.cells[4]).toEqual(["南平-02", "报废汽车回收量", 1.2, 8000, "=D5*(1+C5)", ""]);
    expect(merged.cells[2][3]).toBe(""); // the new target's baseline is left for the user
    expect(merged.report).toMatchObject({ matchedRows: 2, keptInputCells: 3, keptRows: 0, newRowKeys: ["南平-00"] });
  });

  it("moves a baseline typed as a formula with its row", () => {
    const before = renderTargets([["南平-01", "二手车交易量", 0.45]]).cells;
    before[2][3] = "=H3*1.1"; // user's own working to the right
    const { cells, layout } = renderTargets([
      ["南平-00", "设备投资", 0.25],
      ["南平-01", "二手车交易量", 0.45],
    ]);
    const merged = mergeSheet(cells, layout, existingFrom(before), { previousRowKeys: ["南平-01"] });
    expect(merged.cells[3][3]).toBe("=H4*1.1");
  });

  it("keeps a row the add-in wrote whose key disappeared when it still holds input, and drops it when it holds none", () => {
    const before = renderTargets([
      ["南平-01", "二手车交易量", 0.45],
      ["南平-02", "报废汽车回收量", 1],
      ["南平-03", "家电回收量", 0.3],
    ]).cells;
    before[3][5] = "已与商务局核对";
    const { cells, layout } = renderTargets([["南平-01", "二手车交易量", 0.45]]);
    const merged = mergeSheet(cells, layout, existingFrom(before), {
      previousRowKeys: ["南平-01", "南平-02", "南平-03"],
    });
    expect(merged.cells[3]).toEqual(["南平-02", "报废汽车回收量", 1, "", "=D4*(1+C4)", "已与商务局核对"]);
    expect(merged.cells[4]).toEqual(["", "", "", "", "", ""]); // 南平-03 had no input: cleared
    expect(merged.tableRange).toBe("A2:F4");
    expect(merged.report.keptRows).toBe(1);
  });

  it("keeps rows the user added to the table, whole, below the targets", () => {
    const before = renderTargets([["南平-01", "二手车交易量", 0.45]]).cells;
    before.push(["自定-01", "充电桩数量", 500, 20, "=D4*2", "区里自加的目标"]);
    const { cells, layout } = renderTargets([
      ["南平-01", "二手车交易量", 0.45],
      ["南平-02", "报废汽车回收量", 1],
    ]);
    const merged = mergeSheet(cells, layout, existingFrom(before), { previousRowKeys: ["南平-01"] });
    expect(merged.cells[4]).toEqual(["自定-01", "充电桩数量", 500, 20, "=D5*2", "区里自加的目标"]);
    expect(merged.dataRowCount).toBe(3);
    expect(merged.tableRange).toBe("A2:F5");
  });

  it("carries a column the user added with its rows", () => {
    const before = renderTargets([
      ["南平-01", "二手车交易量", 0.45],
      ["南平-02", "报废汽车回收量", 1],
    ]).cells;
    before[1].push("联系人");
    before[2].push("张三");
    before[3].push("李四");
    const { cells, layout } = renderTargets([
      ["南平-02", "报废汽车回收量", 1],
      ["南平-01", "二手车交易量", 0.45],
    ]);
    const merged = mergeSheet(cells, layout, existingFrom(before), { previousRowKeys: ["南平-01", "南平-02"] });
    expect(merged.cells[1][6]).toBe("联系人");
    expect(merged.cells[2][6]).toBe("李四");
    expect(merged.cells[3][6]).toBe("张三");
    expect(merged.report.userColumns).toEqual(["联系人"]);
    expect(merged.tableRange).toBe("A2:G4");
  });

  it("places inputs of free rows (月度填报) by position and finds the table wherever the used range starts", () => {
    const layout: MergeTableLayout = {
      headerRow: 1,
      firstDataRow: 2,
      dataRowCount: 3,
      columns: [
        { key: "period", header: "期间", headerEn: "Period", role: "input", letter: "A" },
        { key: "value", header: "填报值", headerEn: "Value", role: "input", letter: "B" },
        { key: "gap", header: "差距", headerEn: "Gap", role: "formula", letter: "C" },
      ],
      rowKeys: [],
    };
    const rendered: SheetCell[][] = [
      ["期间", "填报值", "差距"],
      ["", "", "=B2-1"],
      ["", "", "=B3-1"],
      ["", "", "=B4-1"],
    ];
    const existing = {
      formulas: [
        ["期间", "填报值", "差距"],
        ["2025-06", 35, "=B2-2"],
        ["", "", "=B3-2"],
      ],
      rowIndex: 0,
      columnIndex: 0,
    };
    const merged = mergeSheet(rendered, layout, existing);
    expect(merged.cells[1]).toEqual(["2025-06", 35, "=B2-1"]); // formula column rewritten, inputs kept
    expect(merged.cells[2]).toEqual(["", "", "=B3-1"]);
    const offset = mergeSheet(rendered, layout, { formulas: [["2025-05", 12, ""]], rowIndex: 1, columnIndex: 0 });
    // Without a header row in the used range there is nothing to match: the rendered sheet is written.
    expect(offset.cells[1]).toEqual(["", "", "=B2-1"]);
  });

  it("clears what is left of a longer old table and leaves cells outside it alone", () => {
    const before = renderTargets([
      ["南平-01", "二手车交易量", 0.45],
      ["南平-02", "报废汽车回收量", 1],
    ]).cells;
    const { cells, layout } = renderTargets([["南平-01", "二手车交易量", 0.45]]);
    const merged = mergeSheet(cells, layout, existingFrom(before), { previousRowKeys: ["南平-01", "南平-02"] });
    expect(merged.cells).toHaveLength(4);
    expect(merged.cells[3]).toEqual(["", "", "", "", "", ""]);
    const wider = renderTargets([["南平-01", "二手车交易量", 0.45]]);
    const withFarNote = before.map((row) => [...row, "", "", ""]);
    withFarNote[0][8] = "我的笔记"; // I1, outside the table: must not be touched
    const kept = mergeSheet(wider.cells, wider.layout, existingFrom(withFarNote), {
      previousRowKeys: ["南平-01", "南平-02"],
    });
    expect(kept.cells[0][8]).toBeNull();
  });

  it("without saved keys, keeps a keyed row it cannot place rather than dropping it", () => {
    const before = renderTargets([["旧-01", "旧指标", 1]]).cells;
    const { cells, layout } = renderTargets([["南平-01", "二手车交易量", 0.45]]);
    const merged = mergeSheet(cells, layout, existingFrom(before));
    expect(merged.cells[3][0]).toBe("旧-01");
  });
});

describe("shiftFormulaRows", () => {
  it("moves relative rows and leaves absolute rows, quoted text and sheet names alone", () => {
    expect(shiftFormulaRows("=B3+$B$1+'目标总表'!C3", 2)).toBe("=B5+$B$1+'目标总表'!C5");
    expect(shiftFormulaRows('=IF(A3="A3",LOG10(B3),0)', 1)).toBe('=IF(A4="A3",LOG10(B4),0)');
    expect(shiftFormulaRows("=SUM(D3:D9)", -1)).toBe("=SUM(D2:D8)");
    expect(shiftFormulaRows("=LX.TARGET_GAP(D3,E3,F3,G3)", 1)).toBe("=LX.TARGET_GAP(D4,E4,F4,G4)");
    expect(shiftFormulaRows("=B$3+B3", 1)).toBe("=B$3+B4");
  });

  it("turns a reference moved above row 1 into #REF! and leaves literals unchanged", () => {
    expect(shiftFormulaRows("=A1", -1)).toBe("=#REF!");
    expect(shiftFormulaRows("A3 text", 5)).toBe("A3 text");
    expect(shiftFormulaRows(42, 5)).toBe(42);
  });
});

describe("mergeSheet with a second-language header row and single input cells", () => {
  it("finds the table under its English header row and keeps a typed selector cell", () => {
    const layout: MergeTableLayout = {
      headerRow: 3,
      firstDataRow: 4,
      dataRowCount: 1,
      columns: [
        { key: "id", header: "编号", headerEn: "ID", role: "catalog", letter: "A" },
        { key: "baseline", header: "基期值", headerEn: "Baseline", role: "input", letter: "B" },
      ],
      rowKeyColumn: "id",
      rowKeys: ["南平-01"],
    };
    const rendered: SheetCell[][] = [
      ["选择目标", "南平-01"],
      ["ID", "Baseline"],
      ["编号", "基期值"],
      ["南平-01", ""],
    ];
    const existing: SheetCell[][] = [
      ["选择目标", "南平-05"],
      ["ID", "Baseline"],
      ["编号", "基期值"],
      ["南平-01", 77],
    ];
    const merged = mergeSheet(rendered, layout, existingFrom(existing), {
      previousRowKeys: ["南平-01"],
      inputCells: ["B1"],
    });
    expect(merged.cells[3]).toEqual(["南平-01", 77]);
    expect(merged.cells[0][1]).toBe("南平-05");
  });

  it("keeps input cells on a sheet without a table", () => {
    const merged = mergeSheet(
      [["容差", 0.1]],
      null,
      existingFrom([
        ["容差", 0.05],
        ["", "my note"],
      ]),
      { inputCells: ["B1"] },
    );
    expect(merged.cells).toEqual([["容差", 0.05]]);
  });
});
