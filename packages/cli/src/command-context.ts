import type { Command } from 'commander';
import type { CliIo } from './cli-io.ts';
import type { ExitCode } from './exit-code.ts';
import { resolveGlobalOptions, type GlobalOptions } from './global-options.ts';

/** What every command's action gets: the streams, the global options, and the exit code. */
export interface CommandContext {
  io: CliIo;
  /** The global options with the environment applied. */
  globals(command: Command): GlobalOptions;
  /** Set the exit code of the run (default 0). */
  exit(code: ExitCode): void;
  /** A line on stdout. */
  print(line?: string): void;
}

export function commandContext(io: CliIo, exit: (code: ExitCode) => void): CommandContext {
  return {
    io,
    globals: (command) => resolveGlobalOptions(command.optsWithGlobals(), io),
    exit,
    print: (line = '') => io.stdout.write(`${line}\n`),
  };
}
