/**
 * One jest configuration, two projects:
 * - unit (`npm test`): everything under test/ that needs only Node; at most a minute on two cores.
 * - system (`npm run test:system`): test/system, which drives Debian's chromium and libreoffice-calc.
 * TypeScript is transpiled only (isolatedModules): type-checking is `npm run typecheck`'s job.
 * After a run, scripts/slowest-suites.js lists the slowest suites, to keep the loop short.
 * The scripts end `--selectProjects <name>` with `--ci` (no snapshots here, so harmless) because
 * --selectProjects takes every word after it: `npm test -- test/cli` would select a project "test/cli".
 */
const shared = {
  testEnvironment: "node",
  transform: {
    "^.+\\.ts$": [
      "ts-jest",
      // tsconfig.json with what Node under jest needs: CommonJS, and transpiling each file alone.
      { tsconfig: { module: "CommonJS", moduleResolution: "Node10", isolatedModules: true, noEmit: false } },
    ],
    // htmlparser2 (the web-page and Word reader's parser) and its DOM packages ship ES modules only.
    "^.+\\.js$": ["ts-jest", { tsconfig: { allowJs: true, module: "commonjs", target: "ES2022" } }],
  },
  transformIgnorePatterns: [
    "/node_modules/(?!(htmlparser2|domhandler|domutils|domelementtype|dom-serializer|entities)/)",
  ],
  // office-addin-mock -> office-addin-manifest pulls an ES-only module under Jest on Node 20;
  // the mock only needs the OfficeApp enum, so a stub stands in (see test/stubs).
  // The formula engine (mathjs) loads on demand in the product; tests load it once up front.
  setupFilesAfterEnv: ["<rootDir>/test/helpers/formulaEngine.ts"],
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js" },
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: "unit",
      roots: ["<rootDir>/test"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/system/"],
    },
    {
      ...shared,
      displayName: "system",
      roots: ["<rootDir>/test/system"],
    },
  ],
  // A run-wide setting (jest ignores it per project): npm run test:system raises it to 180 s.
  testTimeout: 30000,
  // Jest's default (cores − 1) is one worker on a two-core machine; the suites are CPU-bound and independent.
  maxWorkers: 2,
  reporters: ["default", "<rootDir>/scripts/slowest-suites.js"],
};
