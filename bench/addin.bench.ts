/**
 * The add-in's round trips (issue 10): for each case, the number of context.sync() calls and the
 * largest request and response, measured in the fake Excel host (test/office/fakeExcel.ts) by
 * serialising every queued call's arguments and every loaded property. Excel on the web refuses
 * 5 MB each way; the add-in keeps every sync within 1 MB.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { Catalog, Target } from "../src/core/catalog";
import { extractCatalog } from "../src/core/extract";
import { loadCatalogIntoWorkbook, type LoadOptions } from "../src/office/excel/sheetBuilder";
import { bareNameDefinitions } from "../src/office/functions/names";
import { renderWorkbook, sheetByKey, SYNC_PAYLOAD_LIMIT } from "../src/workbook";
import { createFakeExcel, type FakeExcel } from "../measure/fakeExcel";

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

/** Median wall time of a command, in ms, runs interleaved with the others so load drifts hit all alike. */
function pairedStartup(commands: Array<{ name: string; args: string[] }>, runs: number): Map<string, number> {
  const times = new Map<string, number[]>(commands.map((command) => [command.name, []]));
  for (let run = 0; run < runs; run++) {
    for (const command of commands) {
      const start = process.hrtime.bigint();
      spawnSync(process.execPath, command.args, { cwd: ROOT, stdio: "ignore" }); // check exits 2 when it rejects rows
      times.get(command.name)!.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return new Map([...times].map(([name, values]) => [name, median(values)]));
}

export async function run(): Promise<void> {
  // Start-up: `calc` loads the functions' core and nothing else (mathjs only for formula functions).
  const cli = path.join(ROOT, "bin/liangxin.js");
  const startup = pairedStartup(
    [
      { name: "node -e 0", args: ["-e", "0"] },
      { name: "calc", args: [cli, "calc", "TARGET_GAP", "60", "100", "200", "2025-06", "growth"] },
      {
        name: "check",
        args: [
          cli,
          "check",
          "test/fixtures/check/report-gb18030.csv",
          "--city",
          "test/fixtures/check/catalog.json",
          "--format",
          "json",
        ],
      },
    ],
    9,
  );
  const bare = startup.get("node -e 0")!;
  for (const name of ["calc", "check"]) {
    const ms = startup.get(name)!;
    console.log(
      `${name} start-up: ${ms.toFixed(0)} ms, node -e 0: ${bare.toFixed(0)} ms (${(ms / bare).toFixed(2)}×; calc must stay within 1.5×)`,
    );
  }

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
