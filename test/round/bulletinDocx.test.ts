/** The 通报 as a Word file: the four sections, the tables' figures and the charts, in both languages (示例数据). */
import mammoth from "mammoth";
import { runReportCheck } from "../../src/core/check";
import { buildBulletin } from "../../src/core/round";
import { bulletinDocx } from "../../src/cli/commands/bulletinDocx";
import { exampleBaselines, exampleCatalog, reportTable } from "../check/helpers";

const catalog = exampleCatalog();
const result = runReportCheck(
  [
    reportTable("月度填报", [
      ["2025-05", "市商务局", "示例-01", 50],
      ["2025-06", "市商务局", "示例-01", 52],
      ["2025-06", "市住房和城乡建设局", "示例-05", 160],
    ]),
  ],
  catalog,
  { baselines: exampleBaselines(), forecastRows: "all" },
);

describe("bulletinDocx", () => {
  it("writes the title, the four sections, the tables and one chart per target behind", async () => {
    const bulletin = buildBulletin(result, catalog, { period: "2025-06" });
    const buffer = await bulletinDocx(bulletin);
    const text = (await mammoth.extractRawText({ buffer })).value;
    expect(text).toContain(bulletin.title);
    expect(text).toMatch(/一、总体进展[\s\S]*二、落后目标[\s\S]*三、各部门情况[\s\S]*四、下步工作/);
    expect(text).toContain("示例市两新工作专班办公室");
    const html = (await mammoth.convertToHtml({ buffer })).value;
    expect((html.match(/<img /g) ?? []).length).toBe(bulletin.series.length + 1);
    expect(html).toContain("−"); // gaps with a true minus sign
  });

  it("writes English on request", async () => {
    const bulletin = buildBulletin(result, catalog, { period: "2025-06", locale: "en-US" });
    expect(bulletin.summary).toMatch(/^For June 2025, \d of \d lead departments reported/);
    const text = (await mammoth.extractRawText({ buffer: await bulletinDocx(bulletin) })).value;
    expect(text).toMatch(/1\. Overall progress[\s\S]*2\. Targets behind[\s\S]*3\. Departments[\s\S]*4\. Next steps/);
  });
});
