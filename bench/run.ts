/**
 * `npm run bench`: runs every bench/*.bench.ts module (compiled to lib/bench) in name order.
 * Each module exports `run(): Promise<void>` and prints its own measurements.
 */
import * as fs from "fs";
import * as path from "path";

async function main(): Promise<void> {
  const only = process.argv[2];
  const files = fs
    .readdirSync(__dirname)
    .filter((file) => file.endsWith(".bench.js") && (!only || file.startsWith(only)))
    .sort();
  for (const file of files) {
    console.log(`\n== ${file.replace(/\.bench\.js$/, "")} ==`);
    const benchModule = (await import(path.join(__dirname, file))) as { run: () => Promise<void> };
    await benchModule.run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
