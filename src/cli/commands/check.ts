/**
 * `liangxin check <report files…> [--city <city|catalog.json>] [--catalog <catalog.json|workbook.xlsx>]
 * [--baselines <file>] [--format table|json|xlsx] [-o out]`: consolidates monthly reports and checks
 * every row against its trajectory (issue 5). The catalog is the one the user chose — --city,
 * --catalog, or the one saved in a --baselines workbook — never one saved in a report file.
 * Exit 0: the check ran (laggards or not); 2: rows were rejected, or a usage error; 1: it could not run.
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs as parseNodeArgs } from "node:util";
import type { CheckResult, RowIssue } from "../../core/check";
import { readBaselines, runReportCheck } from "../../core/check";
import type { Catalog } from "../../core/catalog";
import type { Locale } from "../../core/i18n";
import { DEFAULT_TOLERANCE } from "../../core/status";
import type { CliIo } from "../io";
import { loadCatalog } from "../readers/catalog";
import { startProgress } from "../readers/progress";
import { expandInputs, readBaselineFiles, readReportFiles } from "../readers/tables";
import type { StoredCatalog } from "../readers/workbookCatalog";
import { catalogDifferences, readStoredCatalog } from "../readers/workbookCatalog";
import { formatCheckTable, writeCheckJson } from "./checkOutput";

const HELP = `用法 Usage: liangxin check <月报文件或目录…> (--city <城市|catalog.json> | --catalog <文件>) [选项]

检查各部门月度填报（.csv 或 .xlsx，中文或英文表头）是否落后于目标轨迹。
Checks monthly report files against each target's trajectory.

目标清单只来自您指定的来源，不取自月报文件 (the catalog is only what you choose, never a report file's):
  --city <名称|文件>      内置城市（南平、南阳…）或 liangxin extract 生成的目标清单 .json
  --catalog <文件>        目标清单 .json，或 liangxin workbook / 加载项生成的工作簿 .xlsx（其中保存的目标清单）
  --baselines <文件>      基期值（2023年数）：含 目标编号 和 基期值 列的 .csv/.xlsx，或含 目标总表 的工作簿（可重复）；
                          未给 --city/--catalog 时，使用其中 liangxin 工作簿保存的目标清单；与所给清单不一致时报错

选项 Options:
  --format table|json|xlsx  输出格式（默认 table；-o 以 .json/.xlsx 结尾时按扩展名）
  -o, --output <文件>     写入文件（xlsx 必须给出）
  --tolerance <小数>      预警容差，默认 ${DEFAULT_TOLERANCE}（差距低于 −容差 为 落后）
  --lang zh-CN|en-US      标签语言（默认 zh-CN）
  --forecast-all          每一行都附预测（默认只对每个部门+目标最新一期预测）
  -h, --help              显示本帮助 (show this help)
退出码 Exit: 0 检查完成；2 有退回的行，或参数错误 (rows rejected, or a usage error)；
             1 无法检查（无可读文件、目标清单缺失、错误或不一致）(could not run)
`;

/** Row counts from which checking gets a bar of its own (smaller checks finish in a blink). */
const ROW_PROGRESS_FROM = 5000;

interface CheckArgs {
  inputs: string[];
  city?: string;
  catalog?: string;
  baselines: string[];
  format?: "table" | "json" | "xlsx";
  output?: string;
  tolerance: number;
  locale: Locale;
  forecastAll: boolean;
  help: boolean;
}

/**
 * The command line, by node:util's parseArgs (strict: an unknown option is a usage error).
 * @returns the arguments, or the usage error's message
 */
function parseArgs(args: string[]): CheckArgs | string {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseNodeArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        city: { type: "string" },
        catalog: { type: "string" },
        baselines: { type: "string", multiple: true },
        format: { type: "string" },
        output: { type: "string", short: "o" },
        tolerance: { type: "string" },
        lang: { type: "string" },
        "forecast-all": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
    return unknown ? `未知选项 ${unknown} (unknown option)` : `参数错误 (bad arguments)：${message}`;
  }
  const parsed: CheckArgs = {
    inputs: positionals,
    city: values.city,
    catalog: values.catalog,
    baselines: values.baselines ?? [],
    output: values.output,
    tolerance: DEFAULT_TOLERANCE,
    locale: "zh-CN",
    forecastAll: values["forecast-all"] ?? false,
    help: values.help ?? false,
  };
  if (parsed.city !== undefined && parsed.catalog !== undefined)
    return "--city 与 --catalog 只能给一个 (give --city or --catalog, not both)";
  if (values.format !== undefined) {
    const format = values.format;
    if (format !== "table" && format !== "json" && format !== "xlsx")
      return `--format 只能是 table、json 或 xlsx (got ${format})`;
    parsed.format = format;
  }
  if (values.tolerance !== undefined) {
    const tolerance = Number(values.tolerance);
    if (values.tolerance.trim() === "" || !(tolerance >= 0) || !Number.isFinite(tolerance))
      return "--tolerance 应为非负小数，如 0.1 (a non-negative fraction)";
    parsed.tolerance = tolerance;
  }
  if (values.lang !== undefined) {
    const locale = values.lang;
    if (locale !== "zh-CN" && locale !== "en-US") return `--lang 只能是 zh-CN 或 en-US (got ${locale})`;
    parsed.locale = locale;
  }
  if (!parsed.format && parsed.output) {
    if (/\.xlsx$/i.test(parsed.output)) parsed.format = "xlsx";
    else if (/\.json$/i.test(parsed.output)) parsed.format = "json";
  }
  return parsed;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === "string") {
    io.stderr(`check: ${parsed}\n\n${HELP}`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(HELP);
    return 0;
  }
  if (parsed.inputs.length === 0) {
    io.stderr(`check: 需要月报文件 (report files are required)\n\n${HELP}`);
    return 2;
  }
  const format = parsed.format ?? "table";
  if (format === "xlsx" && !parsed.output) {
    io.stderr("check: --format xlsx 需要 -o <文件.xlsx> (xlsx output needs -o)\n");
    return 2;
  }

  const baselineFiles = expandInputs(parsed.baselines, io.cwd);
  const reportFiles = expandInputs(parsed.inputs, io.cwd);
  const catalog = await chooseCatalog(parsed, baselineFiles, reportFiles, io);
  if (!catalog) return 1;

  const baselineRead = await readBaselineFiles(baselineFiles, io);
  if (baselineRead.failures.length > 0) {
    for (const failure of baselineRead.failures)
      io.stderr(`check: 无法读取基期值文件 ${failure.file}：${failure.message}\n`);
    return 1;
  }
  const baselines = readBaselines(baselineRead.tables, parsed.locale);

  const reportRead = await readReportFiles(reportFiles, io);
  const fileErrors: RowIssue[] = reportRead.failures.map((failure) => ({
    file: failure.file,
    row: 0,
    code: "unreadableFile",
    reason: parsed.locale === "zh-CN" ? `无法读取文件：${failure.message}` : `cannot read the file: ${failure.message}`,
  }));
  const started = performance.now();
  // Rows, not files: one large file is one step of the reading bar but most of the work.
  const rowCount = reportRead.tables.reduce((sum, table) => sum + Math.max(0, table.rows.length - 1), 0);
  const rowProgress = rowCount >= ROW_PROGRESS_FROM ? startProgress(io, rowCount, "检查月报", "行") : undefined;
  const result = runReportCheck(reportRead.tables, catalog, {
    onProgress: rowProgress ? (rowsDone) => rowProgress.update(Math.round(rowsDone)) : undefined,
    baselines: baselines.baselines,
    tolerance: parsed.tolerance,
    locale: parsed.locale,
    forecastRows: parsed.forecastAll ? "all" : "latest",
    priorErrors: [...baselines.errors, ...fileErrors],
  });
  rowProgress?.stop();
  const elapsedMs = performance.now() - started;

  const readable = reportRead.tables.filter(
    (table) =>
      !result.errors.some((error) => error.row === 0 && error.file === table.file && error.code === "missingColumns"),
  );
  if (readable.length === 0) {
    for (const error of result.errors) io.stderr(`check: ${error.file}: ${error.reason}\n`);
    io.stderr("check: 没有可读的月报文件 (no readable report file)\n");
    return 1;
  }

  await emit(result, format, parsed, io, catalog.plan?.title ?? "");
  const summary = result.summary;
  io.stderr(
    parsed.locale === "zh-CN"
      ? `check: ${reportFiles.length} 个文件，读取 ${summary.rowsRead} 行，检查 ${summary.rowsChecked} 行，退回 ${result.errors.length} 项，用时 ${elapsedMs.toFixed(0)} ms\n`
      : `check: ${reportFiles.length} files, ${summary.rowsRead} rows read, ${summary.rowsChecked} checked, ${result.errors.length} rejected, ${elapsedMs.toFixed(0)} ms\n`,
  );
  return result.errors.length > 0 ? 2 : 0;
}

/**
 * The catalog to check against, from what the user chose: --city, --catalog (a catalog file or a
 * liangxin workbook), or the catalog saved in a --baselines workbook (the office's own workbook).
 * A catalog saved in a report file is never used: a department's workbook must not redefine the
 * targets it is checked against. Saved catalogs are schema-checked; two sources that disagree on
 * ids are an error naming the first differences, not a warning.
 * @returns the catalog, or null after printing why there is none
 */
async function chooseCatalog(
  args: CheckArgs,
  baselineFiles: readonly string[],
  reportFiles: readonly string[],
  io: CliIo,
): Promise<Catalog | null> {
  const fail = (message: string): null => {
    io.stderr(`check: ${message}\n`);
    return null;
  };
  const stored: StoredCatalog[] = [];
  for (const file of baselineFiles) {
    const read = await readStoredCatalog(file, io.cwd);
    if (read.kind === "invalid")
      return fail(
        `工作簿 ${file} 中保存的目标清单格式不符：${read.problems.join("；")} (the catalog saved in the workbook is malformed)`,
      );
    if (read.kind === "catalog") stored.push(read);
  }

  let chosen: { catalog: Catalog; label: string } | null = null;
  const source = args.city ?? args.catalog;
  if (source !== undefined) {
    const option = args.city !== undefined ? "--city" : "--catalog";
    if (args.catalog !== undefined && /\.xlsx$/i.test(args.catalog)) {
      const read = await readStoredCatalog(args.catalog, io.cwd);
      if (read.kind === "invalid")
        return fail(`--catalog ${args.catalog} 中保存的目标清单格式不符：${read.problems.join("；")} (malformed)`);
      if (read.kind === "none")
        return fail(
          `--catalog ${args.catalog} 不是 liangxin 生成的工作簿（没有保存的目标清单；LibreOffice 另存会丢失它）` +
            ` (no catalog saved in the workbook)`,
        );
      chosen = { catalog: read.catalog, label: `${option} ${args.catalog}` };
    } else {
      try {
        chosen = { catalog: loadCatalog(source, io.cwd), label: `${option} ${source}` };
      } catch (error) {
        return fail(error instanceof Error ? error.message : String(error));
      }
    }
  } else if (stored.length > 0) {
    chosen = { catalog: stored[0].catalog, label: `--baselines ${stored[0].file}` };
    io.stderr(
      `check: 使用工作簿 ${stored[0].file} 中保存的目标清单（${stored[0].catalog.targets.length} 个目标${stored[0].city ? `，${stored[0].city}` : ""}）(catalog saved in the workbook)\n`,
    );
  } else {
    let hint = "";
    for (const file of reportFiles) {
      if ((await readStoredCatalog(file, io.cwd)).kind === "none") continue;
      hint =
        `月报文件 ${file} 中保存了目标清单，但月报文件不决定检查所用的目标；如这是本单位的工作簿，请用 --catalog ${file} 或 --baselines ${file}。` +
        ` (a report file's saved catalog is never used; pass it as --catalog or --baselines if it is your own workbook)\n`;
      break;
    }
    io.stderr(
      `check: 需要 --city 或 --catalog，或以 --baselines 给出 liangxin workbook 生成的工作簿（其中保存了目标清单）` +
        ` (--city or --catalog is required unless a liangxin workbook is given with --baselines)\n${hint}\n${HELP}`,
    );
    return null;
  }

  for (const saved of stored) {
    if (`--baselines ${saved.file}` === chosen.label) continue;
    const { count, examples } = catalogDifferences(saved.catalog, chosen.catalog);
    if (count > 0)
      return fail(
        `${chosen.label} 的目标编号与工作簿 ${saved.file} 中保存的目标清单不一致（${count} 个编号，如 ${examples.join("；")}）。` +
          `各部门按工作簿中的编号填报：请只用一个目标清单（去掉 ${chosen.label.split(" ")[0]}，或改用与之一致的基期值文件）。` +
          ` (the chosen catalog disagrees with the one saved in the baselines workbook; use one)`,
      );
  }
  return chosen.catalog;
}

async function emit(
  result: CheckResult,
  format: "table" | "json" | "xlsx",
  args: CheckArgs,
  io: CliIo,
  planTitle: string,
): Promise<void> {
  const output = args.output ? path.resolve(io.cwd, args.output) : undefined;
  if (format === "xlsx") {
    const { writeCheckWorkbook } = await import("./checkXlsx");
    const warnings = await writeCheckWorkbook(result, output as string, {
      locale: args.locale,
      planTitle,
      tolerance: args.tolerance,
    });
    for (const warning of warnings) io.stderr(`check: ${args.output}: ${warning}\n`);
    return;
  }
  if (format === "json") {
    if (!output) {
      writeCheckJson(result, io.stdout);
      return;
    }
    const descriptor = fs.openSync(output, "w");
    try {
      writeCheckJson(result, (chunk) => fs.writeSync(descriptor, chunk));
    } finally {
      fs.closeSync(descriptor);
    }
    return;
  }
  const text = formatCheckTable(result, args.locale);
  if (output) fs.writeFileSync(output, text);
  else io.stdout(text);
}
