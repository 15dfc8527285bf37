import type { ErrorCode } from './error-catalogue.ts';

/**
 * An error the server reports to the client as `{ code, message, details }` with the HTTP status
 * the catalogue gives for `code` (`error-catalogue.ts`, `docs/errors.md`). `details` names the
 * field when the input is at fault (`{ field: 'fields.creditLimit' }`).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}
