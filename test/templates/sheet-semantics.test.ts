/**
 * The sheets agree with `liangxin check` (second review, items N2, N3, N4, N6, N7), computed by HyperFormula in
 * both flavours: a 年均增长 target's target value and path, an intensity on the month-end path, the 口径 the
 * sheet says it uses, conflicting and identical duplicates, reports past row 302, and LAGGARDS with nobody
 * behind. Every figure is 示例数据 (example data).
 */
import * as fs from "fs";
import * as path from "path";
import type { Catalog, Target } from "../../src/core/catalog";
import { runReportCheck } from "../../src/core/check";
import { callSheetFunction } from "../../src/core/sheet/registry";
import { columnIndex, renderWorkbook, sheetByKey } from "../../src/workbook";
import { reportRowsFor } from "../../templates/reports";
import type { Flavour, RenderedSheet } from "../../src/workbook";
import { recalculate, useSheetFunctions } from "../helpers/hyperformula";

// LAGGARDS spills a range, which the HyperFormula harness does not plug in: the add-in's list is checked through the registry.
const PLUGGED = ["TRAJECTORY", "TARGET_GAP", "TARGET_STATUS", "REQUIRED_GROWTH"];

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/catalog-sample.json"), "utf8")) as Catalog;
const template = fixture.targets[0];
const DEPARTMENT = "市商务局";
const OTHER_DEPARTMENT = "市发展和改革委员会";

function target(id: string, fields: Partial<Target>): Target {
  return {
    ...template,
    id,
    baseYear: null,
    startYear: null,
    targetYear: 2027,
    comparator: ">=",
    lead: DEPARTMENT,
    support: [OTHER_DEPARTMENT],
    ...fields,
  };
}

// 云溪-05 (review N3): 报废汽车回收量年均增长15%, 2024—2027年.
const scrapGrowth = target("示例-31", {
  kind: "annual",
  indicator: "报废汽车回收量",
  value: 15,
  unit: "%",
  normalizedValue: 0.15,
  startYear: 2024,
});
// 石湖-01 (review N4): 单位地区生产总值能耗较2023年下降13.5%.
const intensity = target("示例-32", {
  kind: "growth_vs_baseline",
  indicator: "单位地区生产总值能耗",
  value: 13.5,
  unit: "%",
  normalizedValue: -0.135,
  baseYear: 2023,
});
const catalog: Catalog = { ...fixture, targets: [...fixture.targets, scrapGrowth, intensity] };
const baselines = new Map([
  [scrapGrowth.id, 1000],
  [intensity.id, 100],
  ["示例-02", 5000],
]);

function columnOf(sheet: RenderedSheet, key: string): number {
  const column = sheet.table?.columns.find((candidate) => candidate.key === key);
  if (!column) throw new Error(`no column ${key}`);
  return columnIndex(column.letter);
}

type Row = [period: string, department: string, targetId: string, value: number | string, basis?: string];

/** Renders, types baselines and report rows (at `firstIndex` onwards) as a planner would, recalculates. */
function compute(flavour: Flavour, rows: readonly Row[], options: { firstIndex?: number; reportRows?: number } = {}) {
  // A short table keeps HyperFormula quick; the row-303 case renders the full default.
  const workbook = renderWorkbook(catalog, { flavour, reportRows: "reportRows" in options ? options.reportRows : 12 });
  const hf = recalculate(workbook, ["budget"]);
  const sheet = (key: Parameters<typeof sheetByKey>[1]) => sheetByKey(workbook.sheets, key);
  const id = (key: Parameters<typeof sheetByKey>[1]) => hf.getSheetId(sheet(key).name) as number;
  const targets = sheet("targets");
  const reports = sheet("reports");
  const departments = sheet("departments");
  hf.batch(() => {
    for (const [targetId, baseline] of baselines) {
      const row = targets.table!.firstDataRow - 1 + catalog.targets.findIndex((entry) => entry.id === targetId);
      hf.setCellContents({ sheet: id("targets"), col: columnOf(targets, "baseline"), row }, baseline);
    }
    rows.forEach((cells, index) => {
      const row = reports.table!.firstDataRow - 1 + (options.firstIndex ?? 0) + index;
      (["period", "department", "targetId", "reportedValue", "basis"] as const).forEach((key, column) => {
        if (cells[column] !== undefined)
          hf.setCellContents({ sheet: id("reports"), col: columnOf(reports, key), row }, cells[column]);
      });
    });
  });
  const targetCell = (targetId: string, key: string) =>
    hf.getCellValue({
      sheet: id("targets"),
      col: columnOf(targets, key),
      row: targets.table!.firstDataRow - 1 + catalog.targets.findIndex((entry) => entry.id === targetId),
    });
  const reportCell = (index: number, key: string) =>
    hf.getCellValue({
      sheet: id("reports"),
      col: columnOf(reports, key),
      row: reports.table!.firstDataRow - 1 + (options.firstIndex ?? 0) + index,
    });
  const departmentCell = (department: string, key: string) =>
    hf.getCellValue({
      sheet: id("departments"),
      col: columnOf(departments, key),
      row: departments.table!.rowKeys.indexOf(department) + departments.table!.firstDataRow - 1,
    });
  const laggardsCell = () =>
    hf.getCellValue({ sheet: id("departments"), col: 8, row: departments.table!.firstDataRow - 1 });
  return { workbook, hf, targetCell, reportCell, departmentCell, laggardsCell, reports };
}

/** `liangxin check` on the same rows (its reading of the sheet). */
function checked(rows: readonly Row[]) {
  const table = {
    file: "月度填报",
    rows: [["期间", "部门", "目标编号", "填报值", "口径"], ...rows.map((row) => [...row, row[4] ?? ""])],
  };
  return runReportCheck([table], catalog, { baselines });
}

describe.each<Flavour>(["builtin", "addin"])("sheets and check agree (%s flavour)", (flavour) => {
  useSheetFunctions(PLUGGED);

  it("gives a 年均增长15% target the value baseline × 1.15⁴ and the compound flow path, with check's gap and status", () => {
    const rows: Row[] = [["2025-06", DEPARTMENT, scrapGrowth.id, 640]];
    const { hf, targetCell, reportCell } = compute(flavour, rows);
    const [row] = checked(rows).rows;
    expect(targetCell(scrapGrowth.id, "kind")).toBe("年均增长");
    expect(targetCell(scrapGrowth.id, "trajectoryKind")).toBe("growth");
    expect(targetCell(scrapGrowth.id, "unitOfFigures")).toBe("自定"); // a count, not a percentage
    expect(targetCell(scrapGrowth.id, "targetValue")).toBeCloseTo(1000 * Math.pow(1.15, 4), 9);
    expect(row.targetValue).toBeCloseTo(1000 * Math.pow(1.15, 4), 9);
    expect(reportCell(0, "expected")).toBeCloseTo(row.expected, 9);
    expect(reportCell(0, "expected")).toBeCloseTo(661.25, 9);
    expect(reportCell(0, "gap")).toBeCloseTo(row.gap, 12);
    expect(reportCell(0, "status")).toBe(row.statusLabel);
    expect(reportCell(0, "basisUsed")).toBe("累计");
    hf.destroy();
  });

  it("puts an intensity (单位GDP能耗下降13.5%) on the month-end path, says 水平, and matches check (95 in June 2025: 预警, not −104%)", () => {
    const rows: Row[] = [["2025-06", OTHER_DEPARTMENT, intensity.id, 95]];
    const { hf, targetCell, reportCell } = compute(flavour, rows);
    const [row] = checked(rows).rows;
    expect(targetCell(intensity.id, "trajectoryKind")).toBe("level");
    expect(targetCell(intensity.id, "targetValue")).toBeCloseTo(86.5, 9);
    expect(reportCell(0, "basisUsed")).toBe("水平");
    expect(reportCell(0, "expected")).toBeCloseTo(100 * Math.pow(0.865, 1.5 / 4), 9);
    expect(reportCell(0, "gap")).toBeCloseTo(row.gap, 12);
    expect(reportCell(0, "status")).toBe("预警");
    expect(row.statusLabel).toBe("预警");
    hf.destroy();
  });

  it("follows a typed 口径 累计 for the intensity, and says so", () => {
    const rows: Row[] = [["2025-06", OTHER_DEPARTMENT, intensity.id, 46, "累计"]];
    const { hf, reportCell } = compute(flavour, rows);
    const [row] = checked(rows).rows;
    expect(reportCell(0, "basisUsed")).toBe("累计");
    expect(reportCell(0, "expected")).toBeCloseTo(row.expected, 9);
    hf.destroy();
  });

  it("marks two rows with one department, target and period but different values 重复冲突 and leaves both out of 部门预警, as check rejects both", () => {
    // Review N6 (np_filled rows 10–11): "1,200" as text and 80.
    const rows: Row[] = [
      ["2025-06", DEPARTMENT, "示例-02", "1,200"],
      ["2025-06", DEPARTMENT, "示例-02", 80],
      ["2025-06", OTHER_DEPARTMENT, "示例-02", 4000],
    ];
    const { hf, reportCell, departmentCell } = compute(flavour, rows);
    const result = checked(rows);
    expect(result.errors.map((entry) => [entry.row, entry.code])).toEqual([
      [2, "conflictingDuplicate"],
      [3, "conflictingDuplicate"],
    ]);
    expect(
      [0, 1].map((index) => [reportCell(index, "status"), reportCell(index, "gap"), reportCell(index, "latest")]),
    ).toEqual([
      ["重复冲突", "", ""],
      ["重复冲突", "", ""],
    ]);
    expect(result.departments.map((entry) => entry.department)).not.toContain(DEPARTMENT);
    expect([
      departmentCell(DEPARTMENT, "behind"),
      departmentCell(DEPARTMENT, "atRisk"),
      departmentCell(DEPARTMENT, "onTrack"),
      departmentCell(DEPARTMENT, "reported"),
    ]).toEqual([0, 0, 0, 0]);
    expect(departmentCell(DEPARTMENT, "worstGap")).toBe("");
    // The other department's row is unaffected.
    expect(reportCell(2, "duplicate")).toBe("");
    expect(departmentCell(OTHER_DEPARTMENT, "reported")).toBe(1);
    hf.destroy();
  });

  it("counts identical duplicates once, as check keeps the first", () => {
    const rows: Row[] = [
      ["2025-06", DEPARTMENT, "示例-02", 4000],
      ["2025-06", DEPARTMENT, "示例-02", 4000],
      ["2025-06", DEPARTMENT, "示例-02", 4000, "累计"], // the 口径 it would default to anyway
    ];
    const { hf, reportCell, departmentCell } = compute(flavour, rows);
    const result = checked(rows);
    expect(result.rows).toHaveLength(1);
    expect([0, 1, 2].map((index) => [reportCell(index, "duplicate"), reportCell(index, "latest")])).toEqual([
      ["", 1],
      ["重复（计一次）", ""],
      ["重复（计一次）", ""],
    ]);
    expect(departmentCell(DEPARTMENT, "reported")).toBe(1);
    const counted = [
      departmentCell(DEPARTMENT, "behind"),
      departmentCell(DEPARTMENT, "atRisk"),
      departmentCell(DEPARTMENT, "onTrack"),
    ];
    expect(counted.reduce((sum, count) => Number(sum) + Number(count), 0)).toBe(1);
    hf.destroy();
  });

  it("treats the same value under another 口径 as a conflict (check: 口径不同)", () => {
    const rows: Row[] = [
      ["2025-06", DEPARTMENT, "示例-02", 4000],
      ["2025-06", DEPARTMENT, "示例-02", 4000, "水平"],
    ];
    const { hf, reportCell } = compute(flavour, rows);
    expect(checked(rows).errors.map((entry) => entry.code)).toEqual(["conflictingBasis", "conflictingBasis"]);
    expect([reportCell(0, "status"), reportCell(1, "status")]).toEqual(["重复冲突", "重复冲突"]);
    hf.destroy();
  });

  it("computes a report typed in row 303 and counts it in 部门预警 (the table holds targets × months rows)", () => {
    const rows: Row[] = [["2025-06", OTHER_DEPARTMENT, "示例-02", 3000]];
    const { hf, reportCell, departmentCell, reports } = compute(flavour, rows, {
      firstIndex: 300,
      reportRows: undefined,
    });
    expect(reports.table!.dataRowCount).toBe(reportRowsFor(catalog.targets));
    expect(reports.table!.dataRowCount).toBeGreaterThan(300);
    expect(reportCell(0, "status")).toBe(checked(rows).rows[0].statusLabel);
    expect(departmentCell(OTHER_DEPARTMENT, "reported")).toBe(1);
    expect(departmentCell(OTHER_DEPARTMENT, "behind")).toBe(1);
    hf.destroy();
  });

  it("shows a blank, not #N/A, in the list of departments behind when nobody is behind", () => {
    const { hf, laggardsCell, departmentCell, workbook } = compute(flavour, [["2025-06", DEPARTMENT, "示例-02", 5000]]);
    expect(departmentCell(DEPARTMENT, "onTrack")).toBe(1);
    if (flavour === "builtin") {
      expect(laggardsCell()).toBe("");
    } else {
      // The formula the add-in writes, evaluated by the product's LAGGARDS on the computed ranges.
      const departments = sheetByKey(workbook.sheets, "departments");
      const formula = String((departments.blocks.at(-1)!.cells[2][0] as { formula: string }).formula);
      expect(formula).toMatch(/^=LX\.LAGGARDS\(/);
      const names = departments.table!.rowKeys.map((name) => [name]);
      const gaps = departments.table!.rowKeys.map((name) => [departmentCell(name, "worstGap")]);
      expect(callSheetFunction("LAGGARDS", [names, gaps, 0.1])).toEqual([[""]]);
    }
    hf.destroy();
  });
});

describe("reportRowsFor", () => {
  it("gives one row per tracked target per month of the plan, between 300 and 5,000", () => {
    const tracked = catalog.targets.filter((entry) => entry.kind !== "milestone").length;
    expect(reportRowsFor(catalog.targets)).toBe(tracked * 12 * 4); // 2024–2027
    expect(reportRowsFor(catalog.targets.slice(0, 2))).toBe(300);
    expect(reportRowsFor(Array.from({ length: 200 }, (_, index) => ({ ...scrapGrowth, id: `x-${index}` })))).toBe(5000);
  });
});
