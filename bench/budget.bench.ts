/**
 * Subsidy budget speed: SUBSIDY_COST per cell and over a 10,000-row range (through the same
 * registry as the custom functions), and a 10,000-draw Monte Carlo over the 16 default
 * programs × 3 years.
 */
import { budgetLinesFromPrograms } from "../src/core/budget/budget";
import { defaultPrograms } from "../src/core/budget/defaults";
import { simulateBudget } from "../src/core/budget/simulate";
import { callSheetFunction } from "../src/core/sheet/registry";

function timeMs(run: () => void): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export async function run(): Promise<void> {
  const singles = 200_000;
  timeMs(() => callSheetFunction("SUBSIDY_COST", [100, null, 0.15, 5000, 2000])); // warm-up
  const singleMs = timeMs(() => {
    for (let index = 0; index < singles; index++) callSheetFunction("SUBSIDY_COST", [index, null, 0.15, 5000, 2000]);
  });
  console.log(
    `SUBSIDY_COST single cell: ${Math.round(singles / (singleMs / 1000)).toLocaleString("en-US")} evaluations/s`,
  );

  const volumes = Array.from({ length: 10_000 }, (_unused, index) => [index]);
  const prices = Array.from({ length: 10_000 }, (_unused, index) => [1000 + index]);
  callSheetFunction("SUBSIDY_COST", [volumes, null, 0.15, prices, 2000]);
  const rangeMs = Math.min(
    ...[0, 1, 2, 3, 4].map(() => timeMs(() => callSheetFunction("SUBSIDY_COST", [volumes, null, 0.15, prices, 2000]))),
  );
  console.log(`SUBSIDY_COST 10,000-row range: ${rangeMs.toFixed(2)} ms`);

  const lines = budgetLinesFromPrograms(defaultPrograms("河南"), [2025, 2026, 2027], () => 1000);
  simulateBudget(lines, { iterations: 1000 });
  const simulationMs = Math.min(...[0, 1, 2].map(() => timeMs(() => simulateBudget(lines, { iterations: 10_000 }))));
  console.log(`Monte Carlo 10,000 draws × ${lines.length} program-years: ${simulationMs.toFixed(1)} ms`);
}
