/**
 * Extraction rules: compound measure words.
 */
import { readUnit } from "../../../src/core/extract/numbers";
import { targetsOf } from "../helpers";

describe("compound measure words", () => {
  it.each([
    ["不少于20场次", "场次"],
    ["1.2万台（套）", "万台（套）"],
    ["5万人次", "万人次"],
    ["300台套", "台套"],
    ["40架次", "架次"],
    ["2万户次", "万户次"],
  ])("reads %s with the unit %s whole", (amount, unit) => {
    const [target] = targetsOf(`到2027年，每年开展活动${amount}。`);
    expect([target.unit, target.source.text.endsWith(amount)]).toEqual([unit, true]);
  });

  it("names the activity, not a stray 次: 每年举办促消费活动不少于20场次", () => {
    const [target] = targetsOf("到2027年，每年举办促消费活动不少于20场次。");
    expect([target.indicator, target.value, target.kind]).toEqual(["举办促消费活动", 20, "annual"]);
    expect(readUnit("20场次", 2)).toEqual({ unit: "场次", factor: 1, base: "场次" });
  });
});
