/**
 * The office workbook of the monthly round (调度表): its catalog (saved in the file, or --city), the
 * catalog id handed out with it, its baselines (目标总表) and the check of its 月度填报 — read the way
 * `liangxin check` reads them, so the round and the check see the same rows.
 */
import type { CheckOptions, CheckResult, ReportTable } from "../../core/check";
import { readBaselines, runReportCheck } from "../../core/check";
import type { Catalog } from "../../core/catalog";
import type { Locale } from "../../core/i18n";
import { catalogIdOf } from "../../core/round";
import type { CliIo } from "../io";
import { loadCatalog } from "./catalog";
import { readBaselineFiles, readReportFiles } from "./tables";
import { readStoredCatalog } from "./workbookCatalog";

export interface OfficeWorkbook {
  file: string;
  catalog: Catalog;
  catalogId: string;
  /** Short city name (南平), from the saved state or the ids. */
  city: string;
  baselines: ReadonlyMap<string, number>;
  reportTables: ReportTable[];
}

/**
 * Reads the office workbook.
 * @param file the workbook as the user gave it
 * @param io the command's io
 * @param city --city, when the workbook has no saved catalog (LibreOffice drops it)
 * @throws Error with a user-facing message when there is no catalog or the file cannot be read
 */
export async function readOfficeWorkbook(file: string, io: CliIo, city?: string): Promise<OfficeWorkbook> {
  const read = await readStoredCatalog(file, io.cwd);
  if (read.kind === "invalid")
    throw new Error(`${file} 中保存的目标清单无效 (the saved catalog is invalid): ${read.problems.join("; ")}`);
  const stored = read.kind === "catalog" ? read : null;
  let catalog: Catalog;
  if (city) catalog = loadCatalog(city, io.cwd);
  else if (stored) catalog = stored.catalog;
  else
    throw new Error(
      `${file} 中没有保存的目标清单（不是 liangxin workbook 生成的，或被 LibreOffice 另存丢失）：请加 --city (no catalog saved in the workbook: give --city)`,
    );
  const baselineRead = await readBaselineFiles([file], io);
  const reportRead = await readReportFiles([file], io);
  const failure = baselineRead.failures[0] ?? reportRead.failures[0];
  if (failure) throw new Error(`无法读取 ${failure.file}：${failure.message} (cannot read the workbook)`);
  const idCity = /^(.+)-\d+$/.exec(catalog.targets[0]?.id ?? "")?.[1] ?? "";
  return {
    file,
    catalog,
    catalogId: catalogIdOf(catalog),
    city: stored?.city ?? idCity,
    baselines: readBaselines(baselineRead.tables).baselines,
    reportTables: reportRead.tables,
  };
}

/**
 * The check of the office's 月度填报, as `liangxin check <workbook>` runs it.
 * @param office the office workbook
 * @param options tolerance, locale, forecastRows
 */
export function checkOffice(
  office: OfficeWorkbook,
  options: Pick<CheckOptions, "tolerance" | "forecastRows"> & { locale?: Locale } = {},
): CheckResult {
  return runReportCheck(office.reportTables, office.catalog, { ...options, baselines: office.baselines });
}
