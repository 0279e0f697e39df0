/**
 * `liangxin workbook`: writes the templated workbook (.xlsx) for a bundled city, every bundled
 * city, or a catalog file, with Excel built-in formulas so it computes without the add-in.
 */
import * as fs from "fs";
import * as path from "path";
import type { CommandSpec, OptionValues } from "../args";
import { parseCommandArgs, usageError } from "../args";
import type { CliIo } from "../io";
import type { Catalog } from "../../core/catalog";
import type { Locale } from "../../core/i18n";
import { BUNDLED_CITIES, findBundledCity } from "../../core/cities";
import { loadCatalog, loadCatalogList } from "../readers/catalog";
import { renderWorkbook } from "../../workbook";
import { writeWorkbookXlsx } from "../../xlsx/writer";

const SPEC = {
  name: "workbook",
  usage: "(--city <城市> | --catalog <catalog.json> | --all) [-o <文件或目录>] [选项]",
  zh: "写出两新目标工作簿 (.xlsx)：说明、目标总表、年度轨迹、月度填报、部门预警、补贴测算。",
  en: "Writes the 两新 targets workbook (.xlsx): guide, targets, trajectories, monthly reports, departments, budget.",
  options: {
    city: {
      type: "string",
      value: "<城市>",
      zh: `内置城市（${BUNDLED_CITIES.map((city) => city.name).join("、")}）或目标清单 .json`,
      en: "a bundled city or a catalog .json",
    },
    catalog: {
      type: "string",
      value: "<文件>",
      zh: "liangxin extract 生成的目标清单；清单数组（extract a.txt b.txt）在 -o 目录中每份写一个工作簿",
      en: "a catalog from `liangxin extract`; an array of catalogs gives one workbook each in the -o directory",
    },
    all: {
      type: "boolean",
      zh: "每个内置城市各写一个文件，放在 -o 目录中（默认当前目录）",
      en: "every bundled city, one file each in the -o directory (default: current directory)",
    },
    output: {
      type: "string",
      short: "o",
      value: "<路径>",
      zh: "输出文件（默认 <城市>.xlsx）；--all 或清单数组时为目录；一个工作簿给已有目录时写入 <城市>.xlsx",
      en: "output file (default <city>.xlsx) or, with --all or an array, directory",
    },
    lang: {
      type: "string",
      value: "zh-CN|en-US",
      zh: "表头和说明先显示的语言（默认 zh-CN）",
      en: "language of headers and texts shown first (default zh-CN)",
    },
    formulas: {
      type: "string",
      value: "builtin",
      zh: "builtin：Excel 内置公式（唯一方式；addin 已取消，见 docs/workbook.md）",
      en: "built-in Excel formulas (the only mode; addin was removed)",
    },
    example: {
      type: "boolean",
      zh: "加入示例行，每行标明 示例数据（默认不加）",
      en: "add example rows, each labelled 示例数据 (off by default)",
    },
  },
  footer: "退出码 Exit: 0 已写出；1 无法读取目标清单或写入文件；2 用法错误",
} satisfies CommandSpec;

interface WorkbookArgs {
  city?: string;
  catalog?: string;
  all: boolean;
  output?: string;
  locale: Locale;
  exampleData: boolean;
}

/** The parsed options as the writer needs them, or why they are a usage error. */
function workbookArgs(values: OptionValues<typeof SPEC.options>): WorkbookArgs | string {
  const locale = values.lang ?? "zh-CN";
  if (locale !== "zh-CN" && locale !== "en-US")
    return `--lang 只能是 zh-CN 或 en-US (--lang must be zh-CN or en-US, not ${locale})`;
  // Files hold built-in formulas only: custom-function calls written into a file are not calculated by
  // Excel until each formula is re-entered; the add-in writes its formulas through Excel itself instead.
  const flavour = values.formulas ?? "builtin";
  if (flavour !== "builtin")
    return `--formulas ${flavour} 已取消：文件只写内置公式；要用加载项函数，请在 Excel 中打开文件后点“载入目标” (--formulas ${flavour} was removed: open the file in Excel and use the add-in's 载入目标)`;
  for (const name of ["city", "catalog", "output"] as const)
    if (values[name] === "") return `--${name} 需要一个值 (--${name} needs a value)`;
  const sources = [values.city, values.catalog, values.all ? "--all" : undefined].filter(Boolean);
  if (sources.length !== 1)
    return "--city、--catalog、--all 须给出且只给出一个 (give exactly one of --city, --catalog or --all)";
  return {
    city: values.city,
    catalog: values.catalog,
    all: values.all ?? false,
    output: values.output,
    locale,
    exampleData: values.example ?? false,
  };
}

async function writeOne(
  catalog: Catalog,
  file: string,
  options: WorkbookArgs,
  city: string | null,
  io: CliIo,
): Promise<number> {
  const rendered = renderWorkbook(catalog, {
    flavour: "builtin",
    locale: options.locale,
    exampleData: options.exampleData,
  });
  // The catalog goes into the file's saved state, so the add-in can load into the file later.
  const warnings: string[] = [];
  const bytes = await writeWorkbookXlsx(rendered, { catalog, city, warnings });
  for (const warning of new Set(warnings)) io.stderr(`workbook: ${file}: ${warning}\n`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return bytes.length;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(SPEC, args, io);
  if (typeof parsed === "number") return parsed;
  const options = workbookArgs(parsed.values);
  if (typeof options === "string") return usageError(SPEC, io, options);

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
        const size = await writeOne(catalog, file, options, city.name, io);
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
    size = await writeOne(catalog, file, options, findBundledCity(source)?.name ?? null, io);
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
      const size = await writeOne(catalog, target, options, city, io);
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
