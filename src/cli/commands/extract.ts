/**
 * `liangxin extract <file…> [--format json|table] [--city 名]`: prints the target catalog of
 * each plan file — text (UTF-8, UTF-16 with a BOM, or GB18030), Word (.docx), PDF with a text
 * layer, or a web page (.html), recognised by content (src/readers). One file → one catalog
 * object; several → an array in argument order, each element carrying its `file`, and a file
 * that could not be read keeping its place as `{ file, error }`. A bundled city's name (南平,
 * nanping) stands for its seed file.
 * Exit code: 0 when every file was read, 1 when any could not be (missing, a directory, a scan, an
 * old .doc, a damaged file; the others are still printed), 2 for a usage error. What a reader
 * repaired or skipped goes to stderr and to the catalog's warnings.
 */
import * as fs from "fs";
import * as path from "path";
import type { Catalog, Target } from "../../core/catalog";
import { findBundledCity } from "../../core/cities";
import { extractCatalog } from "../../core/extract/index";
import { PlanReadError, readPlanFile } from "../../readers";
import type { CliIo } from "../io";
import { nodeReaderHost } from "../readers/planFile";

const HELP = `Usage: liangxin extract <file…> [--format json|table] [--city 名]

  Extracts the target catalog (目标清单) from plan files: text (UTF-8, UTF-16 or GB18030/GBK),
  Word (.docx), PDF with a text layer, or a web page (.html/.htm), recognised by content.
  One file prints one catalog object; several print an array in the order given, each
  element with its "file", and {"file": …, "error": …} for a file that could not be read.
  A scanned PDF (no text layer) needs OCR first; an old .doc/.wps must be saved as .docx.

  --format json    JSON catalog (default); the schema is schemas/catalog.schema.json
  --format table   a readable table, one target per row, with its source clause
  --city 名        short city name for target ids (南平 → 南平-01); default: read from the text
  A bundled city's name (南阳 南平 邯郸 开封 新郑, or its slug) stands for its seed file.

  Example: liangxin extract seeds/001_bc9db3d026010e14.txt --format table
           liangxin extract plan.docx plan.pdf plan.html
           liangxin extract 南平
`;

/** Seeds ship with the package: the nearest folder above this module holding package.json and seeds/. */
function seedsDir(): string {
  let dir = __dirname;
  for (let depth = 0; depth < 8; depth++) {
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "seeds")))
      return path.join(dir, "seeds");
    dir = path.dirname(dir);
  }
  return path.resolve(__dirname, "..", "..", "..", "..", "seeds");
}

interface ExtractArgs {
  files: string[];
  format: "json" | "table";
  city: string | undefined;
}

function parseArgs(args: readonly string[]): ExtractArgs | string {
  const parsed: ExtractArgs = { files: [], format: "json", city: undefined };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === "--format" || arg.startsWith("--format=")) {
      const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : args[++index];
      if (value !== "json" && value !== "table") return `--format must be json or table (got ${value ?? "nothing"})`;
      parsed.format = value;
    } else if (arg === "--city" || arg.startsWith("--city=")) {
      const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : args[++index];
      if (!value) return "--city needs a name";
      parsed.city = value;
    } else if (arg.startsWith("--")) {
      return `unknown option ${arg}`;
    } else {
      parsed.files.push(arg);
    }
  }
  if (parsed.files.length === 0) return "no file given";
  return parsed;
}

/** Where a file argument points: the file itself, else a bundled city's seed. */
function resolvePlan(arg: string, cwd: string): { filePath: string; cityName?: string } {
  const filePath = path.resolve(cwd, arg);
  if (fs.existsSync(filePath)) return { filePath };
  const city = findBundledCity(arg);
  if (city) return { filePath: path.join(seedsDir(), city.file), cityName: city.name };
  return { filePath };
}

/** Display width: CJK and full-width characters take two columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return width;
}

function pad(text: string, width: number): string {
  let out = text;
  while (displayWidth(out) > width) out = out.slice(0, -1);
  if (out !== text) out = out.slice(0, -1) + "…";
  return out + " ".repeat(Math.max(0, width - displayWidth(out)));
}

function describeValue(target: Target): string {
  if (target.kind === "milestone") return "—";
  const comparator = target.comparator === "=" || target.comparator === null ? "" : target.comparator;
  return `${comparator}${target.value ?? ""}${target.unit ?? ""}`;
}

/** A catalog as a readable table: one line per target, its source clause on the next line. */
export function formatCatalogTable(catalog: Catalog, fileLabel: string): string {
  const { plan } = catalog;
  const lines = [
    `# ${fileLabel}  ${plan.title || "(无标题)"}  ${plan.government}  ${plan.docNumber ?? ""}  ${plan.date ?? ""}`.trimEnd(),
  ];
  lines.push(
    [
      pad("id", 10),
      pad("种类 kind", 20),
      pad("目标值", 14),
      pad("年份", 6),
      pad("指标 indicator", 30),
      pad("牵头 lead", 20),
      "section",
    ].join(" "),
  );
  for (const target of catalog.targets) {
    const lead = target.lead === null ? "—" : target.leadInferred ? `${target.lead}*` : target.lead;
    lines.push(
      [
        pad(target.id, 10),
        pad(target.kind, 20),
        pad(describeValue(target), 14),
        pad(String(target.targetYear ?? "—"), 6),
        pad(target.indicator, 30),
        pad(lead, 20),
        target.section,
      ].join(" "),
    );
    lines.push(`           └ ${target.source.text.replace(/\s+/g, " ")}`);
  }
  lines.push(`${catalog.targets.length} targets (* lead inferred)`);
  for (const warning of catalog.warnings) lines.push(`! ${warning}`);
  return lines.join("\n") + "\n";
}

export async function run(args: string[], io: CliIo): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(HELP);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === "string") {
    io.stderr(`liangxin extract: ${parsed}\n\n${HELP}`);
    return 2;
  }
  const results: ExtractResult[] = [];
  let failed = false;
  for (const arg of parsed.files) {
    const { filePath, cityName } = resolvePlan(arg, io.cwd);
    const read = await readPlan(filePath);
    if ("error" in read) {
      io.stderr(`liangxin extract: 无法读取 ${arg}：${read.error}\n`);
      results.push({ file: arg, error: read.error });
      failed = true;
      continue;
    }
    for (const warning of read.warnings) io.stderr(`liangxin extract: ${arg}：${warning}\n`);
    const extracted = extractCatalog(read.text, { cityName: parsed.city ?? cityName });
    const catalog = { ...extracted, warnings: [...read.warnings, ...extracted.warnings] };
    if (parsed.format === "table") io.stdout(formatCatalogTable(catalog, arg));
    results.push({ file: arg, ...catalog });
  }
  if (parsed.format === "json") {
    if (parsed.files.length > 1) io.stdout(JSON.stringify(results, null, 2) + "\n");
    else if (!("error" in results[0])) {
      // One file: the catalog itself, as the schema describes it (no file name needed).
      const { file: _file, ...catalog } = results[0];
      io.stdout(JSON.stringify(catalog, null, 2) + "\n");
    }
  }
  return failed ? 1 : 0;
}

/** One element of the multi-file output: a catalog with its file, or the file and why it could not be read. */
type ExtractResult = (Catalog & { file: string }) | { file: string; error: string };

/**
 * A plan file's text (any format the readers know) and their warnings, or a readable reason why
 * there is none: missing, a directory, unreadable, or refused by a reader (scan, old .doc, damaged).
 */
async function readPlan(filePath: string): Promise<{ text: string; warnings: string[] } | { error: string }> {
  let bytes: Uint8Array;
  try {
    if (fs.statSync(filePath).isDirectory()) return { error: "是一个目录，请给出方案文件 (is a directory)" };
    bytes = fs.readFileSync(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { error: "文件不存在 (no such file)" };
    if (code === "EACCES" || code === "EPERM") return { error: "没有读取权限 (permission denied)" };
    return { error: error instanceof Error ? error.message : String(error) };
  }
  try {
    const reading = await readPlanFile(bytes, path.basename(filePath), nodeReaderHost);
    return { text: reading.text, warnings: reading.warnings };
  } catch (error) {
    if (error instanceof PlanReadError) return { error: error.message };
    throw error;
  }
}
