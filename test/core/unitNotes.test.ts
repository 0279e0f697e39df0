import * as fs from "fs";
import { runReportCheck } from "../../src/core/check";
import { extractCatalog } from "../../src/core/extract";

// 南平's 再生资源回收量 达到30万吨 (level, 300000 吨 in base units): the reviewer's row reported it as 24.
const catalog = extractCatalog(fs.readFileSync("seeds/001_bc9db3d026010e14.txt", "utf8"), { cityName: "南平" });
const recycled = catalog.targets.find((target) => target.indicator === "再生资源回收量")!;
const scrap = catalog.targets.find((target) => target.indicator === "报废汽车回收量")!;
const share = catalog.targets.find((target) => target.kind === "share")!;
const HEADER = ["期间", "部门", "目标编号", "填报值"];
const baselines = new Map([
  [recycled.id, 200000],
  [scrap.id, 12000],
  [share.id, 0.6],
]);

const check = (rows: unknown[][], locale: "zh-CN" | "en-US" = "zh-CN") =>
  runReportCheck([{ file: "报表.csv", rows: [HEADER, ...rows] }], catalog, { baselines, locale });

describe("report check: unit notes", () => {
  it("notes a figure typed in 万吨 where 吨 were meant, says which unit to type, and still checks the row", () => {
    const result = check([["2025-06", "市商务局", recycled.id, 24]]);
    expect(result.rows).toHaveLength(1); // a note, not a rejection
    expect(result.errors).toEqual([]);
    const notes = result.notes.filter((note) => note.code === "unitMismatch");
    expect(notes).toEqual([expect.objectContaining({ file: "报表.csv", row: 2 })]);
    expect(notes[0].reason).toContain("可能单位不一致");
    expect(notes[0].reason).toContain("“吨”");
    expect(notes[0].reason).toContain("1万吨 = 10,000吨");
  });

  it("leaves ordinary misses and shares typed as percentages alone, and notes a growth figure 10000× too large", () => {
    const result = check([
      ["2025-06", "市商务局", recycled.id, 150000], // behind, but the right unit
      ["2025-06", "市工业和信息化局", share.id, 65], // 65 for 65% is read as 0.65
      ["2025-07", "市商务局", scrap.id, 9000],
    ]);
    expect(result.notes.filter((note) => note.code === "unitMismatch")).toEqual([]);
    const tooLarge = check([["2025-06", "市商务局", scrap.id, 9000 * 10_000]], "en-US").notes.filter(
      (note) => note.code === "unitMismatch",
    );
    expect(tooLarge).toHaveLength(1);
    expect(tooLarge[0].reason).toMatch(/times the trajectory value .*use the baseline's unit/);
  });
});
