/**
 * Extraction rules: a clause's own period (三年内, 两年内, 今后五年).
 */
import { planYears } from "../../../src/core/extract/targets";
import { targetsOf } from "../helpers";

/** A county plan with a headline goal and one task per line, each with its department bracket. */
function countyPlan(tasks: string[], header: string[] = ["测试县推动大规模设备更新和消费品以旧换新实施方案"]): string {
  return [...header, "一、主要目标", "到2027年，全县设备投资比2023年增长30%左右。", "二、重点任务", ...tasks].join(
    "\n",
  );
}

describe("a clause's own period (三年内, 两年内, 今后五年)", () => {
  const task = (period: string): string =>
    `1．交通运输设备更新。${period}淘汰国三及以下排放标准营运柴油货车1500辆。（县交通运输局牵头）`;
  const yearOf = (text: string): number | null =>
    targetsOf(text).find((target) => target.value === 1500)?.targetYear ?? null;

  it.each([
    ["三年内", 2026],
    ["两年内", 2025],
    ["今后五年", 2028],
  ])("%s counts from the first year of the plan's stated period (2024—2027年)", (period, year) => {
    expect(
      yearOf(
        countyPlan([
          task(period),
          "2．农机更新。2024—2027年，每年报废更新老旧农业机械不少于300台。（县农业农村局负责）",
        ]),
      ),
    ).toBe(year);
  });

  it("counts from the year of issue when the plan states no period (测政办〔2024〕7号)", () => {
    expect(
      yearOf(countyPlan([task("三年内")], ["测试县推动大规模设备更新和消费品以旧换新实施方案", "测政办〔2024〕7号"])),
    ).toBe(2026);
  });

  it("runs to the horizon when the plan states only 到2027年", () => {
    expect(yearOf(countyPlan([task("三年内")]))).toBe(2027);
  });

  it("planYears reads the period start, else the issue year", () => {
    expect(planYears("2024—2027年，每年更新300台。到2027年，回收量达到5万吨。", 2023)).toEqual({
      horizonYear: 2027,
      planStartYear: 2024,
      periodStartYear: 2024,
    });
    expect(planYears("到2027年，回收量达到5万吨。", 2024).periodStartYear).toBe(2024);
    expect(planYears("到2027年，回收量达到5万吨。").periodStartYear).toBeNull();
  });
});
