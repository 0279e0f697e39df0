/**
 * Extraction rules: department columns read by header name.
 */
import { targetsOf } from "../helpers";

/** A city plan whose horizon is 2027, with body tasks that name no departments. */
function planWithTable(tasks: string[], table: string[]): string {
  return [
    "测试市人民政府",
    "一、总体目标",
    "到2027年，全市设备投资规模较2023年增长30%以上。",
    "二、重点任务",
    ...tasks,
    "附件：重点任务清单",
    ...table,
  ].join("\n");
}

describe("department columns read by header name", () => {
  const body = [
    "1．推进港口设备更新。到2027年，更新港口作业机械150台。",
    "2．推进医疗设备更新。到2027年，更新医疗设备600台（套）。",
  ];
  const lead = (table: string[]): Array<string | null> =>
    targetsOf(planWithTable(body, table))
      .slice(1)
      .map((target) => target.lead);

  it("takes the 牵头单位 column when the last column is 完成时限", () => {
    expect(
      lead([
        "序号\t重点任务\t牵头单位\t配合单位\t完成时限",
        "1\t港口设备更新\t市交通局\t市发改委\t2027年底",
        "2\t医疗设备更新\t市卫健委\t市财政局\t2027年底",
      ]),
    ).toEqual(["市交通运输局", "市卫生健康委"]);
  });

  it("never takes the first 配合单位 as the lead of a 牵头单位 | 配合单位 table", () => {
    expect(
      lead([
        "序号\t重点任务\t牵头单位\t配合单位",
        "1\t港口设备更新\t市交通局\t市发改委、市财政局",
        "2\t医疗设备更新\t市卫健委\t市财政局",
      ]),
    ).toEqual(["市交通运输局", "市卫生健康委"]);
  });

  it("reads a 责任单位 cell that marks its lead: 市交通局（牵头）、市发改委", () => {
    expect(
      lead([
        "序号\t重点任务\t责任单位",
        "1\t港口设备更新\t市发改委、市交通局（牵头）",
        "2\t医疗设备更新\t市卫健委（牵头）、市财政局",
      ]),
    ).toEqual(["市交通运输局", "市卫生健康委"]);
    // A table without a header too.
    expect(
      lead(["1\t港口设备更新\t市交通局（牵头）、市发改委", "2\t医疗设备更新\t市卫健委（牵头）、市财政局"]),
    ).toEqual(["市交通运输局", "市卫生健康委"]);
  });

  it("reads a table drawn with bars (| 序号 | 重点任务 | 牵头单位 |)", () => {
    expect(
      lead([
        "| 序号 | 重点任务 | 牵头单位 | 配合单位 |",
        "|---|---|---|---|",
        "| 1 | 港口设备更新 | 市交通局 | 市发改委 |",
        "| 2 | 医疗设备更新 | 市卫健委 | 市财政局 |",
      ]),
    ).toEqual(["市交通运输局", "市卫生健康委"]);
  });
});
