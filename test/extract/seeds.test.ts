/**
 * Every seed plan's catalog: valid against schemas/catalog.schema.json, spans that slice the
 * text, stable readable ids, plan particulars read from the header.
 */
import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import { BUNDLED_CITIES } from "../../src/core/cities";
import { extractCatalog } from "../../src/core/extract/index";

const ROOT = path.join(__dirname, "..", "..");
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "schemas", "catalog.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true }).compile(schema);

describe.each(BUNDLED_CITIES.map((city) => [city.name, city] as const))("seed %s", (_name, city) => {
  const text = fs.readFileSync(path.join(ROOT, "seeds", city.file), "utf8");
  const catalog = extractCatalog(text, { cityName: city.name });

  it("validates against the catalog schema", () => {
    expect(validate(catalog) ? [] : validate.errors).toEqual([]);
  });

  it("reports sources that are exactly the slice of the text", () => {
    for (const target of catalog.targets)
      expect(text.slice(target.source.start, target.source.end)).toBe(target.source.text);
  });

  it("numbers ids in document order and gives the same catalog on every run", () => {
    catalog.targets.forEach((target, index) =>
      expect(target.id).toBe(`${city.name}-${String(index + 1).padStart(2, "0")}`),
    );
    const starts = catalog.targets.map((target) => target.source.start);
    expect(starts).toEqual([...starts].sort((left, right) => left - right));
    expect(extractCatalog(text, { cityName: city.name })).toEqual(catalog);
  });

  it("derives the same short name for ids when none is given", () => {
    expect(extractCatalog(text).targets[0].id).toBe(`${city.name}-01`);
    expect(catalog.plan.government).toBe(`${city.name}市人民政府`);
  });
});

describe("seed plan particulars", () => {
  it("reads document number and date of issue from the notice header", () => {
    const nanping = extractCatalog(fs.readFileSync(path.join(ROOT, "seeds", "001_bc9db3d026010e14.txt"), "utf8")).plan;
    expect(nanping).toEqual({
      government: "南平市人民政府",
      title: "南平市推动大规模设备更新和消费品以旧换新行动工作方案",
      docNumber: "南政规〔2024〕8号",
      date: "2024-05-11",
    });
    const nanyang = extractCatalog(fs.readFileSync(path.join(ROOT, "seeds", "000_84fee3076c6d4783.txt"), "utf8")).plan;
    expect(nanyang.docNumber).toBeNull(); // a draft: the 豫政〔2024〕15号 it cites is not its own
  });

  it("uses the appendix 责任分工表 for 开封's tasks", () => {
    const kaifeng = extractCatalog(fs.readFileSync(path.join(ROOT, "seeds", "003_03b37912e15137af.txt"), "utf8"), {
      cityName: "开封",
    });
    const annual = kaifeng.targets.find((target) => target.kind === "annual");
    expect(annual).toMatchObject({
      value: 10,
      lead: "市发展改革委",
      leadInferred: true,
      startYear: 2024,
      targetYear: 2027,
    });
    expect(annual?.support).toContain("市工业和信息化局");
  });
});
