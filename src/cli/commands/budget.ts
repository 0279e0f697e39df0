/**
 * `liangxin budget`: the subsidy budget (补贴测算) for a city with the default parameters:
 * parameters with their sources, the budget by program × year × funding level, the sensitivity
 * table and the Monte Carlo P10/P50/P90. Parses arguments, calls the budget core, formats.
 */
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

const HELP = `Usage: liangxin budget --city <城市> [options]

补贴测算：按默认（国家标准/待核实/示例）参数测算各项目各年度补贴资金、各级分担、敏感性和 P10/P50/P90。
Subsidy budget with the default parameters. Volumes have no default: give them, or a scrapping baseline.

  --city <name>            a bundled city (${BUNDLED_CITIES.map((city) => city.name).join(", ")}) or a catalog .json
  --volume <id>=<n>        eligible units per year for a program (repeatable), e.g. --volume applianceAc=20000;
                           <id>:<year>=<n> for one year
  --scrap-baseline <n>     your 2023 报废汽车回收量 (辆, a positive number): scrapping volumes follow that target's trajectory
  --years <list>           budget years (default ${DEFAULT_BUDGET_YEARS.join(",")}); years outside the plan period are warned about
  --seed <n>, --iterations <n>   Monte Carlo (default seed ${DEFAULT_SEED}, ${DEFAULT_ITERATIONS} draws)
  --json                   print JSON instead of tables
  -h, --help               this help
Program ids: ${defaultPrograms()
  .map((program) => program.id)
  .join(", ")}
`;

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
  let city: string | undefined;
  let scrapBaseline: number | null = null;
  let years = [...DEFAULT_BUDGET_YEARS];
  let seed = DEFAULT_SEED;
  let iterations = DEFAULT_ITERATIONS;
  let json = false;
  const volumes = new Map<string, Map<number | "*", number>>();
  const programIds = new Set(defaultPrograms().map((program) => program.id));
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    const value = (): string => {
      const next = args[++index];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    const numberValue = (): number => {
      const text = value();
      const parsed = Number(text);
      if (text.trim() === "" || !Number.isFinite(parsed)) throw new Error(`${arg} needs a number, not "${text}"`);
      return parsed;
    };
    switch (arg) {
      case "-h":
      case "--help":
        io.stdout(HELP);
        return 0;
      case "--city":
        city = value();
        break;
      case "--scrap-baseline":
        scrapBaseline = numberValue();
        // Scrapping volumes compound from this figure: zero or less has no growth path.
        if (!(scrapBaseline > 0)) {
          io.stderr(
            `budget: --scrap-baseline 须为正数：2023年报废汽车回收量（辆），如 --scrap-baseline 12000 (must be a positive number of vehicles)\n`,
          );
          return 2;
        }
        break;
      case "--years":
        years = value().split(",").map(Number);
        if (years.some((year) => !Number.isInteger(year)))
          throw new Error("--years needs whole years, e.g. 2025,2026,2027");
        break;
      case "--seed":
        seed = numberValue();
        break;
      case "--iterations":
        iterations = numberValue();
        break;
      case "--json":
        json = true;
        break;
      case "--volume": {
        const match = /^([A-Za-z0-9_]+)(?::(\d{4}))?=(.+)$/.exec(value());
        if (!match || !Number.isFinite(Number(match[3]))) throw new Error("--volume needs <id>=<n> or <id>:<year>=<n>");
        if (!programIds.has(match[1])) throw new Error(`unknown program id ${match[1]} (see --help)`);
        if (!volumes.has(match[1])) volumes.set(match[1], new Map());
        volumes.get(match[1])!.set(match[2] ? Number(match[2]) : "*", Number(match[3]));
        break;
      }
      default:
        io.stderr(`budget: unknown option ${arg}\n\n${HELP}`);
        return 2;
    }
  }
  if (!city) {
    io.stderr(`budget: --city is required\n\n${HELP}`);
    return 2;
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
