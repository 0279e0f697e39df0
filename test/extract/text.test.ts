import { normalizePlanText, toRawSpan } from "../../src/core/extract/text";
import { extractCatalog } from "../../src/core/extract/index";

describe("normalizePlanText", () => {
  it("maps full-width digits and % and drops spaces between Chinese and numbers", () => {
    expect(normalizePlanText("达到 ２０ ％ 以上").text).toBe("达到20%以上");
  });

  it("joins a number split by a page break and keeps headings on their own lines", () => {
    const raw = "1.加快管网更新。到2027年，污水管网新建改造1\n\n140公里以上。\n2.推进电梯更新。";
    expect(normalizePlanText(raw).text).toBe(
      "1.加快管网更新。到2027年，污水管网新建改造1140公里以上。\n2.推进电梯更新。",
    );
  });

  it("removes [bookmark: …] markers while offsets still point into the raw text", () => {
    const raw = "[bookmark: FunCunProofread3335]到2027年，再生资源回收量达到30万吨以上。";
    const clean = normalizePlanText(raw);
    expect(clean.text).toBe("到2027年，再生资源回收量达到30万吨以上。");
    const span = toRawSpan(clean, 0, 6);
    expect(raw.slice(span.start, span.end)).toBe("到2027年");
  });
});

describe("extractCatalog on messy text", () => {
  it("reads a target across a page break and slices its source from the raw text", () => {
    const raw =
      "一、重点任务\n1.推进农机更新。加大农机报废更新补贴政策支持力度，到 2027 年累\n\n计淘汰 200 台（套）以上。（市农业农村局负责）";
    const [target] = extractCatalog(raw).targets;
    expect(target).toMatchObject({
      kind: "cumulative",
      value: 200,
      unit: "台（套）",
      comparator: ">=",
      targetYear: 2027,
    });
    expect(raw.slice(target.source.start, target.source.end)).toBe(target.source.text);
    expect(target.source.text).toContain("累\n\n计淘汰 200 台（套）以上");
  });
});
