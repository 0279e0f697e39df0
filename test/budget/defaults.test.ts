import {
  BUDGET_DEFAULTS,
  DEFAULT_PROGRAM_DEFINITIONS,
  defaultFundingShares,
  defaultPrograms,
  findDefault,
} from "../../src/core/budget/defaults";

describe("BUDGET_DEFAULTS", () => {
  it("gives every default a source and a status", () => {
    for (const row of BUDGET_DEFAULTS) {
      expect(row.source.length).toBeGreaterThan(10);
      expect(["national", "toVerify", "example"]).toContain(row.status);
    }
  });

  it("holds the published 2024 national standards", () => {
    expect(findDefault("carScrapNev", "amountYuan")?.value).toBe(20000);
    expect(findDefault("carScrapFuel", "amountYuan")?.value).toBe(15000);
    expect(findDefault("applianceAc", "rate")?.value).toBe(0.15);
    expect(findDefault("applianceAc", "capYuan")?.value).toBe(2000);
    expect(findDefault("busNev", "amountYuan")?.value).toBe(80000);
    expect(findDefault("busBattery", "amountYuan")?.value).toBe(42000);
    for (const id of ["carScrapNev", "applianceAc", "busNev"])
      expect(findDefault(id, "amountYuan")?.status ?? findDefault(id, "rate")?.status).toBe("national");
  });

  it("labels local or uncertain figures 待核实 or 示例, never national", () => {
    for (const id of ["carReplace", "eBike", "agriMachinery", "oldCommercialVehicles"])
      expect(findDefault(id, "amountYuan")?.status).toBe("toVerify");
    for (const row of BUDGET_DEFAULTS.filter(
      (candidate) => candidate.parameter === "priceYuan" || candidate.parameter === "takeUp",
    )) {
      expect(row.status).toBe("example");
      expect(row.source).toMatch(/示例/);
    }
  });

  it("sets a subsidy for every program: an amount, or a rate with a price", () => {
    for (const program of defaultPrograms()) {
      expect(program.amountYuan !== null || (program.rate !== null && program.priceYuan !== null)).toBe(true);
    }
    expect(defaultPrograms().map((program) => program.id)).toEqual(
      DEFAULT_PROGRAM_DEFINITIONS.map((definition) => definition.id),
    );
  });
});

describe("defaultFundingShares", () => {
  it("splits by region: 东部 85%, 中部 90%, 西部 95% central; the rest half province, half city", () => {
    expect(defaultFundingShares("福建").central).toBe(0.85);
    expect(defaultFundingShares("河南省").central).toBe(0.9);
    expect(defaultFundingShares("四川").central).toBe(0.95);
    const shares = defaultFundingShares("河北");
    expect(shares.provincial).toBeCloseTo(0.075, 12);
    expect(shares.central + shares.provincial + shares.city).toBeCloseTo(1, 12);
  });
});
