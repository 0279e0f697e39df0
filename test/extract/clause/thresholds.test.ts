/**
 * Extraction rules: thresholds and conditions that are not targets.
 */
import { targetsOf } from "../helpers";

describe("thresholds and conditions that are not targets", () => {
  it("reads 35蒸吨/小时以下燃煤锅炉基本淘汰 as a milestone, not a level of 35蒸吨", () => {
    for (const sentence of [
      "到2025年，全省35蒸吨/小时以下燃煤锅炉基本淘汰。",
      "到2025年，全省基本淘汰35蒸吨/小时以下燃煤锅炉。",
    ]) {
      expect(targetsOf(sentence).map((target) => [target.kind, target.value, target.targetYear])).toEqual([
        ["milestone", null, 2025],
      ]);
    }
  });

  it("skips a past year's figure set as a condition (2023年度汽车零售额不低于5000万元)", () => {
    const text = "到2024年，全区新增充电桩200个。参与企业须为汽车4S店，2023年度汽车零售额不低于5000万元。";
    expect(targetsOf(text).map((target) => target.value)).toEqual([200]);
  });
});
