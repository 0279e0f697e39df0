/**
 * Extraction rules: an appendix task table (序号 | 重点任务 | 工作目标 | 牵头单位 | 配合单位 | 完成时限).
 */
import { readResponsibilityTable } from "../../../src/core/extract/departments/table";
import { normalizePlanText } from "../../../src/core/extract/text";
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

const TASK_TABLE_HEADER = "序号\t重点任务\t工作目标\t牵头单位\t配合单位\t完成时限";

describe("an appendix task table (序号 | 重点任务 | 工作目标 | 牵头单位 | 配合单位 | 完成时限)", () => {
  const text = planWithTable(
    [
      "1．实施高端化智能化改造。每年实施技改项目300项以上。培育智能工厂12家。",
      "2．推进重点用能设备能效提升。到2025年，新增高效节能变压器800台以上。",
      "3．推进老旧电梯更新。推动电梯安全评估。",
    ],
    [
      TASK_TABLE_HEADER,
      "1\t工业技改重点项目\t每年实施技改项目300项以上\t市经信局\t市发改委、市财政局\t2027年底",
      "2\t智能工厂培育\t培育智能工厂12家\t市经信局\t市科技局\t2027年底",
      "3\t重点用能设备能效提升\t新增高效节能变压器800台以上\t市发改委\t市经信局\t2025年底",
      "4\t住宅老旧电梯更新\t累计更新改造老旧住宅电梯900台\t市住建局\t市市场监管局\t2026年底",
    ],
  );
  const targets = targetsOf(text);

  it("emits a goal only the table states, dated by 完成时限, with its row's departments and a source in the row", () => {
    const elevator = targets.find((target) => target.value === 900);
    expect(elevator).toMatchObject({
      kind: "cumulative",
      unit: "台",
      targetYear: 2026,
      lead: "市住房城乡建设局",
      support: ["市市场监管局"],
      leadInferred: false,
    });
    expect(elevator?.source.text).toBe("累计更新改造老旧住宅电梯900台");
    expect(text.slice(elevator?.source.start, elevator?.source.end)).toBe(elevator?.source.text);
  });

  it("does not count a body target twice when the table restates it, and gives it the row's lead", () => {
    for (const value of [300, 12, 800]) expect(targets.filter((target) => target.value === value)).toHaveLength(1);
    const lead = (value: number): string | null => targets.find((target) => target.value === value)?.lead ?? null;
    expect([lead(300), lead(12), lead(800)]).toEqual(["市经济和信息化局", "市经济和信息化局", "市发展改革委"]);
    // The body's own statement stays the source.
    expect(targets.find((target) => target.value === 800)?.source.text).toBe("到2025年，新增高效节能变压器800台以上");
  });

  it("maps rows to tasks by name, not by number: row 3 belongs to task 2, rows 1 and 2 to task 1", () => {
    const rows = readResponsibilityTable(normalizePlanText(text).text, "city");
    expect(rows.map((row) => [row.number, row.responsibility?.lead?.canonical, row.deadlineYear])).toEqual([
      [1, "市经济和信息化局", 2027],
      [2, "市经济和信息化局", 2027],
      [3, "市发展改革委", 2025],
      [4, "市住房城乡建设局", 2026],
    ]);
    // Task 3 (老旧电梯) states no target of its own, but row 4 names it: a target added there gets 市住建局.
    const withTarget = text.replace("推动电梯安全评估。", "到2027年，完成电梯安全评估400台。");
    expect(targetsOf(withTarget).find((target) => target.value === 400)?.lead).toBe("市住房城乡建设局");
  });
});
