/** `liangxin budget` option errors and warnings are worded for users (review: issue 6, CLI edge cases). */
import { captureIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";

describe("liangxin budget options", () => {
  it("names --scrap-baseline when it is 0, not an internal function, and exits 2", async () => {
    const io = captureIo();
    expect(await main(["budget", "--city", "南平", "--scrap-baseline", "0"], io)).toBe(2);
    expect(io.err).toContain("--scrap-baseline 须为正数");
    expect(io.err).not.toMatch(/expectedAt/);
  });

  it("warns about --years outside the plan period and does not extrapolate the scrapping trajectory", async () => {
    const io = captureIo();
    expect(
      await main(
        [
          "budget",
          "--city",
          "南平",
          "--scrap-baseline",
          "12000",
          "--years",
          "2027,2028",
          "--json",
          "--iterations",
          "200",
        ],
        io,
      ),
    ).toBe(0);
    expect(io.err).toContain("2028 年不在方案期（2024–2027年）内");
    const result = JSON.parse(io.out);
    const scrapping = result.lines.filter((line: { programId: string; year: number; volume?: number }) =>
      /^carScrap/.test(line.programId),
    );
    expect(scrapping.length).toBeGreaterThan(0);
    expect(
      scrapping
        .filter((line: { year: number }) => line.year === 2028)
        .every((line: { costYuan: number }) => line.costYuan === 0),
    ).toBe(true);
    expect(
      scrapping
        .filter((line: { year: number }) => line.year === 2027)
        .some((line: { costYuan: number }) => line.costYuan > 0),
    ).toBe(true);
  });

  it("stays quiet for years inside the plan period", async () => {
    const io = captureIo();
    expect(await main(["budget", "--city", "南平", "--years", "2025,2026", "--iterations", "200"], io)).toBe(0);
    expect(io.err).toBe("");
  });
});
