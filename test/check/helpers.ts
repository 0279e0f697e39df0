/** Builders for the check tests. Every report here is 示例数据 (example data), not a real department's figures. */
import * as fs from "fs";
import * as path from "path";
import type { Catalog } from "../../src/core/catalog";
import type { ReportTable } from "../../src/core/check";

export const FIXTURES = path.join(__dirname, "..", "fixtures", "check");

export function exampleCatalog(): Catalog {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, "catalog.json"), "utf8")) as Catalog;
}

/** 示例数据 baselines: 示例-01 100, 示例-02 2000, 示例-03 300000, 示例-04 40%, 示例-08 100 (示例-09 has none). */
export function exampleBaselines(): Map<string, number> {
  return new Map([
    ["示例-01", 100],
    ["示例-02", 2000],
    ["示例-03", 300000],
    ["示例-04", 0.4],
    ["示例-08", 100],
  ]);
}

export const CHINESE_HEADER = ["期间", "部门", "目标编号", "填报值", "口径"];

/** A report table: the header, then data rows (row 2, 3, … in the spreadsheet). */
export function reportTable(file: string, rows: unknown[][], header: unknown[] = CHINESE_HEADER): ReportTable {
  return { file, rows: [header, ...rows] };
}
