import { findResponsibilities } from "../../src/core/extract/departments/findStatements";
import { parseResponsibility } from "../../src/core/extract/departments/statements";

const names = (list: ReadonlyArray<{ canonical: string }>): string[] => list.map((name) => name.canonical);

describe("parseResponsibility", () => {
  it("reads 牵头单位：…；责任单位：… with co-leads first in support", () => {
    const result = parseResponsibility("牵头单位：市住建局、城管局；责任单位：市自然资源局、生态环境局", "city");
    expect(result.lead).toEqual({ original: "市住建局", canonical: "市住房城乡建设局" });
    expect(result.leadInferred).toBe(false);
    expect(names(result.support)).toEqual(["市城市管理局", "市自然资源局", "市生态环境局"]);
  });

  it("reads X牵头，Y按职责分工负责 and X牵头，Y配合", () => {
    expect(parseResponsibility("市商务局牵头，市公安局、财政局按职责分工负责", "city").lead?.canonical).toBe(
      "市商务局",
    );
    const withHelp = parseResponsibility(
      "市住房城乡建设局牵头，市发展改革委、工业和信息化局、机关事务中心配合",
      "city",
    );
    expect(names(withHelp.support)).toEqual(["市发展改革委", "市工业和信息化局", "市机关事务中心"]);
  });

  it("takes the first of an unranked list as lead and marks it inferred", () => {
    const result = parseResponsibility("市工业和信息化局、市发展改革委、市生态环境局按职责分工负责", "city");
    expect(result.lead?.canonical).toBe("市工业和信息化局");
    expect(result.leadInferred).toBe(true);
    expect(parseResponsibility("市农业农村局负责", "city")).toMatchObject({ leadInferred: false, support: [] });
  });

  it("keeps 以下各项任务均需…负责落实 for later tasks, without making it the lead", () => {
    const result = parseResponsibility(
      "市工业和信息化局牵头，市发展改革委按职责分工负责，各县〔市、区〕政府〔管委会〕负责落实。以下各项任务均需各县〔市、区〕政府〔管委会〕负责落实，不再逐一列出",
      "city",
    );
    expect(result.lead?.canonical).toBe("市工业和信息化局");
    expect(names(result.appliesToLater)).toEqual(["各县〔市、区〕政府〔管委会〕"]);
  });
});

describe("findResponsibilities", () => {
  it("finds department brackets and ignores other brackets", () => {
    const text = "支持高校、职业院校（含技工院校）更新设备。（市教育局牵头，市人力资源社会保障局按职责分工负责）";
    const found = findResponsibilities(text, "city");
    expect(found).toHaveLength(1);
    expect(found[0].lead?.canonical).toBe("市教育局");
    expect(text.slice(found[0].start, found[0].end)).toMatch(/^（市教育局牵头.*）$/);
  });
});
