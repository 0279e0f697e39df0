/**
 * Unit and integration tests that need only Node (npm test).
 * Tests needing system programs (Chromium, LibreOffice) live in test/system and run with
 * `npm run test:system` (jest.system.config.js).
 */
const shared = {
  testEnvironment: "node",
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }] },
  // office-addin-mock -> office-addin-manifest pulls an ES-only module under Jest on Node 20;
  // the mock only needs the OfficeApp enum, so a stub stands in (see test/stubs).
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js" },
};
module.exports = {
  ...shared,
  shared,
  roots: ["<rootDir>/test"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/system/"],
  testTimeout: 30000,
};
