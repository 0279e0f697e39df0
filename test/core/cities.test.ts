import { BUNDLED_CITIES, findBundledCity } from "../../src/core/cities";
import * as fs from "fs";
import * as path from "path";

describe("bundled cities", () => {
  it("finds a city by Chinese name with or without 市, by slug and by file", () => {
    expect(findBundledCity("南平")?.slug).toBe("nanping");
    expect(findBundledCity("南平市")?.slug).toBe("nanping");
    expect(findBundledCity("Kaifeng")?.name).toBe("开封");
    expect(findBundledCity("004_3d18c461efc57f01.txt")?.name).toBe("新郑");
    expect(findBundledCity("北京")).toBeUndefined();
  });

  it("points at a seed file that exists for every city", () => {
    for (const city of BUNDLED_CITIES) {
      expect(fs.existsSync(path.join(__dirname, "../../seeds", city.file))).toBe(true);
    }
  });
});
