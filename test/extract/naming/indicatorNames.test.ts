/**
 * Extraction rules: clean indicator names; indicator names that tell targets apart.
 */
import { targetsOf } from "../helpers";

describe("clean indicator names", () => {
  it("cuts clean indicator names: no trailing 翻, the words after the number, a bare verb's object", () => {
    expect(targetsOf("到2027年，废旧家电回收量较2023年翻一番。")[0].indicator).toBe("废旧家电回收量");
    const task =
      "到2027年，完成改造。\n11．推动文旅设施设备更新。每年推动不少于15家4A级及以上旅游景区开展设施设备更新。";
    expect(targetsOf(task)[0].indicator).toBe("4A级及以上旅游景区开展设施设备更新");
    const verb =
      "到2027年，完成改造。\n（四）推动交通运输设备更新。推进国三及以下排放标准营运柴油货车淘汰，力争2025年底前累计淘汰350辆。";
    expect(targetsOf(verb)[0].indicator).toBe("国三及以下排放标准营运柴油货车淘汰");
  });
});

describe("indicator names that tell targets apart", () => {
  it("keeps the scope of two shares of one name (公交车辆中 / 出租车辆中)", () => {
    const text =
      "到2027年，全市更新的公交车辆中，新能源车辆比例达100%，更新的出租（含巡游出租车和网约车）车辆中，新能源车辆比例不低于70%。";
    const targets = targetsOf(text);
    expect(targets.map((target) => [target.indicator, target.source.text])).toEqual([
      ["更新的公交车辆中新能源车辆比例", "到2027年，全市更新的公交车辆中，新能源车辆比例达100%"],
      ["更新的出租车辆中新能源车辆比例", "更新的出租（含巡游出租车和网约车）车辆中，新能源车辆比例不低于70%"],
    ]);
  });

  it("drops a clause's own period and list markers from the name (三年内淘汰…, 1．…)", () => {
    expect(targetsOf("到2027年，完成改造。三年内淘汰国三及以下排放标准营运柴油货车1500辆。")[0].indicator).toBe(
      "淘汰国三及以下排放标准营运柴油货车",
    );
  });
});
