import { checkReports, RESULT_ANCHOR } from "../../src/office/excel/checkReports";
import { renderedGrid } from "../../src/office/excel/sheetBuilder";
import { stateToCells, stateToXml } from "../../src/workbook";
import { renderWorkbook, sheetByKey } from "../../src/workbook";
import { exampleCatalog } from "./helpers";

type Cell = string | number | boolean;

/**
 * A minimal Excel host: sheets as value grids; a loaded property can be read only after
 * context.sync() (as in Office.js), and writes are recorded per sheet.
 */
function fakeExcel(grids: Record<string, Cell[][]>, stateXml: string | null) {
  let syncs = 0;
  const writes: Array<{ sheet: string; row: number; column: number; property: string; value: unknown }> = [];
  const afterSync = <T>(value: T) => {
    const loadedAt = syncs;
    return () => {
      if (syncs <= loadedAt) throw new Error("read before context.sync()");
      return value;
    };
  };
  const sheet = (name: string) => ({
    name,
    getUsedRangeOrNullObject: () => {
      const grid = grids[name] ?? [];
      const values = afterSync(grid);
      return {
        load: () => undefined,
        get isNullObject() {
          return values().length === 0;
        },
        get values() {
          return values();
        },
        get rowIndex() {
          values();
          return 0;
        },
        get columnIndex() {
          values();
          return 0;
        },
        get rowCount() {
          return values().length;
        },
        get columnCount() {
          return Math.max(0, ...values().map((row) => row.length));
        },
      };
    },
    getRange: (address: string) => {
      const match = /^([A-Z])(\d+)$/.exec(address) as RegExpExecArray;
      const value = afterSync(grids[name]?.[Number(match[2]) - 1]?.[match[1].charCodeAt(0) - 65] ?? "");
      return {
        load: () => undefined,
        get values() {
          return [[value()]];
        },
      };
    },
    getRangeByIndexes: (row: number, column: number, rowCount = 1, columnCount = 1) => {
      const record = (property: string, value: unknown) => writes.push({ sheet: name, row, column, property, value });
      // A read of a band (检查月报 reads 月度填报 in bands): the grid's cells, padded like Excel's.
      const band = afterSync(
        (grids[name] ?? [])
          .slice(row, row + rowCount)
          .map((cells) => Array.from({ length: columnCount }, (_, index) => cells[column + index] ?? "")),
      );
      return {
        load: () => undefined,
        get values(): unknown {
          return band();
        },
        clear: () => record("clear", true),
        set numberFormat(value: unknown) {
          record("numberFormat", value);
        },
        set values(value: unknown) {
          record("values", value);
        },
        format: {
          font: {
            set bold(value: boolean) {
              record("bold", value);
            },
          },
        },
      };
    },
    activate: () => writes.push({ sheet: name, row: 0, column: 0, property: "activate", value: true }),
  });
  const names = Object.keys(grids);
  const itemsAfterSync = afterSync(names.map((name) => ({ name })));
  const context = {
    workbook: {
      worksheets: {
        load: () => undefined,
        get items() {
          return itemsAfterSync();
        },
        getItem: sheet,
        add: sheet,
      },
      customXmlParts: {
        getByNamespace: () => {
          const items = afterSync(
            stateXml === null
              ? []
              : [
                  {
                    id: "1",
                    getXml: () => {
                      const xml = afterSync(stateXml);
                      return {
                        get value() {
                          return xml();
                        },
                      };
                    },
                  },
                ],
          );
          return {
            load: () => undefined,
            get items() {
              return items();
            },
          };
        },
      },
    },
    sync: async () => {
      syncs++;
    },
  };
  return { context: context as unknown as Excel.RequestContext, writes, syncCount: () => syncs };
}

/** The workbook the add-in writes for the example catalog: its header rows, then the rows a user typed (示例数据). */
function workbookGrids(reportRows: Cell[][], baselineById: Record<string, number>): Record<string, Cell[][]> {
  const rendered = renderWorkbook(exampleCatalog(), { flavour: "addin", locale: "zh-CN" });
  const grid = (key: "targets" | "reports" | "guide" | "departments") =>
    renderedGrid(sheetByKey(rendered.sheets, key)) as Cell[][];
  const targets = grid("targets");
  const baselineColumn = targets[1].indexOf("基期值");
  for (const row of targets.slice(2))
    if (typeof row[0] === "string" && baselineById[row[0]] !== undefined) row[baselineColumn] = baselineById[row[0]];
  const reports = grid("reports").slice(0, 2);
  const width = reports[0].length;
  for (const row of reportRows) reports.push([...row, ...Array(width - row.length).fill("")]);
  // Pre-formatted blank rows below the typed ones are part of the used range too.
  for (let index = 0; index < 5; index++) reports.push(Array(width).fill(""));
  return { 说明: grid("guide"), 目标总表: targets, 月度填报: reports, 部门预警: grid("departments") };
}

describe("checkReports (检查月报 in the add-in)", () => {
  const catalog = exampleCatalog();
  const state = stateToXml({ version: 1, city: null, targets: catalog.targets, rowKeys: {}, loadedAt: "" });
  const typed: Cell[][] = [
    ["2025-06", "市商务局", "示例-02", 1200, "累计"], // row 3: behind (gap −15%)
    ["2025-06", "市住房和城乡建设局", "示例-05", 150, ""], // row 4: on track
    ["2025-06", "市商务局", "示例-99", 5, ""], // row 5: unknown target
    ["2025-06", "市工业和信息化局", "示例-04", "很多", ""], // row 6: text value
  ];

  it("checks 月度填报 with 目标总表's baselines in four round trips and writes the result block to 部门预警", async () => {
    const excel = fakeExcel(workbookGrids(typed, { "示例-02": 2000, "示例-04": 0.4 }), state);
    const result = await checkReports(excel.context);
    // Extents and small ranges, 月度填报's cells (one band at this size), then the result block.
    expect(result).toEqual({ checked: 2, rejected: 2, behind: 1, syncs: 4 });
    expect(excel.syncCount()).toBe(4);

    const values = excel.writes.find((write) => write.property === "values");
    expect(values).toMatchObject({ sheet: "部门预警", row: RESULT_ANCHOR.row, column: RESULT_ANCHOR.column });
    const block = values?.value as Array<Array<string | number | null>>;
    const text = block.map((row) => row.map((cell) => cell ?? "").join("|"));
    expect(text[0]).toMatch(/^检查月报结果/);
    expect(text[1]).toContain("读取 4 行，检查 2 行，退回 2 行；落后目标 1 个");
    // League table: 市商务局 (1 behind) above 市住房和城乡建设局.
    const league = text.findIndex((line) => line.startsWith("部门|落后|预警|正常"));
    expect(block[league + 1].slice(0, 4)).toEqual(["市商务局", 1, 0, 0]);
    expect(block[league + 2].slice(0, 4)).toEqual(["市住房城乡建设局", 0, 0, 1]);
    // Rejected rows keep the sheet's own row numbers.
    const rejected = text.findIndex((line) => line.startsWith("退回的行"));
    expect(block[rejected + 2].slice(0, 2)).toEqual([5, "未知目标编号“示例-99”"]);
    expect(block[rejected + 3].slice(0, 2)).toEqual([6, "填报值“很多”不是数字"]);
    // Periods stay text, gaps are percentages.
    const formats = excel.writes.find((write) => write.property === "numberFormat")?.value as string[][];
    const behindRow = text.findIndex((line) => line.startsWith("市商务局|示例-02"));
    expect(block[behindRow][3]).toBe("2025-06");
    expect(formats[behindRow][3]).toBe("@");
    expect(formats[behindRow][6]).toBe("0.0%");
    // The previous result is cleared first, in the same batch.
    expect(excel.writes.findIndex((write) => write.property === "clear")).toBeLessThan(
      excel.writes.findIndex((write) => write.property === "values"),
    );
  });

  it("reads a large 月度填报 in bands, each response within 1 MB, so Excel on the web never refuses it", async () => {
    // 40,000 rows of ~60 bytes: ~2.4 MB of cells, over the budget of one response.
    const many: Cell[][] = Array.from({ length: 40_000 }, () => ["2025-06", "市商务局", "示例-02", 1200, "累计"]);
    const excel = fakeExcel(workbookGrids(many, { "示例-02": 2000 }), state);
    const result = await checkReports(excel.context);
    expect(result.checked + result.rejected).toBeGreaterThan(0);
    expect(result.syncs).toBeGreaterThanOrEqual(5); // at least three bands between the first and the last sync
  });

  it("reports a missing baseline in 目标总表 as a rejected row, never guessing", async () => {
    const excel = fakeExcel(workbookGrids([typed[0]], {}), state);
    const result = await checkReports(excel.context);
    expect(result).toMatchObject({ checked: 0, rejected: 1 });
    const block = excel.writes.find((write) => write.property === "values")?.value as unknown[][];
    expect(block.some((row) => row[0] === 3 && String(row[1]).includes("缺少基期值"))).toBe(true);
  });

  it("reads the targets from the very-hidden copy when the custom XML part is gone", async () => {
    const grids = workbookGrids(typed, { "示例-02": 2000, "示例-04": 0.4 });
    const cells = stateToCells({ version: 1, city: null, targets: catalog.targets, rowKeys: {}, loadedAt: "" });
    const excel = fakeExcel({ ...grids, liangxin_state: cells.map((cell) => [cell]) }, null);
    const result = await checkReports(excel.context);
    expect(result.checked).toBeGreaterThan(0);
  });

  it("says what to do when no city has been loaded", async () => {
    const excel = fakeExcel(workbookGrids(typed, {}), null);
    await expect(checkReports(excel.context)).rejects.toThrow("请先在任务窗格选择城市并载入");
  });
});
