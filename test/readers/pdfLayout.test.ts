import {
  alignTableColumns,
  dropPageFurniture,
  joinParagraphs,
  linesOfPage,
  type PdfLine,
  type PositionedText,
} from "../../src/readers/pdfLayout";

/** A page of 10-point text, 48 characters wide from x = 50 (right edge 530); line n sits at y = 750 − 15n. */
const SIZE = 10;
function piece(text: string, x: number, lineNumber: number): PositionedText {
  return { text, x, y: 750 - 15 * lineNumber, width: text.length * SIZE, size: SIZE };
}
/** Lines of a page from strings: a full line has 48 characters and reaches the right edge. */
function page(...texts: string[]): PdfLine[] {
  return linesOfPage(texts.map((text, index) => piece(text, 50, index)));
}
const FULL = (prefix: string) => prefix + "设".repeat(48 - prefix.length);

describe("linesOfPage", () => {
  it("groups pieces by baseline, top to bottom, and orders each line left to right", () => {
    const lines = linesOfPage([
      { text: "达到30万吨。", x: 110, y: 700.4, width: 70, size: SIZE },
      { text: "第二行", x: 50, y: 685, width: 30, size: SIZE },
      { text: "到2027年，", x: 50, y: 700, width: 60, size: SIZE },
    ]);
    expect(lines.map((line) => line.text)).toEqual(["到2027年，达到30万吨。", "第二行"]);
  });

  it("reads a wide gap as a cell break (tab) but the space after a list number as part of the heading", () => {
    const lines = linesOfPage([
      { text: "3", x: 50, y: 700, width: 6, size: SIZE },
      { text: "推动二手车流通", x: 90, y: 700, width: 70, size: SIZE },
      { text: "市商务局", x: 200, y: 700, width: 40, size: SIZE },
      { text: "1.", x: 50, y: 680, width: 12, size: SIZE },
      { text: "加快技术改造。", x: 68, y: 680, width: 70, size: SIZE },
    ]);
    expect(lines.map((line) => line.text)).toEqual(["3\t推动二手车流通\t市商务局", "1.加快技术改造。"]);
  });

  it("keeps justified spacing around numbers inside a sentence (到 2027 年) out of the cells", () => {
    const lines = linesOfPage([
      { text: "到", x: 50, y: 700, width: 10, size: SIZE },
      { text: "2027", x: 67, y: 700, width: 24, size: SIZE },
      { text: "年，增长", x: 98, y: 700, width: 40, size: SIZE },
    ]);
    expect(lines[0].text).toBe("到2027年，增长");
  });
});

describe("alignTableColumns", () => {
  it("gives a row the empty cells a PDF does not print, so its later cells stay in their columns", () => {
    const cell = (text: string, x: number, row: number): PositionedText => ({
      text,
      x,
      y: 700 - 15 * row,
      width: text.length * SIZE,
      size: SIZE,
    });
    const lines = linesOfPage([
      cell("序号", 50, 0),
      cell("重点任务", 100, 0),
      cell("具体任务", 200, 0),
      cell("责任单位", 320, 0),
      cell("1", 50, 1),
      cell("技术改造", 100, 1),
      cell("重点行业改造", 200, 1),
      cell("市发展改革委", 320, 1),
      cell("2", 50, 2),
      cell("数字化设施建设", 200, 2),
      cell("市工业和信息化局", 320, 2),
      cell("一段正文，不在表中。", 50, 3),
    ]);
    expect(alignTableColumns(lines).map((line) => line.text)).toEqual([
      "序号\t重点任务\t具体任务\t责任单位",
      "1\t技术改造\t重点行业改造\t市发展改革委",
      "2\t\t数字化设施建设\t市工业和信息化局",
      "一段正文，不在表中。",
    ]);
  });
});

describe("alignTableColumns on a table with wrapped cells", () => {
  it("joins a cell's wrapped lines into its row and never joins two rows", () => {
    const cell = (text: string, x: number, row: number): PositionedText => ({
      text,
      x,
      y: 700 - 12 * row,
      width: text.length * SIZE,
      size: SIZE,
    });
    const lines = linesOfPage([
      ...[cell("序号", 50, 0), cell("重点任务", 100, 0), cell("牵头单位", 300, 0), cell("完成时限", 420, 0)],
      ...[cell("1", 50, 1), cell("推动二手车流通，完善", 100, 1), cell("市商务局", 300, 1), cell("2025年底", 420, 1)],
      cell("交易登记管理", 100, 2),
      ...[cell("2", 50, 3), cell("报废汽车回收", 100, 3), cell("2026年底", 420, 3)],
    ]);
    const rows = alignTableColumns(lines);
    expect(joinParagraphs([rows]).split("\n")).toEqual([
      "序号\t重点任务\t牵头单位\t完成时限",
      "1\t推动二手车流通，完善交易登记管理\t市商务局\t2025年底",
      "2\t报废汽车回收\t\t2026年底",
    ]);
  });
});

describe("alignTableColumns on text laid out with tab stops", () => {
  it("leaves rows whose cells land on more stops than any row has cells as they are", () => {
    const cell = (text: string, x: number, row: number): PositionedText => ({
      text,
      x,
      y: 700 - 15 * row,
      width: text.length * SIZE,
      size: SIZE,
    });
    const lines = linesOfPage([
      ...[cell("1", 50, 0), cell("短", 100, 0), cell("市商务局", 150, 0)],
      ...[cell("2", 50, 1), cell("很长很长的任务名称", 100, 1), cell("市财政局", 250, 1)],
      ...[cell("3", 50, 2), cell("短", 100, 2), cell("市商务局", 150, 2)],
      ...[cell("4", 50, 3), cell("很长很长的任务名称", 100, 3), cell("市财政局", 250, 3)],
    ]);
    expect(alignTableColumns(lines).map((line) => line.text)).toEqual(lines.map((line) => line.text));
  });
});

describe("dropPageFurniture", () => {
  it("drops bare page numbers (- 3 -, 第3页 共5页) and a header repeated at the same height on every page", () => {
    const pages = [1, 2, 3].map((number) =>
      linesOfPage([
        { text: "白云市人民政府办公室", x: 200, y: 800, width: 100, size: 9 },
        { text: `正文第${number}页的内容。`, x: 50, y: 700, width: 90, size: SIZE },
        { text: "到2027年，回收量达到30万吨。", x: 50, y: 685, width: 150, size: SIZE },
        { text: number === 2 ? "第 2 页 共 3 页" : `- ${number} -`, x: 280, y: 40, width: 30, size: 9 },
      ]),
    );
    const { pages: body, dropped } = dropPageFurniture(pages);
    expect(dropped).toBe(6);
    expect(body.map((lines) => lines.map((line) => line.text))).toEqual(
      [1, 2, 3].map((number) => [`正文第${number}页的内容。`, "到2027年，回收量达到30万吨。"]),
    );
  });

  it("keeps a short body line that happens to repeat when it is not at the page's top or bottom", () => {
    const pages = [0, 1].map(() =>
      page("标题一行", "（牵头单位：市商务局）", "（牵头单位：市商务局）", "正文。", "结尾一行", "另一行"),
    );
    expect(dropPageFurniture(pages).pages[0].map((line) => line.text)).toContain("（牵头单位：市商务局）");
  });
});

describe("joinParagraphs", () => {
  it("joins a word split across a page break: the page's last full line continues on the next page", () => {
    const text = joinParagraphs([
      page("一、主要目标", FULL("到2027年，再生资源回")),
      page("收量达到30万吨。", "二、重点任务"),
    ]);
    expect(text.split("\n")).toEqual([
      "一、主要目标",
      FULL("到2027年，再生资源回") + "收量达到30万吨。",
      "二、重点任务",
    ]);
  });

  it("joins a wrapped table row, but not a line that stops short, an indented first line, a heading or a line after a paragraph gap", () => {
    const lines = linesOfPage([
      piece(FULL("3\t"), 50, 0),
      piece("市商务局、市财政局", 50, 1),
      piece("短行。", 50, 2),
      piece("首行" + "设".repeat(44), 70, 3), // indented first line of a paragraph
      piece("（一）标题", 50, 4),
      { ...piece(FULL("正文"), 50, 5) },
      { ...piece("新的段落", 50, 5), y: 750 - 15 * 5 - 30 }, // a blank line's worth of space above
    ]);
    expect(
      joinParagraphs([lines])
        .split("\n")
        .map((line) => line.slice(0, 4)),
    ).toEqual(["3\t设设", "短行。", "首行设设", "（一）标", "正文设设", "新的段落"]);
  });

  it("drops a hyphen between two halves of a Latin word and puts a space between two Latin words", () => {
    const text = joinParagraphs([
      page(FULL("设").slice(6) + "equip-", "ment 更新"),
      page(FULL("设").slice(3) + "LNG", "trucks"),
    ]);
    expect(text).toContain("equipment 更新");
    expect(text).toContain("LNG trucks");
  });
});
