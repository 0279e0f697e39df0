/**
 * Extraction rules: source clauses a user can check.
 */
import { targetsOf } from "../helpers";

describe("source clauses a user can check", () => {
  it("extends the source over the object after the number, to the end of its phrase", () => {
    const text =
      "到2027年，完成78公里燃气管道老化更新，更换液化石油气钢瓶15万支；供气方面重点加快改造或迁建5座不满足规范要求的老旧燃气场站。";
    const targets = targetsOf(text);
    expect(targets.map((target) => target.source.text)).toEqual([
      "到2027年，完成78公里燃气管道老化更新",
      "更换液化石油气钢瓶15万支",
      "供气方面重点加快改造或迁建5座不满足规范要求的老旧燃气场站",
    ]);
    for (const target of targets) expect(text.slice(target.source.start, target.source.end)).toBe(target.source.text);
  });

  it("stops an object at the 、 before the next number of a list", () => {
    const [first, second] = targetsOf("到2027年，打造10个以上家装消费体验中心、培育10家以上规模化二手车经销企业。");
    expect([first.source.text, second.source.text]).toEqual([
      "到2027年，打造10个以上家装消费体验中心",
      "培育10家以上规模化二手车经销企业",
    ]);
  });
});
