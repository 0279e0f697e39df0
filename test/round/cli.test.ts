/** The round's commands as a user calls them: usage errors exit 2 with the help, Chinese first. */
import { main } from "../../src/cli/main";
import { captureIo } from "../../src/cli/io";
import { monthOf } from "../../src/cli/commands/roundArgs";

describe("handout, collect and bulletin arguments", () => {
  it.each([
    ["handout", "--workbook", "office.xlsx", "--period", "2025-06", "--bogus"],
    ["collect", "a.xlsx", "--into"],
    ["bulletin", "--workbook", "office.xlsx", "--period", "2025-13"],
    ["collect", "a.xlsx"],
  ])("%s … exits 2 with the help", async (...args) => {
    const io = captureIo();
    expect(await main(args, io)).toBe(2);
    expect(io.err).toMatch(/用法 Usage/);
  });

  it("prints the help with --help", async () => {
    const io = captureIo();
    expect(await main(["bulletin", "--help"], io)).toBe(0);
    expect(io.out).toMatch(/^用法 Usage: liangxin bulletin/);
  });

  it("reads a month as planners write it", () => {
    expect(["2025-06", "2025/6", "202506", "2025年6月", "2025.06"].map(monthOf)).toEqual(Array(5).fill("2025-06"));
    expect(monthOf("2025-13")).toBeNull();
  });
});
