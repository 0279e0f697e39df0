import * as fs from "fs";
import * as path from "path";
import { BUNDLED_CITIES } from "../../src/core/cities";
import { extractCatalog } from "../../src/core/extract";
import { baseUnitOf, differsByFactor, isPercentUnit, unitFactorOf, unitOfFigures } from "../../src/core/units";

describe("baseUnitOf", () => {
  it.each([
    ["万吨", "吨"],
    ["万平方米", "平方米"],
    ["亿元", "元"],
    ["万辆", "辆"],
    ["千辆", "辆"],
    ["百万吨", "吨"],
    ["万千瓦", "千瓦"],
    ["千瓦", "千瓦"],
    ["千米", "千米"],
    ["千瓦时", "千瓦时"],
    ["公里", "公里"],
    ["%", "%"],
    ["个百分点", "%"],
    ["倍", "倍"],
  ])("reads %s in %s", (unit, base) => {
    expect(baseUnitOf(unit)).toBe(base);
  });

  it("gives no unit for none", () => {
    expect(baseUnitOf(null)).toBeNull();
    expect(baseUnitOf(" ")).toBeNull();
  });
});

describe("unitFactorOf", () => {
  it("gives the multiplier the prefix stands for", () => {
    expect([
      unitFactorOf("万吨"),
      unitFactorOf("亿元"),
      unitFactorOf("千辆"),
      unitFactorOf("千瓦"),
      unitFactorOf("%"),
      unitFactorOf("倍"),
      unitFactorOf(null),
    ]).toEqual([10_000, 100_000_000, 1000, 1, 0.01, 1, 1]);
  });

  // The core's normalizedValue comes from the extractor: the workbook's 计量单位 must be the unit it is in.
  it("agrees with the extractor on every bundled plan: normalizedValue = value × factor, in the base unit", () => {
    let prefixed = 0;
    for (const city of BUNDLED_CITIES) {
      const catalog = extractCatalog(fs.readFileSync(path.join("seeds", city.file), "utf8"), { cityName: city.name });
      for (const target of catalog.targets) {
        if (target.value === null || target.normalizedValue === null || target.unit === null) continue;
        const expected = Math.abs(target.value * unitFactorOf(target.unit));
        expect({ id: target.id, value: Math.abs(target.normalizedValue) }).toEqual({
          id: target.id,
          value: expect.closeTo(expected, 6),
        });
        if (baseUnitOf(target.unit) !== target.unit && !isPercentUnit(target.unit)) prefixed++;
      }
    }
    expect(prefixed).toBeGreaterThanOrEqual(8); // 南阳-07, 南平-17/18/34, 邯郸-14/19/20, 开封-08 …
  });
});

describe("unitOfFigures", () => {
  it("is the base unit of level, cumulative and per-year targets, % for shares, none for growth", () => {
    expect(unitOfFigures({ kind: "level", unit: "万吨" })).toBe("吨");
    expect(unitOfFigures({ kind: "cumulative", unit: "万平方米" })).toBe("平方米");
    expect(unitOfFigures({ kind: "share", unit: "%" })).toBe("%");
    expect(unitOfFigures({ kind: "growth_vs_baseline", unit: "%" })).toBeNull();
    expect(unitOfFigures({ kind: "milestone", unit: null })).toBeNull();
  });
});

describe("differsByFactor", () => {
  it("flags a 万 slip either way, not an ordinary miss", () => {
    expect(differsByFactor(24, 300_000, 1000)).toBe(true);
    expect(differsByFactor(300_000 * 10_000, 300_000, 1000)).toBe(true);
    expect(differsByFactor(150_000, 300_000, 1000)).toBe(false);
    expect(differsByFactor(0, 300_000, 1000)).toBe(false);
  });
});
