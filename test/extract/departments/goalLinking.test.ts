/**
 * Extraction rules: departments of goals.
 */
import { BUNDLED_CITIES } from "../../../src/core/cities";
import { extractCatalog } from "../../../src/core/extract/index";
import { targetsOf } from "../helpers";
import * as fs from "fs";
import * as path from "path";

/** Lead, whether it was inferred, and support of each target: what a department sees. */
function departments(text: string): Array<[string | null, boolean, string[]]> {
  return targetsOf(text).map((target) => [target.lead, target.leadInferred, target.support]);
}

describe("departments of goals", () => {
  it("gives the second goal of a 分别 pair or a 、-list the departments of the first", () => {
    const text = [
      "一、总体要求",
      "到2027年，规模以上工业企业数字化研发设计工具普及率、关键工序数控化率分别超过92%、78%。",
      "二、任务",
      "1．数字化研发设计工具推广。推广设计工具。（市经济和信息化局牵头，市科委配合）",
    ].join("\n");
    expect(departments(text)).toEqual([
      ["市经济和信息化局", true, ["市科学技术委员会"]],
      ["市经济和信息化局", true, ["市科学技术委员会"]],
    ]);
  });
});

describe("departments of goals", () => {
  const ROOT = path.join(__dirname, "..", "..", "..");

  it.each(["南阳", "南平", "开封"])(
    "gives %s's 关键工序数控化率 the department of the 普及率 stated with it",
    (name) => {
      const city = BUNDLED_CITIES.find((candidate) => candidate.name === name);
      const text = fs.readFileSync(path.join(ROOT, "seeds", city?.file ?? ""), "utf8");
      const targets = extractCatalog(text, { cityName: name }).targets;
      const tool = targets.find((target) => target.indicator.endsWith("数字化研发设计工具普及率"));
      const cnc = targets.find((target) => target.indicator === "关键工序数控化率");
      expect(cnc?.lead ?? null).not.toBeNull();
      expect([cnc?.lead, cnc?.leadInferred]).toEqual([tool?.lead, true]);
    },
  );

  it("does not pair consecutive growth goals that are not rates of one field", () => {
    const text = [
      "一、总体目标",
      "到2027年，报废汽车回收量较2023年增加约一倍，二手车交易量较2023年增长45%。",
      "二、任务",
      "1.推动汽车以旧换新。到2027年，新增充电桩200个。（市商务局牵头）",
      "2.推进农机更新。到2027年，报废更新农机300台。（市农业农村局牵头）",
    ].join("\n");
    expect(targetsOf(text).map((target) => target.lead)).toEqual(["市商务局", null, "市商务局", "市农业农村局"]);
  });

  const goals = (tasks: string[]): string =>
    ["一、总体目标", "到2027年，二手车交易量年均增长10%以上。", "二、任务", ...tasks].join("\n");

  it("links a goal no task words match to the one task of its field (二手 → 回收利用体系)", () => {
    const text = goals([
      "1.推进农机更新。到2027年，报废更新农机300台。（市农业农村局牵头）",
      "2.完善废旧产品回收利用体系。支持回收网点建设。（市供销社牵头，市商务局配合）",
    ]);
    const [goal] = targetsOf(text);
    expect([goal.lead, goal.leadInferred]).toEqual(["市供销社", true]);
  });

  it("links nothing when two tasks share the field, rather than guess", () => {
    const text = goals([
      "1.完善废旧产品回收利用体系。建设网点。（市供销社牵头）",
      "2.推进再生资源加工利用。建设基地。（市发改委牵头）",
    ]);
    expect(targetsOf(text)[0].lead).toBeNull();
  });
});
