/**
 * `npm run bench` (or `node lib/bench/run.js accuracy`): the extractor measured against the
 * analysts' labels of the five seed plans — per-plan table, then every miss, lead miss and false
 * positive with its text. Thresholds (issue 2): quantified recall ≥ 95%, false positives ≤ 5%,
 * lead accuracy ≥ 90%. The hold-out plan is summarised in one line, its misses deliberately not
 * listed (it measures generality, so nobody tunes against it).
 */
import * as path from "path";
import { BUNDLED_CITIES } from "../src/core/cities";
import { readLabelledPlan, scoreOf } from "../measure/labelledPlans";
import { formatProblems, formatScoreTable, summarize, type PlanScore } from "../measure/score";

// Compiled to lib/bench, so the project root is two levels up.
const ROOT = path.join(__dirname, "..", "..");

function scoreFile(textPath: string, labelPath: string): PlanScore {
  return scoreOf(readLabelledPlan(textPath, labelPath));
}

function percent(count: { correct: number; total: number }): string {
  return count.total === 0
    ? "– (0/0)"
    : `${((100 * count.correct) / count.total).toFixed(1)}% (${count.correct}/${count.total})`;
}

export async function run(): Promise<void> {
  const scores = BUNDLED_CITIES.map((city) =>
    scoreFile(path.join(ROOT, "seeds", city.file), path.join(ROOT, "test", "fixtures", "labels", `${city.file}.json`)),
  );
  const total = summarize(scores);
  console.log(formatScoreTable(scores));
  console.log(
    `\nquantified recall ${percent(total.quantified)} (need ≥ 95%), ` +
      `false positives ${percent({ correct: total.falsePositives, total: total.extracted })} (need ≤ 5%), ` +
      `lead ${percent(total.lead)} (need ≥ 90%), milestones ${percent(total.milestones)}`,
  );
  const problems = formatProblems(scores);
  if (problems) console.log(`\n${problems}`);

  const holdoutDir = path.join(ROOT, "test", "fixtures", "holdout");
  const holdout = summarize([scoreFile(path.join(holdoutDir, "plan.txt"), path.join(holdoutDir, "plan.labels.json"))]);
  console.log(
    `\nhold-out (synthetic province plan): quantified ${percent(holdout.quantified)}, ` +
      `false positives ${percent({ correct: holdout.falsePositives, total: holdout.extracted })}, ` +
      `lead ${percent(holdout.lead)}, milestones ${percent(holdout.milestones)}`,
  );
}
