import { LiangxinError } from "../../src/core/errors";
import { requiredRunRate, targetGap } from "../../src/core/gap";
import { parseReportPeriod } from "../../src/core/period";
import { DEFAULT_TOLERANCE, targetStatus } from "../../src/core/status";
import { expectedAt } from "../../src/core/trajectory";

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
      expect.objectContaining({ code: "#DIV/0!", message: "targetGap：应达值为 0，无法计算相对差距 (targetGap cannot give a relative gap against an expected value of 0)" }),
    );
    expect(targetGap(5, 0, "abs")).toBe(5);
  });
});

describe("requiredRunRate", () => {
  it("for a yearly flow: the rest of this year's value spread over the months left", () => {
    // growth 100→200: 2025's value is 141.42; 60 done by June → 81.42 over 6 months.
    expect(requiredRunRate({ kind: "growth", baselineValue: 100, targetValue: 200 }, june2025, 60)).toBeCloseTo((141.4213562 - 60) / 6, 6);
    expect(requiredRunRate({ kind: "annual", baselineValue: 0, targetValue: 12 }, june2025, 3)).toBeCloseTo(1.5, 12);
  });

  it("for a total or a stock: what is left to the target over the months to the end of the target year", () => {
    expect(requiredRunRate({ kind: "cumulative", baselineValue: 0, targetValue: 400 }, june2025, 100)).toBeCloseTo(300 / 30, 12);
    expect(requiredRunRate({ kind: "level", baselineValue: 100, targetValue: 200 }, june2025, 130)).toBeCloseTo(70 / 30, 12);
    expect(requiredRunRate({ kind: "share", baselineValue: 0.6, targetValue: 0.3 }, june2025, 0.45)).toBeCloseTo(-0.15 / 30, 12);
  });

  it("is 0 once the goal is reached, even with no months left", () => {
    expect(requiredRunRate({ kind: "annual", baselineValue: 0, targetValue: 12 }, parseReportPeriod(2025), 13)).toBe(0);
    expect(requiredRunRate({ kind: "cumulative", baselineValue: 0, targetValue: 400 }, june2025, 500)).toBe(0);
  });

  it("gives #DIV/0! when no months are left and the goal is missed", () => {
    expect(() => requiredRunRate({ kind: "annual", baselineValue: 0, targetValue: 12 }, parseReportPeriod("2025-12"), 11)).toThrow(
      expect.objectContaining({ code: "#DIV/0!" }),
    );
  });

  it("rejects an invalid trajectory like expectedAt", () => {
    expect(() => requiredRunRate({ kind: "growth", baselineValue: 0, targetValue: 200 }, june2025, 1)).toThrow(LiangxinError);
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
      expect.objectContaining({ code: "#NUM!", message: "targetStatus：预警容差不能为负 (targetStatus requires a non-negative tolerance)" }),
    );
  });
});
