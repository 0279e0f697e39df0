/**
 * `liangxin workbook`: writes the templated workbook (.xlsx) for a bundled city, every bundled
 * city, or a catalog file, with Excel built-in formulas so it computes without the add-in.
 */
import * as fs from "fs";
import * as path from "path";
import type { CliIo } from "../io";
import type { Catalog } from "../../core/catalog";
import type { Locale } from "../../core/i18n";
import { BUNDLED_CITIES, findBundledCity } from "../../core/cities";
import { loadCatalog, loadCatalogList } from "../readers/catalog";
import { renderWorkbook } from "../../workbook";
import { writeWorkbookXlsx } from "../../xlsx/writer";

const HELP = `Usage: liangxin workbook (--city <城市> | --catalog <catalog.json> | --all) [-o <file or dir>] [options]

Writes the 两新 targets workbook (.xlsx): 说明, 目标总表, 年度轨迹, 月度填报, 部门预警, 补贴测算.

  --city <name>        a bundled city (${BUNDLED_CITIES.map((city) => city.name).join(", ")}) or a catalog .json
  --catalog <file>     a catalog from \`liangxin extract\`; an array of catalogs (extract a.txt b.txt)
                       gives one workbook per catalog in the -o directory
  --all                every bundled city, one file each in the -o directory (default: current directory)
  -o, --output <path>  output file (default <city>.xlsx) or, with --all or an array, directory;
                       an existing directory for one workbook puts <city>.xlsx in it
  --lang <zh-CN|en-US> language of headers and texts shown first (default zh-CN)
  --example            add example rows, each labelled 示例数据 (off by default)
  -h, --help           this help
`;

interface WorkbookArgs {
  city?: string;
  catalog?: string;
  all: boolean;
  output?: string;
  locale: Locale;
  exampleData: boolean;
  help: boolean;
}

function parseArgs(args: string[]): WorkbookArgs {
  const parsed: WorkbookArgs = { all: false, locale: "zh-CN", exampleData: false, help: false };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    const [flag, inlineValue] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = (): string => {
      const next = inlineValue ?? args[++index];
      if (next === undefined || next === "") throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case "--city":
        parsed.city = value();
        break;
      case "--catalog":
        parsed.catalog = value();
        break;
      case "--all":
        parsed.all = true;
        break;
      case "-o":
      case "--output":
        parsed.output = value();
        break;
      case "--lang": {
        const locale = value();
        if (locale !== "zh-CN" && locale !== "en-US") throw new Error(`--lang must be zh-CN or en-US, not ${locale}`);
        parsed.locale = locale;
        break;
      }
      case "--formulas": {
        // Files hold built-in formulas only. Custom-function calls written into a file are not
        // calculated by Excel until each formula is re-entered, and the spilling ones would be
        // legacy array formulas; the add-in writes its formulas through Excel itself instead.
        const flavour = value();
        if (flavour !== "builtin")
          throw new Error(
            `--formulas ${flavour} 已取消：文件只写内置公式；要用加载项函数，请在 Excel 中打开文件后点“载入目标”，由加载项写入。` +
              ` (--formulas ${flavour} was removed: files carry built-in formulas; open the file in Excel and use the add-in's 载入目标 to get its functions.)`,
          );
        break;
      }
      case "--example":
        parsed.exampleData = true;
        break;
      case "-h":
      case "--help":
        parsed.help = true;
        break;
      default:
        throw new Error(`unknown option ${arg}`);
    }
  }
  return parsed;
}

async function writeOne(catalog: Catalog, file: string, options: WorkbookArgs, city: string | null): Promise<number> {
  const rendered = renderWorkbook(catalog, {
    flavour: "builtin",
    locale: options.locale,
    exampleData: options.exampleData,
  });
  // The catalog goes into the file's saved state, so the add-in can load into the file later.
  const bytes = await writeWorkbookXlsx(rendered, { catalog, city });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return bytes.length;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  let options: WorkbookArgs;
  try {
    options = parseArgs(args);
  } catch (error) {
    io.stderr(`workbook: ${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    return 1;
  }
  if (options.help) {
    io.stdout(HELP);
    return 0;
  }
  const sources = [options.city, options.catalog, options.all ? "--all" : undefined].filter(Boolean);
  if (sources.length !== 1) {
    io.stderr(`workbook: give exactly one of --city, --catalog or --all\n\n${HELP}`);
    return 1;
  }

  if (options.all) {
    const directory = path.resolve(io.cwd, options.output ?? ".");
    if (isFile(directory)) {
      io.stderr(
        `workbook: --all 写出多个工作簿，-o 须为目录，而 ${options.output} 是一个已有文件 (with --all, -o must be a directory, not an existing file)\n`,
      );
      return 1;
    }
    let failures = 0;
    for (const [index, city] of BUNDLED_CITIES.entries()) {
      const file = path.join(directory, `${city.slug}.xlsx`);
      const prefix = `[${index + 1}/${BUNDLED_CITIES.length}] ${city.name}`;
      try {
        const catalog = loadCatalog(city.name, io.cwd);
        const size = await writeOne(catalog, file, options, city.name);
        io.stderr(
          `${prefix}: ${catalog.targets.length} 个目标 (targets) → ${path.relative(io.cwd, file) || file} (${Math.round(size / 1024)} KB)\n`,
        );
      } catch (error) {
        failures++;
        io.stderr(`${prefix}: 失败 (failed): ${writeFailure(error, file, io.cwd)}\n`);
      }
    }
    return failures > 0 ? 1 : 0;
  }

  if (options.catalog) {
    let listed: ReturnType<typeof loadCatalogList>;
    try {
      listed = loadCatalogList(options.catalog, io.cwd);
    } catch (error) {
      io.stderr(`workbook: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    if (listed.catalogs.length > 1 || listed.skipped.length > 0) return writeMany(listed, options, io);
  }

  const source = (options.city ?? options.catalog) as string;
  let catalog: Catalog;
  try {
    catalog = loadCatalog(source, io.cwd);
  } catch (error) {
    io.stderr(`workbook: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const defaultName = `${findBundledCity(source)?.slug ?? path.basename(source).replace(/\.json$/i, "")}.xlsx`;
  let file = path.resolve(io.cwd, options.output ?? defaultName);
  if (isDirectory(file)) file = path.join(file, defaultName);
  let size: number;
  try {
    size = await writeOne(catalog, file, options, findBundledCity(source)?.name ?? null);
  } catch (error) {
    io.stderr(`workbook: ${writeFailure(error, file, io.cwd)}\n`);
    return 1;
  }
  io.stderr(
    `${catalog.targets.length} 个目标 (targets) → ${path.relative(io.cwd, file) || file} (${Math.round(size / 1024)} KB)\n`,
  );
  for (const warning of catalog.warnings) io.stderr(`提示 (warning): ${warning}\n`);
  return 0;
}

function isFile(target: string): boolean {
  return fs.existsSync(target) && !fs.statSync(target).isDirectory();
}

function isDirectory(target: string): boolean {
  return fs.existsSync(target) && fs.statSync(target).isDirectory();
}

/** Short city name of a catalog: the prefix of its ids (南平-01 → 南平). */
function cityOf(catalog: Catalog): string | null {
  const match = /^(.+)-\d+$/.exec(catalog.targets[0]?.id ?? "");
  return match ? match[1] : null;
}

/**
 * One workbook per catalog of an array (`liangxin extract a.txt b.txt > plans.json`), named after
 * the bundled city's slug or the ids' city name, in the -o directory.
 */
async function writeMany(
  listed: ReturnType<typeof loadCatalogList>,
  options: WorkbookArgs,
  io: CliIo,
): Promise<number> {
  const directory = path.resolve(io.cwd, options.output ?? ".");
  if (isFile(directory)) {
    io.stderr(
      `workbook: ${options.catalog} 含多份目标清单，-o 须为目录，而 ${options.output} 是一个已有文件 (several catalogs: -o must be a directory)\n`,
    );
    return 1;
  }
  let failures = listed.skipped.length;
  for (const reason of listed.skipped) io.stderr(`跳过 (skipped) ${reason}\n`);
  const used = new Set<string>();
  for (const [index, { catalog, file: planFile }] of listed.catalogs.entries()) {
    const city = cityOf(catalog);
    let name =
      (city ? (findBundledCity(city)?.slug ?? city) : null) ??
      (planFile ? path.basename(planFile).replace(/\.[^.]+$/, "") : `catalog-${index + 1}`);
    // Two plans of one city (two versions) must not overwrite each other.
    for (let suffix = 2; used.has(name); suffix++) name = `${name.replace(/-\d+$/, "")}-${suffix}`;
    used.add(name);
    const target = path.join(directory, `${name}.xlsx`);
    const prefix = `[${index + 1}/${listed.catalogs.length}] ${city ?? planFile ?? name}`;
    try {
      const size = await writeOne(catalog, target, options, city);
      io.stderr(
        `${prefix}: ${catalog.targets.length} 个目标 (targets) → ${path.relative(io.cwd, target) || target} (${Math.round(size / 1024)} KB)\n`,
      );
    } catch (error) {
      failures++;
      io.stderr(`${prefix}: 失败 (failed): ${writeFailure(error, target, io.cwd)}\n`);
    }
  }
  return failures > 0 ? 1 : 0;
}

/** Why a workbook could not be written, in words (not EEXIST/ENOTDIR/EACCES). */
function writeFailure(error: unknown, file: string, cwd: string): string {
  const shown = path.relative(cwd, file) || file;
  switch ((error as NodeJS.ErrnoException).code) {
    case "EEXIST":
    case "ENOTDIR":
      return `无法写入 ${shown}：路径中有同名文件挡住了目录 (a file is in the way of the directory)`;
    case "EISDIR":
      return `无法写入 ${shown}：这是一个目录 (is a directory)`;
    case "EACCES":
    case "EPERM":
      return `无法写入 ${shown}：没有写入权限 (permission denied)`;
    case "EBUSY":
      return `无法写入 ${shown}：文件正被占用，请先在 Excel 中关闭它 (file is in use)`;
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
