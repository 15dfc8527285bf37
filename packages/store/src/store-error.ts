/**
 * Store error codes. Stable; documented in docs/errors.md, mapped to HTTP status by the server.
 */
export const STORE_ERROR_CODES = [
  'STORE_UNKNOWN_TENANT',
  'STORE_CORRUPT_ROW',
  'STORE_INVALID_CURSOR',
  'STORE_INVALID_PAGE_SIZE',
  'STORE_POLICY_LOG_GAP',
  'STORE_DATA_DIR_LOCKED',
  'STORE_AUDIT_CHAIN_BROKEN',
] as const;
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: StoreErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
    this.details = details;
  }
}
