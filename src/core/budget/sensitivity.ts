/** Sensitivity (敏感性分析, tornado): which parameter moves the total budget most. */
import { LiangxinError } from "../errors";
import { budgetTotal, computeBudget } from "./budget";
import { compileProgramFormula, type FormulaVariable } from "./formula";
import type { BudgetLine } from "./types";

/** Parameters a sensitivity or simulation can move. */
export type BudgetParameter = "volume" | "takeUp" | "amountYuan" | "rate" | "priceYuan" | "capYuan";

export const BUDGET_PARAMETER_LABELS: Record<"zh-CN" | "en-US", Record<BudgetParameter, string>> = {
  "zh-CN": {
    volume: "数量",
    takeUp: "申领比例",
    amountYuan: "每件补贴额",
    rate: "补贴比例",
    priceYuan: "价格",
    capYuan: "每件上限",
  },
  "en-US": {
    volume: "volume",
    takeUp: "take-up",
    amountYuan: "amount per unit",
    rate: "rate",
    priceYuan: "price",
    capYuan: "cap per unit",
  },
};

const FORMULA_PARAMETER: Record<FormulaVariable, BudgetParameter> = {
  volume: "volume",
  takeUp: "takeUp",
  amount: "amountYuan",
  rate: "rate",
  price: "priceYuan",
  cap: "capYuan",
};

/** The parameters that actually enter a line's cost. */
export function parametersOfLine(line: BudgetLine): BudgetParameter[] {
  if (line.formula !== null && line.formula.trim() !== "") {
    return compileProgramFormula(line.formula).variables.map((variable) => FORMULA_PARAMETER[variable]);
  }
  if (line.amountYuan !== null) return ["volume", "takeUp", "amountYuan"];
  return line.capYuan === null
    ? ["volume", "takeUp", "rate", "priceYuan"]
    : ["volume", "takeUp", "rate", "priceYuan", "capYuan"];
}

/** A line with one parameter multiplied by factor (shares clamped to 0..1). */
export function scaleParameter(line: BudgetLine, parameter: BudgetParameter, factor: number): BudgetLine {
  const value = line[parameter];
  if (value === null) return line;
  const scaled = value * factor;
  return {
    ...line,
    [parameter]: parameter === "takeUp" || parameter === "rate" ? Math.min(1, Math.max(0, scaled)) : scaled,
  };
}

export interface SensitivityRow {
  programId: string;
  programName: string;
  parameter: BudgetParameter;
  /** Grand total with the parameter lowered by the change, yuan. */
  lowTotalYuan: number;
  /** Grand total with the parameter raised by the change, yuan. */
  highTotalYuan: number;
  /** |high − low|, yuan: the bar length in a tornado chart. */
  swingYuan: number;
}

export interface SensitivityResult {
  baseTotalYuan: number;
  /** Relative change applied (0.2 for ±20%). */
  relativeChange: number;
  /** Largest swing first. */
  rows: SensitivityRow[];
}

/**
 * One-at-a-time sensitivity (tornado table): each parameter of each program is moved down
 * and up by `relativeChange` in every year at once, all else held, and the grand total
 * recomputed. Shares (take-up, rate) are clamped to 0..1, so a take-up of 100% cannot rise.
 *
 * Formula: swing = |total(p × (1 + c)) − total(p × (1 − c))|, rows sorted by swing, largest first.
 * @param lines program-year rows (see computeBudgetLine).
 * @param relativeChange share by which to move each parameter, default 0.2 (±20%).
 * @returns the base total and one row per program × parameter that enters its cost.
 * @throws LiangxinError #NUM! for a change outside (0, 1]; errors of invalid lines.
 * @example
 * sensitivity(lines).rows[0]; // e.g. { programName: "汽车报废更新（新能源乘用车）", parameter: "volume", … }
 */
export function sensitivity(lines: readonly BudgetLine[], relativeChange = 0.2): SensitivityResult {
  if (!(relativeChange > 0 && relativeChange <= 1)) {
    throw new LiangxinError("#NUM!", "敏感性变动幅度应在0–1之间 (relative change must be in (0, 1])");
  }
  const baseTotalYuan = computeBudget(lines).grandTotal.total;
  const programIds = [...new Set(lines.map((line) => line.programId))];
  const rows: SensitivityRow[] = [];
  for (const programId of programIds) {
    const own = (line: BudgetLine) => line.programId === programId;
    const first = lines.find(own)!;
    const parameters = new Set(lines.filter(own).flatMap(parametersOfLine));
    for (const parameter of parameters) {
      const totalWith = (factor: number) =>
        budgetTotal(lines.map((line) => (own(line) ? scaleParameter(line, parameter, factor) : line)));
      const lowTotalYuan = totalWith(1 - relativeChange);
      const highTotalYuan = totalWith(1 + relativeChange);
      rows.push({
        programId,
        programName: first.programName ?? programId,
        parameter,
        lowTotalYuan,
        highTotalYuan,
        swingYuan: Math.abs(highTotalYuan - lowTotalYuan),
      });
    }
  }
  rows.sort((a, b) => b.swingYuan - a.swingYuan);
  return { baseTotalYuan, relativeChange, rows };
}
