/**
 * Extraction speed (issue 2): the five seeds together after warm-up (floor: well under 50 ms),
 * linear growth with text length (the seeds concatenated 1×, 10×, 100×: ms and ms/char), and
 * linear time on adversarial plan shapes (issue 13: each at 1× and 4× its size; a ratio near 4
 * is linear, near 16 quadratic), and a number of 32,000 digits.
 */
import * as fs from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import { BUNDLED_CITIES } from "../src/core/cities";
import { longNumberPlan, PLAN_SHAPES } from "../measure/shapes";
import { extractCatalog } from "../src/core/extract/index";

/** Project root from lib/bench (compiled) or bench/ (source). */
function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "seeds")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall time of `runs` calls, after `warmup` untimed calls. */
function time(work: () => void, runs: number, warmup: number): number {
  for (let index = 0; index < warmup; index++) work();
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function run(): Promise<void> {
  const root = projectRoot();
  const seeds = BUNDLED_CITIES.map((city) => ({
    city: city.name,
    text: fs.readFileSync(path.join(root, "seeds", city.file), "utf8"),
  }));
  const totalChars = seeds.reduce((sum, seed) => sum + seed.text.length, 0);
  let targetCount = 0;
  const allSeeds = time(
    () => {
      targetCount = 0;
      for (const seed of seeds) targetCount += extractCatalog(seed.text, { cityName: seed.city }).targets.length;
    },
    20,
    5,
  );
  console.log(
    `five seeds together: ${allSeeds.toFixed(2)} ms for ${totalChars} chars, ${targetCount} targets (median of 20 after 5 warm-up runs; floor 50 ms)`,
  );

  const joined = seeds.map((seed) => seed.text).join("\n");
  console.log("size    chars      ms        ms/char");
  const perChar: number[] = [];
  for (const factor of [1, 10, 100]) {
    const text = Array.from({ length: factor }, () => joined).join("\n");
    const ms = time(() => void extractCatalog(text), factor === 100 ? 3 : 7, 1);
    perChar.push(ms / text.length);
    console.log(
      `${String(factor).padStart(3)}×  ${String(text.length).padStart(9)}  ${ms.toFixed(1).padStart(8)}  ${(ms / text.length).toExponential(2)}`,
    );
  }
  console.log(`ms/char at 100× ÷ at 1×: ${(perChar[2] / perChar[0]).toFixed(2)} (≈1 means linear)`);

  // 40,000 characters at 1×, 160,000 at 4× (the size of the 157 KB list that took 26 s).
  const shapeChars = 40_000;
  console.log("\nadversarial shape                 1× ms     4× ms   4×/1× (4 = linear, 16 = quadratic)");
  for (const shape of PLAN_SHAPES) {
    const small = shape.make(shapeChars);
    const large = shape.make(4 * shapeChars);
    const smallMs = time(() => void extractCatalog(small), 3, 1);
    const largeMs = time(() => void extractCatalog(large), 3, 1);
    console.log(
      `${shape.name.padEnd(30)} ${smallMs.toFixed(1).padStart(8)}  ${largeMs.toFixed(1).padStart(8)}  ${(largeMs / smallMs).toFixed(1).padStart(6)}`,
    );
  }
  const longNumber = longNumberPlan(32_000);
  console.log(`a number of 32,000 digits: ${time(() => void extractCatalog(longNumber), 3, 1).toFixed(1)} ms`);
}
