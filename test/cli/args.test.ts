/** The CLI's one argument convention: options declared once, help Chinese first, usage errors exit 2. */
import type { CommandSpec } from "../../src/cli/args";
import { helpText, parseCommandArgs } from "../../src/cli/args";
import { captureIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";

const SPEC = {
  name: "demo",
  usage: "<文件…> [选项]",
  zh: "示例命令。",
  en: "A demo command.",
  options: {
    city: { type: "string", value: "<城市>", zh: "城市", en: "a city" },
    tag: { type: "string", multiple: true, value: "<t>", zh: "标签（可重复）", en: "a tag (repeatable)" },
    json: { type: "boolean", zh: "输出 JSON", en: "print JSON" },
    output: { type: "string", short: "o", value: "<文件>", zh: "输出文件", en: "output file" },
  },
  positionals: true,
} satisfies CommandSpec;

describe("parseCommandArgs", () => {
  it("returns the declared options, repeated ones in order, and the positionals", () => {
    const io = captureIo();
    expect(
      parseCommandArgs(SPEC, ["a.txt", "--city", "南平", "--tag=x", "--tag", "y", "-o", "out.json", "--json"], io),
    ).toEqual({ values: { city: "南平", tag: ["x", "y"], output: "out.json", json: true }, positionals: ["a.txt"] });
    expect(io.err).toBe("");
  });

  it("prints the help on stdout and gives 0 for --help or -h, even beside an unknown option", () => {
    for (const args of [["--help"], ["-h"], ["--bogus", "--help"]]) {
      const io = captureIo();
      expect(parseCommandArgs(SPEC, args, io)).toBe(0);
      expect(io.out).toBe(helpText(SPEC));
    }
  });

  it("refuses an unknown option or a missing value with exit 2, the reason in both languages and the usage line", () => {
    const unknown = captureIo();
    expect(parseCommandArgs(SPEC, ["--colour"], unknown)).toBe(2);
    expect(unknown.err).toContain("未知选项 --colour (unknown option --colour)");
    expect(unknown.err).toContain("用法 Usage: liangxin demo <文件…> [选项]");
    const missing = captureIo();
    expect(parseCommandArgs(SPEC, ["a.txt", "--city"], missing)).toBe(2);
    expect(missing.err).toContain("--city 需要一个值 (--city needs a value)");
  });

  it("refuses positionals when the command takes none", () => {
    const io = captureIo();
    expect(parseCommandArgs({ ...SPEC, positionals: false }, ["stray"], io)).toBe(2);
    expect(io.err).toContain("stray");
  });
});

describe("helpText", () => {
  it("puts the Chinese before the English, for the command and each option", () => {
    const help = helpText(SPEC);
    expect(help.indexOf("示例命令。")).toBeLessThan(help.indexOf("A demo command."));
    expect(help.indexOf("输出文件")).toBeLessThan(help.indexOf("output file"));
    expect(help).toContain("-o, --output <文件>");
    expect(help).toContain("-h, --help");
  });
});

describe("liangxin", () => {
  it("alone prints the usage and exits 2; --help exits 0; an unknown command exits 2", async () => {
    const alone = captureIo();
    expect(await main([], alone)).toBe(2);
    expect(alone.err).toContain("用法 Usage: liangxin <命令 command>");
    const help = captureIo();
    expect(await main(["--help"], help)).toBe(0);
    expect(help.out).toContain("extract");
    const unknown = captureIo();
    expect(await main(["frobnicate"], unknown)).toBe(2);
    expect(unknown.err).toContain("frobnicate");
  });

  it("gives every command (but check, which robust converts) --help in Chinese first, exit 0", async () => {
    for (const command of ["extract", "calc", "workbook", "budget"]) {
      const io = captureIo();
      expect(await main([command, "--help"], io)).toBe(0);
      expect(io.out).toMatch(/^用法 Usage: liangxin /);
      expect(io.out).toContain("选项 Options:");
    }
  });

  it("gives every command an unknown option's exit 2 with its usage line", async () => {
    for (const command of ["extract", "calc", "workbook", "budget"]) {
      const io = captureIo();
      expect(await main([command, "--no-such-option"], io)).toBe(2);
      expect(io.err).toContain(`用法 Usage: liangxin ${command} `);
    }
  });
});
