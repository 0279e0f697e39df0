import type { Catalog } from "../../src/core/catalog";
import { applyReview, correctTarget } from "../../src/office/taskpane/review";
import sample from "../fixtures/catalog-sample.json";

const SAMPLE = sample as unknown as Catalog;

describe("applyReview (the planner's review before loading)", () => {
  it("leaves excluded targets out and keeps the others' ids and order", () => {
    const reviewed = applyReview(SAMPLE, new Map([["示例-03", { include: false }]]));
    expect(reviewed.targets.map((target) => target.id)).toEqual(
      SAMPLE.targets.filter((target) => target.id !== "示例-03").map((target) => target.id),
    );
  });

  it("corrects a percentage and its normalised value; a unit correction relabels", () => {
    const [first] = applyReview(SAMPLE, new Map([["示例-01", { include: true, value: 30 }]])).targets;
    expect([first.value, first.unit, first.normalizedValue]).toEqual([30, "%", 0.3]);
    const tonnes = correctTarget(
      { ...SAMPLE.targets[7], value: 50, unit: "万吨", normalizedValue: 500000 },
      60,
      undefined,
    );
    expect(tonnes.normalizedValue).toBeCloseTo(600000);
    expect(correctTarget(SAMPLE.targets[7], undefined, "吨").unit).toBe("吨");
    expect(correctTarget(SAMPLE.targets[7], undefined, undefined)).toBe(SAMPLE.targets[7]);
  });
});
