/**
 * manifest.xml, and the production manifest the build writes (same transform as webpack.config.js),
 * validated offline against Microsoft's add-in manifest schemas (test/schemas, see its README).
 */
import * as fs from "fs";
import * as path from "path";
import { validateXML } from "xmllint-wasm";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS build script shared with webpack.config.js
const { transformManifest } = require("../../scripts/manifest") as {
  transformManifest: (xml: string, baseUrl: string) => string;
};

const ROOT = path.resolve(__dirname, "../..");
const SCHEMA_DIR = path.join(ROOT, "test", "schemas");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";
const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

async function validate(xml: string) {
  const schemas = fs.readdirSync(SCHEMA_DIR).filter((file) => file.endsWith(".xsd"));
  const fileInfo = (file: string) => ({
    fileName: file,
    contents: fs.readFileSync(path.join(SCHEMA_DIR, file), "utf8"),
  });
  return validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: [fileInfo(MAIN_SCHEMA)],
    preload: schemas.filter((file) => file !== MAIN_SCHEMA).map(fileInfo),
  });
}

describe("manifest.xml", () => {
  it("is valid against the add-in manifest schemas", async () => {
    const result = await validate(source);
    expect(result.errors.map((error) => error.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("is rejected by the same check when broken, so the check can fail", async () => {
    const result = await validate(source.replace(/<Id>[^<]+<\/Id>/, "<Id>not-a-guid</Id>"));
    expect(result.valid).toBe(false);
  });

  it("declares an Excel add-in with task pane, LX custom functions and commands in one long-lived shared runtime", () => {
    expect(source).toContain('<Host Name="Workbook"/>');
    expect(source).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(source).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
    expect(source).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    // Functions page, ribbon FunctionFile and the pane all use the runtime's page.
    expect(source).toMatch(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(source).toContain('<FunctionFile resid="Taskpane.Url"/>');
    expect(source).toContain('<bt:String id="Functions.Namespace" DefaultValue="LX"/>');
    expect(source).toContain("<FunctionName>checkReports</FunctionName>");
    // Every user-visible string has its English override.
    const strings =
      source.match(
        /<bt:String id="(?!Functions\.Namespace)[^"]+" DefaultValue="[^"]*">\s*<bt:Override Locale="en-US"/g,
      ) ?? [];
    const allStrings = source.match(/<bt:String id="(?!Functions\.Namespace)/g) ?? [];
    expect(strings.length).toBe(allStrings.length);
  });

  it("asks for the Excel API version the sheet builder needs, so older Excel does not offer a broken add-in", () => {
    // Worksheet custom properties (the add-in's sheet marker) arrived in ExcelApi 1.12.
    const builder = fs.readFileSync(path.join(ROOT, "src", "office", "excel", "sheetBuilder.ts"), "utf8");
    expect(builder).toContain(".customProperties");
    const declared = /<Set Name="ExcelApi" MinVersion="1\.(\d+)"\/>/.exec(source);
    expect(Number(declared?.[1])).toBeGreaterThanOrEqual(12);
    expect(source).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
  });

  it("references icons and pages that the build produces", () => {
    const urls = [...source.matchAll(/DefaultValue="https:\/\/localhost:3000\/([^"]+)"/g)].map((match) => match[1]);
    expect(urls.length).toBeGreaterThan(5);
    const built = new Set(["taskpane.html", "functions.js", "functions.json", "help.html"]);
    for (const url of urls) {
      if (url.startsWith("assets/")) expect(fs.existsSync(path.join(ROOT, url))).toBe(true);
      else expect(built).toContain(url);
    }
  });
});

describe("production manifest (dist/manifest.xml)", () => {
  const production = transformManifest(source, "https://liangxin.gov.example.cn/addin/");

  it("points every URL at the production origin and is still valid", async () => {
    expect(production).not.toContain("localhost");
    expect(production).toContain(
      '<SourceLocation DefaultValue="https://liangxin.gov.example.cn/addin/taskpane.html"/>',
    );
    expect(production).toContain("<AppDomain>https://liangxin.gov.example.cn</AppDomain>");
    const result = await validate(production);
    expect(result.errors.map((error) => error.rawMessage)).toEqual([]);
  });

  it("refuses a production URL that is not https", () => {
    expect(() => transformManifest(source, "http://intranet.example/addin/")).toThrow(/https/);
  });

  it("is valid as the last build wrote it to dist/, when there is a build", async () => {
    const built = path.join(ROOT, "dist", "manifest.xml");
    if (!fs.existsSync(built)) return; // the build is not part of npm test; the transform above is
    const result = await validate(fs.readFileSync(built, "utf8"));
    expect(result.valid).toBe(true);
  });
});
