/** Settings common to the unit (jest.config.js) and system (jest.system.config.js) runs. */
module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }] },
  // office-addin-mock -> office-addin-manifest pulls an ES-only module under Jest on Node 20;
  // the mock only needs the OfficeApp enum, so a stub stands in (see test/stubs).
  // Budget tests compile user formulas: the on-demand formula engine is loaded first.
  setupFilesAfterEnv: ["<rootDir>/test/helpers/formulaEngine.ts"],
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js" },
};
