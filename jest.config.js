/**
 * Unit and integration tests that need only Node (npm test).
 * Tests needing system programs (Chromium, LibreOffice) live in test/system and run with
 * `npm run test:system` (jest.system.config.js).
 */
module.exports = {
  ...require("./jest.shared.js"),
  roots: ["<rootDir>/test"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/system/"],
  testTimeout: 30000,
};
