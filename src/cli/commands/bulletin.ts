/**
 * `liangxin bulletin --workbook office.xlsx --period 2025-06 -o 通报-2025年6月.docx`: the month's
 * 通报 from the office workbook — every figure from the same check as `liangxin check` (issue 14).
 * `--format pdf` converts the Word file with LibreOffice where it is installed.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildBulletin } from "../../core/round";
import { DEFAULT_TOLERANCE } from "../../core/status";
import type { CliIo } from "../io";
import { checkOffice, readOfficeWorkbook } from "../readers/office";
import { bulletinDocx } from "./bulletinDocx";
import { localeOf, monthOf, parseCommandArgs } from "./roundArgs";

const HELP = `用法 Usage: liangxin bulletin --workbook <调度表.xlsx> --period <2025-06> [-o 通报.docx] [选项]

生成本月通报（Word 或 PDF）：总体进展、落后目标（差距与较上月走势、连续落后月数）、各部门排名和图表，
「下步工作」留给办公室填写。所有数字与 liangxin check 相同。
Writes the month's bulletin from the office workbook; its figures are the check's.

选项 Options:
  --workbook <文件>     办公室的调度表 the office workbook
  --period <年-月>      通报月份，如 2025-06（默认：月度填报中最近的月份） the month (default: the latest reported)
  -o, --output <文件>   输出文件（默认 通报-2025年6月.docx） output file
  --format docx|pdf     格式（默认按 -o 的扩展名，否则 docx；pdf 需要 LibreOffice） format
  --office <名称>       发文单位（默认「<城市>市两新工作专班办公室」） issuing office
  --tolerance <小数>    预警容差，默认 ${DEFAULT_TOLERANCE}（与 liangxin check 相同）
  --city <城市|清单>    工作簿中没有保存目标清单时使用
  --lang zh-CN|en-US    语言（默认 zh-CN）
退出码 Exit: 0 已生成；1 无法生成；2 用法错误
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(
    "bulletin",
    args,
    {
      workbook: { type: "string" },
      period: { type: "string" },
      output: { type: "string", short: "o" },
      format: { type: "string" },
      office: { type: "string" },
      tolerance: { type: "string" },
      city: { type: "string" },
      lang: { type: "string" },
    },
    HELP,
    io,
  );
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  const locale = localeOf(values.lang);
  // Without --period: the latest month reported in 月度填报 (decided once the workbook is read).
  let period = values.period === undefined ? "latest" : monthOf(values.period);
  const tolerance = values.tolerance === undefined ? DEFAULT_TOLERANCE : Number(values.tolerance);
  const format = values.format ?? (values.output && /\.pdf$/i.test(values.output) ? "pdf" : "docx");
  const problem = !values.workbook
    ? "需要 --workbook (the office workbook is required)"
    : !period
      ? "--period 应为月份，如 2025-06 (a month)"
      : !locale
        ? "--lang 只能是 zh-CN 或 en-US"
        : format !== "docx" && format !== "pdf"
          ? "--format 只能是 docx 或 pdf"
          : !(tolerance >= 0)
            ? "--tolerance 应为非负小数 (a non-negative fraction)"
            : parsed.positionals.length
              ? `多余的参数 ${parsed.positionals.join(" ")} (unexpected arguments)`
              : null;
  if (problem || !period || !locale || !values.workbook) {
    io.stderr(`bulletin: ${problem}\n\n${HELP}`);
    return 2;
  }
  let office;
  try {
    office = await readOfficeWorkbook(values.workbook, io, values.city);
  } catch (error) {
    io.stderr(`bulletin: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  // Every row keeps the forecast as of its own month, so last month's statuses are last month's.
  const result = checkOffice(office, { tolerance, locale, forecastRows: "all" });
  if (period === "latest") {
    const months = result.rows.map((row) => row.period).filter((text) => text.includes("-"));
    if (months.length === 0) {
      io.stderr(`bulletin: ${values.workbook} 的月度填报中没有可检查的月度填报 (no checked monthly reports)\n`);
      return 1;
    }
    period = months.reduce((latest, text) => (text > latest ? text : latest));
  }
  const bulletin = buildBulletin(result, office.catalog, { period, locale, city: office.city });
  if (bulletin.league.length === 0) {
    io.stderr(
      `bulletin: ${values.workbook} 的月度填报中没有 ${period} 及以前可检查的填报 (no checked reports up to ${period})\n`,
    );
    return 1;
  }
  const [year, month] = period.split("-").map(Number);
  const defaultName = locale === "zh-CN" ? `通报-${year}年${month}月.${format}` : `bulletin-${period}.${format}`;
  const output = path.resolve(io.cwd, values.output ?? defaultName);
  const docx = await bulletinDocx(bulletin, values.office);
  fs.mkdirSync(path.dirname(output), { recursive: true });
  if (format === "docx") fs.writeFileSync(output, docx);
  else {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-bulletin-"));
    try {
      const source = path.join(work, path.basename(output).replace(/\.pdf$/i, "") + ".docx");
      fs.writeFileSync(source, docx);
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=file://${path.join(work, "profile")}`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          work,
          source,
        ],
        { stdio: "pipe", timeout: 180000 },
      );
      fs.copyFileSync(source.replace(/\.docx$/, ".pdf"), output);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
      io.stderr(
        `bulletin: ${missing ? "没有找到 LibreOffice（soffice），无法转为 PDF；请用 --format docx (LibreOffice is needed for PDF)" : `转换 PDF 失败 (PDF conversion failed): ${error instanceof Error ? error.message : String(error)}`}\n`,
      );
      return 1;
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
  const shown = path.relative(io.cwd, output) || output;
  const { behind, atRisk, onTrack } = bulletin.counts;
  io.stderr(
    locale === "zh-CN"
      ? `bulletin: ${bulletin.periodLabel}，${bulletin.league.length} 个单位，落后 ${behind} 项，预警 ${atRisk} 项，正常 ${onTrack} 项 → ${shown}\n`
      : `bulletin: ${bulletin.periodLabel}, ${bulletin.league.length} departments, ${behind} behind, ${atRisk} at risk, ${onTrack} on track → ${shown}\n`,
  );
  return 0;
}
