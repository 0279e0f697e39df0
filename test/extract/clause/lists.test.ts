/**
 * Extraction rules: one clause listing several targets.
 */
import { targetsOf } from "../helpers";

describe("one clause listing several targets", () => {
  it("reads every item of X 120公里、Y 80公里, each named by its own object", () => {
    const targets = targetsOf("到2027年，完成改造。建设改造城市燃气管网120公里、供水管网80公里、排水管网30公里。");
    expect(
      targets
        .filter((target) => target.kind !== "milestone")
        .map((target) => [target.indicator, target.value, target.unit, target.kind, target.source.text]),
    ).toEqual([
      ["建设改造城市燃气管网", 120, "公里", "cumulative", "建设改造城市燃气管网120公里"],
      ["供水管网", 80, "公里", "cumulative", "供水管网80公里"],
      ["排水管网", 30, "公里", "cumulative", "排水管网30公里"],
    ]);
  });

  it("still skips a threshold listed after a target (…120个、使用8年以上的…)", () => {
    const targets = targetsOf("到2027年，改造老旧小区120个、使用8年以上的公务用车。");
    expect(targets.map((target) => target.value)).toEqual([120]);
  });
});
