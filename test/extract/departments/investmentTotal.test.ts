/**
 * Extraction rules: an investment total and the task the plan opens with; an investment total in every field (设备投资) and the task the plan opens with.
 */
import { targetsOf } from "../helpers";

/** A county plan with a headline goal and one task per line, each with its department bracket. */
function countyPlan(tasks: string[], header: string[] = ["测试县推动大规模设备更新和消费品以旧换新实施方案"]): string {
  return [...header, "一、主要目标", "到2027年，全县设备投资比2023年增长30%左右。", "二、重点任务", ...tasks].join(
    "\n",
  );
}

describe("an investment total and the task the plan opens with", () => {
  it("links 设备更新投资 to the first task only when that task names departments", () => {
    const goal = "一、总体要求\n到2027年，累计完成设备更新投资300亿元。\n二、任务\n";
    const firstNamed = `${goal}1．工业。推进技改。（市工信局牵头）\n2．医疗。推进医疗设备更新。（市卫健委牵头）`;
    expect(targetsOf(firstNamed)[0].lead).toBe("市工业和信息化局");
    const firstUnnamed = `${goal}1．工业。推进技改。\n2．医疗。推进医疗设备更新。（市卫健委牵头）`;
    expect(targetsOf(firstUnnamed)[0].lead).toBeNull();
  });
});

describe("an investment total in every field (设备投资) and the task the plan opens with", () => {
  const leadOfTotal = (firstTask: string, goal = "设备投资"): string | null => {
    const text = countyPlan([firstTask, "2．推进工业设备更新。到2027年，更新工业设备500台。（县工信局负责）"]).replace(
      "设备投资",
      goal,
    );
    return targetsOf(text)[0].lead;
  };

  it("gets no lead from a first task of one other field (农业机械 → not 县农业农村局)", () => {
    expect(
      leadOfTotal("1．推进农业机械装备更新。每年报废更新老旧农业机械不少于300台。（县农业农村局负责）"),
    ).toBeNull();
  });

  it("still takes the first task's lead when it is about industry", () => {
    expect(leadOfTotal("1．推进重点行业设备更新改造。到2027年，更新设备800台。（县工信局牵头，县发改局配合）")).toBe(
      "县工业和信息化局",
    );
  });

  it("takes a field task's lead when the total names that field (农业农村领域设备投资)", () => {
    expect(
      leadOfTotal(
        "1．推进农业机械装备更新。每年报废更新老旧农业机械不少于300台。（县农业农村局负责）",
        "农业农村领域设备投资",
      ),
    ).toBe("县农业农村局");
  });
});
