/**
 * Issue 5 speed floor: checking 100,000 report rows in under one second, excluding Node start-up.
 *
 * Generated 示例数据 (example data), realistic in shape: 12 bureaus reporting for 5 units each
 * (市本级 and four 县区) = 60 reporting departments, 35 targets each out of a 40-target catalog
 * of every numeric kind, monthly from 2024-01 in month order; the first 100,000 rows are kept
 * (2,100 series × ~48 months). About 0.2% of rows are bad (unknown ids, text values) so the
 * rejection path is timed too. Prints rows/s for the pure core on in-memory rows and for the
 * CLI path (`liangxin check` on a CSV file: read, decode, parse, check, write JSON).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import type { Catalog, Target, TargetKind } from "../src/core/catalog";
import { runReportCheck } from "../src/core/check";
import { run as runCheckCommand } from "../src/cli/commands/check";
import { formatCheckJson, formatCheckTable } from "../src/cli/commands/checkOutput";
import { readCsvBytes } from "../src/cli/readers/csv";
import { captureIo } from "../src/cli/io";

const ROW_COUNT = 100_000;
const TARGET_COUNT = 40;
const TARGETS_PER_DEPARTMENT = 35;
const BUREAUS = [
  "市发展和改革委员会",
  "市工业和信息化局",
  "市商务局",
  "市住房和城乡建设局",
  "市交通运输局",
  "市农业农村局",
  "市教育局",
  "市文化和旅游局",
  "市卫生健康委员会",
  "市生态环境局",
  "市市场监督管理局",
  "市财政局",
];
const UNITS = ["", "甲区", "乙区", "丙县", "丁县"];
const KINDS: TargetKind[] = ["growth_vs_baseline", "growth_vs_baseline", "level", "share", "cumulative", "annual"];

export function benchCatalog(): { catalog: Catalog; baselines: Map<string, number> } {
  const targets: Target[] = [];
  const baselines = new Map<string, number>();
  for (let index = 0; index < TARGET_COUNT; index++) {
    const kind = KINDS[index % KINDS.length];
    const id = `示例-${String(index + 1).padStart(2, "0")}`;
    const normalizedValue =
      kind === "growth_vs_baseline"
        ? 0.3
        : kind === "share"
          ? 0.9
          : kind === "level"
            ? 5000
            : kind === "cumulative"
              ? 400
              : 120;
    targets.push({
      id,
      section: "示例",
      task: "示例任务",
      indicator: `示例指标${index + 1}`,
      domain: "综合",
      kind,
      comparator: ">=",
      value: normalizedValue,
      unit: null,
      normalizedValue,
      baseYear: 2023,
      startYear: kind === "cumulative" || kind === "annual" ? 2024 : null,
      targetYear: 2027,
      lead: BUREAUS[index % BUREAUS.length],
      support: [],
      leadOriginal: null,
      leadInferred: false,
      source: { text: "示例数据", start: 0, end: 0 },
    });
    if (kind === "growth_vs_baseline") baselines.set(id, 1000);
    if (kind === "level") baselines.set(id, 3000);
    if (kind === "share") baselines.set(id, 0.5);
  }
  return {
    catalog: {
      plan: { government: "示例市（示例数据）", title: "示例数据", docNumber: null, date: null },
      targets,
      warnings: [],
    },
    baselines,
  };
}

/** Rows as a CSV or a sheet holds them: strings for period, department and id, numbers (or text) for values. */
export function benchRows(catalog: Catalog): string[][] {
  const rows: string[][] = [["期间", "部门", "目标编号", "填报值", "口径"]];
  let seed = 42;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let year = 2024; year <= 2027; year++) {
    for (let month = 1; month <= 12; month++) {
      const period = `${year}-${String(month).padStart(2, "0")}`;
      for (let bureau = 0; bureau < BUREAUS.length; bureau++) {
        for (const unit of UNITS) {
          for (let offset = 0; offset < TARGETS_PER_DEPARTMENT; offset++) {
            if (rows.length > ROW_COUNT) return rows;
            const target = catalog.targets[(bureau + offset) % TARGET_COUNT];
            const noise = 0.8 + random() * 0.35;
            const yearShare = month / 12;
            const value =
              target.kind === "share"
                ? 0.5 + 0.1 * (year - 2023) * noise
                : target.kind === "level"
                  ? 3000 * (1 + 0.12 * (year - 2024 + yearShare)) * noise
                  : target.kind === "cumulative"
                    ? 100 * (year - 2024 + yearShare) * noise
                    : target.kind === "annual"
                      ? 120 * yearShare * noise
                      : 1000 * (1 + 0.07 * (year - 2023)) * yearShare * noise;
            const bad = random();
            rows.push([
              period,
              unit + BUREAUS[bureau],
              bad < 0.001 ? "示例-99" : target.id,
              bad > 0.999 ? "未填" : value.toFixed(2),
              "",
            ]);
          }
        }
      }
    }
  }
  return rows;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function run(): Promise<void> {
  const { catalog, baselines } = benchCatalog();
  const rows = benchRows(catalog);
  const dataRows = rows.length - 1;

  const coreTimes: number[] = [];
  let checked = 0;
  let rejected = 0;
  for (let repeat = 0; repeat < 3; repeat++) {
    const started = performance.now();
    const result = runReportCheck([{ file: "bench.csv", rows }], catalog, { baselines });
    coreTimes.push(performance.now() - started);
    checked = result.rows.length;
    rejected = result.errors.length;
  }
  const coreMs = median(coreTimes);
  console.log(
    `core: ${dataRows} rows (${checked} checked, ${rejected} rejected) in ${coreMs.toFixed(0)} ms — ${Math.round(dataRows / (coreMs / 1000)).toLocaleString("en-US")} rows/s`,
  );

  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-bench-check-"));
  try {
    fs.writeFileSync(path.join(directory, "catalog.json"), JSON.stringify(catalog));
    fs.writeFileSync(
      path.join(directory, "baselines.csv"),
      ["目标编号,基期值", ...[...baselines].map(([id, value]) => `${id},${value}`)].join("\n"),
    );
    fs.writeFileSync(path.join(directory, "reports.csv"), rows.map((row) => row.join(",")).join("\n") + "\n");
    const timeCli = async (format: "json" | "table"): Promise<{ ms: number; code: number }> => {
      const times: number[] = [];
      let code = 0;
      for (let repeat = 0; repeat < 3; repeat++) {
        const io = captureIo(directory);
        const started = performance.now();
        code = await runCheckCommand(
          [
            "reports.csv",
            "--city",
            "catalog.json",
            "--baselines",
            "baselines.csv",
            "--format",
            format,
            "-o",
            `out.${format}`,
          ],
          io,
        );
        times.push(performance.now() - started);
      }
      return { ms: median(times), code };
    };
    for (const format of ["table", "json"] as const) {
      const { ms, code } = await timeCli(format);
      console.log(
        `cli (CSV → ${format}, exit ${code}): ${dataRows} rows in ${ms.toFixed(0)} ms — ${Math.round(dataRows / (ms / 1000)).toLocaleString("en-US")} rows/s; ${ms < 1000 ? "meets" : "MISSES"} the 1 s floor`,
      );
    }
    // Where the CLI's time goes (one pass each).
    let started = performance.now();
    const parsed = readCsvBytes(fs.readFileSync(path.join(directory, "reports.csv"))).rows;
    const readMs = performance.now() - started;
    started = performance.now();
    const result = runReportCheck([{ file: "reports.csv", rows: parsed }], catalog, { baselines });
    const checkMs = performance.now() - started;
    started = performance.now();
    fs.writeFileSync(path.join(directory, "out.json"), formatCheckJson(result));
    const jsonMs = performance.now() - started;
    started = performance.now();
    formatCheckTable(result, "zh-CN");
    const tableMs = performance.now() - started;
    const jsonMb = fs.statSync(path.join(directory, "out.json")).size / 1e6;
    console.log(
      `  phases: read+decode+parse CSV ${readMs.toFixed(0)} ms, check ${checkMs.toFixed(0)} ms, JSON out ${jsonMs.toFixed(0)} ms (${jsonMb.toFixed(1)} MB), table out ${tableMs.toFixed(0)} ms`,
    );
    benchXlsxMemory(directory, rows);
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * `check -o out.xlsx` in a child process, for 100,000 and 400,000 rows (the generated rows, and
 * copies of them under other department names): peak RSS should grow far less than the rows do
 * (the streaming writer holds no sheet in memory; what remains is the check result itself).
 */
function benchXlsxMemory(directory: string, rows: string[][]): void {
  const main = path.join(__dirname, "..", "src", "cli", "main.js");
  for (const copies of [1, 4]) {
    const files: string[] = [];
    for (let copy = 0; copy < copies; copy++) {
      const file = `reports-${copy}.csv`;
      const body = rows
        .slice(1)
        .map((row) => [row[0], copy === 0 ? row[1] : `${row[1]}（副本${copy}）`, ...row.slice(2)].join(","));
      fs.writeFileSync(path.join(directory, file), [rows[0].join(","), ...body].join("\n") + "\n");
      files.push(file);
    }
    const args = [...files, "--city", "catalog.json", "--baselines", "baselines.csv", "-o", "out.xlsx"];
    const script =
      `require(${JSON.stringify(main)}).main(${JSON.stringify(["check", ...args])})` +
      `.then((code) => console.log(JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS })))`;
    const started = performance.now();
    const child = spawnSync(process.execPath, ["-e", script], { cwd: directory, encoding: "utf8" });
    const ms = performance.now() - started;
    const measured = /\{"code".*\}/.exec(child.stdout ?? "")?.[0];
    if (!measured) {
      console.log(`cli (CSV → xlsx, ${(rows.length - 1) * copies} rows): failed — ${child.stderr?.slice(-300)}`);
      continue;
    }
    const { code, maxRssKb } = JSON.parse(measured) as { code: number; maxRssKb: number };
    const megabytes = fs.statSync(path.join(directory, "out.xlsx")).size / 1e6;
    console.log(
      `cli (CSV → xlsx, streaming, exit ${code}): ${((rows.length - 1) * copies).toLocaleString("en-US")} rows — peak RSS ${(maxRssKb / 1024).toFixed(0)} MB, ${ms.toFixed(0)} ms, file ${megabytes.toFixed(1)} MB`,
    );
  }
}
