/** Shapes shared by the subsidy budget model (补贴测算). Money is in yuan (元), shares are 0..1. */

/** Who pays: 中央 / 省级 / 市级. */
export type FundingLevel = "central" | "provincial" | "city";
export const FUNDING_LEVELS: readonly FundingLevel[] = ["central", "provincial", "city"];

export const FUNDING_LEVEL_LABELS: Record<"zh-CN" | "en-US", Record<FundingLevel, string>> = {
  "zh-CN": { central: "中央", provincial: "省级", city: "市级" },
  "en-US": { central: "Central", provincial: "Provincial", city: "City" },
};

/** Shares of a subsidy paid by each level; they sum to 1. */
export interface FundingShares {
  central: number;
  provincial: number;
  city: number;
}

/**
 * How much one subsidised unit gets: a fixed `amountYuan`, or `rate × priceYuan` capped at
 * `capYuan` (家电: 15% of the price, at most 2,000 元). A program may instead carry a
 * `formula` (see formula.ts) whose result is the program-year's total subsidy.
 */
export interface SubsidyParameters {
  /** Fixed subsidy per unit, yuan; when set it wins over rate/price/cap. */
  amountYuan: number | null;
  /** Share of the price paid as subsidy (0.15 for 15%). */
  rate: number | null;
  /** Average sale price per unit, yuan. */
  priceYuan: number | null;
  /** Largest subsidy per unit, yuan; null for no cap. */
  capYuan: number | null;
}

/** A subsidy program (补贴项目) with its default parameters. */
export interface SubsidyProgram extends SubsidyParameters {
  /** Stable ASCII id, e.g. carScrapNev; user programs get their own. */
  id: string;
  /** Chinese name shown in the sheet, e.g. 汽车报废更新（新能源乘用车）. */
  name: string;
  nameEn: string;
  /** Unit counted by `volume`: 辆, 台, 套 … */
  unit: string;
  /** Share of the eligible volume expected to claim the subsidy (0..1). */
  takeUp: number;
  /** User-written formula for the program-year total (yuan), or null. */
  formula: string | null;
  funding: FundingShares;
  /** Catalog indicator whose trajectory can drive the volume (报废汽车回收量), if any. */
  volumeIndicator: string | null;
}

/** One program in one year: the row of the 补贴测算 sheet. */
export interface BudgetLine extends SubsidyParameters {
  programId: string;
  /** Display name (defaults to the program id). */
  programName?: string;
  year: number;
  /** Eligible units in the year (e.g. cars scrapped), before take-up. */
  volume: number;
  /** Share of `volume` that claims the subsidy (0..1). */
  takeUp: number;
  formula: string | null;
  funding: FundingShares;
}

/** A budget line with its cost. */
export interface BudgetLineResult extends BudgetLine {
  /** volume × takeUp (for formula lines, the same product, for reference). */
  subsidisedUnits: number;
  /** Subsidy per unit, yuan; null for formula lines (the formula gives the total). */
  perUnitYuan: number | null;
  /** Total subsidy, yuan. */
  costYuan: number;
  /** costYuan split by funding level, yuan. */
  byLevel: Record<FundingLevel, number>;
}

/** Sums by funding level plus the total, yuan. */
export interface BudgetAmounts extends Record<FundingLevel, number> {
  total: number;
}

export interface BudgetResult {
  lines: BudgetLineResult[];
  byYear: Map<number, BudgetAmounts>;
  byProgram: Map<string, BudgetAmounts>;
  grandTotal: BudgetAmounts;
}
