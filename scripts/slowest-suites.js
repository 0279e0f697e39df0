/**
 * Jest reporter: after a run, prints the slowest test suites and the sum of all suite times, so
 * whoever makes the loop slower sees it (npm test should stay under a minute on two cores).
 * SLOWEST_SUITES=n changes how many are listed (default 8).
 */
const path = require("path");

class SlowestSuites {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const suites = results.testResults
      .map((suite) => ({
        file: path.relative(this.rootDir, suite.testFilePath),
        seconds: (suite.perfStats.end - suite.perfStats.start) / 1000,
      }))
      .filter((suite) => Number.isFinite(suite.seconds))
      .sort((a, b) => b.seconds - a.seconds);
    if (suites.length < 2) return;
    const count = Number(process.env.SLOWEST_SUITES) || 8;
    const total = suites.reduce((sum, suite) => sum + suite.seconds, 0);
    const wall = (Date.now() - results.startTime) / 1000;
    const lines = [
      `\n最慢的测试套件 Slowest suites (${suites.length} suites: ${total.toFixed(1)} s summed, ${wall.toFixed(1)} s wall):`,
    ];
    for (const suite of suites.slice(0, count))
      lines.push(`  ${suite.seconds.toFixed(1).padStart(6)} s  ${suite.file}`);
    process.stderr.write(lines.join("\n") + "\n");
  }
}

module.exports = SlowestSuites;
