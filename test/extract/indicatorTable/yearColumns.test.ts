/**
 * Extraction rules: an indicator table with several target-year columns.
 */
import { findTableTargets } from "../../../src/core/extract/indicatorTable";

const YEARS = { horizonYear: 2027, planStartYear: 2024 };

const HEADER = "序号\t指标\t单位\t2023年基数\t2025年目标\t2027年目标\t牵头单位";

describe("an indicator table with several target-year columns", () => {
  it("gives each target-year column its own target and ignores the base-year column", () => {
    const rows = findTableTargets([HEADER, "1\t二手车交易量\t万辆\t6.3\t7.5\t8.9\t市商务局"].join("\n"), YEARS);
    expect(rows.map(({ target }) => [target.value, target.unit, target.targetYear, target.kind])).toEqual([
      [7.5, "万辆", 2025, "level"],
      [8.9, "万辆", 2027, "level"],
    ]);
    expect(rows.map(({ departments }) => departments)).toEqual(["市商务局", "市商务局"]);
  });

  it("anchors each target at its own cell", () => {
    const text = [HEADER, "1\t报废汽车回收量\t万辆\t1.1\t1.6\t2.2\t市商务局"].join("\n");
    const rows = findTableTargets(text, YEARS);
    expect(rows.map(({ target }) => text.slice(target.anchor, target.anchor + 3))).toEqual(["1.6", "2.2"]);
  });

  it("skips an empty target cell without losing the other year", () => {
    const rows = findTableTargets([HEADER, "1\t废旧家电回收量\t万台\t18\t—\t22.5\t市商务局"].join("\n"), YEARS);
    expect(rows.map(({ target }) => [target.value, target.targetYear])).toEqual([[22.5, 2027]]);
  });
});
