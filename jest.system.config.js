/** Tests that drive system programs: Debian's chromium and libreoffice-calc (see README). */
const { shared } = require("./jest.config.js");
module.exports = {
  ...shared,
  roots: ["<rootDir>/test/system"],
  testTimeout: 180000,
  maxWorkers: 1,
};
