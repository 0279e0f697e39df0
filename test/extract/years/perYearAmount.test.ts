/**
 * Extraction rules: the year of a per-year amount.
 */
import { targetsOf } from "../helpers";

describe("the year of a per-year amount", () => {
  it("does not take the year of a later phrase that states something of its own (…200场次以上，2024年全市实现…)", () => {
    const targets = targetsOf("到2027年，完成改造。每年举办促消费活动200场次以上，2024年全市实现家电以旧换新12万台。");
    expect(
      targets
        .filter((target) => target.kind !== "milestone")
        .map((target) => [target.value, target.kind, target.targetYear]),
    ).toEqual([
      [200, "annual", 2027],
      [12, "cumulative", 2024],
    ]);
  });

  it("still dates a count by a phrase that only closes it (…改造老旧小区120个，2025年底前完成)", () => {
    expect(
      targetsOf("到2027年，完成改造。改造老旧小区120个，2025年底前完成。").find((target) => target.value === 120)
        ?.targetYear,
    ).toBe(2025);
  });

  it("is not dated by another phrase's completion deadline (2025年底前，A全部完成更新，每年更新B150套以上)", () => {
    const targets = targetsOf(
      "到2027年，完成改造。2025年底前，县级检测设备全部完成更新，每年更新乡镇快检设备150套以上。",
    );
    expect(targets.find((target) => target.value === 150)).toMatchObject({ kind: "annual", targetYear: 2027 });
    expect(
      targets.find((target) => target.kind === "milestone" && target.source.text.includes("县级"))?.targetYear,
    ).toBe(2025);
  });
});
