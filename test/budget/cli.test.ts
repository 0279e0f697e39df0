import { captureIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { subsidyBudget, subsidyCost } from "../../src/office/functions/subsidy";
import { callSheetFunction } from "../../src/core/sheet/registry";

describe("liangxin calc SUBSIDY_*", () => {
  it("prints the worked checks exactly as the cell shows them", async () => {
    for (const [args, printed] of [
      [["100", "", "0.15", "5000", "2000"], "75000"],
      [["100", "", "0.15", "20000", "2000"], "200000"],
      [["1000", "20000"], "20000000"],
    ] as const) {
      const io = captureIo();
      expect(await main(["calc", "SUBSIDY_COST", ...args], io)).toBe(0);
      expect(io.out.trim()).toBe(printed);
    }
  });

  it("prints an error code first with its message, exit code 1", async () => {
    const io = captureIo();
    expect(await main(["calc", "SUBSIDY_COST", "-5", "20000"], io)).toBe(1);
    expect(io.out + io.err).toMatch(/^#NUM! SUBSIDY_COST/);
  });
});

describe("the SUBSIDY custom functions", () => {
  it("return what the registry (and so the CLI) returns, as rows of cells (formula functions asynchronously)", async () => {
    expect(subsidyCost([[100]], [[null]], [[0.15]], [[5000]], [[2000]])).toEqual([[75000]]);
    const args = [[["车"], ["车"]], [[2025], [2026]], [[10], [20]], [[20000]]];
    await expect(subsidyBudget(args[0], args[1], args[2], args[3])).resolves.toEqual(
      callSheetFunction("SUBSIDY_BUDGET", args),
    );
  });
});

describe("liangxin budget", () => {
  it("budgets a bundled city with a scrapping baseline, labelling defaults and percentiles", async () => {
    const io = captureIo();
    expect(await main(["budget", "--city", "南平", "--scrap-baseline", "12000", "--iterations", "500"], io)).toBe(0);
    expect(io.out).toContain("福建，东部");
    expect(io.out).toMatch(/汽车报废更新（新能源乘用车）\t16970\.56\t/); // 12000 × √2 × 50% × 20,000 元 = 16,970.56 万元
    expect(io.out).toMatch(/P10 [\d.]+\tP50 [\d.]+\tP90 [\d.]+/);
    expect(io.out).toContain("国家标准");
  });

  it("refuses an unknown program id as a usage error (exit 2)", async () => {
    const io = captureIo();
    expect(await main(["budget", "--city", "南平", "--volume", "rockets=5"], io)).toBe(2);
    expect(io.err).toContain("unknown program id rockets");
  });
});
