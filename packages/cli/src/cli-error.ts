import { EXIT, type ExitCode } from './exit-code.ts';

/**
 * A failure reported on stderr as `error [CODE]: message`. `code` comes from the error catalogue
 * (docs/errors.md) where one applies: `NOT_FOUND`, `PERMISSION_DENIED`, `FIELD_NOT_EDITABLE`,
 * `REQUEST_INVALID`, `CONFLICT`, `STORE_UNKNOWN_TENANT`, …
 */
export class CliError extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;
  constructor(code: string, message: string, exitCode: ExitCode = EXIT.failure) {
    super(message);
    this.name = 'CliError';
    this.code = code;
    this.exitCode = exitCode;
  }
}

/** Bad input on the command line: exit code 2. */
export function usageError(message: string): CliError {
  return new CliError('REQUEST_INVALID', message, EXIT.usage);
}
