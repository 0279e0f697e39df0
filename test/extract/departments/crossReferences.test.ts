/**
 * Extraction rules: cross-reference notes in a responsibility statement.
 */
import { parseResponsibility } from "../../../src/core/extract/departments/statements";
import { targetsOf } from "../helpers";

/** A plan with one task under 二、重点任务, so the task's departments apply. */
function task(body: string): string {
  return `测试市人民政府\n二、重点任务\n1.任务。${body}`;
}

describe("cross-reference notes in a responsibility statement", () => {
  it.each(["下同", "同上", "以下同"])("never makes …按职责分工负责，%s a department", (note) => {
    const [target] = targetsOf(task(`到2027年，完成老旧小区改造120个。（市住建局、市城管局按职责分工负责，${note}）`));
    expect([target.lead, target.support]).toEqual(["市住房城乡建设局", ["市城市管理局"]]);
  });

  it("drops a note glued to a name (市城管局（下同）)", () => {
    const parsed = parseResponsibility("市住建局牵头，市城管局（下同）、市财政局配合", "city");
    expect(parsed.support.map((name) => name.original)).toEqual(["市城管局", "市财政局"]);
  });

  it("gives （责任单位：同上） the departments of the statement before it", () => {
    const text = `${task("到2027年，新增充电桩3000个。（责任单位：市发改委〔牵头〕、市住建局）")}\n2.设施。到2027年，改造换电站20座。（责任单位：同上）`;
    expect(targetsOf(text).map((target) => [target.lead, target.support])).toEqual([
      ["市发展改革委", ["市住房城乡建设局"]],
      ["市发展改革委", ["市住房城乡建设局"]],
    ]);
  });
});
