/**
 * Engine error codes. Stable: callers and the HTTP layer key on them. Documented in
 * docs/errors.md; the server maps them to HTTP status in one place.
 */
export const ENGINE_ERROR_CODES = [
  'ENGINE_DUPLICATE_ID',
  'ENGINE_UNKNOWN_REFERENCE',
  'ENGINE_HIERARCHY_CYCLE',
  'ENGINE_INVALID_VALUE',
  'ENGINE_IMPOSSIBLE_CRITERION',
  'ENGINE_SOD_CONFLICT_IN_ROLE',
  'ENGINE_PORTAL_USER_WITHOUT_ACCOUNT',
  'ENGINE_DUPLICATE_NAME',
  'ENGINE_PORTAL_INTERNAL',
] as const;
export type EngineErrorCode = (typeof ENGINE_ERROR_CODES)[number];

/** One problem in a model, naming where it is (`path`, e.g. `users[3].managerId`). */
export interface ModelError {
  code: EngineErrorCode;
  path: string;
  message: string;
}

/** Thrown by helpers that are given an invalid model (`assertValidModel`). */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly errors: readonly ModelError[];
  constructor(errors: readonly ModelError[]) {
    const first = errors[0];
    super(
      first
        ? `${first.message} (${first.path})${errors.length > 1 ? ` and ${errors.length - 1} more` : ''}`
        : 'invalid model',
    );
    this.name = 'EngineError';
    this.code = first?.code ?? 'ENGINE_INVALID_VALUE';
    this.errors = errors;
  }
}
