/** Where a command writes, and what it reads from its surroundings; tests pass captured streams. */
export interface CliOutput {
  write(chunk: string): unknown;
  /** True on a terminal: progress bars redraw in place; otherwise plain lines. */
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  stdout: CliOutput;
  stderr: CliOutput;
  env: Readonly<Record<string, string | undefined>>;
  /** Relative paths (files, the data directory) resolve against this. */
  cwd: string;
  /** "Now", ms since the Unix epoch: decisions and seeded dates are relative to it. */
  now(): number;
  /** Resolves when the process is asked to stop (SIGINT, SIGTERM); long-running commands await it. */
  untilStopped(): Promise<string>;
}

/** The real process: its streams, environment and signals. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    now: () => Date.now(),
    untilStopped: () =>
      new Promise((resolve) => {
        const stop = (signal: string): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve(signal);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }),
  };
}

/** Captured output, for tests and for running a command in-process. */
export interface CapturedIo extends CliIo {
  out(): string;
  err(): string;
}

export function captureIo(overrides: Partial<CliIo> = {}): CapturedIo {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s), isTTY: false },
    stderr: { write: (s: string) => (err += s), isTTY: false },
    env: {},
    cwd: process.cwd(),
    now: () => Date.now(),
    untilStopped: () => new Promise<string>(() => {}),
    ...overrides,
    out: () => out,
    err: () => err,
  };
}
