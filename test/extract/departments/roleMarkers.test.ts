/**
 * Extraction rules: department names with a role marker in any bracket.
 */
import { parseResponsibility } from "../../../src/core/extract/departments/statements";
import { targetsOf } from "../helpers";

/** A plan with one task under 二、重点任务, so the task's departments apply. */
function task(body: string): string {
  return `测试市人民政府\n二、重点任务\n1.任务。${body}`;
}

describe("department names with a role marker in any bracket", () => {
  it.each([
    ["〔牵头〕", "市工信局〔牵头〕、市发改委、市财政局"],
    ["【牵头】", "市工信局【牵头】、市发改委、市财政局"],
    ["[牵头]", "市工信局[牵头]、市发改委、市财政局"],
    ["(牵头) after cleaning", "市工信局(牵头)、市发改委、市财政局"],
  ])("makes X%s a named lead with a clean canonical name", (_marker, list) => {
    const [target] = targetsOf(task(`到2027年，实施设备更新项目600个。（责任单位：${list}）`));
    expect([target.lead, target.leadOriginal, target.leadInferred, target.support]).toEqual([
      "市工业和信息化局",
      "市工信局",
      false,
      ["市发展改革委", "市财政局"],
    ]);
  });

  it("reads a marked supporting department as support, not as part of its name", () => {
    const parsed = parseResponsibility("责任单位：市商务局〔牵头〕、市财政局〔配合〕", "city");
    expect([parsed.lead?.canonical, parsed.support.map((name) => name.canonical)]).toEqual(["市商务局", ["市财政局"]]);
  });
});
