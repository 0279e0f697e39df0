/**
 * Extraction rules: stated current figures (the situation a plan starts from, news-style
 * statements) are catalog facts with their year, not targets.
 */
import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import { extractCatalog } from "../../../src/core/extract/index";

const ROOT = path.join(__dirname, "..", "..", "..");
const validate = new Ajv({ allErrors: true }).compile(
  JSON.parse(fs.readFileSync(path.join(ROOT, "schemas", "catalog.schema.json"), "utf8")),
);

const PLAN = [
  "测试市推动设备更新实施方案",
  "测政〔2024〕5号",
  "一、基本情况",
  "全市在用锅炉总数3200台，其中使用15年以上900台。全市货车保有量约12万辆。2023年全市规上家电企业营业收入增长6.5%，企业数达到140家。2024年全市新能源汽车产量有望超过9万辆。",
  "二、主要目标",
  "到2027年，更新改造锅炉600台，家电以旧换新销量达到30万台。",
].join("\n");

describe("situation figures", () => {
  const catalog = extractCatalog(PLAN, { cityName: "测试" });

  it("keeps the goals as targets and nothing from the situation", () => {
    expect(catalog.targets.map((target) => [target.value, target.unit, target.targetYear])).toEqual([
      [600, "台", 2027],
      [30, "万台", 2027],
    ]);
  });

  it("lists each stated figure as a fact with its indicator, value, unit, year and source clause", () => {
    expect((catalog.facts ?? []).map((fact) => [fact.indicator, fact.value, fact.unit, fact.year])).toEqual([
      ["在用锅炉总数", 3200, "台", null],
      ["使用15年以上", 900, "台", null],
      ["货车保有量", 12, "万辆", null],
      ["规上家电企业营业收入", 6.5, "%", 2023],
      ["企业数", 140, "家", 2023],
      ["新能源汽车产量", 9, "万辆", 2024],
    ]);
    for (const fact of catalog.facts ?? [])
      expect(PLAN.slice(fact.source.start, fact.source.end)).toBe(fact.source.text);
  });

  it("validates against the catalog schema, and a catalog without facts still does", () => {
    expect(validate(catalog) ? [] : validate.errors).toEqual([]);
    const { facts: _facts, ...older } = catalog;
    expect(validate(older) ? [] : validate.errors).toEqual([]);
  });

  it("leaves a dated figure of a later year a target (2025年，…达到…)", () => {
    const later = extractCatalog("测试市方案\n测政〔2024〕5号\n2025年，全市充电桩达到5000个。", { cityName: "测试" });
    expect([later.targets.map((target) => target.value), later.facts]).toEqual([[5000], undefined]);
  });

  it("reads a figure as of a past date (截至2023年底，…约N万辆) as a fact of that year", () => {
    const status = extractCatalog("测试市方案\n测政〔2024〕5号\n截至2023年底，全市汽车保有量约86万辆。", {
      cityName: "测试",
    });
    expect([status.targets, (status.facts ?? []).map((fact) => [fact.value, fact.year])]).toEqual([[], [[86, 2023]]]);
  });

  it("keeps policy inputs out of the facts (补贴标准为售价的15%)", () => {
    const rules = extractCatalog("测试市方案\n补贴标准为产品售价的15%。全市家电零售额约80亿元。", { cityName: "测试" });
    expect((rules.facts ?? []).map((fact) => fact.value)).toEqual([80]);
  });
});
