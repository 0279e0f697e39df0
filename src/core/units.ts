/**
 * Units of figures. The core computes in base units (Target.normalizedValue: 30万吨 → 300000 吨,
 * 45% → 0.45), so every figure a planner types next to a target — the 2023 baseline, a monthly
 * report — must be in that base unit too. These helpers name that unit, so the workbook and the
 * check can say it instead of the plan's unit as written (万吨).
 *
 * The prefixes follow the extractor (src/core/extract/numbers.ts readUnit): 万 and 亿 always
 * multiply, 千 only before a countable unit that is not itself a unit with 千 (6千辆 → 辆, but
 * 千瓦 and 千米 stay), and 百万 (a million) where a plan writes it.
 */
import type { Target } from "./catalog";
import { BASE_UNITS } from "./extract/numbers";

/** Ratio units: the core holds them as fractions (45% → 0.45), typed in a cell formatted as a percentage. */
const PERCENT_UNITS: ReadonlySet<string> = new Set(["%", "％", "‰", "成", "百分点", "个百分点"]);
/** 倍 is a ratio too (一倍 → 1), kept as 倍 so "1" reads as one times. */
const TIMES_UNIT = "倍";

/** Multiplier prefixes, longest first (百万 before 万). */
const PREFIXES: ReadonlyArray<{ prefix: string; factor: number }> = [
  { prefix: "百万", factor: 1_000_000 },
  { prefix: "亿", factor: 100_000_000 },
  { prefix: "万", factor: 10_000 },
  { prefix: "千", factor: 1_000 },
];

const KNOWN_UNITS: ReadonlySet<string> = new Set(BASE_UNITS);

/** The prefix a unit carries and the unit after it, or null when it carries none. */
function splitPrefix(unit: string): { factor: number; rest: string } | null {
  for (const { prefix, factor } of PREFIXES) {
    if (!unit.startsWith(prefix) || unit.length === prefix.length) continue;
    const rest = unit.slice(prefix.length);
    // 千 is a prefix only before a known countable unit, and not where 千… is a unit itself (千瓦, 千米, 千瓦时).
    if (prefix === "千" && (KNOWN_UNITS.has(unit) || !KNOWN_UNITS.has(rest))) return null;
    return { factor, rest };
  }
  return null;
}

/**
 * The base unit of a unit as written: the unit normalizedValue is expressed in, and so the unit a
 * planner types baselines and reports in.
 *
 * Multiplier prefixes go (万吨 → 吨, 万平方米 → 平方米, 亿元 → 元, 万辆 → 辆, 6千辆 → 辆, 百万吨 → 吨);
 * units that merely start with 千 stay (千瓦, 千米, 千瓦时); ratios become "%" (the figure is a
 * fraction, 0.45, shown formatted as 45%) except 倍, which stays 倍 (一倍 → 1).
 *
 * @param unit the unit as written in the plan (Target.unit), or null
 * @returns the base unit, or null for no unit (milestones, blank)
 * @example baseUnitOf("万吨") // → "吨"
 * @example baseUnitOf("千瓦") // → "千瓦"
 * @example baseUnitOf("%") // → "%"
 */
export function baseUnitOf(unit: string | null): string | null {
  const written = unit?.trim() ?? "";
  if (!written) return null;
  if (PERCENT_UNITS.has(written)) return "%";
  if (written === TIMES_UNIT) return TIMES_UNIT;
  return splitPrefix(written)?.rest ?? written;
}

/**
 * How many base units one unit as written holds: the factor the extractor applied to get
 * normalizedValue from value.
 *
 * @param unit the unit as written (Target.unit), or null
 * @returns the multiplier (万吨 → 10000, 亿元 → 1e8, % → 0.01, 倍 → 1, 吨 → 1); 1 for no unit
 * @example unitFactorOf("万吨") // → 10000
 * @example unitFactorOf("%") // → 0.01
 */
export function unitFactorOf(unit: string | null): number {
  const written = unit?.trim() ?? "";
  if (written === "‰") return 0.001;
  if (written === "成") return 0.1;
  if (PERCENT_UNITS.has(written)) return 0.01;
  return splitPrefix(written)?.factor ?? 1;
}

/** True for units held as fractions and shown as percentages (%, ‰, 成, 百分点). */
export function isPercentUnit(unit: string | null): boolean {
  return PERCENT_UNITS.has(unit?.trim() ?? "");
}

/**
 * The unit a planner types a target's figures in (基期值, 月度填报, 年度实际): the base unit of
 * its level, share, cumulative or per-year value. A growth target's unit ("%", "倍") is the
 * growth's, not the indicator's, and the plan does not give the indicator's: null, meaning
 * "any unit, the same for the baseline and the reports". The same holds for an annual growth rate
 * (年均增长15%). A rate raised by points (提高5个百分点) is typed as a percentage: "%".
 *
 * @param target the target (its kind and unit as written)
 * @returns the base unit ("吨", "%", "辆" …), or null for growth targets and milestones
 * @example unitOfFigures({ kind: "level", unit: "万吨" }) // → "吨"
 * @example unitOfFigures({ kind: "growth_vs_baseline", unit: "%" }) // → null
 */
export function unitOfFigures(target: Pick<Target, "kind" | "unit">): string | null {
  const unit = target.unit?.trim() ?? "";
  // A rate raised by points (机械化率提高5个百分点) is a rate; 年均增长15% is the growth of an indicator in its own unit.
  if ((target.kind === "growth_vs_baseline" || target.kind === "annual") && (unit === "个百分点" || unit === "百分点"))
    return "%";
  if (target.kind === "annual" && isPercentUnit(unit)) return null;
  if (target.kind === "growth_vs_baseline" || target.kind === "milestone") return null;
  if (target.kind === "share") return "%";
  return baseUnitOf(target.unit);
}

/** A figure and its reference differ by at least this factor before a unit mix-up is suspected in a report (万 vs its base unit: 10⁴). */
export const REPORT_UNIT_RATIO = 1000;
/** A typed baseline and its level/cumulative target differ by more than this factor: 可能单位不一致 in 目标总表. */
export const BASELINE_UNIT_RATIO = 100;

/**
 * Whether two positive figures differ by at least `ratio` times either way — the sign of a figure
 * typed in 万吨 where 吨 were meant (or the reverse).
 *
 * @param value the typed figure (report or baseline), in what should be base units
 * @param reference what it is compared with (trajectory value, target value), base units
 * @param ratio the factor (≥ 1), e.g. REPORT_UNIT_RATIO
 * @returns true when value/reference ≥ ratio or ≤ 1/ratio; false when either is not positive
 * @example differsByFactor(24, 300000, 1000) // → true
 * @example differsByFactor(240000, 300000, 1000) // → false
 */
export function differsByFactor(value: number, reference: number, ratio: number): boolean {
  if (!(value > 0) || !(reference > 0) || !Number.isFinite(value) || !Number.isFinite(reference)) return false;
  const quotient = value / reference;
  return quotient >= ratio || quotient <= 1 / ratio;
}
