/** Output sinks for CLI commands, so tests can capture what a command prints. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal (progress bars only then). */
  isTTY: boolean;
  cwd: string;
}

export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  get isTTY() {
    return Boolean(process.stderr.isTTY);
  },
  get cwd() {
    return process.cwd();
  },
};

/** An io that records output, for tests. */
export function captureIo(cwd = process.cwd()): CliIo & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    isTTY: false,
    cwd,
    stdout(text: string) {
      io.out += text;
    },
    stderr(text: string) {
      io.err += text;
    },
  };
  return io;
}
