/**
 * `liangxin check <report files…> [--city <city|catalog.json>] [--baselines <file>] [--format table|json|xlsx] [-o out]`:
 * consolidates monthly reports and checks every row against its trajectory (issue 5). Without
 * --city the catalog saved in a liangxin workbook among the inputs is used.
 * Exit 0: the check ran (laggards or not); 2: rows were rejected; 1: it could not run.
 */
import * as fs from "fs";
import * as path from "path";
import type { CheckResult, RowIssue } from "../../core/check";
import { readBaselines, runReportCheck } from "../../core/check";
import type { Catalog } from "../../core/catalog";
import type { Locale } from "../../core/i18n";
import { DEFAULT_TOLERANCE } from "../../core/status";
import type { CliIo } from "../io";
import { loadCatalog } from "../readers/catalog";
import { startProgress } from "../readers/progress";
import { expandInputs, readBaselineFiles, readReportFiles } from "../readers/tables";
import { catalogDifferences, findStoredCatalog } from "../readers/workbookCatalog";
import { formatCheckTable, writeCheckJson } from "./checkOutput";

const HELP = `用法 Usage: liangxin check <月报文件或目录…> [--city <城市|catalog.json>] [选项]

检查各部门月度填报（.csv 或 .xlsx，中文或英文表头）是否落后于目标轨迹。
Checks monthly report files against each target's trajectory.

选项 Options:
  --city <名称|文件>      内置城市（南平、南阳…）或 liangxin extract 生成的目标清单 .json；
                          不给时使用 liangxin workbook 或加载项生成的工作簿（--baselines 或月报）中保存的目标清单
  --baselines <文件>      基期值（2023年数）：含 目标编号 和 基期值 列的 .csv/.xlsx，或含 目标总表 的工作簿（可重复）
  --format table|json|xlsx  输出格式（默认 table；-o 以 .json/.xlsx 结尾时按扩展名）
  -o, --output <文件>     写入文件（xlsx 必须给出）
  --tolerance <小数>      预警容差，默认 ${DEFAULT_TOLERANCE}（差距低于 −容差 为 落后）
  --lang zh-CN|en-US      标签语言（默认 zh-CN）
  --forecast-all          每一行都附预测（默认只对每个部门+目标最新一期预测）
退出码 Exit: 0 检查完成；2 有退回的行；1 无法检查（无可读文件、目标清单错误）
`;

/** Row counts from which checking gets a bar of its own (smaller checks finish in a blink). */
const ROW_PROGRESS_FROM = 5000;

interface CheckArgs {
  inputs: string[];
  city?: string;
  baselines: string[];
  format?: "table" | "json" | "xlsx";
  output?: string;
  tolerance: number;
  locale: Locale;
  forecastAll: boolean;
}

function parseArgs(args: string[]): CheckArgs | string {
  const parsed: CheckArgs = {
    inputs: [],
    baselines: [],
    tolerance: DEFAULT_TOLERANCE,
    locale: "zh-CN",
    forecastAll: false,
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = (): string => {
      const next = inline ?? args[++index];
      if (next === undefined) throw new Error(`${flag} 需要一个值 (needs a value)`);
      return next;
    };
    switch (flag) {
      case "--city":
        parsed.city = value();
        break;
      case "--baselines":
        parsed.baselines.push(value());
        break;
      case "--format": {
        const format = value();
        if (format !== "table" && format !== "json" && format !== "xlsx")
          return `--format 只能是 table、json 或 xlsx (got ${format})`;
        parsed.format = format;
        break;
      }
      case "-o":
      case "--output":
        parsed.output = value();
        break;
      case "--forecast-all":
        parsed.forecastAll = true;
        break;
      case "--tolerance": {
        const tolerance = Number(value());
        if (!(tolerance >= 0) || !Number.isFinite(tolerance))
          return "--tolerance 应为非负小数，如 0.1 (a non-negative fraction)";
        parsed.tolerance = tolerance;
        break;
      }
      case "--lang": {
        const locale = value();
        if (locale !== "zh-CN" && locale !== "en-US") return `--lang 只能是 zh-CN 或 en-US (got ${locale})`;
        parsed.locale = locale;
        break;
      }
      default:
        if (flag.startsWith("-") && flag !== "-") return `未知选项 ${flag} (unknown option)`;
        parsed.inputs.push(arg);
    }
  }
  if (!parsed.format && parsed.output) {
    if (/\.xlsx$/i.test(parsed.output)) parsed.format = "xlsx";
    else if (/\.json$/i.test(parsed.output)) parsed.format = "json";
  }
  return parsed;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(HELP);
    return 0;
  }
  let parsed: CheckArgs | string;
  try {
    parsed = parseArgs(args);
  } catch (error) {
    parsed = error instanceof Error ? error.message : String(error);
  }
  if (typeof parsed === "string") {
    io.stderr(`check: ${parsed}\n\n${HELP}`);
    return 1;
  }
  if (parsed.inputs.length === 0) {
    io.stderr(`check: 需要月报文件 (report files are required)\n\n${HELP}`);
    return 1;
  }
  const format = parsed.format ?? "table";
  if (format === "xlsx" && !parsed.output) {
    io.stderr("check: --format xlsx 需要 -o <文件.xlsx> (xlsx output needs -o)\n");
    return 1;
  }

  const baselineFiles = expandInputs(parsed.baselines, io.cwd);
  const reportFiles = expandInputs(parsed.inputs, io.cwd);
  const catalog = await chooseCatalog(parsed.city, [...baselineFiles, ...reportFiles], io);
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
 * The catalog to check against: --city when given, else the one saved in a liangxin workbook among
 * the inputs (the ids its departments were given). When both exist and their ids disagree, warns
 * and keeps --city (the user chose it).
 * @returns the catalog, or null after printing why there is none
 */
async function chooseCatalog(city: string | undefined, files: readonly string[], io: CliIo): Promise<Catalog | null> {
  const stored = await findStoredCatalog(files, io.cwd);
  if (!city) {
    if (stored) {
      io.stderr(
        `check: 使用工作簿 ${stored.file} 中保存的目标清单（${stored.catalog.targets.length} 个目标${stored.city ? `，${stored.city}` : ""}）(catalog saved in the workbook)\n`,
      );
      return stored.catalog;
    }
    io.stderr(
      `check: 需要 --city，或给出 liangxin workbook 生成的工作簿（其中保存了目标清单）(--city is required unless a liangxin workbook is given)\n\n${HELP}`,
    );
    return null;
  }
  let catalog: Catalog;
  try {
    catalog = loadCatalog(city, io.cwd);
  } catch (error) {
    io.stderr(`check: ${error instanceof Error ? error.message : String(error)}\n`);
    return null;
  }
  if (stored) {
    const { count, examples } = catalogDifferences(stored.catalog, catalog);
    if (count > 0) {
      io.stderr(
        `check: 警告：--city ${city} 的目标编号与工作簿 ${stored.file} 中保存的目标清单不一致（${count} 个编号，如 ${examples.join("；")}）。` +
          `各部门按工作簿中的编号填报：去掉 --city 即按工作簿的清单检查。` +
          ` (warning: --city ids disagree with the catalog saved in the workbook; omit --city to use the workbook's)\n`,
      );
    }
  }
  return catalog;
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
    await writeCheckWorkbook(result, output as string, { locale: args.locale, planTitle, tolerance: args.tolerance });
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
