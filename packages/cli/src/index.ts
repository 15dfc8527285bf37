export { run, buildProgram } from './run.ts';
export { captureIo, processIo } from './cli-io.ts';
export type { CapturedIo, CliIo, CliOutput } from './cli-io.ts';
export { EXIT } from './exit-code.ts';
export type { ExitCode } from './exit-code.ts';
export { CliError } from './cli-error.ts';
