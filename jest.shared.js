/** Settings common to the unit (jest.config.js) and system (jest.system.config.js) runs. */
module.exports = {
  testEnvironment: "node",
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }],
    // htmlparser2 (the web-page and Word reader's parser) and its DOM packages ship ES modules only.
    "^.+\\.js$": ["ts-jest", { tsconfig: { allowJs: true, module: "commonjs", target: "ES2022" } }],
  },
  transformIgnorePatterns: [
    "/node_modules/(?!(htmlparser2|domhandler|domutils|domelementtype|dom-serializer|entities)/)",
  ],
  // office-addin-mock -> office-addin-manifest pulls an ES-only module under Jest on Node 20;
  // the mock only needs the OfficeApp enum, so a stub stands in (see test/stubs).
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js" },
};
