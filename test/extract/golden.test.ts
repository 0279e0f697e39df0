/**
 * Golden files (Script Lab style): each test/fixtures/golden/<name>.txt is a short plan excerpt
 * in a convention other than the seeds' (a province, a county, a 责任分工表, thresholds), and
 * <name>.expected.json is the catalog a careful reader expects from it.
 */
import * as fs from "fs";
import * as path from "path";
import { extractCatalog } from "../../src/core/extract/index";

const GOLDEN = path.join(__dirname, "..", "fixtures", "golden");
const cases = fs
  .readdirSync(GOLDEN)
  .filter(
    (file) => file.endsWith(".txt") && fs.existsSync(path.join(GOLDEN, file.replace(/\.txt$/, ".expected.json"))),
  );

describe("golden plan excerpts", () => {
  it("has golden cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(3);
  });

  it.each(cases)("%s gives its expected catalog", (file) => {
    const text = fs.readFileSync(path.join(GOLDEN, file), "utf8");
    const expected = JSON.parse(fs.readFileSync(path.join(GOLDEN, file.replace(/\.txt$/, ".expected.json")), "utf8"));
    const catalog = extractCatalog(text);
    expect(catalog.plan).toEqual(expected.plan);
    const projected = catalog.targets.map((target) => ({
      id: target.id,
      section: target.section,
      indicator: target.indicator,
      kind: target.kind,
      comparator: target.comparator,
      value: target.value,
      unit: target.unit,
      normalizedValue: target.normalizedValue,
      baseYear: target.baseYear,
      startYear: target.startYear,
      targetYear: target.targetYear,
      lead: target.lead,
      leadInferred: target.leadInferred,
      source: target.source.text,
    }));
    expect(projected).toEqual(expected.targets);
  });
});
