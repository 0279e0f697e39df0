import { extractCatalog } from "../../src/core/extract/index";
import { PlanReadError, readPlanFile, type ReaderHost } from "../../src/readers";
import { declareUncompressedSize, wordFile } from "./builders";

const noPdf: ReaderHost = { loadPdfjs: () => Promise.reject(new Error("no PDF in this test")) };

describe("readPlanFile on Word (.docx)", () => {
  it("reads paragraphs as lines and a Word table as tab-separated rows, without the page header and footer", async () => {
    const bytes = await wordFile([
      "白云市推动大规模设备更新和消费品以旧换新实施方案",
      "附件",
      [
        ["序号", "重点任务", "牵头单位", "配合单位"],
        ["3", "推动二手车流通", "市商务局", "市公安局、市财政局"],
      ],
    ]);
    const reading = await readPlanFile(bytes, "plan.docx", noPdf);
    expect(reading.format).toBe("docx");
    expect(reading.text.split("\n")).toEqual([
      "白云市推动大规模设备更新和消费品以旧换新实施方案",
      "附件",
      "序号\t重点任务\t牵头单位\t配合单位",
      "3\t推动二手车流通\t市商务局\t市公安局、市财政局",
    ]);
    expect(reading.text).not.toContain("白云市人民政府办公室"); // the running header
  });

  it("gives the targets of the plan with the Word table's departments, source spans pointing into the text", async () => {
    const bytes = await wordFile([
      "白云市推动大规模设备更新和消费品以旧换新实施方案",
      "二、重点任务",
      "3.推动二手车流通。到2027年，二手车交易量较2023年增长45%。",
      "附件",
      [
        ["序号", "重点任务", "牵头单位", "配合单位"],
        ["3", "推动二手车流通", "市商务局", "市公安局"],
      ],
    ]);
    const { text } = await readPlanFile(bytes, "plan.docx", noPdf);
    const catalog = extractCatalog(text, { cityName: "白云" });
    expect(
      catalog.targets.map((target) => [target.indicator, target.value, target.unit, target.lead, target.support]),
    ).toEqual([["二手车交易量", 45, "%", "市商务局", ["市公安局"]]]);
    for (const target of catalog.targets)
      expect(text.slice(target.source.start, target.source.end)).toBe(target.source.text);
  });

  it("is recognised by content: a .docx renamed .txt is still read as Word", async () => {
    const bytes = await wordFile(["到2027年，回收量达到30万吨。"]);
    expect(await readPlanFile(bytes, "plan.txt", noPdf)).toMatchObject({
      format: "docx",
      text: "到2027年，回收量达到30万吨。",
    });
  });

  it("refuses a .docx whose directory declares 1.7 GB before inflating it (zip bomb)", async () => {
    const bomb = declareUncompressedSize(await wordFile(["到2027年"]), 1_700_000_000 / 8);
    const error = await readPlanFile(bomb, "bomb.docx", noPdf).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlanReadError);
    expect((error as PlanReadError).code).toBe("tooLarge");
    expect((error as PlanReadError).message).toMatch(/^文件解压后有 \d+ MB，超过上限 200 MB/);
  });

  it("reports a damaged .docx (a zip with Word's name but no document) as damaged, not as an empty plan", async () => {
    const bytes = await wordFile(["到2027年"]);
    const truncated = bytes.slice(0, bytes.length - 200);
    const error = await readPlanFile(truncated, "broken.docx", noPdf).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlanReadError);
    expect((error as PlanReadError).code).toBe("corrupt");
  });
});
