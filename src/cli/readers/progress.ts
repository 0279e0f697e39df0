/**
 * A progress bar on the terminal (stderr) while files are read and rows are checked; silent when
 * stderr is not a terminal. One 100,000-row file is one file but many rows: the check counts rows.
 */
import { SingleBar } from "cli-progress";
import type { CliIo } from "../io";

export interface Progress {
  /** Marks one more step done; `detail` names the file being read. */
  increment(detail?: string): void;
  /** Sets the number of steps done (rows checked so far). */
  update(done: number): void;
  stop(): void;
}

const SILENT: Progress = { increment: () => undefined, update: () => undefined, stop: () => undefined };

/** Width of the bar in characters. */
const BAR_WIDTH = 24;

const grouped = new Intl.NumberFormat("en-US");

/**
 * One progress line: label, bar, count with its unit, percentage, detail.
 * @param label text before the bar (读取月报, 检查)
 * @param done steps done
 * @param total steps in all
 * @param unit what a step is (个文件, 行)
 * @param detail the file being read, or ""
 * @returns e.g. "检查 [████████░░░░░░░░░░░░░░░░] 35,000/100,000 行 35%"
 */
export function formatProgress(label: string, done: number, total: number, unit: string, detail = ""): string {
  const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.round(fraction * BAR_WIDTH);
  const bar = "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
  return `${label} [${bar}] ${grouped.format(done)}/${grouped.format(total)} ${unit} ${Math.floor(fraction * 100)}%${detail ? ` ${detail}` : ""}`;
}

/**
 * Starts a progress bar over `total` steps on stderr when it is a terminal.
 * @param io the command's io (bars only when io.isTTY)
 * @param total number of steps (files or rows)
 * @param label text before the bar
 * @param unit what a step is, shown after the count (default 个文件)
 */
export function startProgress(io: CliIo, total: number, label: string, unit = "个文件"): Progress {
  if (!io.isTTY || total < 1) return SILENT;
  const bar = new SingleBar({
    format: (_options, params, payload: { detail?: string }) =>
      formatProgress(label, params.value, params.total, unit, payload.detail ?? ""),
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
    // Redraw up to 25 times a second: a 100,000-row check takes well under a second.
    fps: 25,
  });
  bar.start(total, 0, { detail: "" });
  return {
    increment: (detail = "") => bar.increment(1, { detail }),
    update: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}
