/**
 * Reload by identity (issue 13): in every scenario a planner types into the workbook, the plan or
 * the sheet changes, the add-in loads again — and every typed cell is where it was, attached to the
 * same target, and nothing typed is gone. A target's identity is its indicator, kind and target
 * year (and, where several share those, its value and source clause); ties are never broken silently.
 */
import type { Catalog, Target } from "../../src/core/catalog";
import {
  loadCatalogIntoWorkbook,
  TableMovedError,
  type LoadOptions,
  type LoadResult,
} from "../../src/office/excel/sheetBuilder";
import { bareNameDefinitions } from "../../src/office/functions/names";
import { renderWorkbook, sheetByKey, TOLERANCE_CELL } from "../../src/workbook";
import sample from "../fixtures/catalog-sample.json";
import { createFakeExcel, type FakeExcel } from "../../measure/fakeExcel";

const SAMPLE = sample as unknown as Catalog;
const OPTIONS: LoadOptions = { render: renderWorkbook, bareNames: () => bareNameDefinitions("LX"), city: "示例" };
const TARGETS = "目标总表";
const REPORTS = "月度填报";
const layout = renderWorkbook(SAMPLE, { flavour: "addin" });
const targetsTable = sheetByKey(layout.sheets, "targets").table!;
const reportsTable = sheetByKey(layout.sheets, "reports").table!;
const col = (key: string) => targetsTable.columns.findIndex((column) => column.key === key);
const reportCol = (key: string) => reportsTable.columns.findIndex((column) => column.key === key);
const FIRST = targetsTable.firstDataRow;

/** A share target of 示例's shape: indicator, target year, value (0–1), clause. */
function shareTarget(id: string, indicator: string, targetYear: number, share: number, start: number): Target {
  const base = SAMPLE.targets[2];
  const text = `到${targetYear}年，${indicator}达到${Math.round(share * 100)}%`;
  return {
    ...base,
    id,
    indicator,
    targetYear,
    value: Math.round(share * 100),
    normalizedValue: share,
    source: { text, start, end: start + text.length },
  };
}

const catalogOf = (targets: Target[]): Catalog => ({ ...SAMPLE, targets });
const renumbered = (targets: Target[]): Target[] =>
  targets.map((target, index) => ({ ...target, id: `示例-${String(index + 1).padStart(2, "0")}` }));

/** Rows of 目标总表 (1-based) by id, as the sheet stands. */
function rowById(excel: FakeExcel, id: string): number {
  for (let row = FIRST; row < FIRST + 200; row++) if (excel.cell(TARGETS, row, col("id")) === id) return row;
  throw new Error(`no row for ${id}`);
}

/** What a planner typed: on a target's row (by id) or at a fixed place. */
interface Typed {
  sheet: string;
  targetId?: string;
  /** Column (0-based) — for target rows, where the column is after the reload (same header). */
  column: number;
  row?: number;
  value: string | number;
}

function typeAll(excel: FakeExcel, typed: Typed[]): void {
  for (const entry of typed) {
    const row = entry.targetId ? rowById(excel, entry.targetId) : entry.row!;
    excel.type(entry.sheet, row, entry.column, entry.value);
  }
}

/** Every typed cell is on its target's row (or its own place), and nothing typed is gone. */
function expectKept(excel: FakeExcel, typed: Typed[]): void {
  for (const entry of typed) {
    const row = entry.targetId ? rowById(excel, entry.targetId) : entry.row!;
    expect([entry.targetId ?? entry.row, excel.cell(entry.sheet, row, entry.column)]).toEqual([
      entry.targetId ?? entry.row,
      entry.value,
    ]);
  }
}

async function load(excel: FakeExcel, catalog: Catalog, extra: Partial<LoadOptions> = {}): Promise<LoadResult> {
  return loadCatalogIntoWorkbook(excel.context, catalog, { ...OPTIONS, ...extra });
}

/** A workbook loaded with `catalog` and the planner's baselines and notes on every target, plus report rows. */
async function workbookWithInputs(catalog: Catalog): Promise<{ excel: FakeExcel; typed: Typed[] }> {
  const excel = createFakeExcel();
  await load(excel, catalog);
  const typed: Typed[] = catalog.targets.flatMap((target, index) => [
    { sheet: TARGETS, targetId: target.id, column: col("baseline"), value: 100 + index },
    { sheet: TARGETS, targetId: target.id, column: col("notes"), value: `${target.id} 的备注` },
  ]);
  catalog.targets.slice(0, 3).forEach((target, index) => {
    const row = reportsTable.firstDataRow + index;
    typed.push(
      { sheet: REPORTS, row, column: reportCol("period"), value: "2025-06" },
      { sheet: REPORTS, row, column: reportCol("targetId"), value: target.id },
      { sheet: REPORTS, row, column: reportCol("reportedValue"), value: 50 + index },
    );
  });
  typeAll(excel, typed);
  return { excel, typed };
}

const PAIR_CATALOG = catalogOf([
  ...SAMPLE.targets.slice(0, 2),
  shareTarget("示例-03", "工业企业数字化普及率", 2025, 0.28, 200),
  shareTarget("示例-04", "工业企业数字化普及率", 2027, 0.4, 260),
  ...renumbered(SAMPLE.targets.slice(4, 7)).map((target, index) => ({ ...target, id: `示例-0${5 + index}` })),
]);

describe("reload by identity", () => {
  it("1. the same catalog again: every input stays", async () => {
    const { excel, typed } = await workbookWithInputs(SAMPLE);
    await load(excel, SAMPLE);
    expectKept(excel, typed);
  });

  it("2. an edited value: the target keeps its id and inputs", async () => {
    const { excel, typed } = await workbookWithInputs(SAMPLE);
    const edited = catalogOf(
      SAMPLE.targets.map((t) => (t.id === "示例-01" ? { ...t, value: 30, normalizedValue: 0.3 } : t)),
    );
    const result = await load(excel, edited);
    expect(result.ids.added).toEqual([]);
    expectKept(excel, typed);
  });

  it("3. a deleted clause: its row stays, marked 已移出目录, with its inputs", async () => {
    const { excel, typed } = await workbookWithInputs(SAMPLE);
    const result = await load(excel, catalogOf(renumbered(SAMPLE.targets.filter((t) => t.id !== "示例-03"))));
    expect(result.keptTargetIds).toEqual(["示例-03"]);
    expect(excel.cell(TARGETS, rowById(excel, "示例-03"), col("catalogState"))).toBe("已移出目录");
    expectKept(excel, typed);
  });

  it("4. a clause deleted then added back: it gets its old id and inputs again", async () => {
    const { excel, typed } = await workbookWithInputs(SAMPLE);
    await load(excel, catalogOf(renumbered(SAMPLE.targets.filter((t) => t.id !== "示例-03"))));
    const result = await load(excel, SAMPLE);
    expect(result.ids.added).toEqual([]);
    expect(result.keptTargetIds).toEqual([]);
    expectKept(excel, typed);
  });

  it("5. reordered tasks: inputs follow their targets", async () => {
    const { excel, typed } = await workbookWithInputs(SAMPLE);
    await load(excel, catalogOf(renumbered([...SAMPLE.targets].reverse())));
    expectKept(excel, typed);
    expect(excel.cell(TARGETS, FIRST, col("id"))).toBe("示例-10");
  });

  it("6. a 2025/2027 pair: the 2025 clause deleted and 28% → 30% on 2027 — each keeps its own note", async () => {
    const { excel, typed } = await workbookWithInputs(PAIR_CATALOG);
    const edited = catalogOf(
      renumbered(
        PAIR_CATALOG.targets
          .filter((t) => t.targetYear !== 2025 || t.indicator !== "工业企业数字化普及率")
          .map((t) => (t.id === "示例-04" ? shareTarget(t.id, t.indicator, 2027, 0.3, 200) : t)),
      ),
    );
    const result = await load(excel, edited);
    expect(
      result.catalog.targets.find((t) => t.targetYear === 2027 && t.indicator === "工业企业数字化普及率")?.id,
    ).toBe("示例-04");
    expect(result.keptTargetIds).toEqual(["示例-03"]);
    expect(result.ambiguous).toEqual([]);
    expectKept(excel, typed);
  });

  it("7. a 2025/2027 pair in swapped order: neither inherits the other's baseline", async () => {
    const { excel, typed } = await workbookWithInputs(PAIR_CATALOG);
    const swapped = [...PAIR_CATALOG.targets];
    [swapped[2], swapped[3]] = [swapped[3], swapped[2]];
    await load(excel, catalogOf(renumbered(swapped)));
    expectKept(excel, typed);
  });

  it("8. a 2025/2027 pair with both values and clauses changed: matched by year", async () => {
    const { excel, typed } = await workbookWithInputs(PAIR_CATALOG);
    const edited = PAIR_CATALOG.targets.map((t) =>
      t.indicator === "工业企业数字化普及率"
        ? shareTarget(t.id, t.indicator, t.targetYear!, t.normalizedValue! + 0.05, 900)
        : t,
    );
    const result = await load(excel, catalogOf(renumbered([...edited].reverse())));
    expect(result.ids.added).toEqual([]);
    expectKept(excel, typed);
  });

  it("9. two 2027 targets of one indicator, both rewritten beyond recognition: both kept and asked, none guessed", async () => {
    const twins = catalogOf([
      SAMPLE.targets[0],
      shareTarget("示例-02", "新能源汽车渗透率", 2027, 0.3, 100),
      shareTarget("示例-03", "新能源汽车渗透率", 2027, 0.5, 160),
    ]);
    const { excel, typed } = await workbookWithInputs(twins);
    const rewritten = catalogOf([
      SAMPLE.targets[0],
      {
        ...shareTarget("示例-02", "新能源汽车渗透率", 2027, 0.35, 100),
        source: { text: "城区公交", start: 100, end: 104 },
      },
      {
        ...shareTarget("示例-03", "新能源汽车渗透率", 2027, 0.55, 160),
        source: { text: "出租网约", start: 160, end: 164 },
      },
    ]);
    const result = await load(excel, rewritten);
    expect(result.ambiguous.map((match) => match.candidates)).toEqual([
      ["示例-02", "示例-03"],
      ["示例-02", "示例-03"],
    ]);
    expect(result.ambiguous.map((match) => match.id)).toEqual(["示例-04", "示例-05"]);
    expect(result.keptTargetIds).toEqual(["示例-02", "示例-03"]);
    expectKept(excel, typed);
  });

  it("10. a planner's own row with the next id (示例-11): a new target never takes it", async () => {
    const { excel, typed } = await workbookWithInputs(SAMPLE);
    const ownRow = FIRST + SAMPLE.targets.length;
    const own: Typed[] = [
      { sheet: TARGETS, row: ownRow, column: col("id"), value: "示例-11" },
      { sheet: TARGETS, row: ownRow, column: col("indicator"), value: "我自己加的指标" },
      { sheet: TARGETS, row: ownRow, column: col("baseline"), value: 77 },
    ];
    typeAll(excel, own);
    const added = shareTarget("示例-11", "新增指标", 2027, 0.6, 999);
    const result = await load(excel, catalogOf([...SAMPLE.targets, added]));
    expect(result.ids.added).toEqual(["示例-12"]);
    expectKept(excel, typed);
    const mine = rowById(excel, "示例-11");
    expect(excel.cell(TARGETS, mine, col("indicator"))).toBe("我自己加的指标");
    expect(excel.cell(TARGETS, mine, col("baseline"))).toBe(77);
    expect(excel.cell(TARGETS, rowById(excel, "示例-12"), col("indicator"))).toBe("新增指标");
  });

  it("11. a planner's row without an id: kept with what it holds", async () => {
    const { excel, typed } = await workbookWithInputs(SAMPLE);
    const ownRow = FIRST + SAMPLE.targets.length;
    excel.type(TARGETS, ownRow, col("indicator"), "待定指标");
    excel.type(TARGETS, ownRow, col("notes"), "下月补");
    await load(excel, catalogOf(renumbered(SAMPLE.targets.slice(1))));
    expectKept(excel, typed);
    const rows = [...Array(40).keys()].map((offset) => FIRST + offset);
    const kept = rows.find((row) => excel.cell(TARGETS, row, col("indicator")) === "待定指标");
    expect(kept && excel.cell(TARGETS, kept, col("notes"))).toBe("下月补");
  });

  it("12. a column the user added after the table: its cells stay on their targets' rows", async () => {
    const { excel, typed } = await workbookWithInputs(SAMPLE);
    const extra = targetsTable.columns.length;
    excel.type(TARGETS, targetsTable.headerRow, extra, "责任人");
    SAMPLE.targets.forEach((_target, index) => excel.type(TARGETS, FIRST + index, extra, `张${index}`));
    await load(excel, catalogOf(renumbered([...SAMPLE.targets].reverse())));
    expectKept(excel, typed);
    SAMPLE.targets.forEach((target, index) =>
      expect(excel.cell(TARGETS, rowById(excel, target.id), extra)).toBe(`张${index}`),
    );
  });

  it("13. a formula column inserted inside the table: kept and still reading the same column", async () => {
    const { excel, typed } = await workbookWithInputs(SAMPLE);
    // Insert a column before 基期值: everything from there moves one to the right.
    const at = col("baseline");
    const sheet = excel.sheets.get(TARGETS)!;
    for (const row of sheet.grid) row?.splice(at, 0, "");
    const baselineLetter = String.fromCharCode(65 + at + 1);
    excel.type(TARGETS, targetsTable.headerRow, at, "基期值×2");
    SAMPLE.targets.forEach((_target, index) =>
      excel.type(TARGETS, FIRST + index, at, `=${baselineLetter}${FIRST + index}*2`),
    );
    const result = await load(excel, SAMPLE);
    expect(result.sheets.find((s) => s.name === TARGETS)?.report.userColumns).toEqual(["基期值×2"]);
    expectKept(excel, typed);
    // The user's column now sits after the table; its formula reads 基期值 where 基期值 now is.
    const userColumn = targetsTable.columns.length;
    const row = rowById(excel, "示例-01");
    const nowBaseline = String.fromCharCode(65 + col("baseline"));
    expect(excel.cell(TARGETS, row, userColumn)).toBe(`=${nowBaseline}${row}*2`);
  });

  it("14. a table sorted by the user: inputs follow ids", async () => {
    const { excel, typed } = await workbookWithInputs(SAMPLE);
    const sheet = excel.sheets.get(TARGETS)!;
    const body = sheet.grid.slice(FIRST - 1, FIRST - 1 + SAMPLE.targets.length);
    body.sort((a, b) => String(b[col("indicator")]).localeCompare(String(a[col("indicator")])));
    sheet.grid.splice(FIRST - 1, body.length, ...body);
    await load(excel, SAMPLE);
    expectKept(excel, typed);
  });

  it("15. a filtered table showing only some rows: hidden rows lose nothing", async () => {
    // Office.js writes to filtered-out rows like any others; the add-in reads them all.
    const { excel, typed } = await workbookWithInputs(SAMPLE);
    const sheet = excel.sheets.get(TARGETS)!;
    sheet.tables.forEach((table) => Object.assign(table, { filter: "二手车" }));
    await load(excel, catalogOf(renumbered(SAMPLE.targets.slice(0, 5))));
    expectKept(excel, typed);
  });

  it("16. 目标总表 renamed by the user: found by its marker, given its name back, nothing missing", async () => {
    const { excel, typed } = await workbookWithInputs(SAMPLE);
    const sheet = excel.sheets.get(TARGETS)!;
    excel.sheets.delete(TARGETS);
    sheet.name = "我的目标";
    excel.sheets.set("我的目标", sheet);
    const result = await load(excel, SAMPLE);
    expect(result.renamedSheets).toEqual([{ from: "我的目标", to: TARGETS }]);
    expect(excel.sheets.has("我的目标")).toBe(false);
    expect(result.sheets.every((s) => !s.created)).toBe(true);
    expectKept(excel, typed);
  });

  it("17. 月度填报 renamed: its rows are kept in place", async () => {
    const { excel, typed } = await workbookWithInputs(SAMPLE);
    const sheet = excel.sheets.get(REPORTS)!;
    excel.sheets.delete(REPORTS);
    sheet.name = "6月填报";
    excel.sheets.set("6月填报", sheet);
    await load(excel, SAMPLE);
    expectKept(excel, typed);
  });

  it("18. a row inserted above the table's header: the load refuses, naming it, and writes nothing", async () => {
    const { excel, typed } = await workbookWithInputs(SAMPLE);
    excel.sheets.get(TARGETS)!.grid.splice(0, 0, ["我在表格上方写的说明"]);
    const before = JSON.stringify(excel.sheets.get(TARGETS)!.grid);
    const error = await load(excel, SAMPLE).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TableMovedError);
    expect((error as Error).message).toContain(
      `目标总表 的表头从第 ${targetsTable.headerRow} 行移到了第 ${targetsTable.headerRow + 1} 行`,
    );
    expect(JSON.stringify(excel.sheets.get(TARGETS)!.grid)).toBe(before);
    // Deleting the inserted row again makes the load go through with everything kept.
    excel.sheets.get(TARGETS)!.grid.splice(0, 1);
    await load(excel, SAMPLE);
    expectKept(excel, typed);
  });

  it("19. a new target inserted at the top: monthly rows and their ids stay, the new target gets a fresh id", async () => {
    const { excel, typed } = await workbookWithInputs(SAMPLE);
    const added = shareTarget("示例-01", "新能源汽车销量占比", 2027, 0.5, 1);
    const result = await load(excel, catalogOf(renumbered([added, ...SAMPLE.targets])));
    expect(result.ids.added).toEqual(["示例-11"]);
    expectKept(excel, typed);
  });

  it("20. inputs typed as formulas keep computing from the same cells", async () => {
    const { excel, typed } = await workbookWithInputs(SAMPLE);
    const row = rowById(excel, "示例-02");
    const notesLetter = String.fromCharCode(65 + col("notes"));
    const formula = `=LEN(${notesLetter}${row})*10`;
    excel.type(TARGETS, row, col("baseline"), formula);
    await load(excel, catalogOf(renumbered([...SAMPLE.targets].reverse())));
    const after = rowById(excel, "示例-02");
    expect(excel.cell(TARGETS, after, col("baseline"))).toBe(`=LEN(${notesLetter}${after})*10`);
    expectKept(
      excel,
      typed.filter((entry) => !(entry.targetId === "示例-02" && entry.column === col("baseline"))),
    );
  });

  it("21. the status tolerance typed in 说明 and a switch to English keep everything", async () => {
    const { excel, typed } = await workbookWithInputs(SAMPLE);
    const match = /^([A-Z])(\d+)$/.exec(TOLERANCE_CELL)!;
    const tolerance: Typed = { sheet: "说明", row: Number(match[2]), column: match[1].charCodeAt(0) - 65, value: 0.05 };
    typeAll(excel, [tolerance]);
    await load(excel, SAMPLE, { locale: "en-US" });
    expectKept(excel, [...typed, tolerance]);
  });

  it("22. a corrected plan cell and an edited plan: the correction stays on its target", async () => {
    const { excel, typed } = await workbookWithInputs(SAMPLE);
    const correction: Typed = { sheet: TARGETS, targetId: "示例-04", column: col("lead"), value: "市数据局" };
    typeAll(excel, [correction]);
    const result = await load(excel, catalogOf(renumbered([...SAMPLE.targets].reverse())));
    expect(result.catalogEdits.map((edit) => [edit.targetId, edit.current])).toEqual([["示例-04", "市数据局"]]);
    expectKept(excel, [...typed, correction]);
  });
});
