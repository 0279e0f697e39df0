import { mapReportHeader, readBasisCell, readNumberCell } from "../../src/core/check";

describe("readNumberCell", () => {
  it("reads numbers as a spreadsheet user types them", () => {
    expect(readNumberCell(12.5)).toEqual({ kind: "number", value: 12.5 });
    expect(readNumberCell(" 1,234.5 ")).toEqual({ kind: "number", value: 1234.5 });
    expect(readNumberCell("８５％")).toEqual({ kind: "number", value: 0.85 });
    expect(readNumberCell("")).toEqual({ kind: "blank" });
    expect(readNumberCell(null)).toEqual({ kind: "blank" });
  });

  it("keeps text that is not a number as text, for the error message", () => {
    expect(readNumberCell("12万")).toEqual({ kind: "text", text: "12万" });
    expect(readNumberCell("#N/A")).toEqual({ kind: "text", text: "#N/A" });
  });
});

describe("readBasisCell", () => {
  it("reads 累计/年累计/YTD as year-to-date and 时点/水平/level as a level", () => {
    expect(["累计", "年累计", "YTD", "year-to-date"].map(readBasisCell)).toEqual(["ytd", "ytd", "ytd", "ytd"]);
    expect(["时点", "水平", "Level"].map(readBasisCell)).toEqual(["level", "level", "level"]);
    expect(readBasisCell("")).toBeNull();
    expect(readBasisCell("季度")).toBeUndefined();
  });
});

describe("mapReportHeader", () => {
  it("maps Chinese, English and bilingual headers", () => {
    expect(mapReportHeader(["月份", "责任单位", "目标编号", "填报值", "口径"])).toEqual({
      period: 0,
      department: 1,
      targetId: 2,
      value: 3,
      basis: 4,
    });
    expect(mapReportHeader(["Period", "Department", "Target ID", "Value", "Basis"])).toEqual({
      period: 0,
      department: 1,
      targetId: 2,
      value: 3,
      basis: 4,
    });
    expect(mapReportHeader(["期间\nPeriod", "部门 (Department)", "目标编号/Target id", "填报值（value）"])).toEqual({
      period: 0,
      department: 1,
      targetId: 2,
      value: 3,
    });
  });
});
