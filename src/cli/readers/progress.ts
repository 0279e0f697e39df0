/** A progress bar on the terminal (stderr) while files are read; silent when stderr is not a TTY. */
import { SingleBar, Presets } from "cli-progress";
import type { CliIo } from "../io";

export interface Progress {
  /** Marks one more step done; `detail` names the file being read. */
  increment(detail?: string): void;
  stop(): void;
}

const SILENT: Progress = { increment: () => undefined, stop: () => undefined };

/**
 * Starts a progress bar over `total` steps on stderr when it is a terminal.
 * @param io the command's io (bars only when io.isTTY)
 * @param total number of steps (files)
 * @param label text before the bar
 */
export function startProgress(io: CliIo, total: number, label: string): Progress {
  if (!io.isTTY || total < 1) return SILENT;
  const bar = new SingleBar(
    { format: `${label} [{bar}] {value}/{total} {detail}`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  bar.start(total, 0, { detail: "" });
  return {
    increment: (detail = "") => bar.increment(1, { detail }),
    stop: () => bar.stop(),
  };
}
