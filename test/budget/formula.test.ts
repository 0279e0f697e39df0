import { compileProgramFormula } from "../../src/core/budget/formula";
import { LiangxinError } from "../../src/core/errors";

function rejection(text: string, values: Record<string, number> = { volume: 2, price: 3 }): LiangxinError {
  try {
    compileProgramFormula(text).evaluate(values);
  } catch (error) {
    if (error instanceof LiangxinError) return error;
    throw new Error(`${text}: threw a ${error instanceof Error ? error.name : typeof error}, not a LiangxinError`);
  }
  throw new Error(`${text}: was evaluated, not rejected`);
}

describe("compileProgramFormula", () => {
  it("evaluates the issue's example with 15% read as 0.15", () => {
    const formula = compileProgramFormula("volume * 0.6 * min(price * 15%, 2000)");
    expect(formula.evaluate({ volume: 100, price: 5000 })).toBeCloseTo(45000, 9);
    expect(formula.evaluate({ volume: 100, price: 20000 })).toBeCloseTo(120000, 9);
    expect(formula.variables).toEqual(["volume", "price"]);
  });

  it("offers every program variable and the allowed functions", () => {
    const formula = compileProgramFormula(
      "round(volume * takeUp * max(amount, min(rate * price, cap)) / 10) * 10 + abs(-1) - floor(0.5) + ceil(0)",
    );
    expect(formula.evaluate({ volume: 10, takeUp: 0.5, amount: 100, rate: 0.15, price: 5000, cap: 2000 })).toBe(3751);
  });

  it("evaluates the same compiled formula again with new values", () => {
    const formula = compileProgramFormula("volume * amount");
    expect(formula.evaluate({ volume: 2, amount: 3 })).toBe(6);
    expect(formula.evaluate({ volume: 4, amount: 3 })).toBe(12);
  });

  const hostile = [
    "import({a: 1})",
    "import({evaluate: 1}, {override: true})",
    "createUnit('foo')",
    "f(x) = x",
    "volume = 1",
    "cos.constructor('return process')()",
    "min.constructor('return this')()",
    'evaluate("1 + 1")',
    "parse('1')",
    "simplify('x + x')",
    "derivative('x^2', 'x')",
    "resolve('x')",
    "compile('1')",
    "volume.constructor",
    "volume['constructor']",
    "[1, 2, 3]",
    "{a: 1}",
    "1:100000000",
    "matrix([1, 2])",
    "range(1, 1e9)",
    "sum(1, 2)",
    "5!",
    "volume == 1",
    "volume > 1 ? 1 : 2",
    "volume; price",
    '"text"',
    "true",
    "pi",
    "e * volume",
    "process",
    "this",
    "2 cm",
    "price 15",
    "volume mod 3",
    "volume & 1",
    "volume to cm",
    "min(1, 2)(3)",
    "",
    "   ",
    "volume *",
    "(((((((((((((((((((((((((((((((((1)))))))))))))))))))))))))))))))))",
    "1+".repeat(300) + "1",
  ];
  it.each(hostile)("refuses %p with #VALUE! before running it", (text) => {
    const error = rejection(text);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/公式/);
  });

  it("names what it refused, in Chinese first with English after", () => {
    expect(rejection("import({a: 1})").message).toMatch(
      /^公式不允许调用函数 import.*\(formula rejected: function import\)/,
    );
    expect(rejection("foo * 2").message).toContain("未知变量 foo");
  });

  it("turns an overflowing exponent tower into #NUM!, not Infinity or a hang", () => {
    const started = Date.now();
    expect(rejection("10^10^10^10").code).toBe("#NUM!");
    expect(rejection("volume / 0").code).toBe("#NUM!");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("reports a blank variable the formula uses with #VALUE!", () => {
    const error = rejection("volume * price", { volume: 2 });
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("price");
  });

  it("does not leak state between formulas (no assignment survives)", () => {
    rejection("volume = 1000");
    expect(compileProgramFormula("volume * 2").evaluate({ volume: 3 })).toBe(6);
  });
});

describe("the formula engine on demand", () => {
  it("is not loaded until asked for, refuses a formula before (#N/A), and compiles after", async () => {
    let formula: typeof import("../../src/core/budget/formula") | undefined;
    jest.isolateModules(() => {
      formula = jest.requireActual<typeof import("../../src/core/budget/formula")>("../../src/core/budget/formula");
    });
    expect(formula!.formulaEngineLoaded()).toBe(false);
    expect(() => formula!.compileProgramFormula("volume * 2")).toThrow(/loadFormulaEngine/);
    await formula!.loadFormulaEngine();
    expect(formula!.compileProgramFormula("volume * 2").evaluate({ volume: 3 })).toBe(6);
  });
});
