import type { Target } from "../../src/core/catalog";

/**
 * A scrapped-vehicle recovery target (报废汽车回收量较2023年增加约一倍), the budget tests' usual subject:
 * its trajectory drives the scrapping programs' volumes.
 * @param overrides fields that differ (the id at least, so a test names its city)
 */
export function scrapRecoveryTarget(overrides: Partial<Target> & Pick<Target, "id">): Target {
  return {
    section: "一、",
    task: "",
    indicator: "报废汽车回收量",
    domain: "回收利用",
    kind: "growth_vs_baseline",
    comparator: "~",
    value: 1,
    unit: "倍",
    normalizedValue: 1,
    baseYear: 2023,
    startYear: null,
    targetYear: 2027,
    lead: "市商务局",
    support: [],
    leadOriginal: "市商务局",
    leadInferred: false,
    source: { text: "报废汽车回收量较2023年增加约一倍", start: 0, end: 16 },
    ...overrides,
  };
}
