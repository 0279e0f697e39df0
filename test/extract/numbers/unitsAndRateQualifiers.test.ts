/**
 * Extraction rules: units and rate qualifiers.
 */
import { targetsOf } from "../helpers";

describe("units and rate qualifiers", () => {
  it("reads 架 (植保无人机保有量达到3000架)", () => {
    expect(targetsOf("到2027年，植保无人机保有量达到3000架。")[0]).toMatchObject({
      value: 3000,
      unit: "架",
      kind: "level",
    });
  });

  it("reads a rate qualifier between 达到 and the number (烘干能力达到日处理3.5万吨) as part of the measure", () => {
    expect(targetsOf("到2027年，粮食产地烘干能力达到日处理3.5万吨。")[0]).toMatchObject({
      value: 3.5,
      unit: "万吨",
      kind: "level",
      indicator: "粮食产地烘干能力",
    });
    // A threshold on a plant's size is still a threshold.
    expect(
      targetsOf("到2027年，日处理500吨以上的垃圾焚烧厂全部完成提标改造。").filter(
        (target) => target.kind !== "milestone",
      ),
    ).toEqual([]);
  });
});
