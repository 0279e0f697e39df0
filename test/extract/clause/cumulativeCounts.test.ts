/**
 * Extraction rules: cumulative counts.
 */
import { targetsOf } from "../helpers";

describe("cumulative counts", () => {
  it("counts 规范提升/提质升级 N个 as done over the period, like 提升改造", () => {
    expect(targetsOf("到2027年，规范提升再生资源集散市场5个。")[0].kind).toBe("cumulative");
  });

  it("counts an amount brought about (拉动消费8亿元) as a total, an amount to reach (带动消费额突破80亿元) as a level", () => {
    expect(targetsOf("力争2024年全区汽车以旧换新3000辆以上，拉动消费8亿元以上。")[1]).toMatchObject({
      value: 8,
      kind: "cumulative",
    });
    expect(targetsOf("到2025年，以旧换新带动消费额突破80亿元。")[0]).toMatchObject({ value: 80, kind: "level" });
  });
});
