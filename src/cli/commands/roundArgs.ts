/**
 * Argument parsing of the round's commands (handout, collect, bulletin) with node:util parseArgs:
 * an unknown option or a missing value is a usage error (exit 2) with the help.
 */
import { parseArgs } from "node:util";
import type { ParseArgsConfig } from "node:util";
import type { Locale } from "../../core/i18n";
import type { CliIo } from "../io";

type Options = NonNullable<ParseArgsConfig["options"]>;

export type Parsed<T extends Options> = ReturnType<
  typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>
>;

/**
 * Parses a command's arguments, or prints the usage error and the help.
 * @returns the values and positionals, or an exit code (0 for --help, 2 for a usage error)
 */
export function parseCommandArgs<T extends Options>(
  command: string,
  args: string[],
  options: T,
  help: string,
  io: CliIo,
): Parsed<T> | number {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(help);
    return 0;
  }
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`${command}: ${message.replace(/^TypeError \[[A-Z_]+\]: /, "")}（用法错误 usage error）\n\n${help}`);
    return 2;
  }
}

/** --lang: zh-CN (default) or en-US; anything else is a usage error (null). */
export function localeOf(value: string | undefined): Locale | null {
  if (value === undefined || value === "zh-CN") return "zh-CN";
  return value === "en-US" ? "en-US" : null;
}

/** --period: a month, 2025-06 (also 2025/6, 202506, 2025年6月), normalised to "2025-06"; null when unreadable. */
export function monthOf(value: string | undefined): string | null {
  if (!value) return null;
  const match = /^(\d{4})\s*(?:[-/.年]\s*)?(\d{1,2})\s*月?$/.exec(value.trim());
  if (!match) return null;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  return `${match[1]}-${String(month).padStart(2, "0")}`;
}
