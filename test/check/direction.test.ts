/**
 * One direction rule (src/core/gap.ts pathDirection) for `liangxin check` and the sheet functions:
 * for the same report the check's gap and status equal TARGET_GAP's and TARGET_STATUS's.
 * Review finding 6: 漏损率 ≤ 9% from 12%, 10% in June 2025 was −0.080 in the sheet and +0.080 in check.
 */
import type { Catalog, Target } from "../../src/core/catalog";
import { runReportCheck } from "../../src/core/check";
import { prepareTarget } from "../../src/core/check/targets";
import { callSheetFunction } from "../../src/core/sheet/registry";
import { exampleCatalog, reportTable } from "./helpers";

const base = exampleCatalog();
const template = base.targets.find((target) => target.id === "示例-04") as Target; // a share target

function shareTarget(id: string, comparator: Target["comparator"], normalizedValue: number): Target {
  return {
    ...template,
    id,
    indicator: "公共供水管网漏损率",
    comparator,
    value: normalizedValue * 100,
    normalizedValue,
  };
}

const catalog: Catalog = {
  ...base,
  targets: [...base.targets, shareTarget("示例-21", "<=", 0.09), shareTarget("示例-22", "<=", 0.15)],
};
const baselines = new Map([
  ["示例-08", 100],
  ["示例-21", 0.12],
  ["示例-22", 0.12],
]);

function checkedRow(period: string, targetId: string, value: number) {
  const result = runReportCheck([reportTable("报表.csv", [[period, "市城市管理局", targetId, value, ""]])], catalog, {
    baselines,
  });
  expect(result.errors).toEqual([]);
  return result.rows[0];
}

describe("check and the sheet functions share one direction rule", () => {
  it("gives the review's leak-rate row (≤ 9% from 12%, 10% in June 2025) the same positive gap and 正常 as TARGET_GAP/TARGET_STATUS", () => {
    const row = checkedRow("2025-06", "示例-21", 0.1);
    const sheetGap = callSheetFunction("TARGET_GAP", [0.1, 0.12, 0.09, "2025-06", "share"]) as number;
    expect(row.gap).toBeCloseTo(0.0804597701, 9);
    expect(row.gap).toBeCloseTo(sheetGap, 12);
    expect(row.gapAbs).toBeCloseTo(
      callSheetFunction("TARGET_GAP", [0.1, 0.12, 0.09, "2025-06", "share", "abs"]) as number,
      12,
    );
    expect(row.statusLabel).toBe(callSheetFunction("TARGET_STATUS", [0.1, 0.12, 0.09, "2025-06", "share"]));
    expect(row.statusLabel).toBe("正常");
  });

  it("gives a decrease (能耗下降13.5%, target = baseline × 0.865) the same gap as TARGET_GAP on 100 → 86.5, on the level path an intensity follows", () => {
    const row = checkedRow("2025-06", "示例-08", 105);
    expect(row.targetValue).toBeCloseTo(86.5, 12);
    expect(row.basis).toBe("level");
    expect(row.gap).toBeCloseTo(callSheetFunction("TARGET_GAP", [105, 100, 86.5, "2025-06", "level"]) as number, 12);
    expect(row.status).toBe("behind");
  });

  it("follows the path, not the comparator, for a ≤ ceiling set above the baseline (≤ 15% from 12%): a rising path, as in the sheet", () => {
    const plan = prepareTarget(catalog.targets.find((target) => target.id === "示例-22") as Target, 0.12);
    expect(plan.ready && [plan.direction, plan.lowerIsBetter]).toEqual([1, false]);
    const row = checkedRow("2025-06", "示例-22", 0.13);
    expect(row.gap).toBeCloseTo(callSheetFunction("TARGET_GAP", [0.13, 0.12, 0.15, "2025-06", "share"]) as number, 12);
  });
});
