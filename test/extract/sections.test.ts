import { readHeading, splitBlocks } from "../../src/core/extract/sections";

describe("readHeading", () => {
  it("knows the four levels of Chinese headings", () => {
    expect(readHeading("二、重点任务")).toMatchObject({ rank: 1, marker: "二、", title: "重点任务" });
    expect(readHeading("（一）实施设备更新行动")).toMatchObject({ rank: 2, marker: "(一)" });
    expect(readHeading("5. 推动建筑和市政基础设施领域设施更新。加快推进…")).toMatchObject({
      rank: 3,
      marker: "5.",
      number: 5,
      title: "推动建筑和市政基础设施领域设施更新",
    });
    expect(readHeading("（2）开展试点")).toMatchObject({ rank: 4, marker: "(2)" });
  });

  it("does not take a year, a decimal or a table row for a heading", () => {
    expect(readHeading("2024至2027年，力争每年…")).toBeNull();
    expect(readHeading("1.5倍")).toBeNull();
    expect(readHeading("1\t加快重点行业技术改造\t市发展改革委")).toBeNull();
  });
});

describe("splitBlocks", () => {
  it("gives each block its heading path, task and goals flag", () => {
    const text =
      "一、总体要求\n到2027年，…\n二、重点任务\n（一）实施设备更新行动\n5.推动设施更新。到2027年…\n附件\n1\t任务\t市工信局";
    const blocks = splitBlocks(text);
    const goals = blocks.find((block) => block.section === "一、");
    expect(goals?.isGoals).toBe(true);
    const task = blocks.find((block) => block.section === "二、(一) 5.");
    expect(task).toMatchObject({ task: "推动设施更新", isGoals: false, isAppendix: false });
    expect(blocks[blocks.length - 1].isAppendix).toBe(true);
  });
});
