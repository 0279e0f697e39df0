/**
 * Extraction rules: department statements on their own line after a task.
 */
import { parseResponsibility } from "../../../src/core/extract/departments/statements";
import { normalizePlanText } from "../../../src/core/extract/text";
import { targetsOf } from "../helpers";

/** Lead, whether it was inferred, and support of each target: what a department sees. */
function departments(text: string): Array<[string | null, boolean, string[]]> {
  return targetsOf(text).map((target) => [target.lead, target.leadInferred, target.support]);
}

describe("department statements on their own line after a task", () => {
  it("reads 【牵头单位】X ⏎【责任单位】Y lines as one statement for the task above them", () => {
    const text = [
      "桐山市人民政府",
      "二、重点任务",
      "1．推进技术改造。到2027年，完成200个重点技改项目。",
      "【牵头单位】市工信局",
      "【责任单位】市发展改革委、市财政局，各县（市、区）人民政府",
      "2．推进数字化转型。到2027年，新培育智能工厂35个。",
      "【牵头单位】市工信局",
      "【责任单位】市科技局",
    ].join("\n");
    expect(departments(text)).toEqual([
      ["市工业和信息化局", false, ["市发展改革委", "市财政局", "各县（市、区）人民政府"]],
      // The repeated 【牵头单位】市工信局 line is content, not a running header to drop.
      ["市工业和信息化局", false, ["市科技局"]],
    ]);
  });

  it("reads 牵头单位：X and 责任单位：X、Y lines without brackets", () => {
    const text =
      "桐山市人民政府\n二、任务\n1．电梯。到2027年，完成加装电梯800部。\n牵头单位：市住建局\n责任单位：市城管局、市市场监管局";
    expect(departments(text)).toEqual([["市住房城乡建设局", false, ["市城市管理局", "市市场监管局"]]]);
  });

  it("makes X the named lead in 责任单位：X（牵头），Y and in a nested （牵头） inside a bracket", () => {
    const line =
      "柘山县人民政府\n二、任务\n（一）工业。到2027年，实施技术改造项目80个以上。\n责任单位：县经济商务和信息化局（牵头），县发展和改革局、县财政局";
    expect(departments(line)).toEqual([["县经济商务和信息化局", false, ["县发展改革局", "县财政局"]]]);
    const nested = parseResponsibility("责任单位：县经济商务和信息化局（牵头）、县财政局", "county");
    expect([nested.lead?.original, nested.leadInferred, nested.support.map((name) => name.original)]).toEqual([
      "县经济商务和信息化局",
      false,
      ["县财政局"],
    ]);
  });

  it("keeps …按职责分工负责 out of the names after a 责任单位： label", () => {
    const parsed = parseResponsibility(
      "责任单位：县教育体育局、县卫生健康局、县文化广电和旅游局按职责分工负责",
      "county",
    );
    expect([parsed.lead?.canonical, parsed.leadInferred, parsed.support.map((name) => name.canonical)]).toEqual([
      "县教育体育局",
      true,
      ["县卫生健康局", "县文化广电和旅游局"],
    ]);
  });

  it("takes 列第一位的为牵头单位，下同 as naming the first listed lead, here and in later brackets", () => {
    const text = [
      "朔山回族自治区人民政府",
      "二、重点任务",
      "1．数字化。到2027年，建成智能工厂50家。（责任单位：自治区工业和信息化厅、科技厅、发展改革委。列第一位的为牵头单位，下同）",
      "2．标准。到2027年，制修订地方标准50项以上。（责任单位：自治区市场监督管理局、工业和信息化厅）",
    ].join("\n");
    expect(departments(text)).toEqual([
      ["自治区工业和信息化厅", false, ["自治区科技厅", "自治区发展改革委"]],
      ["自治区市场监管局", false, ["自治区工业和信息化厅"]],
    ]);
  });

  it("adds a bare 以下各项任务均需…负责落实，不再一一列出 sentence to the support of later tasks", () => {
    const text =
      "柘山县人民政府\n二、主要任务\n以下各项任务均需各乡镇人民政府负责落实，不再一一列出。\n（一）农机。每年报废更新农业机械300台以上。\n责任单位：县农业农村局（牵头），县财政局";
    expect(departments(text)).toEqual([["县农业农村局", false, ["县财政局", "各乡镇人民政府"]]]);
  });

  it("joins a department list wrapped onto the next line of a PDF paste, but not the next paragraph", () => {
    const clean = normalizePlanText(
      "【责任单位】市发展改革委、市财政局、市科技局、市数据局、市\n市场监管局\n到2027年，建成分拣中心15个。",
    ).text;
    expect(clean.split("\n")).toEqual([
      "【责任单位】市发展改革委、市财政局、市科技局、市数据局、市市场监管局",
      "到2027年，建成分拣中心15个。",
    ]);
  });
});
