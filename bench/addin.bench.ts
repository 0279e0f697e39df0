/**
 * The add-in's round trips (issue 10): for each case, the number of context.sync() calls and the
 * largest request and response, measured in the fake Excel host (test/office/fakeExcel.ts) by
 * serialising every queued call's arguments and every loaded property. Excel on the web refuses
 * 5 MB each way; the add-in keeps every sync within 1 MB.
 */
import * as fs from "fs";
import * as path from "path";
import type { Catalog, Target } from "../src/core/catalog";
import { extractCatalog } from "../src/core/extract";
import { loadCatalogIntoWorkbook, type LoadOptions } from "../src/office/excel/sheetBuilder";
import { bareNameDefinitions } from "../src/office/functions/names";
import { renderWorkbook, sheetByKey, SYNC_PAYLOAD_LIMIT } from "../src/workbook";
import { createFakeExcel, type FakeExcel } from "../test/office/fakeExcel";

const ROOT = path.resolve(__dirname, "../..");

/** A catalog of `count` targets cycling through the sample's, ids 测试-001…. */
function syntheticCatalog(count: number): Catalog {
  const sample = JSON.parse(fs.readFileSync(path.join(ROOT, "test/fixtures/catalog-sample.json"), "utf8")) as Catalog;
  const targets: Target[] = Array.from({ length: count }, (_, index) => ({
    ...sample.targets[index % sample.targets.length],
    id: `测试-${String(index + 1).padStart(3, "0")}`,
  }));
  return { ...sample, targets };
}

/** What a planner types between loads: a baseline and a note per target, a report row per target. */
function typeInputs(excel: FakeExcel, catalog: Catalog): void {
  const rendered = renderWorkbook(catalog, { flavour: "addin" });
  const targets = sheetByKey(rendered.sheets, "targets").table!;
  const reports = sheetByKey(rendered.sheets, "reports").table!;
  const column = (table: typeof targets, key: string) => table.columns.findIndex((candidate) => candidate.key === key);
  catalog.targets.forEach((target, index) => {
    excel.type("目标总表", targets.firstDataRow + index, column(targets, "baseline"), 1000 + index);
    excel.type(
      "目标总表",
      targets.firstDataRow + index,
      column(targets, "notes"),
      `${target.indicator} 2023年统计口径`,
    );
    excel.type("月度填报", reports.firstDataRow + index, column(reports, "period"), "2025-06");
    excel.type("月度填报", reports.firstDataRow + index, column(reports, "targetId"), target.id);
    excel.type("月度填报", reports.firstDataRow + index, column(reports, "reportedValue"), 500 + index);
  });
}

function line(name: string, excel: FakeExcel, from: number): string {
  const requests = excel.meter.requests.slice(from);
  const responses = excel.meter.responses.slice(from);
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const largestRequest = Math.max(...requests);
  const largestResponse = Math.max(...responses);
  const over = largestRequest > SYNC_PAYLOAD_LIMIT || largestResponse > SYNC_PAYLOAD_LIMIT ? "  OVER 1 MB" : "";
  return `add-in load ${name}: ${requests.length} syncs, largest request ${kb(largestRequest)} KB, largest response ${kb(largestResponse)} KB${over}`;
}

export async function run(): Promise<void> {
  const options: LoadOptions = { render: renderWorkbook, bareNames: () => bareNameDefinitions("LX") };
  const cases: Array<{ name: string; catalog: Catalog }> = [
    {
      name: "南平",
      catalog: extractCatalog(fs.readFileSync(path.join(ROOT, "seeds/001_bc9db3d026010e14.txt"), "utf8"), {
        cityName: "南平",
      }),
    },
    { name: "500 targets", catalog: syntheticCatalog(500) },
  ];
  for (const { name, catalog } of cases) {
    const excel = createFakeExcel();
    await loadCatalogIntoWorkbook(excel.context, catalog, { ...options, city: name });
    console.log(line(name, excel, 0));
    typeInputs(excel, catalog);
    const from = excel.meter.requests.length;
    await loadCatalogIntoWorkbook(excel.context, catalog, { ...options, city: name });
    console.log(line(`${name} reload`, excel, from));
  }
}
