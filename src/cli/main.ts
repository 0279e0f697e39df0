/**
 * The `liangxin` command: parses the subcommand and hands over to its module.
 * Each subcommand module exports `run(args: string[], io: CliIo): Promise<number>` (exit code).
 */
import type { CliIo } from "./io";
import { processIo } from "./io";

type Command = (args: string[], io: CliIo) => Promise<number>;

// Loaded lazily so `liangxin calc` does not pay for exceljs start-up.
const COMMANDS: Record<string, { zh: string; en: string; load: () => Promise<Command> }> = {
  extract: {
    zh: "从方案文本中提取目标清单",
    en: "extract the target catalog from plan text files",
    load: async () => (await import("./commands/extract")).run,
  },
  calc: {
    zh: "像 Excel 单元格一样计算一个函数（如 calc TARGET_GAP 60 100 200 2025-06）",
    en: "evaluate a custom function as a cell would",
    load: async () => (await import("./commands/calc")).run,
  },
  workbook: {
    zh: "为内置城市或目标清单写出模板工作簿 (.xlsx)",
    en: "write the templated workbook for a bundled city or a catalog",
    load: async () => (await import("./commands/workbook")).run,
  },
  check: {
    zh: "按目标轨迹检查月度填报",
    en: "check monthly report files against trajectories",
    load: async () => (await import("./commands/check")).run,
  },
  handout: {
    zh: "分发：为每个责任单位写出月度填报文件",
    en: "hand out: one monthly report file per responsible department",
    load: async () => (await import("./commands/handout")).run,
  },
  collect: {
    zh: "收集：把各单位交回的填报文件汇入调度表的月度填报",
    en: "collect returned report files into the office workbook's 月度填报",
    load: async () => (await import("./commands/collect")).run,
  },
  bulletin: {
    zh: "通报：由调度表写出当月通报 (.docx 或 .pdf)",
    en: "write the month's bulletin (.docx or .pdf) from the office workbook",
    load: async () => (await import("./commands/bulletin")).run,
  },
  budget: {
    zh: "按默认参数为城市做补贴测算",
    en: "subsidy budget for a city with the default parameters",
    load: async () => (await import("./commands/budget")).run,
  },
};

const USAGE_LINE = "用法 Usage: liangxin <命令 command> [选项 options]";

export function usage(): string {
  const lines = [USAGE_LINE, "", "命令 Commands:"];
  for (const [name, command] of Object.entries(COMMANDS))
    lines.push(`  ${name.padEnd(10)}${command.zh}`, `  ${" ".repeat(10)}${command.en}`);
  lines.push("", "运行 liangxin <命令> --help 查看该命令的选项 (run `liangxin <command> --help` for its options)");
  return lines.join("\n") + "\n";
}

/**
 * Runs `liangxin <command> …`. Exit codes: whatever the command returns; 0 for `--help`; 2 for a
 * usage error (no command, an unknown command); 1 when a command throws.
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage());
    return 0;
  }
  if (!name) {
    io.stderr(usage());
    return 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`liangxin: 未知命令 ${name} (unknown command '${name}')\n\n${usage()}`);
    return 2;
  }
  try {
    return await (
      await command.load()
    )(rest, io);
  } catch (error) {
    io.stderr(`liangxin ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
