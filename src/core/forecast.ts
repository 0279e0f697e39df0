/**
 * Forecast of a target-year value from the figures reported so far: a straight line or a constant
 * growth rate (log-linear), whichever fits better, with a 95% prediction interval and the
 * probability of reaching the target.
 */
import { linearRegression } from "simple-statistics";
import { LiangxinError } from "./errors";
import type { ReportPeriod } from "./period";

export interface TargetForecast {
  /** Projected value at the end of the target year (indicator's unit). */
  value: number;
  /** 95% prediction interval. */
  low: number;
  high: number;
  /** Probability that the target-year value is at least the target (NaN when no target is given). */
  probability: number;
  model: "linear" | "loglinear";
  /** Fit in the values' own scale: 1 − SSE/SST of the chosen model. */
  r2: number;
}

/** Two-sided 95% prediction interval. */
const INTERVAL_PROBABILITY = 0.95;

/**
 * Projects the value at the end of the target year from reported values.
 *
 * Time of a report = year + month/12 (the end of the reported month; a whole-year figure sits at the year's end).
 * Fits value = a + b·t (linear) and, when every value is positive, ln(value) = a + b·t (log-linear, a constant
 * growth rate) by least squares (simple-statistics), and keeps the one with the higher R² measured on the values
 * themselves (ties go to linear). The interval is the fit's 95% prediction interval at the end of the target year,
 * ŷ ± t(0.975, n−2)·s·√(1 + 1/n + (t*−t̄)²/Sxx), in log space for the log-linear fit; the probability is
 * P(value ≥ target) under that Student-t predictive distribution.
 * Values must be on one footing: whole-year totals, or stock levels — not year-to-date flows of different years.
 *
 * @param observations reported values with their report periods (at least 3, at 2 or more distinct dates)
 * @param targetYear the year whose end is projected
 * @param targetValue the target; omit for no probability (NaN)
 * @returns the projection, interval, probability of reaching the target, chosen model and its R²
 * @throws LiangxinError("#N/A") with fewer than 3 observations or all at one date; ("#NUM!") for non-finite values
 * @example forecastTarget([2023, 2024, 2025].map((year, i) => ({ period: { year, month: 12, wholeYear: true }, value: 100 + 10 * i })), 2027).value // 140
 */
export function forecastTarget(
  observations: ReadonlyArray<{ period: ReportPeriod; value: number }>,
  targetYear: number,
  targetValue?: number,
): TargetForecast {
  const count = observations.length;
  if (count < 3)
    throw new LiangxinError(
      "#N/A",
      "forecastTarget：至少需要 3 个报告值 (forecastTarget needs at least 3 reported values)",
    );
  if (!Number.isFinite(targetYear))
    throw new LiangxinError("#NUM!", "forecastTarget：须给出预测年份 (forecastTarget requires a target year)");
  const origin = observations[0].period.year;
  const times: number[] = [];
  const values: number[] = [];
  let allPositive = true;
  for (const { period, value } of observations) {
    if (!Number.isFinite(value))
      throw new LiangxinError("#NUM!", "forecastTarget：报告值须为有限数值 (forecastTarget requires finite values)");
    times.push(period.year - origin + period.month / 12);
    values.push(value);
    if (value <= 0) allPositive = false;
  }
  const meanTime = times.reduce((total, time) => total + time, 0) / count;
  const sumSquaresTime = times.reduce((total, time) => total + (time - meanTime) ** 2, 0);
  if (sumSquaresTime === 0)
    throw new LiangxinError(
      "#N/A",
      "forecastTarget：报告值须来自至少两个报告期 (forecastTarget needs values at two or more dates)",
    );
  const targetTime = targetYear + 1 - origin;

  const linear = fitLine(
    times,
    values,
    (value) => value,
    (fitted) => fitted,
  );
  let best = linear;
  let model: TargetForecast["model"] = "linear";
  if (allPositive) {
    const loglinear = fitLine(times, values, Math.log, Math.exp);
    if (loglinear.r2 > linear.r2) {
      best = loglinear;
      model = "loglinear";
    }
  }

  const degreesOfFreedom = count - 2;
  const residualSd = Math.sqrt(best.sumSquaredErrors / degreesOfFreedom);
  const predictionSd = residualSd * Math.sqrt(1 + 1 / count + (targetTime - meanTime) ** 2 / sumSquaresTime);
  const centre = best.intercept + best.slope * targetTime;
  const halfWidth = studentTQuantile((1 + INTERVAL_PROBABILITY) / 2, degreesOfFreedom) * predictionSd;
  const probability =
    targetValue === undefined
      ? Number.NaN
      : reachProbability(centre, predictionSd, best.toFitScale(targetValue), degreesOfFreedom);
  return {
    value: best.fromFitScale(centre),
    low: best.fromFitScale(centre - halfWidth),
    high: best.fromFitScale(centre + halfWidth),
    probability,
    model,
    r2: best.r2,
  };
}

interface LineFit {
  slope: number;
  intercept: number;
  /** In the fit's scale (log for log-linear). */
  sumSquaredErrors: number;
  /** In the values' scale. */
  r2: number;
  toFitScale: (value: number) => number;
  fromFitScale: (fitted: number) => number;
}

function fitLine(
  times: number[],
  values: number[],
  toFitScale: (value: number) => number,
  fromFitScale: (fitted: number) => number,
): LineFit {
  const { m: slope, b: intercept } = linearRegression(times.map((time, index) => [time, toFitScale(values[index])]));
  const meanValue = values.reduce((total, value) => total + value, 0) / values.length;
  let sumSquaredErrors = 0;
  let valueErrors = 0;
  let valueTotal = 0;
  for (let index = 0; index < times.length; index++) {
    const fitted = intercept + slope * times[index];
    sumSquaredErrors += (toFitScale(values[index]) - fitted) ** 2;
    valueErrors += (values[index] - fromFitScale(fitted)) ** 2;
    valueTotal += (values[index] - meanValue) ** 2;
  }
  const r2 = valueTotal === 0 ? (valueErrors === 0 ? 1 : 0) : 1 - valueErrors / valueTotal;
  return { slope, intercept, sumSquaredErrors, r2, toFitScale, fromFitScale };
}

function reachProbability(
  centre: number,
  predictionSd: number,
  targetInFitScale: number,
  degreesOfFreedom: number,
): number {
  if (Number.isNaN(targetInFitScale)) return 1; // a non-positive target on the log scale: always reached
  if (predictionSd === 0) return centre >= targetInFitScale ? 1 : 0;
  return 1 - studentTCdf((targetInFitScale - centre) / predictionSd, degreesOfFreedom);
}

/**
 * Student's t cumulative distribution for whole degrees of freedom, exact finite series
 * (Abramowitz & Stegun 26.7.3–26.7.4).
 * @param statistic the t value
 * @param degreesOfFreedom a positive integer
 * @returns P(T ≤ statistic)
 * @example studentTCdf(2.776445105, 4) // 0.975
 */
export function studentTCdf(statistic: number, degreesOfFreedom: number): number {
  if (statistic === Infinity) return 1;
  if (statistic === -Infinity) return 0;
  const theta = Math.atan(Math.abs(statistic) / Math.sqrt(degreesOfFreedom));
  const cosSquared = Math.cos(theta) ** 2;
  let twoSided: number; // P(|T| < |statistic|)
  if (degreesOfFreedom % 2 === 1) {
    let term = 1;
    let series = degreesOfFreedom > 1 ? 1 : 0;
    for (let power = 3; power <= degreesOfFreedom - 2; power += 2) {
      term *= ((power - 1) / power) * cosSquared;
      series += term;
    }
    twoSided = (2 / Math.PI) * (theta + Math.sin(theta) * Math.cos(theta) * series);
  } else {
    let term = 1;
    let series = 1;
    for (let power = 2; power <= degreesOfFreedom - 2; power += 2) {
      term *= ((power - 1) / power) * cosSquared;
      series += term;
    }
    twoSided = Math.sin(theta) * series;
  }
  return statistic >= 0 ? 0.5 + twoSided / 2 : 0.5 - twoSided / 2;
}

/**
 * Inverse of studentTCdf by bisection (to 1e-12).
 * @param probability in (0, 1)
 * @param degreesOfFreedom a positive integer
 * @returns t such that P(T ≤ t) = probability
 * @example studentTQuantile(0.975, 4) // 2.7764451
 */
export function studentTQuantile(probability: number, degreesOfFreedom: number): number {
  let low = -1e6;
  let high = 1e6;
  for (let step = 0; step < 200 && high - low > 1e-12; step++) {
    const middle = (low + high) / 2;
    if (studentTCdf(middle, degreesOfFreedom) < probability) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
