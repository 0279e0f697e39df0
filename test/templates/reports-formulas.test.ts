/**
 * 月度填报 and 部门预警 computed by HyperFormula, in both flavours (the add-in flavour with the product's
 * own sheet functions plugged in under their LX. names): a reduction target's gap has the core's sign,
 * and a row outside the plan period shows 期外 and is left out of 部门预警, as `liangxin check` rejects it.
 */
import * as fs from "fs";
import * as path from "path";
import type { Catalog, Target } from "../../src/core/catalog";
import { callSheetFunction } from "../../src/core/sheet/registry";
import { columnIndex, renderWorkbook, sheetByKey } from "../../src/workbook";
import type { Flavour, RenderedSheet } from "../../src/workbook";
import { recalculate, useSheetFunctions } from "../helpers/hyperformula";

const PLUGGED = ["TRAJECTORY", "TARGET_GAP", "TARGET_STATUS", "REQUIRED_GROWTH"];

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/catalog-sample.json"), "utf8")) as Catalog;
const share = fixture.targets.find((target) => target.kind === "share") as Target;
const DEPARTMENT = "市城市管理局";
// 公共供水管网漏损率 ≤ 9% from a 2023 baseline of 12% (review finding 6).
const leak: Target = {
  ...share,
  id: "示例-21",
  indicator: "公共供水管网漏损率",
  comparator: "<=",
  value: 9,
  unit: "%",
  normalizedValue: 0.09,
  lead: DEPARTMENT,
  support: [],
};
const catalog: Catalog = { ...fixture, targets: [...fixture.targets, leak] };

function columnOf(sheet: RenderedSheet, key: string): number {
  const column = sheet.table?.columns.find((candidate) => candidate.key === key);
  if (!column) throw new Error(`no column ${key}`);
  return columnIndex(column.letter);
}

interface Report {
  period: string | number;
  value: number;
}

/** Renders, types the leak rate's baseline and the report rows as a planner would, and recalculates. */
function compute(flavour: Flavour, reports: readonly Report[]) {
  const workbook = renderWorkbook(catalog, { flavour, reportRows: 8 });
  const hf = recalculate(workbook, ["budget"]);
  const targets = sheetByKey(workbook.sheets, "targets");
  const reportSheet = sheetByKey(workbook.sheets, "reports");
  const departments = sheetByKey(workbook.sheets, "departments");
  const targetsId = hf.getSheetId(targets.name) as number;
  const reportsId = hf.getSheetId(reportSheet.name) as number;
  const leakRow = targets.table!.firstDataRow - 1 + catalog.targets.indexOf(leak);
  hf.setCellContents({ sheet: targetsId, col: columnOf(targets, "baseline"), row: leakRow }, 0.12);
  reports.forEach((report, index) => {
    const row = reportSheet.table!.firstDataRow - 1 + index;
    hf.setCellContents({ sheet: reportsId, col: columnOf(reportSheet, "period"), row }, report.period);
    hf.setCellContents({ sheet: reportsId, col: columnOf(reportSheet, "department"), row }, DEPARTMENT);
    hf.setCellContents({ sheet: reportsId, col: columnOf(reportSheet, "targetId"), row }, leak.id);
    hf.setCellContents({ sheet: reportsId, col: columnOf(reportSheet, "reportedValue"), row }, report.value);
  });
  const reportCell = (index: number, key: string) =>
    hf.getCellValue({
      sheet: reportsId,
      col: columnOf(reportSheet, key),
      row: reportSheet.table!.firstDataRow - 1 + index,
    });
  const departmentRow = departments.table!.rowKeys.indexOf(DEPARTMENT) + departments.table!.firstDataRow - 1;
  const departmentCell = (key: string) =>
    hf.getCellValue({
      sheet: hf.getSheetId(departments.name) as number,
      col: columnOf(departments, key),
      row: departmentRow,
    });
  return { reportCell, departmentCell, hf };
}

describe.each<Flavour>(["builtin", "addin"])("月度填报 and 部门预警 (%s flavour)", (flavour) => {
  useSheetFunctions(PLUGGED);

  it("gives the leak rate below its falling path the core's positive gap and 正常", () => {
    const { reportCell, hf } = compute(flavour, [{ period: "2025-06", value: 0.1 }]);
    const coreGap = callSheetFunction("TARGET_GAP", [0.1, 0.12, 0.09, "2025-06", "share"]) as number;
    expect(coreGap).toBeCloseTo(0.0804597701, 9);
    expect(reportCell(0, "expected")).toBeCloseTo(0.10875, 12);
    expect(reportCell(0, "gap")).toBeCloseTo(coreGap, 12);
    expect(reportCell(0, "status")).toBe("正常");
    hf.destroy();
  });

  it("shows 期外 for rows after the target year or before the start year, with no trajectory or gap, and keeps them out of 部门预警", () => {
    const { reportCell, departmentCell, hf } = compute(flavour, [
      { period: "2025-06", value: 0.125 }, // behind: above the falling path
      { period: "2028-01", value: 0.05 }, // after 2027: would otherwise be the latest report, and 正常
      { period: "2023-06", value: 0.05 }, // the base year: check starts at 2024
    ]);
    expect(
      [1, 2].map((index) => [
        reportCell(index, "status"),
        reportCell(index, "expected"),
        reportCell(index, "gap"),
        reportCell(index, "latest"),
      ]),
    ).toEqual([
      ["期外", "", "", ""],
      ["期外", "", "", ""],
    ]);
    expect(reportCell(0, "status")).toBe("落后");
    expect(reportCell(0, "latest")).toBe(1);
    expect([
      departmentCell("behind"),
      departmentCell("atRisk"),
      departmentCell("onTrack"),
      departmentCell("reported"),
    ]).toEqual([1, 0, 0, 1]);
    expect(departmentCell("worstGap")).toBeCloseTo(
      callSheetFunction("TARGET_GAP", [0.125, 0.12, 0.09, "2025-06", "share"]) as number,
      12,
    );
    hf.destroy();
  });

  it("reads the period 2025.06 (a number) and 202506 as June 2025, like the functions and check", () => {
    const { reportCell, hf } = compute(flavour, [
      { period: 2025.06, value: 0.1 },
      { period: 202506, value: 0.1 },
      { period: "2025.06", value: 0.1 },
    ]);
    for (const index of [0, 1, 2]) {
      expect([reportCell(index, "year"), reportCell(index, "month")]).toEqual([2025, 6]);
      expect(reportCell(index, "expected")).toBeCloseTo(0.10875, 12);
    }
    hf.destroy();
  });
});
