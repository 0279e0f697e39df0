/**
 * Extraction rules: deadline milestones with no number whose year stands elsewhere — in an earlier
 * sentence of the paragraph, or as a phrase of its own before the action (2024年底前，完成…).
 */
import { targetsOf } from "../helpers";

describe("milestones dated outside their own sentence", () => {
  it("dates a completed state by its paragraph's lead-in deadline (到2026年，…。基本淘汰…。)", () => {
    const targets = targetsOf("到2026年，全市新增充电桩3000个。基本淘汰国三及以下排放标准的非道路移动机械。");
    expect(targets.map((target) => [target.kind, target.targetYear])).toEqual([
      ["cumulative", 2026],
      ["milestone", 2026],
    ]);
  });

  it("does not carry a deadline into the next paragraph", () => {
    const targets = targetsOf("到2026年，全市新增充电桩3000个。\n基本淘汰国三及以下排放标准的非道路移动机械。");
    expect(targets.map((target) => target.kind)).toEqual(["cumulative"]);
  });

  it("reads 基本建立…体系 by a deadline as a milestone, and leaves 大幅提升 out", () => {
    const targets = targetsOf("到2027年，基本建立废旧纺织品回收利用体系，回收能力大幅提升。");
    expect(targets.map((target) => [target.kind, target.indicator])).toEqual([
      ["milestone", "基本建立废旧纺织品回收利用体系"],
    ]);
  });

  it("reads a deadline standing as its own phrase before the action (2025年6月底前，完成…)", () => {
    const [target] = targetsOf("2025年6月底前，完成全市在用锅炉能效普查。");
    expect([target.kind, target.targetYear, target.source.text]).toEqual([
      "milestone",
      2025,
      "2025年6月底前，完成全市在用锅炉能效普查",
    ]);
  });

  it("still leaves issuing a document out (2024年底前，出台实施细则)", () => {
    expect(targetsOf("2024年底前，出台全市家电以旧换新实施细则。")).toEqual([]);
  });
});
