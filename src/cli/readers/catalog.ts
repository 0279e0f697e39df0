/** The catalog a command checks against: a bundled city (extracted from seeds/) or a catalog .json file. */
import * as fs from "fs";
import * as path from "path";
import type { Catalog } from "../../core/catalog";
import { BUNDLED_CITIES, findBundledCity } from "../../core/cities";
import { decodePlanBytes } from "../../core/decode";
import { extractCatalog } from "../../core/extract";

/** The project root (where package.json and seeds/ are), from src/cli/readers or lib/src/cli/readers. */
function projectRoot(): string {
  let directory = __dirname;
  while (!fs.existsSync(path.join(directory, "seeds")) && path.dirname(directory) !== directory) directory = path.dirname(directory);
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
      throw new Error(`无法读取目标清单 ${city}：${error instanceof Error ? error.message : String(error)} (cannot read the catalog file)`);
    }
    if (!isCatalog(parsed)) throw new Error(`${city} 不是目标清单文件（缺少 targets 数组）(not a catalog: no targets array)`);
    catalog = parsed;
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

function isCatalog(value: unknown): value is Catalog {
  if (typeof value !== "object" || value === null) return false;
  const targets = (value as { targets?: unknown }).targets;
  return (
    Array.isArray(targets) &&
    targets.every((target) => typeof target === "object" && target !== null && typeof (target as { id?: unknown }).id === "string" && typeof (target as { kind?: unknown }).kind === "string")
  );
}
