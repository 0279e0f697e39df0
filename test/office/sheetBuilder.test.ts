import type { Catalog, Target } from "../../src/core/catalog";
import { loadCatalogIntoWorkbook, SheetNameClashError, type LoadOptions } from "../../src/office/excel/sheetBuilder";
import { bareNameDefinitions } from "../../src/office/functions/names";
import { renderWorkbook } from "../../src/workbook";
import sample from "../fixtures/catalog-sample.json";
import { createFakeExcel, type FakeExcel } from "../../measure/fakeExcel";
import { STATE_SHEET_NAME, SYNC_PAYLOAD_LIMIT } from "../../src/workbook";

/** Sheet tabs a user sees, in order. */
const visibleSheets = (excel: FakeExcel) =>
  [...excel.sheets.values()].filter((sheet) => sheet.visibility === "Visible").map((sheet) => sheet.name);
import { openXlsxAsFake } from "./xlsxWorkbook";
import { stateFromXml, stateToXml } from "../../src/workbook/workbookState";
import { writeWorkbookXlsx } from "../../src/xlsx";

const SAMPLE = sample as unknown as Catalog;
const OPTIONS: LoadOptions = { render: renderWorkbook, bareNames: () => bareNameDefinitions("LX"), city: "示例" };

/** A catalog of `count` targets, cycling through the sample's kinds, ids 测试-001…. */
function catalogOf(count: number): Catalog {
  const targets: Target[] = Array.from({ length: count }, (_, index) => ({
    ...SAMPLE.targets[index % SAMPLE.targets.length],
    id: `测试-${String(index + 1).padStart(3, "0")}`,
  }));
  return { ...SAMPLE, targets };
}

// 目标总表 layout (templates/targets.ts): English header row 1, header row 2, data from row 3;
// A 编号, D 指标, I 数值, Q 计量单位, R 基期值 (input), S 目标值 formula, V 备注 (input), W 目录状态.
const TARGETS = "目标总表";
const REPORTS = "月度填报";
const COLUMN = {
  id: 0,
  indicator: 3,
  value: 8,
  lead: 14,
  unitOfFigures: 16,
  baseline: 17,
  targetValue: 18,
  unitCheck: 20,
  notes: 21,
  catalogState: 22,
};
/** 月度填报: A 期间, B 部门, C 目标编号, D 填报值, E 计量单位, F 口径, G 备注, H 轨迹值, I 差距. */
const REPORT_COLUMN = { gap: 8 };

describe("loadCatalogIntoWorkbook", () => {
  it("writes every sheet, with headers, formulas, empty input columns and a table, into a new workbook", async () => {
    const excel = createFakeExcel();
    const result = await loadCatalogIntoWorkbook(excel.context, SAMPLE, OPTIONS);

    expect(visibleSheets(excel)).toEqual(["说明", "目标总表", "年度轨迹", "月度填报", "部门预警", "补贴测算"]);
    // The state's second copy sits in a sheet the user never sees.
    expect(excel.sheets.get(STATE_SHEET_NAME)?.visibility).toBe("VeryHidden");
    expect(excel.cell(TARGETS, 2, COLUMN.id)).toBe("编号");
    expect(excel.cell(TARGETS, 2, COLUMN.baseline)).toBe("基期值");
    expect(excel.cell(TARGETS, 3, COLUMN.id)).toBe("示例-01");
    expect(excel.cell(TARGETS, 3, COLUMN.indicator)).toBe("设备投资");
    expect(excel.cell(TARGETS, 3, COLUMN.baseline)).toBe(""); // the planner types the 2023 baseline
    expect(String(excel.cell(TARGETS, 3, COLUMN.targetValue))).toBe('=IF(OR(R3="",K3=""),"",R3*(1+K3))'); // 设备投资 +25%: baseline × (1 + growth)
    expect(excel.sheets.get(TARGETS)?.tables).toEqual([
      expect.objectContaining({ name: "LX_Targets", range: "A2:X12" }),
    ]);
    expect(excel.sheets.get(TARGETS)?.marker).toBe("targets");
    // Report formulas use the custom functions (bare names, defined as workbook names below).
    expect(String(excel.cell(REPORTS, 3, REPORT_COLUMN.gap))).toContain("TARGET_GAP(");
    expect(excel.suspended).toBeGreaterThanOrEqual(1);
    expect(result.namesAdded).toBe(bareNameDefinitions("LX").length);
    expect(excel.names.get("TARGET_GAP")).toMatch(/^=LAMBDA\(.*LX\.TARGET_GAP\(/);
    expect(result.sheets.every((sheet) => sheet.created)).toBe(true);
  });

  it("keeps the user's baselines, notes and monthly figures on reload, updates changed values and marks removed targets", async () => {
    const excel = createFakeExcel();
    await loadCatalogIntoWorkbook(excel.context, SAMPLE, OPTIONS);
    excel.type(TARGETS, 3, COLUMN.baseline, 3500); // 示例-01
    excel.type(TARGETS, 4, COLUMN.notes, "口径待统计局确认"); // 示例-02
    excel.type(TARGETS, 4, COLUMN.baseline, 800); // 示例-02, about to leave the catalog
    excel.type(REPORTS, 3, 0, "2025-06");
    excel.type(REPORTS, 3, 1, "市商务局");
    excel.type(REPORTS, 3, 2, "示例-01");
    excel.type(REPORTS, 3, 3, 2100);

    // The new catalog drops 示例-02 and raises 示例-01's target.
    const revised: Catalog = {
      ...SAMPLE,
      targets: SAMPLE.targets
        .filter((target) => target.id !== "示例-02")
        .map((target) => (target.id === "示例-01" ? { ...target, value: 30, normalizedValue: 0.3 } : target)),
    };
    const result = await loadCatalogIntoWorkbook(excel.context, revised, OPTIONS);

    expect(excel.cell(TARGETS, 3, COLUMN.id)).toBe("示例-01");
    expect(excel.cell(TARGETS, 3, COLUMN.value)).toBe(30);
    expect(excel.cell(TARGETS, 3, COLUMN.baseline)).toBe(3500);
    // 示例-02 moved below the catalog's targets, kept with its input and marked.
    const lastRow = 2 + SAMPLE.targets.length;
    expect(excel.cell(TARGETS, lastRow, COLUMN.id)).toBe("示例-02");
    expect(excel.cell(TARGETS, lastRow, COLUMN.baseline)).toBe(800);
    expect(excel.cell(TARGETS, lastRow, COLUMN.notes)).toBe("口径待统计局确认");
    expect(excel.cell(TARGETS, lastRow, COLUMN.catalogState)).toBe("已移出目录");
    expect(result.keptTargetIds).toEqual(["示例-02"]);
    // The row 示例-02 used to occupy now holds the next target, without 示例-02's input.
    expect(excel.cell(TARGETS, 4, COLUMN.id)).toBe("示例-03");
    expect(excel.cell(TARGETS, 4, COLUMN.baseline)).toBe("");
    // The monthly report row is untouched.
    expect([0, 1, 2, 3].map((column) => excel.cell(REPORTS, 3, column))).toEqual([
      "2025-06",
      "市商务局",
      "示例-01",
      2100,
    ]);
    // Tables and charts were rebuilt, not duplicated; names were not added twice.
    expect(excel.sheets.get(TARGETS)?.tables.filter((table) => !table.converted)).toHaveLength(1);
    expect(excel.sheets.get("部门预警")?.charts.filter((chart) => !chart.deleted)).toHaveLength(1);
    expect(result.namesAdded).toBe(0);
    expect(result.sheets.every((sheet) => !sheet.created)).toBe(true);
  });

  it("refuses to write over a sheet of the same name that the add-in did not create", async () => {
    const excel = createFakeExcel({ sheets: [{ name: TARGETS, grid: [["我自己的目标表"]] }] });
    const error = await loadCatalogIntoWorkbook(excel.context, SAMPLE, OPTIONS).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SheetNameClashError);
    expect((error as SheetNameClashError).sheetNames).toEqual([TARGETS]);
    expect((error as Error).message).toContain("请重命名");
    expect([...excel.sheets.keys()]).toEqual([TARGETS]);
    expect(excel.sheets.get(TARGETS)?.grid).toEqual([["我自己的目标表"]]);
    expect(excel.stateXml).toBeNull();
  });

  it("gives Office.js list validations a range formula (=Sheet!range) and formulas without the file format's _xlfn. prefix", async () => {
    const excel = createFakeExcel();
    await loadCatalogIntoWorkbook(excel.context, SAMPLE, OPTIONS);
    const lists = [...excel.sheets.values()]
      .flatMap((sheet) =>
        sheet.validations.map((validation) => (validation.rule as { list?: { source: string } }).list?.source),
      )
      .filter((source): source is string => source !== undefined);
    const rangeSources = lists.filter((source) => source.includes("!"));
    expect(rangeSources.length).toBeGreaterThan(0);
    for (const source of rangeSources) expect(source).toMatch(/^='?[^!]+'?!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/);
    const formulas = [...excel.sheets.values()]
      .flatMap((sheet) => sheet.grid.flat())
      .filter((cell): cell is string => typeof cell === "string" && cell.startsWith("="));
    expect(formulas.some((formula) => formula.includes("MINIFS("))).toBe(true);
    expect(formulas.filter((formula) => formula.includes("_xlfn."))).toEqual([]);
  });

  it("keeps every round trip under 1 MB each way, with more syncs only for more data", async () => {
    const counts: number[] = [];
    for (const size of [5, 500]) {
      const excel = createFakeExcel();
      const sync = jest.spyOn(excel.context, "sync");
      const result = await loadCatalogIntoWorkbook(excel.context, catalogOf(size), OPTIONS);
      expect(excel.sheets.get(TARGETS)?.tables[0].range).toBe(`A2:X${2 + size}`);
      counts.push(sync.mock.calls.length);
      expect(result.syncs).toBe(sync.mock.calls.length);
      expect(Math.max(...excel.meter.requests)).toBeLessThanOrEqual(SYNC_PAYLOAD_LIMIT);
      expect(Math.max(...excel.meter.responses)).toBeLessThanOrEqual(SYNC_PAYLOAD_LIMIT);
      // A reload reads what it merges: also within the limit.
      const before = excel.meter.requests.length;
      await loadCatalogIntoWorkbook(excel.context, catalogOf(size), OPTIONS);
      expect(Math.max(...excel.meter.responses.slice(before))).toBeLessThanOrEqual(SYNC_PAYLOAD_LIMIT);
      expect(Math.max(...excel.meter.requests.slice(before))).toBeLessThanOrEqual(SYNC_PAYLOAD_LIMIT);
    }
    // 100 times the targets: more syncs, but far fewer than one per target.
    expect(counts[0]).toBeLessThanOrEqual(10);
    expect(counts[1]).toBeGreaterThan(counts[0]);
    expect(counts[1]).toBeLessThan(50);
  });

  it("recalculates after its last write", async () => {
    const excel = createFakeExcel();
    await loadCatalogIntoWorkbook(excel.context, SAMPLE, OPTIONS);
    const calculate = excel.log.lastIndexOf("calculate Full");
    const lastWrite = excel.log.reduce((last, entry, index) => (entry.startsWith("write ") ? index : last), -1);
    expect(calculate).toBeGreaterThan(lastWrite);
    expect(excel.log.indexOf("sync", calculate)).toBeGreaterThan(calculate);
    expect(excel.suspended).toBeGreaterThanOrEqual(1);
  });

  it("keeps the bare names where a bare call computes, and removes them where it does not (#CALC!)", async () => {
    const working = createFakeExcel();
    const kept = await loadCatalogIntoWorkbook(working.context, SAMPLE, OPTIONS);
    expect(kept.namesRemoved).toBe(false);
    expect(kept.namesAdded).toBe(bareNameDefinitions("LX").length);
    expect(working.names.has("TARGET_GAP")).toBe(true);
    // The scratch cell is gone again.
    expect(working.cell(STATE_SHEET_NAME, 1, 2)).toBe("");

    const older = createFakeExcel();
    older.lambdaComputes = false;
    const removed = await loadCatalogIntoWorkbook(older.context, SAMPLE, OPTIONS);
    expect(removed.namesRemoved).toBe(true);
    expect(removed.namesAdded).toBe(0);
    expect([...older.names.keys()]).toEqual([]);
    expect(older.cell(STATE_SHEET_NAME, 1, 2)).toBe("");
    // The sheets are written all the same, with LX. calls.
    expect(older.cell(TARGETS, 3, COLUMN.id)).toBe("示例-01");

    // Names an earlier load added in another Excel are removed too; a user's own name of that spelling is not.
    const reopened = createFakeExcel({ names: ["TARGET_GAP"] });
    reopened.names.set("REQUIRED_GROWTH", "=LAMBDA(baseline,target,LX.REQUIRED_GROWTH(baseline,target))");
    reopened.lambdaComputes = false;
    await loadCatalogIntoWorkbook(reopened.context, SAMPLE, OPTIONS);
    expect([...reopened.names.keys()]).toEqual(["TARGET_GAP"]);
  });

  it("still loads the sheets when this Excel rejects the LAMBDA names, and says so", async () => {
    const excel = createFakeExcel();
    excel.rejectNames = true;
    const result = await loadCatalogIntoWorkbook(excel.context, SAMPLE, OPTIONS);
    expect(excel.cell(TARGETS, 3, COLUMN.id)).toBe("示例-01");
    expect(result.namesAdded).toBe(0);
    expect(result.namesError).toMatch(/LAMBDA/);
  });
});

describe("loadCatalogIntoWorkbook into a workbook written by `liangxin workbook`", () => {
  const SHEETS = ["说明", "目标总表", "年度轨迹", "月度填报", "部门预警", "补贴测算"];
  /** The file the CLI writes for the sample catalog, opened as Excel would show it to the add-in. */
  async function cliWorkbook() {
    const bytes = await writeWorkbookXlsx(renderWorkbook(SAMPLE, { flavour: "builtin" }), {
      catalog: SAMPLE,
      city: "示例",
    });
    return createFakeExcel(await openXlsxAsFake(bytes));
  }

  it("loads into it although its sheets lack the marker, keeps typed inputs by id and marks the sheets", async () => {
    const excel = await cliWorkbook();
    expect(SHEETS.map((name) => excel.sheets.get(name)?.marker)).toEqual(SHEETS.map(() => null));
    expect(excel.cell(TARGETS, 3, COLUMN.id)).toBe("示例-01");
    expect(String(excel.cell(TARGETS, 3, COLUMN.targetValue))).toMatch(/^=/);
    // The planner filled the file in Excel before installing the add-in.
    excel.type(TARGETS, 3, COLUMN.baseline, 3500); // 示例-01
    excel.type(TARGETS, 4, COLUMN.baseline, 800); // 示例-02, about to leave the catalog
    excel.type(TARGETS, 5, COLUMN.notes, "按统计年鉴口径"); // 示例-03
    excel.type(REPORTS, 3, 0, "2025-06");
    excel.type(REPORTS, 3, 2, "示例-01");
    excel.type(REPORTS, 3, 3, 2100);

    // A revised catalog: reversed order (so rows move), 示例-02 dropped.
    const revised: Catalog = {
      ...SAMPLE,
      targets: SAMPLE.targets.filter((target) => target.id !== "示例-02").reverse(),
    };
    const fresh = createFakeExcel();
    const freshSyncs = (await loadCatalogIntoWorkbook(fresh.context, revised, OPTIONS)).syncs;
    const sync = jest.spyOn(excel.context, "sync");
    const result = await loadCatalogIntoWorkbook(excel.context, revised, OPTIONS);

    expect(result.sheets.map((sheet) => [sheet.name, sheet.created])).toEqual(SHEETS.map((name) => [name, false]));
    expect(visibleSheets(excel)).toEqual(SHEETS); // written in place, no "目标总表 (2)"
    expect(SHEETS.map((name) => excel.sheets.get(name)?.marker)).toEqual([
      "guide",
      "targets",
      "trajectory",
      "reports",
      "departments",
      "budget",
    ]);
    // 示例-01 is now the last catalog row; its baseline followed it by id.
    const lastCatalogRow = 2 + revised.targets.length;
    expect(excel.cell(TARGETS, lastCatalogRow, COLUMN.id)).toBe("示例-01");
    expect(excel.cell(TARGETS, lastCatalogRow, COLUMN.baseline)).toBe(3500);
    expect(excel.cell(TARGETS, 3, COLUMN.id)).toBe("示例-10");
    expect(excel.cell(TARGETS, 3, COLUMN.baseline)).toBe("");
    const row03 = 3 + revised.targets.findIndex((target) => target.id === "示例-03");
    expect(excel.cell(TARGETS, row03, COLUMN.notes)).toBe("按统计年鉴口径");
    // 示例-02 is known from the file's saved state: kept below, with its baseline, and marked.
    expect(result.keptTargetIds).toEqual(["示例-02"]);
    expect(excel.cell(TARGETS, lastCatalogRow + 1, COLUMN.id)).toBe("示例-02");
    expect(excel.cell(TARGETS, lastCatalogRow + 1, COLUMN.baseline)).toBe(800);
    expect(excel.cell(TARGETS, lastCatalogRow + 1, COLUMN.catalogState)).toBe("已移出目录");
    // Monthly figures stay; formulas are now the add-in's; the file's table was replaced, not doubled.
    expect([0, 2, 3].map((column) => excel.cell(REPORTS, 3, column))).toEqual(["2025-06", "示例-01", 2100]);
    expect(String(excel.cell(REPORTS, 3, REPORT_COLUMN.gap))).toContain("TARGET_GAP(");
    expect(excel.sheets.get(TARGETS)?.tables.filter((table) => !table.converted)).toEqual([
      expect.objectContaining({ name: "LX_Targets" }),
    ]);
    // Reading what it merges costs round trips a load into an empty workbook does not, each within 1 MB.
    expect(result.syncs).toBe(sync.mock.calls.length);
    expect(result.syncs).toBeGreaterThan(freshSyncs);
    expect(Math.max(...excel.meter.requests, ...excel.meter.responses)).toBeLessThanOrEqual(SYNC_PAYLOAD_LIMIT);
    // The new state lists the sheets and the targets written.
    const state = stateFromXml(excel.stateXml);
    expect(state?.sheets?.map((sheet) => sheet.name)).toEqual(SHEETS);
    expect(state?.targets.map((target) => target.id)).toEqual([
      ...revised.targets.map((target) => target.id),
      "示例-02",
    ]);
    expect(state?.loadedAt).not.toBe("");
  });

  it("loads again after that as into any of its own workbooks", async () => {
    const excel = await cliWorkbook();
    await loadCatalogIntoWorkbook(excel.context, SAMPLE, OPTIONS);
    excel.type(TARGETS, 3, COLUMN.baseline, 3500);
    const result = await loadCatalogIntoWorkbook(excel.context, SAMPLE, OPTIONS);
    expect(excel.cell(TARGETS, 3, COLUMN.baseline)).toBe(3500);
    expect(result.sheets.every((sheet) => !sheet.created)).toBe(true);
  });

  it("still refuses an unmarked sheet when the saved state does not list it (a state from before sheet lists)", async () => {
    const oldState = stateToXml({
      version: 1,
      city: null,
      targets: SAMPLE.targets,
      rowKeys: {},
      loadedAt: "2024-12-01T00:00:00.000Z",
    });
    const excel = createFakeExcel({ sheets: [{ name: TARGETS, grid: [["我自己的目标表"]] }], stateXml: oldState });
    const error = await loadCatalogIntoWorkbook(excel.context, SAMPLE, OPTIONS).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SheetNameClashError);
    expect((error as SheetNameClashError).sheetNames).toEqual([TARGETS]);
    expect(excel.sheets.get(TARGETS)?.grid).toEqual([["我自己的目标表"]]);
    expect(excel.sheets.get(TARGETS)?.marker).toBeNull();
    expect(excel.stateXml).toBe(oldState);
  });

  it("refuses a user's 月度填报 next to marked sheets when the state lists only the other sheets", async () => {
    const excel = createFakeExcel();
    await loadCatalogIntoWorkbook(excel.context, SAMPLE, OPTIONS);
    // The user deleted the add-in's 月度填报, made their own, and the state no longer lists it.
    const state = stateFromXml(excel.stateXml)!;
    excel.stateXml = stateToXml({ ...state, sheets: state.sheets?.filter((sheet) => sheet.name !== REPORTS) });
    excel.sheets.set(REPORTS, { ...excel.sheets.get(REPORTS)!, marker: null, grid: [["我的填报"]] });
    const error = await loadCatalogIntoWorkbook(excel.context, SAMPLE, OPTIONS).catch((caught: unknown) => caught);
    expect((error as SheetNameClashError).sheetNames).toEqual([REPORTS]);
    expect(excel.sheets.get(REPORTS)?.grid).toEqual([["我的填报"]]);
  });
});
