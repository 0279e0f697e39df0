#!/usr/bin/env node
// Entry of the `liangxin` command; the TypeScript is compiled to lib/ by `npm install` (prepare).
"use strict";
const path = require("path");
const fs = require("fs");
// A closed pipe (`liangxin extract … | head`) ends the command quietly, as other Unix tools do.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
const main = path.join(__dirname, "..", "lib", "src", "cli", "main.js");
if (!fs.existsSync(main)) {
  process.stderr.write("liangxin: not built yet; run `npm install` (or `npm run build:cli`) in the project root.\n");
  process.exit(1);
}
require(main)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
