import { LiangxinError } from "../../src/core/errors";
import { formatPeriod, parseReportPeriod } from "../../src/core/period";

const month = (year: number, monthOfYear: number) => ({ year, month: monthOfYear, wholeYear: false });

describe("parseReportPeriod", () => {
  it.each<[string | number, ReturnType<typeof month>]>([
    ["2025-06", month(2025, 6)],
    ["2025/6", month(2025, 6)],
    ["2025年6月", month(2025, 6)],
    ["2025-06-30", month(2025, 6)],
    ["2025-06-01", month(2025, 6)],
    ["2025/6/15", month(2025, 6)],
    ["2025年6月15日", month(2025, 6)],
    ["2025-06-15T10:00:00Z", month(2025, 6)],
    // Excel: DATE(2025,7,1) = 45839, so 45838 is 2025-06-30 (June's report), not 1 July.
    [45839, month(2025, 7)],
    [45838, month(2025, 6)],
    [45839.75, month(2025, 7)], // a time of day stays in the day
    [44927, month(2023, 1)], // DATE(2023,1,1)
    ["45839", month(2025, 7)],
  ])("reads %p as the month's report", (input, expected) => {
    expect(parseReportPeriod(input)).toEqual(expected);
  });

  it("reads a year as the whole-year report", () => {
    expect(parseReportPeriod(2025)).toEqual({ year: 2025, month: 12, wholeYear: true });
    expect(parseReportPeriod("2025")).toEqual({ year: 2025, month: 12, wholeYear: true });
    expect(parseReportPeriod("2025年")).toEqual({ year: 2025, month: 12, wholeYear: true });
  });

  it("reads a JavaScript Date by its calendar month", () => {
    expect(parseReportPeriod(new Date(2025, 5, 15))).toEqual(month(2025, 6));
  });

  it("follows Excel's 1900 system around its fictitious 29 Feb 1900", () => {
    expect(parseReportPeriod(1)).toEqual(month(1900, 1));
    expect(parseReportPeriod(59)).toEqual(month(1900, 2));
    expect(parseReportPeriod(61)).toEqual(month(1900, 3));
  });

  it.each(["2025-13", "2025-00", "2025-02-30", "June", "", "abc", "25-06"])("rejects %p with #VALUE! and a message", (input) => {
    expect(() => parseReportPeriod(input)).toThrow(LiangxinError);
    try {
      parseReportPeriod(input);
    } catch (error) {
      expect((error as LiangxinError).code).toBe("#VALUE!");
      // Chinese first, the English after it, both naming the function (and the input).
      expect((error as LiangxinError).message).toMatch(/^parseReportPeriod：报告期无法识别 ".*"，.* \(parseReportPeriod cannot read ".*" as a report date; use 2025, 2025-06/);
      expect((error as LiangxinError).message).toContain(`"${input}"`);
    }
  });

  it.each([0, -5, Number.NaN, Infinity])("rejects the number %p", (input) => {
    expect(() => parseReportPeriod(input)).toThrow(expect.objectContaining({ code: "#VALUE!" }));
  });
});

describe("formatPeriod", () => {
  it("writes months with two digits and whole years bare", () => {
    expect(formatPeriod(month(2025, 6))).toBe("2025-06");
    expect(formatPeriod({ year: 2025, month: 12, wholeYear: true })).toBe("2025");
  });
});
