import { parseChineseNumeral, parseNumber, readUnit } from "../../src/core/extract/numbers";

describe("parseChineseNumeral", () => {
  it.each([
    ["一", 1],
    ["两", 2],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["一百零五", 105],
    ["三千五百", 3500],
    ["两万", 20000],
    ["一亿二千万", 120_000_000],
    ["二〇二四", 2024],
  ])("reads %s as %d", (numeral, value) => {
    expect(parseChineseNumeral(numeral)).toBe(value);
  });

  it("refuses text that is not a numeral", () => {
    expect(parseChineseNumeral("一批")).toBeNull();
    expect(parseChineseNumeral("")).toBeNull();
  });
});

describe("parseNumber", () => {
  it("reads thousands separators and decimals", () => {
    expect(parseNumber("1,140")).toBe(1140);
    expect(parseNumber("84.1")).toBe(84.1);
    expect(parseNumber("一")).toBe(1);
  });
});

describe("readUnit", () => {
  it("folds 万/亿 into the unit and its factor", () => {
    expect(readUnit("0.2万台以上", 3)).toEqual({ unit: "万台", factor: 10_000, base: "台" });
    expect(readUnit("3亿元", 1)).toEqual({ unit: "亿元", factor: 100_000_000, base: "元" });
    expect(readUnit("39万平方米", 2)).toEqual({ unit: "万平方米", factor: 10_000, base: "平方米" });
  });

  it("gives ratios their factor: % → 0.01, 倍 → 1, 个百分点 → 0.01", () => {
    expect(readUnit("45%", 2)?.factor).toBe(0.01);
    expect(readUnit("一倍", 1)).toEqual({ unit: "倍", factor: 1, base: "ratio" });
    expect(readUnit("10个百分点", 2)?.unit).toBe("个百分点");
  });

  it("keeps 台（套） whole and does not read years, grades or document numbers as units", () => {
    expect(readUnit("200台（套）以上", 3)?.unit).toBe("台（套）");
    expect(readUnit("2027年", 4)).toBeNull();
    expect(readUnit("能效2级", 3)).toBeNull();
    expect(readUnit("〔2024〕8号", 7)).toBeNull();
  });
});
