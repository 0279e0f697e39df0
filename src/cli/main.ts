/**
 * The `liangxin` command: parses the subcommand and hands over to its module.
 * Each subcommand module exports `run(args: string[], io: CliIo): Promise<number>` (exit code).
 */
import type { CliIo } from "./io";
import { processIo } from "./io";

type Command = (args: string[], io: CliIo) => Promise<number>;

// Loaded lazily so `liangxin calc` does not pay for exceljs start-up.
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  extract: {
    summary: "extract the target catalog from plan text files",
    load: async () => (await import("./commands/extract")).run,
  },
  calc: {
    summary: "evaluate a custom function as a cell would (e.g. calc TARGET_GAP 60 100 200 2025-06)",
    load: async () => (await import("./commands/calc")).run,
  },
  workbook: {
    summary: "write the templated workbook (.xlsx) for a bundled city or a catalog",
    load: async () => (await import("./commands/workbook")).run,
  },
  check: {
    summary: "check monthly report files against trajectories",
    load: async () => (await import("./commands/check")).run,
  },
  handout: {
    summary: "分发：write one monthly report file per responsible department (issue 14)",
    load: async () => (await import("./commands/handout")).run,
  },
  collect: {
    summary: "收集：collect returned report files into the office workbook's 月度填报",
    load: async () => (await import("./commands/collect")).run,
  },
  bulletin: {
    summary: "通报：write the month's bulletin (.docx or .pdf) from the office workbook",
    load: async () => (await import("./commands/bulletin")).run,
  },
  budget: {
    summary: "subsidy budget (补贴测算) for a city with the default parameters",
    load: async () => (await import("./commands/budget")).run,
  },
};

export function usage(): string {
  const lines = ["Usage: liangxin <command> [options]", "", "Commands:"];
  for (const [name, command] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(10)}${command.summary}`);
  lines.push("", "Run `liangxin <command> --help` for a command's options.");
  return lines.join("\n") + "\n";
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage());
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`liangxin: unknown command '${name}'\n\n${usage()}`);
    return 1;
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
