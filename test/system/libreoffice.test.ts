/**
 * The workbook without the add-in: generate each workbook, fill baselines and monthly figures as a
 * user would, let LibreOffice (Debian's libreoffice-calc, headless) recalculate it, and check that
 * every computed cell equals the toolkit's own core functions to 1e-6.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Catalog, Target } from "../../src/core/catalog";
import { BUNDLED_CITIES } from "../../src/core/cities";
import { decodePlanBytes } from "../../src/core/decode";
import { extractCatalog } from "../../src/core/extract";
import { STATUS_LABELS } from "../../src/core/i18n";
import { parseReportPeriod } from "../../src/core/period";
import { pathDirection, targetGap } from "../../src/core/gap";
import { DEFAULT_TOLERANCE, targetStatus } from "../../src/core/status";
import type { TrajectoryKind } from "../../src/core/trajectory";
import {
  expectedValue,
  planYears,
  requiredGrowth,
  targetValueFromCatalog,
  targetValueRule,
  trajectoryKindForTarget,
} from "../../src/core/trajectory";
import { renderWorkbook, sheetByKey, TRAJECTORY_YEARS } from "../../src/workbook";
import type { RenderedWorkbook } from "../../src/workbook";
import { writeWorkbookXlsx } from "../../src/xlsx";

const ROOT = path.join(__dirname, "../..");
const fixture = JSON.parse(fs.readFileSync(path.join(ROOT, "test/fixtures/catalog-sample.json"), "utf8")) as Catalog;

function bundledCatalogs(): Array<{ name: string; catalog: Catalog }> {
  return BUNDLED_CITIES.map((city) => ({
    name: city.slug,
    catalog: extractCatalog(decodePlanBytes(fs.readFileSync(path.join(ROOT, "seeds", city.file))).text, {
      cityName: city.name,
    }),
  })).filter((entry) => entry.catalog.targets.length > 0); // the extractor may not find targets yet
}

// A reduction target (review finding 6): 公共供水管网漏损率 ≤ 9%, from a 2023 baseline of 12%.
const shareTemplate = fixture.targets.find((target) => target.kind === "share") as Target;
const LEAK: Target = {
  ...shareTemplate,
  id: "示例-21",
  indicator: "公共供水管网漏损率",
  comparator: "<=",
  value: 9,
  unit: "%",
  normalizedValue: 0.09,
  support: [],
};
// Second review N3/N4: 报废汽车回收量年均增长15% (a growth rate, compounding) and 单位GDP能耗下降13.5% (an intensity: a month-end level).
const growthTemplate = fixture.targets.find((target) => target.kind === "growth_vs_baseline") as Target;
const SCRAP_GROWTH: Target = {
  ...growthTemplate,
  id: "示例-31",
  kind: "annual",
  indicator: "报废汽车回收量",
  value: 15,
  unit: "%",
  normalizedValue: 0.15,
  baseYear: null,
  startYear: 2024,
};
const INTENSITY: Target = {
  ...growthTemplate,
  id: "示例-32",
  indicator: "单位地区生产总值能耗",
  value: 13.5,
  unit: "%",
  normalizedValue: -0.135,
  baseYear: 2023,
};
const fixtureWithReduction: Catalog = { ...fixture, targets: [...fixture.targets, LEAK, SCRAP_GROWTH, INTENSITY] };

const CASES = [{ name: "fixture", catalog: fixtureWithReduction }, ...bundledCatalogs()];

// ---- what the user types -------------------------------------------------------------------

interface Filled {
  baselines: Map<string, number>;
  /** `conflict`: a row repeating another's department, target and period with another value (重复冲突; check rejects both). */
  reports: Array<{
    period: string | number | Date;
    department: string;
    targetId: string;
    value: number | string;
    basis: string | null;
    conflict?: boolean;
  }>;
}

const YEARS_OF = (target: Target) => planYears(target);

/** Deterministic inputs: a baseline for every target that needs one, and reports at text, year and date periods. */
function userInputs(catalog: Catalog, departments: readonly string[]): Filled {
  const baselines = new Map<string, number>();
  catalog.targets.forEach((target, index) => {
    const rule = targetValueRule(target);
    const normalized = target.normalizedValue ?? 0;
    if (rule === "relative" || rule === "annualRate") baselines.set(target.id, 80 + 7 * index);
    else if (rule === "points" || rule === "annualPoints") baselines.set(target.id, 0.5);
    else if (rule === "value" && target.kind === "level" && normalized > 0) baselines.set(target.id, normalized * 0.6);
    else if (rule === "value" && target.kind === "share") baselines.set(target.id, normalized * 0.5);
  });
  const periods: Array<string | number | Date> = [
    "2025-06",
    2026,
    new Date(Date.UTC(2025, 8, 15)),
    "2024-12",
    "2025年3月",
    "2027-11",
  ];
  const factors = [1.03, 0.96, 0.8, 1.2, 0.91, 0.5];
  const reports: Filled["reports"] = [];
  // The leak rate gets its own reports below (a generic one in June 2025 would duplicate them: 重复冲突).
  const usable = catalog.targets.filter(
    (target) =>
      target.id !== LEAK.id &&
      trajectoryKindForTarget(target) &&
      target.normalizedValue !== null &&
      (target.normalizedValue > 0 || target.id === INTENSITY.id),
  );
  const chosen = [
    ...new Set([
      ...usable.slice(0, 24),
      ...usable.filter((target) => target.id === SCRAP_GROWTH.id || target.id === INTENSITY.id),
    ]),
  ];
  chosen.forEach((target, index) => {
    const department = target.lead ?? departments[0];
    const kind = trajectoryKindForTarget(target) as TrajectoryKind;
    const basis = kind === "growth" && index % 4 === 1 ? "水平" : null;
    for (const offset of [0, 3]) {
      const period = periods[(index + offset) % periods.length];
      const expected = coreExpected(target, baselines.get(target.id) ?? null, period, basis);
      if (expected === null) continue;
      reports.push({
        period,
        department,
        targetId: target.id,
        value: Math.round(expected * factors[(index + offset) % factors.length] * 1000) / 1000,
        basis,
      });
    }
  });
  // Second review N6 (np_filled rows 10–11): one department, target and period twice, as the text "1,200" and as 80.
  const twice = catalog.targets.find((target) => target.id === "南平-12") ?? usable[0];
  if (twice) {
    const department = twice.lead ?? departments[0];
    reports.push({ period: "2026-02", department, targetId: twice.id, value: "1,200", basis: null, conflict: true });
    reports.push({ period: "2026-02", department, targetId: twice.id, value: 80, basis: null, conflict: true });
  }
  const leak = catalog.targets.find((target) => target.id === LEAK.id);
  if (leak) {
    const department = leak.lead ?? departments[0];
    baselines.set(LEAK.id, 0.12);
    // Below the falling path (ahead), above it (behind), and a month typed as the number 2025.06 and as 202506.
    reports.push({ period: "2025-06", department, targetId: LEAK.id, value: 0.1, basis: null });
    reports.push({ period: 2025.09, department: departments[1], targetId: LEAK.id, value: 0.125, basis: null });
    reports.push({ period: "202603", department: departments[2], targetId: LEAK.id, value: 0.1, basis: null });
    // Outside the plan period: shown as 期外, left out of 部门预警 (check rejects them). The 2028 row would
    // otherwise be the department's latest report of the target.
    reports.push({ period: "2028-01", department, targetId: LEAK.id, value: 0.2, basis: null });
    reports.push({ period: "2023-06", department, targetId: LEAK.id, value: 0.2, basis: null });
  }
  return { baselines, reports };
}

/** As `liangxin check` decides: a report outside the start year … target year is rejected. */
function outsidePlan(target: Target, period: string | number | Date): boolean {
  const { year } = parseReportPeriod(period);
  const years = YEARS_OF(target);
  return year < years.startYear || year > years.targetYear;
}

/** The core's gap: signed by the path's direction (pathDirection), so negative always means behind. */
function coreGap(target: Target, baseline: number | null, report: Filled["reports"][number], expected: number): number {
  const kind = effectiveKind(target, report.basis) as TrajectoryKind;
  const targetValue = targetValueFromCatalog(target, baseline) as number;
  return targetGap(Number(report.value), expected, "rel", pathDirection(kind, baseline ?? 0, targetValue));
}

// ---- the core's answers ----------------------------------------------------------------------

function effectiveKind(target: Target, basis: string | null): TrajectoryKind | null {
  return trajectoryKindForTarget(target, basis ? (basis === "水平" ? "level" : "ytd") : undefined);
}

function coreExpected(
  target: Target,
  baseline: number | null,
  period: string | number | Date,
  basis: string | null,
): number | null {
  const kind = effectiveKind(target, basis);
  const targetValue = targetValueFromCatalog(target, baseline);
  if (!kind || targetValue === null) return null;
  if ((kind === "growth" || kind === "level" || kind === "share") && baseline === null) return null;
  const { year, month } = parseReportPeriod(period instanceof Date ? period : period);
  const years = YEARS_OF(target);
  return expectedValue(
    kind,
    baseline ?? 0,
    targetValue,
    year,
    month,
    years.baseYear,
    years.targetYear,
    years.startYear,
  );
}

import { computed, expectClose, letterOf, readSheetValues, recalculateWithLibreOffice } from "./lo";

// ---- the test ------------------------------------------------------------------------------------

describe("workbook recalculated by LibreOffice", () => {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-lo-"));
  const outDir = path.join(workDir, "recalculated");
  const prepared: Array<{ name: string; catalog: Catalog; rendered: RenderedWorkbook; filled: Filled }> = [];

  beforeAll(async () => {
    const files: string[] = [];
    for (const { name, catalog } of CASES) {
      const rendered = renderWorkbook(catalog, { flavour: "builtin", reportRows: 80 });
      const departments = sheetByKey(rendered.sheets, "departments").table!.rowKeys;
      const filled = userInputs(catalog, departments);
      // The untouched file keeps its charts; LibreOffice must read them (checked below).
      fs.writeFileSync(path.join(workDir, `${name}-charts.xlsx`), await writeWorkbookXlsx(rendered));
      files.push(path.join(workDir, `${name}-charts.xlsx`));

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await writeWorkbookXlsx(rendered)) as unknown as ExcelJS.Buffer);
      const targets = sheetByKey(rendered.sheets, "targets").table!;
      const targetSheet = workbook.getWorksheet("目标总表")!;
      targets.rowKeys.forEach((id, index) => {
        const baseline = filled.baselines.get(id);
        if (baseline !== undefined)
          targetSheet.getCell(`${letterOf(targets, "baseline")}${targets.firstDataRow + index}`).value = baseline;
      });
      const reports = sheetByKey(rendered.sheets, "reports").table!;
      const reportSheet = workbook.getWorksheet("月度填报")!;
      filled.reports.forEach((report, index) => {
        const row = reports.firstDataRow + index;
        reportSheet.getCell(`${letterOf(reports, "period")}${row}`).value = report.period;
        reportSheet.getCell(`${letterOf(reports, "department")}${row}`).value = report.department;
        reportSheet.getCell(`${letterOf(reports, "targetId")}${row}`).value = report.targetId;
        reportSheet.getCell(`${letterOf(reports, "reportedValue")}${row}`).value = report.value;
        if (report.basis) reportSheet.getCell(`${letterOf(reports, "basis")}${row}`).value = report.basis;
      });
      const file = path.join(workDir, `${name}.xlsx`);
      await workbook.xlsx.writeFile(file);
      files.push(file);
      prepared.push({ name, catalog, rendered, filled });
    }
    recalculateWithLibreOffice(files, outDir);
  });

  afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

  const recalculated = (name: string) => ({
    getWorksheet: (sheetName: string) => readSheetValues(path.join(outDir, `${name}.xlsx`), sheetName),
  });

  it.each(CASES.map((entry) => entry.name))(
    "%s: target value and required growth (RRI) match the core",
    async (name) => {
      const { catalog, rendered, filled } = prepared.find((entry) => entry.name === name)!;
      const sheet = await recalculated(name).getWorksheet("目标总表");
      const table = sheetByKey(rendered.sheets, "targets").table!;
      let checked = 0;
      catalog.targets.forEach((target, index) => {
        const row = table.firstDataRow + index;
        const baseline = filled.baselines.get(target.id) ?? null;
        const targetValue = targetValueFromCatalog(target, baseline);
        const cell = computed(sheet, `${letterOf(table, "targetValue")}${row}`);
        if (targetValue === null) expect(cell === null || cell === "").toBe(true);
        else expectClose(cell, targetValue, `${target.id} 目标值`);
        const kind = trajectoryKindForTarget(target);
        if ((kind === "growth" || kind === "level") && baseline !== null && targetValue !== null) {
          const years = YEARS_OF(target);
          expectClose(
            computed(sheet, `${letterOf(table, "requiredGrowth")}${row}`),
            requiredGrowth(baseline, targetValue, years.baseYear, years.targetYear),
            `${target.id} 年均增速`,
          );
          checked++;
        }
      });
      expect(checked).toBeGreaterThan(0);
    },
  );

  it.each(CASES.map((entry) => entry.name))("%s: yearly trajectory 2023…2027 matches the core", async (name) => {
    const { catalog, rendered, filled } = prepared.find((entry) => entry.name === name)!;
    const sheet = await recalculated(name).getWorksheet("年度轨迹");
    const table = sheetByKey(rendered.sheets, "trajectory").table!;
    let checked = 0;
    catalog.targets.forEach((target, index) => {
      const years = YEARS_OF(target);
      for (const year of TRAJECTORY_YEARS) {
        // No trajectory outside the plan's base year … target year (TRAJECTORY gives #NUM! there).
        const inPlan = year >= years.baseYear && year <= years.targetYear;
        const expected = inPlan ? coreExpected(target, filled.baselines.get(target.id) ?? null, year, null) : null;
        const cell = computed(sheet, `${letterOf(table, `expected${year}`)}${table.firstDataRow + index}`);
        if (expected === null) expect(cell === null || cell === "").toBe(true);
        else {
          expectClose(cell, expected, `${target.id} ${year}`);
          checked++;
        }
      }
    });
    expect(checked).toBeGreaterThan(0);
  });

  it.each(CASES.map((entry) => entry.name))("%s: monthly trajectory, gap and status match the core", async (name) => {
    const { catalog, rendered, filled } = prepared.find((entry) => entry.name === name)!;
    const sheet = await recalculated(name).getWorksheet("月度填报");
    const table = sheetByKey(rendered.sheets, "reports").table!;
    expect(filled.reports.length).toBeGreaterThan(0);
    filled.reports.forEach((report, index) => {
      const row = table.firstDataRow + index;
      const target = catalog.targets.find((candidate) => candidate.id === report.targetId)!;
      const label = `${report.targetId} ${String(report.period)}`;
      if (report.conflict) {
        const cells = ["gap", "status", "latest"].map((key) => computed(sheet, `${letterOf(table, key)}${row}`));
        expect({ label, cells }).toEqual({ label, cells: ["", "重复冲突", ""] });
        return;
      }
      if (outsidePlan(target, report.period)) {
        const cells = ["expected", "gap", "status"].map((key) => computed(sheet, `${letterOf(table, key)}${row}`));
        expect({ label, cells }).toEqual({ label, cells: ["", "", "期外"] });
        return;
      }
      const expected = coreExpected(
        target,
        filled.baselines.get(target.id) ?? null,
        report.period,
        report.basis,
      ) as number;
      expectClose(computed(sheet, `${letterOf(table, "expected")}${row}`), expected, `${label} 轨迹值`);
      const gap = coreGap(target, filled.baselines.get(target.id) ?? null, report, expected);
      expectClose(computed(sheet, `${letterOf(table, "gap")}${row}`), gap, `${label} 差距`);
      expect(computed(sheet, `${letterOf(table, "status")}${row}`)).toBe(
        STATUS_LABELS["zh-CN"][targetStatus(gap, DEFAULT_TOLERANCE)],
      );
    });
    if (name === "fixture") {
      // The leak rate at 10% in June 2025, below its falling path (10.875%): ahead, as check and TARGET_GAP say.
      const row =
        table.firstDataRow +
        filled.reports.findIndex(
          (report) => report.targetId === LEAK.id && report.period === "2025-06" && report.value === 0.1,
        );
      expectClose(computed(sheet, `${letterOf(table, "gap")}${row}`), 1 - 0.1 / 0.10875, "漏损率 差距");
      expect(computed(sheet, `${letterOf(table, "status")}${row}`)).toBe("正常");
    }
  });

  it.each(CASES.map((entry) => entry.name))(
    "%s: department counts and worst gap use each target's latest report",
    async (name) => {
      const { catalog, rendered, filled } = prepared.find((entry) => entry.name === name)!;
      const sheet = await recalculated(name).getWorksheet("部门预警");
      const table = sheetByKey(rendered.sheets, "departments").table!;
      // The core's view: latest report per (department, target).
      const latest = new Map<string, { order: number; gap: number; department: string }>();
      for (const report of filled.reports) {
        const target = catalog.targets.find((candidate) => candidate.id === report.targetId)!;
        if (outsidePlan(target, report.period) || report.conflict) continue; // rejected by check, 期外 or 重复冲突 in the sheet
        const period = parseReportPeriod(report.period);
        const expected = coreExpected(
          target,
          filled.baselines.get(target.id) ?? null,
          report.period,
          report.basis,
        ) as number;
        const key = `${report.department}\u0000${report.targetId}`;
        const order = period.year * 100 + period.month;
        const gap = coreGap(target, filled.baselines.get(target.id) ?? null, report, expected);
        if ((latest.get(key)?.order ?? -1) < order) latest.set(key, { order, gap, department: report.department });
      }
      let behindDepartments = 0;
      table.rowKeys.forEach((department, index) => {
        const row = table.firstDataRow + index;
        const gaps = [...latest.values()].filter((entry) => entry.department === department).map((entry) => entry.gap);
        const count = (code: "behind" | "atRisk" | "onTrack") =>
          gaps.filter((gap) => targetStatus(gap) === code).length;
        expect([
          computed(sheet, `${letterOf(table, "behind")}${row}`),
          computed(sheet, `${letterOf(table, "atRisk")}${row}`),
          computed(sheet, `${letterOf(table, "onTrack")}${row}`),
        ]).toEqual([count("behind"), count("atRisk"), count("onTrack")]);
        if (gaps.length > 0)
          expectClose(
            computed(sheet, `${letterOf(table, "worstGap")}${row}`),
            Math.min(...gaps),
            `${department} 最差差距`,
          );
        else expect(computed(sheet, `${letterOf(table, "worstGap")}${row}`)).toBe("");
        if (gaps.length > 0 && Math.min(...gaps) < -DEFAULT_TOLERANCE) behindDepartments++;
      });
      // The built-in LAGGARDS fallback lists the departments behind, worst first.
      const listed: string[] = [];
      for (let row = table.firstDataRow; row < table.firstDataRow + table.dataRowCount; row++) {
        const value = computed(sheet, `I${row}`);
        if (typeof value === "string" && value !== "") listed.push(value);
      }
      const worstOf = (department: string) =>
        Math.min(...[...latest.values()].filter((entry) => entry.department === department).map((entry) => entry.gap));
      expect(listed.length).toBe(behindDepartments);
      if (name === "fixture") expect(behindDepartments).toBeGreaterThan(0); // the fixture's inputs include laggards
      expect(listed.map(worstOf)).toEqual([...listed.map(worstOf)].sort((a, b) => a - b));
    },
  );

  it.each(CASES.map((entry) => entry.name))(
    "%s: LibreOffice reads the trajectory and department charts",
    async (name) => {
      const zip = await JSZip.loadAsync(fs.readFileSync(path.join(outDir, `${name}-charts.xlsx`)));
      const charts = await Promise.all(
        Object.keys(zip.files)
          .filter((file) => /^xl\/charts\/chart\d+\.xml$/.test(file))
          .map((file) => zip.file(file)!.async("string")),
      );
      expect(charts.some((xml) => xml.includes("<c:lineChart>") && xml.includes("$B$4:$F$4"))).toBe(true);
      expect(charts.some((xml) => xml.includes("<c:barChart>") && xml.includes("部门预警"))).toBe(true);
    },
  );
});
