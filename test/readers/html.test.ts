import { htmlToPlanText } from "../../src/readers/html";
import { extractCatalog } from "../../src/core/extract/index";

describe("htmlToPlanText", () => {
  it("turns a table into tab-separated rows, one per <tr>, after the paragraphs before it", () => {
    const html = `<p>附件</p><table>
      <tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th></tr>
      <tr><td>1</td><td><p>更新</p><p>公交车</p></td><td>市交通运输局</td><td>市财政局、市商务局</td></tr>
    </table>`;
    expect(htmlToPlanText(html)).toBe(
      "附件\n序号\t重点任务\t牵头单位\t配合单位\n1\t更新 公交车\t市交通运输局\t市财政局、市商务局",
    );
  });

  it("keeps columns aligned under colspan and repeats a rowspan cell's text in the rows it spans", () => {
    const html = `<table>
      <tr><td colspan="3">一、重点任务</td></tr>
      <tr><td>1</td><td rowspan="2">市商务局</td><td>二手车</td></tr>
      <tr><td>2</td><td>家电</td></tr>
    </table>`;
    expect(htmlToPlanText(html).split("\n")).toEqual(["一、重点任务\t\t", "1\t市商务局\t二手车", "2\t市商务局\t家电"]);
  });

  it("drops scripts, styles, navigation and the head, and decodes entities", () => {
    const html = `<html><head><title>白云市人民政府网</title><style>p{}</style></head><body>
      <nav><a>首页</a><a>政务公开</a></nav><script>var target = "30万吨";</script>
      <p>到2027年，回收量达到30万吨&nbsp;以上&amp;。</p></body></html>`;
    expect(htmlToPlanText(html)).toBe("到2027年，回收量达到30万吨\u00a0以上&。");
  });

  it("reads a page laid out with one big table cell as paragraphs, not one endless row", () => {
    const article = "<p>一、主要目标</p>" + `<p>${"到2027年，二手车交易量较2023年增长45%。".repeat(60)}</p>`;
    const html = `<table><tr><td>导航</td><td>${article}</td></tr></table>`;
    const lines = htmlToPlanText(html).split("\n");
    expect(lines).toContain("一、主要目标");
    expect(lines.some((line) => line.includes("\t"))).toBe(false);
  });

  it("collapses source line breaks inside a paragraph (they are not the plan's line breaks)", () => {
    expect(htmlToPlanText("<p>到2027年，\n   回收量\t达到30万吨。</p><p>第二段</p>")).toBe(
      "到2027年， 回收量 达到30万吨。\n第二段",
    );
  });

  it("gives the extractor a web page's table: the row's lead department attaches to the body target", () => {
    const html = `<h2>白云市推动大规模设备更新和消费品以旧换新实施方案</h2>
      <p>二、重点任务</p><p>3.推动二手车流通。到2027年，二手车交易量较2023年增长45%。</p>
      <p>附件</p><table>
      <tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>
      <tr><td>3</td><td>推动二手车流通</td><td>市商务局</td><td>市公安局</td></tr></table>`;
    const text = htmlToPlanText(html);
    const catalog = extractCatalog(text, { cityName: "白云" });
    expect(catalog.targets.map((target) => [target.indicator, target.value, target.lead, target.support])).toEqual([
      ["二手车交易量", 45, "市商务局", ["市公安局"]],
    ]);
    for (const target of catalog.targets)
      expect(text.slice(target.source.start, target.source.end)).toBe(target.source.text);
  });
});
