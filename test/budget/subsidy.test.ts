import { perUnitSubsidy, subsidyCost } from "../../src/core/budget/subsidy";
import { LiangxinError } from "../../src/core/errors";

const rateBased = (rate: number, priceYuan: number, capYuan: number | null = null) => ({
  amountYuan: null,
  rate,
  priceYuan,
  capYuan,
});
const fixed = (amountYuan: number) => ({ amountYuan, rate: null, priceYuan: null, capYuan: null });

function errorOf(run: () => unknown): LiangxinError {
  try {
    run();
  } catch (error) {
    if (error instanceof LiangxinError) return error;
    throw error;
  }
  throw new Error("expected a LiangxinError");
}

describe("subsidyCost", () => {
  it("gives the issue's worked checks exactly", () => {
    expect(subsidyCost(100, rateBased(0.15, 5000, 2000))).toBe(75000);
    expect(subsidyCost(100, rateBased(0.15, 20000, 2000))).toBe(200000);
    expect(subsidyCost(1000, fixed(20000))).toBe(20000000);
  });

  it("lets a fixed amount win over rate, price and cap", () => {
    expect(subsidyCost(10, { amountYuan: 500, rate: 0.15, priceYuan: 100000, capYuan: 2000 })).toBe(5000);
  });

  it("applies no cap when none is given", () => {
    expect(perUnitSubsidy(rateBased(0.2, 30000))).toBe(6000);
  });

  it("treats a zero volume as a zero cost", () => {
    expect(subsidyCost(0, fixed(20000))).toBe(0);
  });

  it("refuses a negative volume with #NUM!", () => {
    expect(errorOf(() => subsidyCost(-1, fixed(20000))).code).toBe("#NUM!");
  });

  it("refuses a rate written as a percentage number with #NUM!", () => {
    const error = errorOf(() => subsidyCost(1, rateBased(15, 5000, 2000)));
    expect(error.code).toBe("#NUM!");
    expect(error.message).toContain("0.15");
  });

  it("asks for an amount or a rate and price with #VALUE!", () => {
    expect(errorOf(() => subsidyCost(1, { amountYuan: null, rate: 0.15, priceYuan: null, capYuan: 2000 })).code).toBe(
      "#VALUE!",
    );
  });

  it("refuses NaN inputs with #VALUE! and negative prices or caps with #NUM!", () => {
    expect(errorOf(() => subsidyCost(Number.NaN, fixed(1))).code).toBe("#VALUE!");
    expect(errorOf(() => subsidyCost(1, rateBased(0.15, -5000, 2000))).code).toBe("#NUM!");
    expect(errorOf(() => subsidyCost(1, rateBased(0.15, 5000, -1))).code).toBe("#NUM!");
  });
});
