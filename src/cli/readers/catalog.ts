/** The catalog a command checks against: a bundled city (extracted from seeds/) or a catalog .json file. */
import * as fs from "fs";
import * as path from "path";
import type { Catalog } from "../../core/catalog";
import { BUNDLED_CITIES, findBundledCity } from "../../core/cities";
import { catalogFromJson } from "../../core/catalogShape";
import { decodePlanBytes } from "../../core/decode";
import { extractCatalog } from "../../core/extract";

/** The project root (where package.json and seeds/ are), from src/cli/readers or lib/src/cli/readers. */
function projectRoot(): string {
  let directory = __dirname;
  while (!fs.existsSync(path.join(directory, "seeds")) && path.dirname(directory) !== directory)
    directory = path.dirname(directory);
  return directory;
}

/**
 * Loads a catalog from `--city`: a bundled city's name (南平, nanping …) or a catalog .json file.
 * @throws Error with a user-facing message when the city is unknown, the file is unreadable or not a catalog,
 *   or the catalog has no targets
 */
export function loadCatalog(city: string, cwd: string): Catalog {
  let catalog: Catalog;
  const file = path.resolve(cwd, city);
  if (/\.json$/i.test(city) || (fs.existsSync(file) && fs.statSync(file).isFile())) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
    } catch (error) {
      throw new Error(
        `无法读取目标清单 ${city}：${error instanceof Error ? error.message : String(error)} (cannot read the catalog file)`,
      );
    }
    if (Array.isArray(parsed)) {
      throw new Error(
        `${city} 含 ${parsed.length} 份目标清单（liangxin extract 多个文件的输出）；请只给一份，` +
          `或用 liangxin workbook --catalog ${city} 为每份各写一个工作簿 (an array of catalogs: give one)`,
      );
    }
    catalog = checkedCatalog(parsed, city);
  } else {
    const bundled = findBundledCity(city);
    if (!bundled) {
      const names = BUNDLED_CITIES.map((entry) => entry.name).join("、");
      throw new Error(`未知城市“${city}”（内置：${names}；或给出目标清单 .json 文件）(unknown city)`);
    }
    const bytes = fs.readFileSync(path.join(projectRoot(), "seeds", bundled.file));
    catalog = extractCatalog(decodePlanBytes(bytes).text, { cityName: bundled.name });
  }
  if (catalog.targets.length === 0) throw new Error(`目标清单 ${city} 中没有目标 (the catalog has no targets)`);
  return catalog;
}

/**
 * A parsed catalog file checked against the catalog schema (optional fields defaulted).
 * @throws Error naming the first problems (target id and field) when it is not a usable catalog
 */
function checkedCatalog(parsed: unknown, name: string): Catalog {
  if (!isCatalog(parsed))
    throw new Error(`${name} 不是目标清单文件（缺少 targets 数组）(not a catalog: no targets array)`);
  const shape = catalogFromJson(parsed);
  if (shape.problems)
    throw new Error(
      `目标清单 ${name} 格式不符（schemas/catalog.schema.json）：${shape.problems.join("；")} (the catalog does not match its schema)`,
    );
  return shape.catalog;
}

function isCatalog(value: unknown): value is Catalog {
  if (typeof value !== "object" || value === null) return false;
  const targets = (value as { targets?: unknown }).targets;
  return (
    Array.isArray(targets) &&
    targets.every(
      (target) =>
        typeof target === "object" &&
        target !== null &&
        typeof (target as { id?: unknown }).id === "string" &&
        typeof (target as { kind?: unknown }).kind === "string",
    )
  );
}

/** One catalog of a catalog file, with the plan file it came from when `extract` recorded it. */
export interface ListedCatalog {
  catalog: Catalog;
  /** The plan file named in the element (multi-file `extract` output), else null. */
  file: string | null;
}

/**
 * Reads a catalog file that may hold one catalog or an array of them (the output of
 * `liangxin extract a.txt b.txt`). Elements that record a failed file (`{ file, error }`) or hold
 * no targets are returned in `skipped` with the reason.
 * @param source the .json file, relative to cwd
 * @param cwd the working directory
 * @returns the catalogs in file order, and the elements skipped
 * @throws Error with a user-facing message when the file is unreadable or holds no catalog at all
 */
export function loadCatalogList(source: string, cwd: string): { catalogs: ListedCatalog[]; skipped: string[] } {
  const file = path.resolve(cwd, source);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new Error(
      `无法读取目标清单 ${source}：${error instanceof Error ? error.message : String(error)} (cannot read the catalog file)`,
    );
  }
  if (!Array.isArray(parsed)) return { catalogs: [{ catalog: loadCatalog(source, cwd), file: null }], skipped: [] };
  const catalogs: ListedCatalog[] = [];
  const skipped: string[] = [];
  parsed.forEach((element: unknown, index) => {
    const named =
      typeof element === "object" && element !== null ? (element as { file?: unknown; error?: unknown }) : {};
    const label = typeof named.file === "string" ? named.file : `第${index + 1}项 (element ${index + 1})`;
    if (typeof named.error === "string")
      skipped.push(`${label}：提取时未能读取 (not read at extraction)：${named.error}`);
    else if (!isCatalog(element)) skipped.push(`${label}：不是目标清单 (not a catalog)`);
    else if (element.targets.length === 0) skipped.push(`${label}：没有目标 (no targets)`);
    else {
      const shape = catalogFromJson(element);
      if (shape.problems) skipped.push(`${label}：格式不符 (does not match the schema)：${shape.problems.join("；")}`);
      else catalogs.push({ catalog: shape.catalog, file: typeof named.file === "string" ? named.file : null });
    }
  });
  if (catalogs.length === 0) throw new Error(`${source} 中没有可用的目标清单 (no usable catalog in the array)`);
  return { catalogs, skipped };
}
