#!/usr/bin/env node
// Writes the catalog extracted from every bundled plan text (seeds and test fixtures) into one
// directory, so a refactoring of the extractor can be shown to change nothing:
//   npm run build:cli && node scripts/extract-snapshot.js /tmp/before
//   (change the extractor) npm run build:cli && node scripts/extract-snapshot.js /tmp/after
//   diff -r /tmp/before /tmp/after
// Seeds go through the CLI (`liangxin extract`), the fixtures through the built library.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");

const root = path.resolve(__dirname, "..");
const out = process.argv[2];
if (!out) {
  console.error("usage: node scripts/extract-snapshot.js <output directory>");
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });
const { extractCatalog } = require(path.join(root, "lib/src/core/extract/index.js"));

function textsUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return textsUnder(file);
    return entry.name.endsWith(".txt") && !entry.name.includes("gb18030") ? [file] : [];
  });
}

for (const seed of textsUnder(path.join(root, "seeds"))) {
  const json = execFileSync(process.execPath, [path.join(root, "bin/liangxin.js"), "extract", seed], {
    encoding: "utf8",
  });
  fs.writeFileSync(path.join(out, `seed-${path.basename(seed)}.json`), json);
}
for (const file of textsUnder(path.join(root, "test/fixtures"))) {
  const name = path.relative(root, file).replace(/[\\/]/g, "__");
  const catalog = extractCatalog(fs.readFileSync(file, "utf8"));
  fs.writeFileSync(path.join(out, `${name}.json`), `${JSON.stringify(catalog, null, 1)}\n`);
}
console.log(`wrote ${fs.readdirSync(out).length} catalogs to ${out}`);
