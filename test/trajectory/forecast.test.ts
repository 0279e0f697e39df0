import { forecastTarget, studentTCdf, studentTQuantile } from "../../src/core/forecast";
import type { ReportPeriod } from "../../src/core/period";

const yearEnd = (year: number): ReportPeriod => ({ year, month: 12, wholeYear: true });
const monthEnd = (year: number, month: number): ReportPeriod => ({ year, month, wholeYear: false });

describe("forecastTarget", () => {
  it("projects an exact straight line to the end of the target year", () => {
    const observations = [2023, 2024, 2025].map((year, index) => ({ period: yearEnd(year), value: 100 + 10 * index }));
    const forecast = forecastTarget(observations, 2027, 135);
    expect(forecast.model).toBe("linear");
    expect(forecast.value).toBeCloseTo(140, 9);
    expect(forecast.low).toBeCloseTo(140, 9);
    expect(forecast.high).toBeCloseTo(140, 9);
    expect(forecast.r2).toBeCloseTo(1, 12);
    expect(forecast.probability).toBe(1);
    expect(forecastTarget(observations, 2027, 150).probability).toBe(0);
  });

  it("chooses the log-linear fit for a constant growth rate", () => {
    // 10% a month on monthly stock levels.
    const observations = [1, 2, 3, 4, 5, 6].map((month) => ({
      period: monthEnd(2025, month),
      value: 50 * 1.1 ** month,
    }));
    const forecast = forecastTarget(observations, 2025);
    expect(forecast.model).toBe("loglinear");
    expect(forecast.value).toBeCloseTo(50 * 1.1 ** 12, 6);
    expect(Number.isNaN(forecast.probability)).toBe(true);
  });

  it("gives a 95% interval that contains the projection and a probability that falls as the target rises", () => {
    const noise = [0.8, -1.1, 0.4, 0.9, -0.7, -0.3];
    const observations = noise.map((error, index) => ({
      period: monthEnd(2025, index + 1),
      value: 10 + 2 * (index + 1) + error,
    }));
    const forecast = forecastTarget(observations, 2025, 34);
    expect(forecast.model).toBe("linear");
    expect(forecast.low).toBeLessThan(forecast.value);
    expect(forecast.high).toBeGreaterThan(forecast.value);
    expect(forecast.value).toBeGreaterThan(32);
    expect(forecast.value).toBeLessThan(36);
    // The target at the projection → about even odds; far above → near 0; far below → near 1.
    expect(forecastTarget(observations, 2025, forecast.value).probability).toBeCloseTo(0.5, 9);
    expect(forecastTarget(observations, 2025, forecast.high).probability).toBeCloseTo(0.025, 6);
    expect(forecastTarget(observations, 2025, forecast.low).probability).toBeCloseTo(0.975, 6);
  });

  it("needs three values at two or more dates", () => {
    expect(() =>
      forecastTarget(
        [
          { period: yearEnd(2024), value: 1 },
          { period: yearEnd(2025), value: 2 },
        ],
        2027,
      ),
    ).toThrow(
      expect.objectContaining({
        code: "#N/A",
        message: "forecastTarget：至少需要 3 个报告值 (forecastTarget needs at least 3 reported values)",
      }),
    );
    expect(() =>
      forecastTarget(
        [1, 2, 3].map((value) => ({ period: yearEnd(2025), value })),
        2027,
      ),
    ).toThrow(
      expect.objectContaining({
        code: "#N/A",
        message: expect.stringMatching(
          /^forecastTarget：.*两个报告期 \(forecastTarget needs values at two or more dates\)$/,
        ),
      }),
    );
  });
});

describe("Student t distribution", () => {
  it.each([
    [1, 12.7062047],
    [2, 4.30265273],
    [4, 2.77644511],
    [7, 2.36462425],
    [30, 2.04227246],
  ])("has the tabulated 97.5%% quantile for %p degrees of freedom", (degreesOfFreedom, quantile) => {
    expect(studentTQuantile(0.975, degreesOfFreedom)).toBeCloseTo(quantile, 6);
    expect(studentTCdf(quantile, degreesOfFreedom)).toBeCloseTo(0.975, 8);
    expect(studentTCdf(-quantile, degreesOfFreedom)).toBeCloseTo(0.025, 8);
  });
});
