/**
 * The CLI's one argument convention: a command declares its options once (`CommandSpec`), and
 * that declaration drives both `node:util` `parseArgs` and the help text (Chinese first, then
 * English). Every command reads its arguments through `parseCommandArgs`:
 *
 *   const parsed = parseCommandArgs(SPEC, args, io);
 *   if (typeof parsed === "number") return parsed; // --help printed (0) or a usage error (2)
 *   const { values, positionals } = parsed;
 *
 * Exit codes: `--help`/`-h` prints the help to stdout and gives 0; an unknown option, a missing
 * value or a stray positional prints the reason and the usage line to stderr and gives 2. A
 * command that finds a usage error of its own (a bad value) reports it with `usageError`, which
 * does the same.
 */
import { parseArgs } from "node:util";
import type { CliIo } from "./io";

/** One option as the command declares it; `value` names the argument in the help (e.g. "<城市>"). */
export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  /** Repeatable: the values come back as an array in the order given. */
  multiple?: boolean;
  /** The value's placeholder in the help, for string options: "<文件>", "json|table". */
  value?: string;
  /** Help text, Chinese then English (each may span lines with "\n"). */
  zh: string;
  en: string;
}

export interface CommandSpec {
  /** The subcommand, e.g. "extract". */
  name: string;
  /** What follows `liangxin <name>` in the usage line, e.g. "<文件…> [选项]". */
  usage: string;
  /** One paragraph each, Chinese then English. */
  zh: string;
  en: string;
  options: Readonly<Record<string, OptionSpec>>;
  /** Whether words that are not options are accepted (files, a function name). */
  positionals?: boolean;
  /** Text after the options: exit codes, examples. */
  footer?: string;
}

/** The parsed values: booleans, strings, or string arrays for repeatable options; absent when not given. */
export type OptionValues<Options extends Readonly<Record<string, OptionSpec>>> = {
  [Name in keyof Options]?: Options[Name]["type"] extends "boolean"
    ? boolean
    : Options[Name]["multiple"] extends true
      ? string[]
      : string;
};

export interface ParsedCommand<Spec extends CommandSpec> {
  values: OptionValues<Spec["options"]>;
  positionals: string[];
}

const HELP_OPTION: OptionSpec = { type: "boolean", short: "h", zh: "显示本帮助", en: "show this help" };

/** `liangxin <name> <usage>`, the line repeated under every usage error. */
export function usageLine(spec: CommandSpec): string {
  return `用法 Usage: liangxin ${spec.name} ${spec.usage}`;
}

/** The full help: usage line, the description in both languages, every option (Chinese, then English), footer. */
export function helpText(spec: CommandSpec): string {
  const entries = Object.entries({ ...spec.options, help: HELP_OPTION }).map(([name, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : ""}--${name}${option.value ? ` ${option.value}` : ""}`;
    return { flag, option };
  });
  const width = Math.min(28, Math.max(...entries.map((entry) => entry.flag.length)) + 2);
  const indent = " ".repeat(width + 2);
  const lines = [usageLine(spec), "", spec.zh, spec.en, "", "选项 Options:"];
  for (const { flag, option } of entries) {
    const text = [...option.zh.split("\n"), ...option.en.split("\n")];
    if (flag.length + 2 > width) lines.push(`  ${flag}`, ...text.map((line) => indent + line));
    else lines.push(`  ${flag.padEnd(width)}${text[0]}`, ...text.slice(1).map((line) => indent + line));
  }
  if (spec.footer) lines.push("", spec.footer.trimEnd());
  return lines.join("\n") + "\n";
}

/** Prints a usage error (the reason, the usage line, where the help is) and gives exit code 2. */
export function usageError(spec: CommandSpec, io: CliIo, reason: string): number {
  io.stderr(
    `liangxin ${spec.name}: ${reason}\n${usageLine(spec)}\n` +
      `运行 liangxin ${spec.name} --help 查看选项 (run with --help for the options)\n`,
  );
  return 2;
}

/** Node's message for a parse failure, reduced to the part a user needs ("Unknown option '--x'"). */
function reasonOf(error: unknown): string {
  // Not `instanceof Error`: under jest, Node's own errors come from another realm.
  const message = String((error as { message?: unknown }).message ?? error);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `未知选项 ${unknown[1]} (unknown option ${unknown[1]})`;
  const missing = /^Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message);
  if (missing) return `${missing[1]} 需要一个值 (${missing[1]} needs a value)`;
  const positional = /^Unexpected argument '([^']+)'/.exec(message);
  if (positional) return `多余的参数 ${positional[1]} (unexpected argument ${positional[1]})`;
  return message.split("\n")[0].split(". ")[0];
}

/**
 * Parses a command's arguments against its declaration.
 * @returns the values and positionals, or an exit code when the command should stop: 0 after
 *   printing the help (`--help`/`-h` anywhere), 2 after printing a usage error.
 */
export function parseCommandArgs<Spec extends CommandSpec>(
  spec: Spec,
  args: readonly string[],
  io: CliIo,
): ParsedCommand<Spec> | number {
  const options: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> = {};
  for (const [name, option] of Object.entries({ ...spec.options, help: HELP_OPTION }))
    options[name] = {
      type: option.type,
      ...(option.short ? { short: option.short } : {}),
      ...(option.multiple ? { multiple: true } : {}),
    };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: spec.positionals ?? false, strict: true });
  } catch (error) {
    // A bad declaration is the programmer's mistake, not the user's.
    if (!String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS")) throw error;
    // --help wins over whatever else is wrong on the line, as users expect.
    if (args.includes("--help") || args.includes("-h")) {
      io.stdout(helpText(spec));
      return 0;
    }
    return usageError(spec, io, reasonOf(error));
  }
  if (parsed.values.help) {
    io.stdout(helpText(spec));
    return 0;
  }
  const { help: _help, ...values } = parsed.values;
  // Values match the declaration by construction: parseArgs checked every option against it.
  return { values: values as OptionValues<Spec["options"]>, positionals: parsed.positionals };
}
