/** A catalog from outside is checked field by field before use, optional fields defaulted (示例数据). */
import * as fs from "fs";
import * as path from "path";
import { catalogFromJson, targetsFromJson } from "../../src/core/catalogShape";

const FIXTURE = path.join(__dirname, "..", "fixtures", "check", "catalog.json");
const read = () => JSON.parse(fs.readFileSync(FIXTURE, "utf8"));

describe("catalogFromJson", () => {
  it("keeps a complete catalog as it is", () => {
    const catalog = read();
    expect(catalogFromJson(catalog).catalog).toEqual(catalog);
  });

  it("fills the optional fields a hand-made catalog leaves out", () => {
    const catalog = read();
    for (const target of catalog.targets)
      for (const field of ["support", "section", "task", "domain", "lead", "leadOriginal", "leadInferred", "source"])
        delete target[field];
    const [first] = catalogFromJson(catalog).catalog!.targets;
    expect(first).toMatchObject({
      support: [],
      section: "",
      task: "",
      domain: "综合",
      lead: null,
      leadInferred: false,
    });
    expect(first.source).toEqual({ text: "", start: 0, end: 0 });
  });

  it("names the target and field of each problem", () => {
    const catalog = read();
    delete catalog.targets[0].kind;
    catalog.targets[1].value = "很多";
    catalog.targets[2].support = "市商务局";
    catalog.targets[3].targetYear = -1e20;
    const { problems } = catalogFromJson(catalog);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining("示例-01.kind"),
        expect.stringContaining("示例-02.value"),
        expect.stringContaining("示例-03.support"),
        expect.stringContaining("示例-04.targetYear"),
      ]),
    );
  });

  it("refuses repeated ids and reads own fields only", () => {
    const catalog = read();
    expect(targetsFromJson([catalog.targets[0], catalog.targets[0]])).toEqual({
      problems: [expect.stringContaining("编号重复")],
    });
    const polluted = JSON.parse('{"id":"示例-01","__proto__":{"kind":"level"}}');
    expect("problems" in targetsFromJson([polluted])).toBe(true);
  });
});
