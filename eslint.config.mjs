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
              message: "src/core is pure: do I/O in an adapter (src/cli, src/xlsx, src/addin).",
            },
            {
              group: ["../cli/*", "../addin/*", "../taskpane/*", "../functions/*", "../xlsx/*"],
              message: "src/core must not depend on adapters.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "process", "Office", "Excel", "document", "window", "require"],
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
