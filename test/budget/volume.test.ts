import { trajectoryForIndicator, volumesFromTrajectory } from "../../src/core/budget/volume";
import type { Catalog, Target } from "../../src/core/catalog";
import { scrapRecoveryTarget } from "../helpers/targets";

function target(overrides: Partial<Target>): Target {
  return scrapRecoveryTarget({ id: "南平-03", ...overrides });
}
const catalog = (targets: Target[]): Catalog => ({
  plan: { government: "南平市人民政府", title: "", docNumber: null, date: null },
  targets,
  warnings: [],
});

describe("volumesFromTrajectory", () => {
  it("takes a growth target's whole-year values on the compound path", () => {
    const volumes = volumesFromTrajectory({ kind: "growth", baselineValue: 10000, targetValue: 20000 }, [2025, 2027]);
    expect(volumes.get(2025)).toBeCloseTo(14142.13562, 4);
    expect(volumes.get(2027)).toBeCloseTo(20000, 9);
  });

  it("takes a cumulative target's increment per year, not its running total", () => {
    const volumes = volumesFromTrajectory(
      { kind: "cumulative", baselineValue: 0, targetValue: 4000 },
      [2024, 2025, 2026, 2027],
    );
    expect([...volumes.values()]).toEqual([1000, 1000, 1000, 1000]);
  });

  it("refuses a share target as a volume", () => {
    expect(() => volumesFromTrajectory({ kind: "share", baselineValue: 0.4, targetValue: 0.6 }, [2025])).toThrow(
      expect.objectContaining({ code: "#VALUE!" }),
    );
  });
});

describe("trajectoryForIndicator", () => {
  it("links 报废汽车回收量 to the user's baseline: 增加约一倍 doubles it by 2027", () => {
    const found = trajectoryForIndicator(catalog([target({})]), "报废汽车回收量", 12000);
    expect(found?.spec).toMatchObject({
      kind: "growth",
      baselineValue: 12000,
      targetValue: 24000,
      baseYear: 2023,
      targetYear: 2027,
    });
  });

  it("never invents a baseline: no figure, no link", () => {
    expect(trajectoryForIndicator(catalog([target({})]), "报废汽车回收量", null)).toBeNull();
    expect(trajectoryForIndicator(catalog([]), "报废汽车回收量", 12000)).toBeNull();
  });
});
