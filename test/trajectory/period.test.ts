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

  it("reads date serials from 1990-01-01 (32874) to 2100-12-31 (73415)", () => {
    expect(parseReportPeriod(32874)).toEqual(month(1990, 1));
    expect(parseReportPeriod(73415)).toEqual(month(2100, 12));
  });

  it.each<[string | number, ReturnType<typeof month>]>([
    [2025.06, month(2025, 6)],
    [2025.6, month(2025, 6)],
    [2025.11, month(2025, 11)],
    [2025.12, month(2025, 12)],
    [2025.2, month(2025, 2)],
    ["2025.06", month(2025, 6)],
    ["2025.6", month(2025, 6)],
    ["2025.1", month(2025, 1)], // text keeps what was typed: January
    ["2025.10", month(2025, 10)],
    [202506, month(2025, 6)],
    ["202512", month(2025, 12)],
  ])("reads the month written as %p (YYYY.MM, YYYYMM)", (input, expected) => {
    expect(parseReportPeriod(input)).toEqual(expected);
  });

  it("refuses the number 2025.1, which is also 2025.10, instead of guessing January or October", () => {
    expect(() => parseReportPeriod(2025.1)).toThrow(
      expect.objectContaining({
        code: "#VALUE!",
        message: expect.stringMatching(
          /^parseReportPeriod：报告期 2025\.1 可能是 1 月也可能是 10 月，请写成 2025-01 或 2025-10/,
        ),
      }),
    );
  });

  it.each([2025.13, 2025.123, 2025.005])("refuses %p as neither a year nor YYYY.MM", (input) => {
    expect(() => parseReportPeriod(input)).toThrow(expect.objectContaining({ code: "#VALUE!" }));
  });

  // Review finding 8: 2025.06 read as the serial 2025 (1905-07-17) gave TRAJECTORY 7.68e-8; 202506 gave 1.36e34.
  it.each<[string | number | Date, number]>([
    [1, 1900],
    [61, 1900],
    [2025.06 - 2000, 1900], // 25.06: a serial in January 1900
    [32873, 1989],
    [73416, 2101],
    [202513, 2454], // not YYYYMM (no month 13): a serial in 2454
    [1905, 1905],
    [2150, 2150],
    ["1989-12", 1989],
    [new Date(1950, 0, 1), 1950],
  ])("gives #NUM! for %p, a date in %p, outside 1990–2100", (input, year) => {
    expect(() => parseReportPeriod(input)).toThrow(
      expect.objectContaining({
        code: "#NUM!",
        message: expect.stringContaining(`读作 ${year} 年，不在 1990–2100 年之内`),
      }),
    );
  });

  it.each(["2025-13", "2025-00", "2025-02-30", "June", "", "abc", "25-06"])(
    "rejects %p with #VALUE! and a message",
    (input) => {
      expect(() => parseReportPeriod(input)).toThrow(LiangxinError);
      try {
        parseReportPeriod(input);
      } catch (error) {
        expect((error as LiangxinError).code).toBe("#VALUE!");
        // Chinese first, the English after it, both naming the function (and the input).
        expect((error as LiangxinError).message).toMatch(
          /^parseReportPeriod：报告期无法识别 ".*"，.* \(parseReportPeriod cannot read ".*" as a report date; use 2025, 2025-06/,
        );
        expect((error as LiangxinError).message).toContain(`"${input}"`);
      }
    },
  );

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
