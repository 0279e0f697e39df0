/** The check's progress bar counts rows, so one large file shows progress (review: issue 5, progress bar). */
import { formatProgress, startProgress } from "../../src/cli/readers/progress";
import { captureIo } from "../../src/cli/io";
import { runReportCheck } from "../../src/core/check";
import { exampleBaselines, exampleCatalog, reportTable } from "./helpers";

describe("formatProgress", () => {
  it("shows rows done of all rows with the unit and the percentage", () => {
    expect(formatProgress("检查月报", 35_000, 100_000, "行")).toBe(
      `检查月报 [${"█".repeat(8)}${"░".repeat(16)}] 35,000/100,000 行 35%`,
    );
  });

  it("names the file being read and never overfills the bar", () => {
    const line = formatProgress("读取月报", 3, 2, "个文件", "a.csv");
    expect(line).toBe(`读取月报 [${"█".repeat(24)}] 3/2 个文件 100% a.csv`);
  });
});

describe("startProgress", () => {
  it("stays silent when stderr is not a terminal", () => {
    const io = captureIo();
    const progress = startProgress(io, 100_000, "检查月报", "行");
    progress.update(50_000);
    progress.stop();
    expect(io.err).toBe("");
  });
});

describe("runReportCheck onProgress", () => {
  it("reports rows done of all rows through both passes, rising to the total, for one large table", () => {
    // 示例数据: 20,000 rows of one file (400 departments × 50 months would be too many; periods repeat per department).
    const rows = Array.from({ length: 20_000 }, (_, index) => [
      `${2024 + Math.floor((index % 36) / 12)}-${String((index % 12) + 1).padStart(2, "0")}`,
      `部门${Math.floor(index / 36)}`,
      "示例-06",
      5,
      "",
    ]);
    const calls: Array<[number, number]> = [];
    runReportCheck([reportTable("big.csv", rows)], exampleCatalog(), {
      baselines: exampleBaselines(),
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls.every(([, total]) => total === 20_000)).toBe(true);
    const done = calls.map(([rowsDone]) => rowsDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    // Steps in the validation pass (below half) and in the computation pass (above half).
    expect(done.some((value) => value > 0 && value < 10_000)).toBe(true);
    expect(done.some((value) => value > 10_000 && value < 20_000)).toBe(true);
    expect(calls[calls.length - 1]).toEqual([20_000, 20_000]);
  });
});
