/**
 * npm run validate: checks manifest.xml (and dist/manifest.xml when built) against Microsoft's
 * add-in manifest schemas offline (test/schemas), with xmllint compiled to WebAssembly.
 * `office-addin-manifest validate` would need Microsoft's online service.
 */
const fs = require("fs");
const path = require("path");
const { validateXML } = require("xmllint-wasm");

const ROOT = path.resolve(__dirname, "..");
const SCHEMA_DIR = path.join(ROOT, "test", "schemas");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";

async function main() {
  const files = process.argv.slice(2).length
    ? process.argv.slice(2)
    : ["manifest.xml", "dist/manifest.xml"].filter((file) => fs.existsSync(path.join(ROOT, file)));
  const schema = (file) => ({ fileName: file, contents: fs.readFileSync(path.join(SCHEMA_DIR, file), "utf8") });
  const preload = fs
    .readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith(".xsd") && file !== MAIN_SCHEMA)
    .map(schema);
  let failed = false;
  for (const file of files) {
    const result = await validateXML({
      xml: [{ fileName: path.basename(file), contents: fs.readFileSync(path.resolve(ROOT, file), "utf8") }],
      schema: [schema(MAIN_SCHEMA)],
      preload,
    });
    console.log(`${file}: ${result.valid ? "valid" : "INVALID"}`);
    for (const error of result.errors) console.log(`  ${error.rawMessage}`);
    failed ||= !result.valid;
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
