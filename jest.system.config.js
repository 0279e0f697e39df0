/** Tests that drive system programs: Debian's chromium and libreoffice-calc (see README). */
module.exports = {
  ...require("./jest.shared.js"),
  roots: ["<rootDir>/test/system"],
  testTimeout: 180000,
  maxWorkers: 1,
};
