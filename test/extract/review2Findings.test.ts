/**
 * Rules added after the second acceptance review's fresh county plan (云溪县, item N10): a per-year
 * amount written 全年/年度, amounts per quarter/month/half-year, a clause's own period (三年内)
 * counted from the plan's start, and an investment total that a plan opening with one field's task
 * must not hand to that field's department. One case per rule, in general phrasing.
 */
import { extractCatalog } from "../../src/core/extract/index";
import { planYears } from "../../src/core/extract/targets";

type Targets = ReturnType<typeof extractCatalog>["targets"];

function targetsOf(text: string): Targets {
  return extractCatalog(text, { cityName: "测试" }).targets;
}

/** A county plan with a headline goal and one task per line, each with its department bracket. */
function countyPlan(tasks: string[], header: string[] = ["测试县推动大规模设备更新和消费品以旧换新实施方案"]): string {
  return [...header, "一、主要目标", "到2027年，全县设备投资比2023年增长30%左右。", "二、重点任务", ...tasks].join(
    "\n",
  );
}

describe("a per-year amount written as the year's (全年, 年度)", () => {
  it.each(["全年举办汽车促消费活动不少于6场", "年度举办汽车促消费活动不少于6场"])(
    "%s is annual, not a level needing a baseline",
    (clause) => {
      const [target] = targetsOf(countyPlan([`1．汽车以旧换新。${clause}。（县商务局牵头）`])).slice(1);
      expect(target).toMatchObject({
        kind: "annual",
        comparator: ">=",
        value: 6,
        unit: "场",
        normalizedValue: 6,
        indicator: "举办汽车促消费活动",
        startYear: 2024,
      });
    },
  );
});

describe("an amount per quarter, month or half-year", () => {
  it.each([
    ["每季度", 4],
    ["每月", 12],
    ["每半年", 2],
  ])("%s组织2场… is an annual target of the year's total (value and unit as written)", (period, perYear) => {
    const [target] = targetsOf(
      countyPlan([`1．家电以旧换新。${period}组织2场家电以旧换新促销活动。（县商务局牵头）`]),
    ).slice(1);
    expect(target).toMatchObject({
      kind: "annual",
      value: 2,
      unit: "场",
      normalizedValue: 2 * Number(perYear),
      indicator: "家电以旧换新促销活动",
      lead: "县商务局",
    });
    expect(target.source.text).toBe(`${period}组织2场家电以旧换新促销活动`);
  });

  it("is one target with 全年不少于N when the year's figure restates it, stated by both phrases", () => {
    const targets = targetsOf(
      countyPlan(["1．家电以旧换新。每季度组织1场家电以旧换新促销活动，全年不少于4场。（县商务局牵头）"]),
    ).slice(1);
    expect(targets).toHaveLength(1);
    expect(targets[0]).toMatchObject({
      kind: "annual",
      comparator: ">=",
      value: 4,
      unit: "场",
      normalizedValue: 4,
      indicator: "家电以旧换新促销活动",
    });
    expect(targets[0].source.text).toBe("每季度组织1场家电以旧换新促销活动，全年不少于4场");
  });

  it("keeps both when the year asks for more than the quarters add up to", () => {
    const targets = targetsOf(
      countyPlan(["1．家电以旧换新。每季度组织1场家电以旧换新促销活动，全年不少于6场。（县商务局牵头）"]),
    ).slice(1);
    expect(targets.map((target) => [target.kind, target.normalizedValue])).toEqual([
      ["annual", 4],
      ["annual", 6],
    ]);
  });

  it("is not a target when it is a working routine (调度, 报送) or counted in 次", () => {
    const text = countyPlan(["1．家电以旧换新。每季度调度2次工作进展，每月报送1份工作台账。（县商务局牵头）"]);
    expect(targetsOf(text).slice(1)).toEqual([]);
  });
});

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
