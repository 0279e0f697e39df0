import { LiangxinError } from "../../src/core/errors";
import { pathDirection, requiredRunRate, targetGap } from "../../src/core/gap";
import { parseReportPeriod } from "../../src/core/period";
import { DEFAULT_TOLERANCE, targetStatus } from "../../src/core/status";
import { checkPlanPeriod, expectedAt } from "../../src/core/trajectory";

const june2025 = parseReportPeriod("2025-06");

describe("targetGap", () => {
  it("gives the issue's worked gap: 60 against the growth path 100→200 in June 2025", () => {
    const expected = expectedAt({ kind: "growth", baselineValue: 100, targetValue: 200 }, june2025);
    expect(targetGap(60, expected)).toBeCloseTo(-0.15147, 5);
    expect(targetGap(60, expected, "abs")).toBeCloseTo(-10.71068, 5);
  });

  it("is positive when ahead and 0 on the path", () => {
    expect(targetGap(110, 100)).toBeCloseTo(0.1, 12);
    expect(targetGap(100, 100)).toBe(0);
  });

  it("gives #DIV/0! for a relative gap against 0 but an absolute gap is fine", () => {
    expect(() => targetGap(5, 0)).toThrow(
      expect.objectContaining({
        code: "#DIV/0!",
        message:
          "targetGap：应达值为 0，无法计算相对差距 (targetGap cannot give a relative gap against an expected value of 0)",
      }),
    );
    expect(targetGap(5, 0, "abs")).toBe(5);
  });
});

describe("pathDirection", () => {
  it("falls where a growth, level or share target is below its baseline, and rises otherwise", () => {
    expect(pathDirection("share", 0.12, 0.09)).toBe(-1); // 漏损率 12% → ≤ 9%
    expect(pathDirection("growth", 100, 86.5)).toBe(-1); // 能耗较2023年下降13.5%
    expect(pathDirection("level", 100, 200)).toBe(1);
    expect(pathDirection("share", 0.5, 0.5)).toBe(1); // holding a level counts as rising
  });

  it("always rises for totals and per-year amounts, which count from 0", () => {
    expect(pathDirection("cumulative", 500, 400)).toBe(1);
    expect(pathDirection("annual", 20, 10)).toBe(1);
  });
});

describe("targetGap on a falling path", () => {
  // Review finding 6: 漏损率 10% in June 2025 against 12% → 9% was −0.080 in the sheet and +0.080 in check.
  const expected = expectedAt({ kind: "share", baselineValue: 0.12, targetValue: 0.09 }, june2025); // 0.10875

  it("is positive (ahead) below the path and negative (behind) above it", () => {
    expect(expected).toBeCloseTo(0.10875, 12);
    expect(targetGap(0.1, expected, "rel", -1)).toBeCloseTo(1 - 0.1 / 0.10875, 12);
    expect(targetGap(0.1, expected, "rel", -1)).toBeGreaterThan(0);
    expect(targetGap(0.12, expected, "rel", -1)).toBeCloseTo(-(0.12 / 0.10875 - 1), 12);
    expect(targetGap(0.1, expected, "abs", -1)).toBeCloseTo(0.00875, 12);
  });

  it("is exactly 0 on the path, never −0", () => {
    expect(Object.is(targetGap(0.10875, 0.10875, "rel", -1), 0)).toBe(true);
    expect(Object.is(targetGap(5, 5, "abs", -1), 0)).toBe(true);
  });

  it("gives 正常 for a reduction ahead of its path and 落后 for one well above it", () => {
    expect(targetStatus(targetGap(0.1, expected, "rel", -1))).toBe("onTrack");
    expect(targetStatus(targetGap(0.125, expected, "rel", -1))).toBe("behind");
  });
});

describe("checkPlanPeriod", () => {
  it("accepts the base year through the target year", () => {
    expect(() => checkPlanPeriod(parseReportPeriod(2023), 2023, 2027)).not.toThrow();
    expect(() => checkPlanPeriod(parseReportPeriod("2027-12"), 2023, 2027)).not.toThrow();
  });

  it("gives #NUM! with both years for a report before the base year or after the target year", () => {
    expect(() => checkPlanPeriod(parseReportPeriod("2028-01"), 2023, 2027)).toThrow(
      expect.objectContaining({
        code: "#NUM!",
        message:
          "checkPlanPeriod：报告期 2028-01 在规划期之外（2023–2027 年） (checkPlanPeriod: the report date 2028-01 is outside the plan period 2023–2027)",
      }),
    );
    expect(() => checkPlanPeriod(parseReportPeriod("2022-06"))).toThrow(expect.objectContaining({ code: "#NUM!" }));
  });
});

describe("requiredRunRate", () => {
  it("for a yearly flow: the rest of this year's value spread over the months left", () => {
    // growth 100→200: 2025's value is 141.42; 60 done by June → 81.42 over 6 months.
    expect(requiredRunRate({ kind: "growth", baselineValue: 100, targetValue: 200 }, june2025, 60)).toBeCloseTo(
      (141.4213562 - 60) / 6,
      6,
    );
    expect(requiredRunRate({ kind: "annual", baselineValue: 0, targetValue: 12 }, june2025, 3)).toBeCloseTo(1.5, 12);
  });

  it("for a total or a stock: what is left to the target over the months to the end of the target year", () => {
    expect(requiredRunRate({ kind: "cumulative", baselineValue: 0, targetValue: 400 }, june2025, 100)).toBeCloseTo(
      300 / 30,
      12,
    );
    expect(requiredRunRate({ kind: "level", baselineValue: 100, targetValue: 200 }, june2025, 130)).toBeCloseTo(
      70 / 30,
      12,
    );
    expect(requiredRunRate({ kind: "share", baselineValue: 0.6, targetValue: 0.3 }, june2025, 0.45)).toBeCloseTo(
      -0.15 / 30,
      12,
    );
  });

  it("is 0 once the goal is reached, even with no months left", () => {
    expect(requiredRunRate({ kind: "annual", baselineValue: 0, targetValue: 12 }, parseReportPeriod(2025), 13)).toBe(0);
    expect(requiredRunRate({ kind: "cumulative", baselineValue: 0, targetValue: 400 }, june2025, 500)).toBe(0);
  });

  it("gives #DIV/0! when no months are left and the goal is missed", () => {
    expect(() =>
      requiredRunRate({ kind: "annual", baselineValue: 0, targetValue: 12 }, parseReportPeriod("2025-12"), 11),
    ).toThrow(expect.objectContaining({ code: "#DIV/0!" }));
  });

  it("rejects an invalid trajectory like expectedAt", () => {
    expect(() => requiredRunRate({ kind: "growth", baselineValue: 0, targetValue: 200 }, june2025, 1)).toThrow(
      LiangxinError,
    );
  });
});

describe("targetStatus", () => {
  it("is 落后 below −tolerance, 预警 within it, 正常 at or above 0", () => {
    expect(DEFAULT_TOLERANCE).toBe(0.1);
    expect(targetStatus(-0.15147)).toBe("behind");
    expect(targetStatus(-0.1)).toBe("atRisk");
    expect(targetStatus(-0.05)).toBe("atRisk");
    expect(targetStatus(0)).toBe("onTrack");
    expect(targetStatus(0.2)).toBe("onTrack");
  });

  it("takes a settable tolerance", () => {
    expect(targetStatus(-0.15, 0.2)).toBe("atRisk");
    expect(targetStatus(-0.01, 0)).toBe("behind");
  });

  it("turns an on-track figure whose forecast misses the target into 预警", () => {
    expect(targetStatus(0.05, 0.1, true)).toBe("atRisk");
    expect(targetStatus(-0.5, 0.1, true)).toBe("behind");
  });

  it("rejects a negative tolerance with #NUM!", () => {
    expect(() => targetStatus(0, -0.1)).toThrow(
      expect.objectContaining({
        code: "#NUM!",
        message: "targetStatus：预警容差不能为负 (targetStatus requires a non-negative tolerance)",
      }),
    );
  });
});
