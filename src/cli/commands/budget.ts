/**
 * `liangxin budget`: the subsidy budget (补贴测算) for a city with the default parameters:
 * parameters with their sources, the budget by program × year × funding level, the sensitivity
 * table and the Monte Carlo P10/P50/P90. Parses arguments, calls the budget core, formats.
 */
import type { CommandSpec } from "../args";
import { parseCommandArgs, usageError } from "../args";
import type { CliIo } from "../io";
import { loadFormulaEngine } from "../../core/budget/formula";
import { BUNDLED_CITIES } from "../../core/cities";
import { budgetLinesFromPrograms, computeBudget, DEFAULT_BUDGET_YEARS } from "../../core/budget/budget";
import {
  BUDGET_DEFAULTS,
  DEFAULT_STATUS_LABELS,
  defaultPrograms,
  provinceOfPlan,
  REGION_LABELS,
  regionOfProvince,
} from "../../core/budget/defaults";
import { BUDGET_PARAMETER_LABELS, sensitivity } from "../../core/budget/sensitivity";
import { DEFAULT_ITERATIONS, DEFAULT_SEED, simulateBudget } from "../../core/budget/simulate";
import { SCRAPPING_INDICATOR, trajectoryForIndicator, volumesFromTrajectory } from "../../core/budget/volume";
import { FUNDING_LEVELS, FUNDING_LEVEL_LABELS } from "../../core/budget/types";
import { loadCatalog } from "../readers/catalog";
import type { Catalog } from "../../core/catalog";
import { isLiangxinError } from "../../core/errors";
import { DEFAULT_BASE_YEAR, DEFAULT_TARGET_YEAR } from "../../core/trajectory";

const SPEC = {
  name: "budget",
  usage: "--city <城市> [选项]",
  zh: "补贴测算：按默认（国家标准/待核实/示例）参数测算各项目各年度补贴资金、各级分担、敏感性和 P10/P50/P90。数量没有默认值：请给出，或给出报废基数。",
  en: "Subsidy budget with the default parameters. Volumes have no default: give them, or a scrapping baseline.",
  options: {
    city: {
      type: "string",
      value: "<城市>",
      zh: `内置城市（${BUNDLED_CITIES.map((city) => city.name).join("、")}）或目标清单 .json（必填）`,
      en: "a bundled city or a catalog .json (required)",
    },
    volume: {
      type: "string",
      multiple: true,
      value: "<id>=<n>",
      zh: "某项目每年的补贴数量（可重复），如 --volume applianceAc=20000；<id>:<年>=<n> 只给一年",
      en: "eligible units per year for a program (repeatable); <id>:<year>=<n> for one year",
    },
    "scrap-baseline": {
      type: "string",
      value: "<n>",
      zh: "2023年报废汽车回收量（辆，正数）：报废数量按该目标的轨迹推算",
      en: "your 2023 scrapped-vehicle count (a positive number): scrapping volumes follow that target's trajectory",
    },
    years: {
      type: "string",
      value: "<列表>",
      zh: `测算年份（默认 ${DEFAULT_BUDGET_YEARS.join(",")}）；方案期外的年份会提示`,
      en: "budget years; years outside the plan period are warned about",
    },
    seed: { type: "string", value: "<n>", zh: `蒙特卡洛随机种子（默认 ${DEFAULT_SEED}）`, en: "Monte Carlo seed" },
    iterations: {
      type: "string",
      value: "<n>",
      zh: `蒙特卡洛抽样次数（默认 ${DEFAULT_ITERATIONS}）`,
      en: "Monte Carlo draws",
    },
    json: { type: "boolean", zh: "输出 JSON 而非表格", en: "print JSON instead of tables" },
  },
  footer: `项目编号 Program ids: ${defaultPrograms()
    .map((program) => program.id)
    .join(", ")}
退出码 Exit: 0 已测算；1 无法读取目标清单；2 用法错误`,
} satisfies CommandSpec;

/** A number option's value, or a usage error's reason. */
function numberOption(name: string, text: string): number | string {
  const parsed = Number(text);
  if (text.trim() === "" || !Number.isFinite(parsed))
    return `--${name} 需要一个数 (--${name} needs a number, not "${text}")`;
  return parsed;
}

const wan = (yuan: number) => (yuan / 10000).toFixed(2);

/**
 * The plan period: the earliest first counted year and the latest target year of the catalog's
 * targets (defaults 2024–2027 where the plan gives none).
 */
function planPeriod(catalog: Catalog): { startYear: number; targetYear: number } {
  let startYear = Infinity;
  let targetYear = -Infinity;
  for (const target of catalog.targets) {
    startYear = Math.min(startYear, target.startYear ?? (target.baseYear ?? DEFAULT_BASE_YEAR) + 1);
    targetYear = Math.max(targetYear, target.targetYear ?? DEFAULT_TARGET_YEAR);
  }
  return Number.isFinite(startYear)
    ? { startYear, targetYear }
    : { startYear: DEFAULT_BASE_YEAR + 1, targetYear: DEFAULT_TARGET_YEAR };
}

export async function run(args: string[], io: CliIo): Promise<number> {
  await loadFormulaEngine();
  const parsed = parseCommandArgs(SPEC, args, io);
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  const city = values.city;
  if (!city) return usageError(SPEC, io, "须给出 --city (--city is required)");
  const json = values.json ?? false;
  const seed = numberOption("seed", values.seed ?? String(DEFAULT_SEED));
  if (typeof seed === "string") return usageError(SPEC, io, seed);
  const iterations = numberOption("iterations", values.iterations ?? String(DEFAULT_ITERATIONS));
  if (typeof iterations === "string") return usageError(SPEC, io, iterations);
  const years = values.years === undefined ? [...DEFAULT_BUDGET_YEARS] : values.years.split(",").map(Number);
  if (years.some((year) => !Number.isInteger(year)))
    return usageError(SPEC, io, "--years 需要整数年份，如 2025,2026,2027 (--years needs whole years)");
  let scrapBaseline: number | null = null;
  if (values["scrap-baseline"] !== undefined) {
    const baseline = numberOption("scrap-baseline", values["scrap-baseline"]);
    if (typeof baseline === "string") return usageError(SPEC, io, baseline);
    // Scrapping volumes compound from this figure: zero or less has no growth path.
    if (!(baseline > 0))
      return usageError(
        SPEC,
        io,
        "--scrap-baseline 须为正数：2023年报废汽车回收量（辆），如 --scrap-baseline 12000 (must be a positive number of vehicles)",
      );
    scrapBaseline = baseline;
  }
  const volumes = new Map<string, Map<number | "*", number>>();
  const programIds = new Set(defaultPrograms().map((program) => program.id));
  for (const volume of values.volume ?? []) {
    const match = /^([A-Za-z0-9_]+)(?::(\d{4}))?=(.+)$/.exec(volume);
    if (!match || !Number.isFinite(Number(match[3])) || Number(match[3]) < 0)
      return usageError(
        SPEC,
        io,
        "--volume 需要 <id>=<n> 或 <id>:<年>=<n>，n ≥ 0 (--volume needs <id>=<n> or <id>:<year>=<n>, n ≥ 0)",
      );
    if (!programIds.has(match[1]))
      return usageError(SPEC, io, `未知项目编号 ${match[1]} (unknown program id ${match[1]}, see --help)`);
    if (!volumes.has(match[1])) volumes.set(match[1], new Map());
    volumes.get(match[1])!.set(match[2] ? Number(match[2]) : "*", Number(match[3]));
  }
  // A volume for a year the budget does not cover (id:1800=5, or a year left out of --years) would be ignored in silence.
  for (const [programId, byYear] of volumes) {
    const unused = [...byYear.keys()].filter((year): year is number => year !== "*" && !years.includes(year));
    if (unused.length > 0) {
      return usageError(
        SPEC,
        io,
        `--volume ${programId}:${unused.join("、")} 的年份不在测算年份（${years.join("、")}）中，不会被使用；` +
          `请改正年份或用 --years 列出 (--volume names a year outside --years)`,
      );
    }
  }

  const catalog = loadCatalog(city, io.cwd);
  const province = provinceOfPlan(catalog.plan, BUNDLED_CITIES);
  const programs = defaultPrograms(province ?? undefined);
  const notes: string[] = [];
  const period = planPeriod(catalog);
  const outside = years.filter((year) => year < period.startYear || year > period.targetYear);
  if (outside.length > 0) {
    io.stderr(
      `budget: 提示：--years 中 ${outside.join("、")} 年不在方案期（${period.startYear}–${period.targetYear}年）内，` +
        `这些年份的数量需自行给出，轨迹不会外推到方案期外 (warning: years outside the plan period)\n`,
    );
    notes.push(`${outside.join("、")} 年不在方案期（${period.startYear}–${period.targetYear}年）内。`);
  }
  let scrapVolumes: Map<number, number> | null = null;
  if (scrapBaseline !== null) {
    const link = trajectoryForIndicator(catalog, SCRAPPING_INDICATOR, scrapBaseline);
    if (link) {
      try {
        // Only within the plan period: a trajectory is not extrapolated past it.
        scrapVolumes = volumesFromTrajectory(
          link.spec,
          years.filter((year) => !outside.includes(year)),
        );
      } catch (error) {
        if (!isLiangxinError(error)) throw error;
        // Word it for the user: which option, which target (the core names its own function).
        io.stderr(
          `budget: --scrap-baseline ${scrapBaseline} 无法用于目标 ${link.target.id}「${link.target.indicator}」的轨迹：${error.message.replace(/^[A-Za-z]+：/, "")}\n`,
        );
        return 2;
      }
      notes.push(
        `报废汽车数量取自目标 ${link.target.id}（${link.target.source.text}）的年度轨迹，基期值 ${scrapBaseline} 辆。`,
      );
    } else {
      notes.push(`目标清单中没有可用的「${SCRAPPING_INDICATOR}」目标，--scrap-baseline 未使用。`);
    }
  }
  const volumeOf = (programId: string, year: number): number | undefined => {
    const typed = volumes.get(programId);
    const own = typed?.get(year) ?? typed?.get("*");
    if (own !== undefined) return own;
    const program = programs.find((candidate) => candidate.id === programId);
    return program?.volumeIndicator === SCRAPPING_INDICATOR ? scrapVolumes?.get(year) : undefined;
  };
  const lines = budgetLinesFromPrograms(programs, years, volumeOf);
  const budget = computeBudget(lines);
  const tornado = sensitivity(lines);
  const simulation = simulateBudget(lines, { seed, iterations });
  const region = regionOfProvince(province);

  if (json) {
    io.stdout(
      JSON.stringify(
        {
          city,
          province,
          region,
          lines: budget.lines,
          byYear: Object.fromEntries(budget.byYear),
          byProgram: Object.fromEntries(budget.byProgram),
          grandTotal: budget.grandTotal,
          sensitivity: tornado,
          simulation: { ...simulation, byYear: Object.fromEntries(simulation.byYear) },
          defaults: BUDGET_DEFAULTS,
          notes,
        },
        null,
        2,
      ) + "\n",
    );
    return 0;
  }

  const out: string[] = [];
  out.push(
    `补贴测算 ${catalog.plan.government || city}（${province ? `${province}，${REGION_LABELS["zh-CN"][region ?? "central"]}` : "未识别省份，按中部"}）— 默认参数，单位：万元`,
  );
  out.push("默认参数为国家标准、待核实值或示例值（见下表「依据」）；数量无默认值，未给出的项目按 0 计。", ...notes, "");
  out.push(["项目", ...years.map(String), "合计", "每件补贴(元)", "依据"].join("\t"));
  for (const program of programs) {
    const programLines = budget.lines.filter((line) => line.programId === program.id);
    const statuses = [
      ...new Set(
        BUDGET_DEFAULTS.filter((row) => row.programId === program.id).map(
          (row) => DEFAULT_STATUS_LABELS["zh-CN"][row.status],
        ),
      ),
    ].join("/");
    out.push(
      [
        program.name,
        ...programLines.map((line) => wan(line.costYuan)),
        wan(budget.byProgram.get(program.id)!.total),
        String(programLines[0]?.perUnitYuan ?? ""),
        statuses,
      ].join("\t"),
    );
  }
  out.push(
    ["合计", ...years.map((year) => wan(budget.byYear.get(year)!.total)), wan(budget.grandTotal.total)].join("\t"),
    "",
  );
  out.push(["分担", ...years.map(String), "合计"].join("\t"));
  for (const level of FUNDING_LEVELS) {
    out.push(
      [
        FUNDING_LEVEL_LABELS["zh-CN"][level],
        ...years.map((year) => wan(budget.byYear.get(year)![level])),
        wan(budget.grandTotal[level]),
      ].join("\t"),
    );
  }
  out.push("", `敏感性（各参数 ±${tornado.relativeChange * 100}%，总额变化最大的前 8 项）`);
  for (const row of tornado.rows.filter((candidate) => candidate.swingYuan > 0).slice(0, 8)) {
    out.push(
      `${row.programName}\t${BUDGET_PARAMETER_LABELS["zh-CN"][row.parameter]}\t${wan(row.lowTotalYuan)} – ${wan(row.highTotalYuan)}\t摆幅 ${wan(row.swingYuan)}`,
    );
  }
  out.push(
    "",
    `不确定性（蒙特卡洛 ${simulation.iterations} 次，种子 ${simulation.seed}；数量±${simulation.ranges.volume * 100}%、申领比例±${simulation.ranges.takeUp * 100}%、价格±${simulation.ranges.price * 100}%，示例假设）`,
    `P10 ${wan(simulation.p10)}\tP50 ${wan(simulation.p50)}\tP90 ${wan(simulation.p90)}`,
  );
  io.stdout(out.join("\n") + "\n");
  return 0;
}
