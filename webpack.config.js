/**
 * Builds the add-in into dist/: taskpane.html (the shared runtime page: task pane, custom
 * functions and ribbon commands in one JavaScript runtime), functions.js + functions.json
 * (generated from the JSDoc by custom-functions-metadata-plugin), commands.js, office.js
 * self-hosted under office/, icons, and manifest.xml with the production URL.
 *
 *   npm run build:dev | npm run build      (LIANGXIN_ADDIN_URL=https://host/path/ for production)
 *   npm run dev-server                     (https://localhost:3000 with office-addin-dev-certs)
 *
 * LIANGXIN_OFFICE_JS=cdn loads office.js from Microsoft's CDN instead of dist/office/ (see docs/addin.md).
 */
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { DEV_BASE_URL, transformManifest } = require("./scripts/manifest");

const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
/** pdf.js's worker and the CMaps of Chinese (GB) PDFs, served beside taskpane.html and fetched only when a PDF is opened. */
const PDFJS_DIR = path.dirname(require.resolve("pdfjs-dist/package.json"));
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const FUNCTIONS_ENTRY = "./src/office/functions/functions.ts";
const SIMPLE_STATISTICS_ESM = path.join(
  path.dirname(require.resolve("simple-statistics/package.json")),
  "dist/simple-statistics.mjs",
);
const FUNCTIONS_INPUT = ["./src/office/functions/trajectory.ts", "./src/office/functions/subsidy.ts"];

/**
 * office.js loads, from its own folder, the app-to-file table, the Excel host script for the
 * running platform and its string table; all must sit beside it or Office.onReady never
 * resolves. Debug builds, other hosts and other locales are left out.
 */
const OFFICE_JS_FILES = [
  "office.js",
  "o15apptofilemappingtable.js",
  "excel-*.js",
  "excelwebapp-*.js",
  "custom-functions-runtime.js",
  "telemetry/oteljs_agave.js",
  "zh-cn/office_strings.js",
  "en-us/office_strings.js",
];

async function httpsOptions() {
  if (process.env.LIANGXIN_NO_CERTS) return { type: "http" }; // tests only: Excel needs https
  try {
    const devCerts = require("office-addin-dev-certs");
    return { type: "https", options: await devCerts.getHttpsServerOptions() };
  } catch (error) {
    console.warn(
      `\n[liangxin] Could not get a trusted localhost certificate from office-addin-dev-certs (${error.message}).\n` +
        "[liangxin] Serving over plain http instead: Excel will refuse to load the add-in until you run\n" +
        "[liangxin]   npx office-addin-dev-certs install    (needs sudo on Linux)\n",
    );
    return { type: "http" };
  }
}

module.exports = async (_env, argv) => {
  const production = argv.mode === "production";
  const baseUrl = production ? process.env.LIANGXIN_ADDIN_URL || DEV_BASE_URL : DEV_BASE_URL;
  if (production && !process.env.LIANGXIN_ADDIN_URL) {
    console.warn("[liangxin] LIANGXIN_ADDIN_URL is not set: dist/manifest.xml keeps the https://localhost:3000/ URLs.");
  }
  const officeJsSrc = process.env.LIANGXIN_OFFICE_JS === "cdn" ? OFFICE_JS_CDN : "office/office.js";

  const plugins = [
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/office/taskpane/taskpane.html",
      // One shared runtime: the page that hosts the pane also registers functions and commands.
      // taskpane's entry imports the functions and commands itself, then loads the pane's UI lazily.
      chunks: ["taskpane"],
      templateParameters: { officeJsSrc },
    }),
    new HtmlWebpackPlugin({
      filename: "help.html",
      template: "./src/office/taskpane/help.html",
      chunks: [],
    }),
    new CopyWebpackPlugin({
      patterns: [
        { from: "assets/*.png", to: "assets/[name][ext]" },
        // `to` keeps each file's folder (zh-cn/, en-us/, telemetry/): office.js asks for them there,
        // and the two office_strings.js would otherwise overwrite each other.
        ...OFFICE_JS_FILES.map((file) => ({
          from: file,
          context: OFFICE_JS_DIR,
          to: `office/${path.posix.dirname(file) === "." ? "" : `${path.posix.dirname(file)}/`}[name][ext]`,
          globOptions: { ignore: ["**/*.debug.js"] },
          // Already minified by Microsoft: do not run them through the minimizer again.
          info: { minimized: true },
        })),
        { from: "build/pdf.worker.min.mjs", context: PDFJS_DIR, to: "pdfjs/", info: { minimized: true } },
        { from: "cmaps/*GB*.bcmap", context: PDFJS_DIR, to: "pdfjs/cmaps/[name][ext]" },
        {
          from: "manifest.xml",
          to: "manifest.xml",
          transform: (content) => (production ? transformManifest(content.toString(), baseUrl) : content),
        },
      ],
    }),
  ];
  // The plugin appends bare `CustomFunctions.associate(…)` calls; the shim forwards them to
  // Excel's runtime and does nothing in a plain browser (see src/office/excel/customFunctionsShim.ts).
  plugins.push(
    new webpack.ProvidePlugin({ CustomFunctions: path.resolve(__dirname, "src/office/excel/customFunctionsShim.ts") }),
  );
  plugins.push(new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_INPUT }));

  const serve = Boolean(process.env.WEBPACK_SERVE);
  return {
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    entry: {
      // A small entry that loads the pane's UI after the functions have registered.
      taskpane: "./src/office/taskpane/entry.ts",
      commands: "./src/office/commands/commands.ts",
      functions: FUNCTIONS_ENTRY,
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".js"],
      // simple-statistics' "browser" export is its whole UMD build; its ES module tree-shakes
      // to the two functions we use.
      alias: { "simple-statistics$": SIMPLE_STATISTICS_ESM },
    },
    optimization: {
      // The three entries run in one shared runtime page: core, mathjs and the rest are loaded
      // once, in chunks the three share, not three times.
      splitChunks: { chunks: "initial", name: "shared" },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type errors are caught by `npm run typecheck`; the bundle only needs transpiling.
            options: {
              transpileOnly: true,
              configFile: "tsconfig.json",
              compilerOptions: { noEmit: false, sourceMap: true },
            },
          },
        },
        // The bundled plans' texts, fetched lazily by the task pane (one chunk per city).
        { test: /\.txt$/, type: "asset/source" },
        { test: /\.css$/, type: "asset/source" },
      ],
    },
    performance: { hints: false },
    plugins,
    devServer: serve
      ? {
          port: 3000,
          server: await httpsOptions(),
          headers: { "Access-Control-Allow-Origin": "*" },
          static: false,
          hot: false,
          liveReload: false,
          client: false,
        }
      : undefined,
  };
};
