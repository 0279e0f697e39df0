import type { Catalog } from "../../src/core/catalog";
import { previewHtml } from "../../src/office/taskpane/preview";
import sample from "../fixtures/catalog-sample.json";

const SAMPLE = sample as unknown as Catalog;

describe("previewHtml", () => {
  it("shows every target with its source clause, in the chosen language", () => {
    const zh = previewHtml(SAMPLE, "zh-CN");
    for (const target of SAMPLE.targets) expect(zh).toContain(`<blockquote>${target.source.text}</blockquote>`);
    expect(zh).toContain(`找到 ${SAMPLE.targets.length} 项目标`);
    expect(zh).toContain("≥ 25% (2027)");
    expect(previewHtml(SAMPLE, "en-US")).toContain(`${SAMPLE.targets.length} targets found`);
  });

  it("shows plan text as text, never as markup", () => {
    const hostile: Catalog = {
      ...SAMPLE,
      targets: [
        {
          ...SAMPLE.targets[0],
          indicator: "<img src=x onerror=alert(1)>",
          source: { text: "A&B <script>", start: 0, end: 12 },
        },
      ],
    };
    const html = previewHtml(hostile, "zh-CN");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script>");
    expect(html).toContain("A&amp;B &lt;script&gt;");
  });
});
