import * as fs from "fs";
import type { Catalog, Target } from "../../src/core/catalog";
import { extractCatalog } from "../../src/core/extract";
import { catalogCellEdits, reconcileTargetIds, sourceSimilarity } from "../../src/workbook/reconcile";

const seed = extractCatalog(fs.readFileSync("seeds/001_bc9db3d026010e14.txt", "utf8"), { cityName: "南平" });
// The reviewer's edit: one headline clause (新能源汽车销量较2023年增长50%) inserted before 报废汽车回收量.
const edited = extractCatalog(fs.readFileSync("test/fixtures/nanping-edited.txt", "utf8"), { cityName: "南平" });

function target(id: string, indicator: string, overrides: Partial<Target> = {}): Target {
  return {
    id,
    section: "",
    task: "",
    indicator,
    domain: "综合",
    kind: "cumulative",
    comparator: "=",
    value: 10,
    unit: "座",
    normalizedValue: 10,
    baseYear: null,
    startYear: null,
    targetYear: 2027,
    lead: null,
    support: [],
    leadOriginal: null,
    leadInferred: false,
    source: { text: `完成${indicator}10座`, start: 0, end: 5 },
    ...overrides,
  };
}
const catalogOf = (targets: Target[]): Catalog => ({ plan: seed.plan, targets, warnings: [] });

describe("reconcileTargetIds", () => {
  it("keeps every target of the edited plan on its old id and numbers the inserted one above the maximum", () => {
    // Precondition: the extractor's running numbers shift after the inserted clause.
    expect(edited.targets.find((t) => t.indicator === "报废汽车回收量")?.id).toBe("南平-06");

    const result = reconcileTargetIds(seed.targets, edited);
    const idOf = (catalog: Catalog, indicator: string, value?: number) =>
      catalog.targets
        .filter((t) => t.indicator === indicator && (value === undefined || t.normalizedValue === value))
        .map((t) => t.id);
    for (const before of seed.targets) {
      expect(idOf(result.catalog, before.indicator, before.normalizedValue ?? undefined)).toContain(before.id);
    }
    expect(idOf(result.catalog, "报废汽车回收量")).toEqual(["南平-05"]);
    const highest = seed.targets.length; // 南平-37
    expect(idOf(result.catalog, "新能源汽车销量")).toEqual([`南平-${highest + 1}`]);
    expect(result.added).toEqual([`南平-${highest + 1}`]);
    expect(result.removed).toEqual([]);
    expect(result.matched).toHaveLength(seed.targets.length);
    expect(result.renamed.length).toBeGreaterThanOrEqual(30); // every id after the insertion went back
    expect(new Set(result.catalog.targets.map((t) => t.id)).size).toBe(result.catalog.targets.length);
    // Document order is kept; only ids change.
    expect(result.catalog.targets.map((t) => t.indicator)).toEqual(edited.targets.map((t) => t.indicator));
  });

  it("keeps the two same-named shares (公交, 出租) apart by their own ids", () => {
    const result = reconcileTargetIds(seed.targets, edited);
    const shares = (catalog: Catalog) =>
      catalog.targets.filter((t) => t.indicator.endsWith("新能源车辆比例")).map((t) => [t.id, t.normalizedValue]);
    expect(shares(seed)).toHaveLength(2);
    expect(shares(result.catalog)).toEqual(shares(seed));
  });

  it("matches a target whose value changed by indicator and kind, and one whose indicator was reworded by its clause", () => {
    const previous = [
      target("示例-01", "燃气管道老化更新"),
      target("示例-02", "供水管网", { source: { text: "新改建供水管网246公里", start: 0, end: 11 } }),
    ];
    const next = catalogOf([
      target("示例-01", "新改建城市供水管网", { source: { text: "新改建供水管网260公里", start: 0, end: 11 } }),
      target("示例-02", "燃气管道老化更新", { value: 90, normalizedValue: 90 }),
    ]);
    const result = reconcileTargetIds(previous, next);
    expect(result.catalog.targets.map((t) => [t.indicator, t.id])).toEqual([
      ["新改建城市供水管网", "示例-02"],
      ["燃气管道老化更新", "示例-01"],
    ]);
    expect(result.added).toEqual([]);
  });

  it("never gives a new target an id that meant another target, even a removed one", () => {
    const previous = [target("示例-01", "甲"), target("示例-02", "乙"), target("示例-03", "丙")];
    // 丙 (the highest id) left the plan; 丁 is new and is extracted as 示例-03.
    const next = catalogOf([
      target("示例-01", "甲"),
      target("示例-02", "乙"),
      target("示例-03", "丁", { source: { text: "建成丁类设施", start: 0, end: 6 } }),
    ]);
    const result = reconcileTargetIds(previous, next);
    expect(result.catalog.targets.map((t) => t.id)).toEqual(["示例-01", "示例-02", "示例-04"]);
    expect(result.removed).toEqual(["示例-03"]);
    expect(result.renamed).toEqual([{ from: "示例-03", to: "示例-04" }]);
  });

  it("leaves a first load and another city's workbook alone", () => {
    expect(reconcileTargetIds([], seed).catalog).toBe(seed);
    const other = seed.targets.map((t) => ({ ...t, id: t.id.replace("南平", "开封") }));
    const result = reconcileTargetIds(other, edited);
    expect(result.catalog.targets.map((t) => t.id)).toEqual(edited.targets.map((t) => t.id));
    expect(result.renamed).toEqual([]);
  });

  it("gives the same ids for the same input (deterministic)", () => {
    const once = reconcileTargetIds(seed.targets, edited).catalog.targets.map((t) => t.id);
    const again = reconcileTargetIds([...seed.targets], {
      ...edited,
      targets: [...edited.targets],
    }).catalog.targets.map((t) => t.id);
    expect(again).toEqual(once);
  });
});

describe("sourceSimilarity", () => {
  it("is 1 for the same clause and low for unrelated ones", () => {
    expect(sourceSimilarity("新改建供水管网246公里", "新改建供水管网246公里")).toBe(1);
    expect(sourceSimilarity("新改建供水管网246公里", "报废汽车回收量较2023年增加约1倍")).toBeLessThan(0.2);
  });
});

describe("catalogCellEdits", () => {
  const layout = {
    headerRow: 2,
    firstDataRow: 3,
    dataRowCount: 2,
    rowKeyColumn: "id",
    rowKeys: ["示例-01", "示例-02"],
    columns: [
      { key: "id", header: "编号", headerEn: "ID", role: "catalog" as const, letter: "A" },
      { key: "lead", header: "牵头单位", headerEn: "Lead", role: "catalog" as const, letter: "B" },
      { key: "value", header: "数值", headerEn: "Value", role: "catalog" as const, letter: "C" },
      { key: "targetValue", header: "目标值", headerEn: "Target value", role: "formula" as const, letter: "D" },
    ],
  };
  const written = [
    ["ID", "Lead", "Value", "Target value"],
    ["编号", "牵头单位", "数值", "目标值"],
    ["示例-01", "市商务局", 30, "=C3"],
    ["示例-02", "市工业和信息化局", 0.45, "=C4"],
  ];

  it("lists the cells the user changed since the last load, with the value the reload writes", () => {
    const existing = written.map((row) => [...row]);
    existing[2][1] = "市发展和改革委员会"; // a corrected lead
    existing[3][3] = 0.5; // a formula overwritten by a number
    existing[3][2] = "0.45"; // the same value read back as text: no edit
    const next = {
      cells: written.map((row) => row.map((cell) => (cell === "市商务局" ? "市商务局（新）" : cell))),
      layout,
    };
    const edits = catalogCellEdits(
      { cells: written, layout },
      { formulas: existing, rowIndex: 0, columnIndex: 0 },
      next,
    );
    expect(
      edits.map(({ targetId, columnKey, address, written: before, current, reloaded }) => ({
        targetId,
        columnKey,
        address,
        before,
        current,
        reloaded,
      })),
    ).toEqual([
      {
        targetId: "示例-01",
        columnKey: "lead",
        address: "B3",
        before: "市商务局",
        current: "市发展和改革委员会",
        reloaded: "市商务局（新）",
      },
      { targetId: "示例-02", columnKey: "targetValue", address: "D4", before: "=C4", current: 0.5, reloaded: "=C4" },
    ]);
  });

  it("finds the cells by header and id when the user moved the table", () => {
    // The table now starts one column right and one row down; 示例-02 sorted first.
    const moved = [
      [""],
      ["", ...written[0]],
      ["", ...written[1]],
      ["", "示例-02", "市工业和信息化局", 45, "=D4"],
      ["", ...written[2]],
    ];
    const edits = catalogCellEdits({ cells: written, layout }, { formulas: moved, rowIndex: 0, columnIndex: 0 }, null);
    expect(edits.map((edit) => [edit.targetId, edit.columnKey, edit.address, edit.current])).toEqual([
      ["示例-02", "value", "D4", 45],
    ]);
  });
});
