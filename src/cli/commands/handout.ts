/**
 * `liangxin handout --workbook office.xlsx --period 2025-06 -o handout/`: one small .xlsx per
 * responsible department with only its targets (lead or support marked), its previous figures
 * (read-only), the cells to fill and the office workbook's catalog id (issue 14).
 */
import * as fs from "fs";
import * as path from "path";
import type { CheckedRow } from "../../core/check";
import { latestReports, readBasisCell } from "../../core/check";
import { departmentCut, periodOrdinal } from "../../core/round";
import { BASIS_LABELS, renderHandout } from "../../workbook";
import type { PreviousFigure } from "../../workbook";
import { writeHandoutXlsx } from "../../xlsx/handout";
import type { CliIo } from "../io";
import { checkOffice, readOfficeWorkbook } from "../readers/office";
import { localeOf, monthOf, parseCommandArgs } from "./roundArgs";

const HELP = `用法 Usage: liangxin handout --workbook <调度表.xlsx> --period <2025-06> -o <目录> [选项]

为每个责任单位生成本月填报表（只含本单位的目标，标明牵头/配合，预填上期数，保留目标清单校验码）。
Writes one report file per responsible department for the month.

选项 Options:
  --workbook <文件>     办公室的调度表（liangxin workbook 或加载项生成） the office workbook
  --period <年-月>      填报月份，如 2025-06 the month to report
  -o, --output <目录>   输出目录（默认 handout/） output directory
  --department <名称>   只生成这个单位的（可重复） only this department (repeatable)
  --city <城市|清单>    工作簿中没有保存目标清单时使用 when the workbook has no saved catalog
  --lang zh-CN|en-US    表头语言（默认 zh-CN） language of the file
退出码 Exit: 0 已生成；1 无法生成；2 用法错误
`;

/** A department name as a file name: path separators and characters Windows refuses become "_". */
export function fileNameOf(text: string): string {
  return text.replace(/[\\/:*?"<>|\s]+/g, "_");
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(
    "handout",
    args,
    {
      workbook: { type: "string" },
      period: { type: "string" },
      output: { type: "string", short: "o" },
      department: { type: "string", multiple: true },
      city: { type: "string" },
      lang: { type: "string" },
    },
    HELP,
    io,
  );
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  const locale = localeOf(values.lang);
  const period = monthOf(values.period);
  if (!values.workbook || !period || !locale || parsed.positionals.length > 0) {
    io.stderr(
      `handout: ${!values.workbook ? "需要 --workbook (the office workbook is required)" : !period ? "--period 应为月份，如 2025-06 (a month)" : !locale ? "--lang 只能是 zh-CN 或 en-US" : `多余的参数 ${parsed.positionals.join(" ")} (unexpected arguments)`}\n\n${HELP}`,
    );
    return 2;
  }
  let office;
  try {
    office = await readOfficeWorkbook(values.workbook, io, values.city);
  } catch (error) {
    io.stderr(`handout: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const result = checkOffice(office, { locale });
  // Previous figures: each department's latest report before the month, as the check reads it.
  const before = latestReports(result.rows.filter((row) => periodOrdinal(row.period) < periodOrdinal(period)));
  const previousOf = (department: string): Map<string, PreviousFigure> =>
    new Map(
      before
        .filter((row: CheckedRow) => row.department === department)
        .map((row) => [row.targetId, { period: row.period, value: row.value }]),
    );
  let shares = departmentCut(office.catalog);
  if (values.department?.length) {
    const wanted = new Set(values.department);
    shares = shares.filter(
      (share) => wanted.has(share.department) || [...wanted].some((name) => share.department.endsWith(name)),
    );
    if (shares.length === 0) {
      io.stderr(`handout: 没有找到单位 ${values.department.join("、")} (no such department)\n`);
      return 1;
    }
  }
  const directory = path.resolve(io.cwd, values.output ?? "handout");
  fs.mkdirSync(directory, { recursive: true });
  // The 口径 words 月度填报 offers, as far as the check reads them (当月 joins when the check accepts it).
  const basisChoices = [BASIS_LABELS["zh-CN"].ytd, BASIS_LABELS["zh-CN"].level, "当月"].filter(
    (word) => readBasisCell(word) !== undefined,
  );
  for (const share of shares) {
    const handout = renderHandout({
      city: office.city,
      period,
      catalogId: office.catalogId,
      share,
      previous: previousOf(share.department),
      basisChoices,
      locale,
    });
    const file = path.join(directory, `${period}-${fileNameOf(share.department)}.xlsx`);
    fs.writeFileSync(file, await writeHandoutXlsx(handout, office.catalogId));
    const leads = share.targets.filter((entry) => entry.role === "lead").length;
    io.stderr(
      `${share.department}：${share.targets.length} 个目标（牵头 ${leads}，配合 ${share.targets.length - leads}）→ ${path.relative(io.cwd, file) || file}\n`,
    );
  }
  io.stderr(
    `handout: ${shares.length} 个单位 (departments)，${period}，目标清单校验码 ${office.catalogId} → ${path.relative(io.cwd, directory) || directory}\n`,
  );
  return 0;
}
