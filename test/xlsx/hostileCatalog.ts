/** A catalog with text the .xlsx format cannot hold as is (示例数据), for the valid-file tests. */
import * as fs from "fs";
import * as path from "path";
import type { Catalog } from "../../src/core/catalog";

const FIXTURES = path.join(__dirname, "..", "fixtures", "check");

/** The example catalog with U+FFFE, U+FFFF, a control and a lone surrogate in one indicator, and a 40,000-character clause. */
export function hostileCatalog(): Catalog {
  const catalog = JSON.parse(fs.readFileSync(path.join(FIXTURES, "catalog.json"), "utf8")) as Catalog;
  catalog.targets[0].indicator = "二手车\ufffe交易\u0001量\uffff\ud800";
  catalog.targets[0].source = { text: "长".repeat(40_000), start: 0, end: 40_000 };
  return catalog;
}
