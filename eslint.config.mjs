import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "lib/", "out/", "coverage/", "test-artifacts/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The core stays pure: no Office host, no DOM-only APIs, no file or process I/O.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["fs", "fs/*", "node:*", "path", "child_process", "os", "exceljs"],
              message: "src/core is pure: do I/O in a host (src/cli, src/xlsx, src/office).",
            },
            {
              group: [
                "**/cli",
                "**/cli/*",
                "**/office/*",
                "**/xlsx",
                "**/xlsx/*",
                "**/workbook",
                "**/workbook/*",
                "**/templates",
                "**/templates/*",
              ],
              message:
                "src/core depends on nothing outside it: not the hosts, the workbook layer or the sheet definitions.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "process", "Office", "Excel", "document", "window", "require"],
    },
  },
  {
    // Plan readers run in Node and in the task pane alike: bytes in, text out, no file, process, DOM or Office.
    files: ["src/readers/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["fs", "fs/*", "node:*", "path", "child_process", "os", "exceljs"],
              message: "src/readers take bytes from their host (src/cli, src/office) and do no I/O.",
            },
            {
              group: ["**/cli", "**/cli/*", "**/office/*", "**/xlsx", "**/xlsx/*", "**/workbook", "**/workbook/*"],
              message: "src/readers depend on src/core only.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "process", "Office", "Excel", "document", "window", "require"],
    },
  },
  {
    // Hosts reach the workbook layer and the sheet definitions only through src/workbook's index.
    files: ["src/cli/**/*.ts", "src/office/**/*.ts", "src/xlsx/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/workbook/*"], message: "Import the workbook layer through its index (src/workbook)." },
            {
              group: ["**/templates", "**/templates/*"],
              message: "Hosts get the sheet definitions through src/workbook.",
            },
          ],
        },
      ],
    },
  },
  {
    // Sheet definitions are declarative: they use the workbook layer's model, A1 helpers and formula
    // builders, never its renderer or reload logic, and no host.
    files: ["templates/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            "../src/workbook",
            "../src/workbook/index",
            "../src/workbook/render",
            "../src/workbook/merge",
            "../src/workbook/reconcile",
            "../src/workbook/workbookState",
          ].map((name) => ({
            name,
            message: "Sheet definitions use src/workbook's model, a1 and formulas modules only.",
          })),
          patterns: [
            { group: ["**/cli/*", "**/office/*", "**/xlsx/*"], message: "Sheet definitions do not depend on hosts." },
          ],
        },
      ],
    },
  },
  {
    // Measuring tools (measure/) serve the tests and the bench; neither they nor the bench reach into test/.
    files: ["bench/**/*.ts", "measure/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/test/*", "**/test/**"], message: "shared measuring code lives in measure/, not test/." },
          ],
        },
      ],
    },
  },
);
