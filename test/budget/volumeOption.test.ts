/** `liangxin budget --volume`: a volume the budget would not use is a usage error, never ignored in silence. */
import { captureIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";

describe("liangxin budget --volume", () => {
  it.each([
    [["--volume", "applianceAc:1800=5"], "1800"],
    [["--volume", "applianceAc:2030=5"], "2030"],
    [["--years", "2025,2026", "--volume", "applianceAc:2027=5"], "2027"],
  ])("refuses a year outside the budget's years (%p)", async (options, year) => {
    const io = captureIo();
    expect(await main(["budget", "--city", "南平", ...options], io)).toBe(2);
    expect(io.err).toContain(`--volume applianceAc:${year}`);
    expect(io.err).toContain("不在测算年份");
  });

  it("refuses a negative volume", async () => {
    const io = captureIo();
    // A usage error (its exit code is the budget command's convention for bad option values).
    expect(await main(["budget", "--city", "南平", "--volume", "applianceAc=-5"], io)).not.toBe(0);
    expect(io.err).toContain("n ≥ 0");
  });

  it("takes a volume for a year it covers", async () => {
    const io = captureIo();
    expect(
      await main(["budget", "--city", "南平", "--volume", "applianceAc:2025=5", "--json", "--iterations", "100"], io),
    ).toBe(0);
  });
});
