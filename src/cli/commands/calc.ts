/**
 * `liangxin calc NAME arg…`: evaluates a sheet function exactly as the Excel cell does (same
 * registry). Prints a number in full precision, text as is, an error as "#CODE message", or a
 * spilled result as a JSON array of rows.
 *
 * Arguments: numbers and TRUE/FALSE as typed in a cell; "" for an omitted optional; a range as JSON
 * ('[60,70]' is one row like Excel's {60,70}; '[[60],[70]]' a column; null is a blank cell);
 * "#N/A" and the other error codes as error values.
 * A word shaped like 2025.06 stays text (a month, as in the 期间 column), not the number 2025.06.
 * Exit code: 0 when the result is a value (a spilled result may hold error cells), 1 when it is an
 * error value, 2 for a usage error (including a required argument not given; "" is a blank cell).
 */
import type { ExcelErrorCode } from "../../core/errors";
import type { SheetArgument, SheetResult, SheetScalar } from "../../core/sheet/registry";
import {
  callSheetFunction,
  findSheetFunction,
  isSheetError,
  SHEET_FUNCTIONS,
  signatureOf,
} from "../../core/sheet/registry";
import type { CommandSpec } from "../args";
import { parseCommandArgs, usageError } from "../args";
import type { CliIo } from "../io";
import { FORMULA_ENGINE_FUNCTIONS, loadFormulaEngine } from "../../core/budget/formula";

const ERROR_CODES: readonly ExcelErrorCode[] = ["#VALUE!", "#NUM!", "#N/A", "#DIV/0!", "#NAME?", "#REF!", "#NULL!"];
const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const SPEC = {
  name: "calc",
  usage: "<函数 FUNCTION> [参数 arg …] | --list",
  zh:
    '像 Excel 单元格一样计算一个函数。参数按单元格输入：60、2025-06、growth、TRUE；"" 表示省略的可选参数（或空单元格），\n' +
    "JSON 数组表示区域：'[60,70]'（一行）、'[[60],[70]]'（一列）。必填参数须给出（否则退出码 2）。\n" +
    '输出值（数字全精度）、错误值 "#CODE 说明"，或溢出结果的 JSON 行数组。选项写在函数名之前；其后的词都是参数（-5 是数字）。',
  en:
    'Evaluates a function as an Excel cell would. Arguments are typed as in a cell; "" is an omitted optional\n' +
    "argument (or a blank cell) and a JSON array a range. Every required argument must be given (exit 2 otherwise).\n" +
    "Options come before the function name; every word after it is an argument (so -5 is a number).",
  options: {
    list: { type: "boolean", zh: "列出全部函数及其参数", en: "list the functions and their arguments" },
  },
  positionals: true,
  footer:
    "退出码 Exit: 0 得到值；1 错误值；2 用法错误 (0 a value, 1 an error value, 2 misuse)\n" +
    "示例 Example: liangxin calc TARGET_GAP 60 100 200 2025-06 growth",
} satisfies CommandSpec;

/** One command-line word as the cell value it stands for. */
export function parseCalcArgument(word: string): SheetArgument {
  if (word === "") return undefined;
  const trimmed = word.trim();
  if (trimmed.startsWith("[")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      throw new UsageError(
        `cannot read the range ${word} as JSON (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    return fromJson(parsed);
  }
  return cellFromText(word);
}

/** 2025.06, 2025.6, 2025.10: a month as planners write it. Kept as text, as in the 期间 column, so 2025.10 stays October. */
const YEAR_DOT_MONTH = /^\d{4}\.\d{1,2}$/;

function cellFromText(word: string): SheetScalar {
  const trimmed = word.trim();
  // Number parameters read numeric text as numbers anyway; only a date parameter sees the difference.
  if (YEAR_DOT_MONTH.test(trimmed)) return trimmed;
  if (NUMBER_TEXT.test(trimmed)) return Number(trimmed);
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return upper === "TRUE";
  if ((ERROR_CODES as readonly string[]).includes(upper)) return { error: upper as ExcelErrorCode };
  return word;
}

function fromJson(value: unknown): SheetArgument {
  if (Array.isArray(value)) return value.map(fromJson);
  if (value === null) return null;
  if (typeof value === "string")
    return (ERROR_CODES as readonly string[]).includes(value.toUpperCase())
      ? { error: value.toUpperCase() as ExcelErrorCode }
      : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  throw new UsageError(`a range holds numbers, text, booleans or null, not ${JSON.stringify(value)}`);
}

/** The cell's display text: the value, or "#CODE message" for an error. */
export function formatCell(value: SheetScalar): string {
  if (value === null) return "";
  if (isSheetError(value)) return value.message ? `${value.error} ${value.message}` : value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** What `calc` prints for a result (without the final newline). */
export function formatResult(result: SheetResult): string {
  if (!Array.isArray(result)) return formatCell(result);
  if (result.length === 1 && result[0].length === 1) return formatCell(result[0][0]);
  return JSON.stringify(result.map((row) => row.map((cell) => (isSheetError(cell) ? cell.error : cell))));
}

class UsageError extends Error {}

export async function run(args: string[], io: CliIo): Promise<number> {
  // Only the words before the function name are options: the arguments after it may start with "-".
  const nameIndex = args.findIndex((arg) => !arg.startsWith("-"));
  const parsed = parseCommandArgs(SPEC, nameIndex < 0 ? args : args.slice(0, nameIndex + 1), io);
  if (typeof parsed === "number") return parsed;
  if (parsed.values.list) {
    for (const fn of Object.values(SHEET_FUNCTIONS))
      io.stdout(`${signatureOf(fn)}\n    ${fn.descriptionZh} ${fn.description}\n`);
    return 0;
  }
  if (nameIndex < 0) return usageError(SPEC, io, "没有给出函数名 (no function given)");
  const name = args[nameIndex];
  const rest = args.slice(nameIndex + 1);
  let values: SheetArgument[];
  try {
    values = rest.map(parseCalcArgument);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`liangxin calc: ${error.message}\n`);
    return 2;
  }
  const fn = findSheetFunction(name);
  // A required argument not typed at all is misuse (Excel refuses such a formula); an explicit "" is a
  // blank cell, which gives a blank result (a value not reported yet).
  const missing = fn ? fn.params.slice(rest.length).filter((param) => !param.optional) : [];
  if (fn && missing.length > 0) {
    io.stderr(
      `liangxin calc: ${fn.name} 缺少必填参数 ${missing.map((param) => param.labelZh ?? param.name).join("、")}` +
        ` (${fn.name} is missing its required argument${missing.length > 1 ? "s" : ""} ${missing.map((param) => param.name).join(", ")})\n` +
        `Usage: liangxin calc ${signatureOf(fn)}\n`,
    );
    return 2;
  }
  // Trailing omitted arguments are simply not passed, as in a cell.
  while (values.length > 0 && values[values.length - 1] === undefined) values.pop();
  // mathjs is loaded only for the functions that can run a user formula.
  if (fn && FORMULA_ENGINE_FUNCTIONS.has(fn.name)) await loadFormulaEngine();
  const result = callSheetFunction(fn ? fn.name : name, values);
  io.stdout(`${formatResult(result)}\n`);
  if (!fn) io.stderr("Run `liangxin calc --list` for the functions.\n");
  return isSheetError(result) ? 1 : 0;
}
