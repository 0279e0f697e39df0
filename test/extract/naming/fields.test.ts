/**
 * Extraction rules: the field of a target.
 */
import { targetsOf } from "../helpers";

describe("the field of a target", () => {
  it("takes the field from a task title that names one field before the indicator's qualifiers", () => {
    const text =
      "到2027年，完成改造。\n8．推动交通运输设备更新。到2027年，累计淘汰国三及以下排放标准营运柴油货车两万辆。\n17．完善废旧产品回收网络。到2027年，建成标准化社区回收网点3000个。";
    expect(targetsOf(text).map((target) => target.domain)).toEqual(["交通", "回收利用"]);
    // A task naming several fields leaves it to the indicator.
    expect(
      targetsOf("到2027年，完成改造。\n9．推进教育文旅医疗设备更新。到2027年，职业院校实训设备更新比例不低于50%。")[0]
        .domain,
    ).toBe("教育");
  });
});
