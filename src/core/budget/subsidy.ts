/** Per-unit subsidy and the cost of one program line (SUBSIDY_COST). */
import { LiangxinError } from "../errors";
import type { SubsidyParameters } from "./types";

function checkNonNegative(name: string, value: number, what: string): void {
  if (!Number.isFinite(value))
    throw new LiangxinError("#VALUE!", `SUBSIDY_COST: ${name} 必须是数字 (${name} must be a number)`);
  if (value < 0) throw new LiangxinError("#NUM!", `SUBSIDY_COST: ${name} 不能为负 (${what} must not be negative)`);
}

/**
 * Subsidy for one unit (单件补贴): the fixed amount when given, otherwise rate × price,
 * capped at cap.
 *
 * Formula: amount ?? min(rate × price, cap ?? ∞).
 * @param parameters amountYuan (yuan/unit), or rate (share, 0..1), priceYuan (yuan/unit) and
 *   optional capYuan (yuan/unit); null means not given.
 * @returns yuan per unit.
 * @throws LiangxinError #VALUE! when neither an amount nor a rate and price are given;
 *   #NUM! for a negative input or a rate above 1 (write 15% as 0.15).
 * @example
 * perUnitSubsidy({ amountYuan: null, rate: 0.15, priceYuan: 20000, capYuan: 2000 }); // 2000
 */
export function perUnitSubsidy(parameters: SubsidyParameters): number {
  const { amountYuan, rate, priceYuan, capYuan } = parameters;
  if (amountYuan !== null) {
    checkNonNegative("amount", amountYuan, "the amount per unit");
    return amountYuan;
  }
  if (rate === null || priceYuan === null) {
    throw new LiangxinError(
      "#VALUE!",
      "SUBSIDY_COST 需要每件补贴额，或补贴比例和价格 (needs an amount, or a rate and a price)",
    );
  }
  checkNonNegative("rate", rate, "the rate");
  if (rate > 1)
    throw new LiangxinError("#NUM!", "SUBSIDY_COST: rate 是比例，15% 请写 0.15 (rate is a share: 0.15 for 15%)");
  checkNonNegative("price", priceYuan, "the price");
  const uncapped = rate * priceYuan;
  if (capYuan === null) return uncapped;
  checkNonNegative("cap", capYuan, "the cap");
  return Math.min(uncapped, capYuan);
}

/**
 * Total subsidy for a number of units (补贴金额) — the SUBSIDY_COST custom function.
 *
 * Formula: volume × (amount ?? min(rate × price, cap)).
 * @param volume subsidised units (辆/台), ≥ 0.
 * @param parameters see perUnitSubsidy.
 * @returns yuan.
 * @throws LiangxinError #NUM! for a negative volume; see perUnitSubsidy for the rest.
 * @example
 * subsidyCost(100, { amountYuan: null, rate: 0.15, priceYuan: 5000, capYuan: 2000 }); // 75000
 * subsidyCost(1000, { amountYuan: 20000, rate: null, priceYuan: null, capYuan: null }); // 20000000
 */
export function subsidyCost(volume: number, parameters: SubsidyParameters): number {
  checkNonNegative("volume", volume, "the volume");
  return volume * perUnitSubsidy(parameters);
}
