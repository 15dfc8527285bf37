/**
 * Codes of the record write path. They are the CRM API's codes (docs/errors.md): a write refused
 * through the API or through `custos import` says the same thing, and the server maps each to its
 * HTTP status in its one catalogue.
 */
export const RECORD_ERROR_CODES = [
  'REQUEST_INVALID',
  'PERMISSION_DENIED',
  'FIELD_NOT_EDITABLE',
  'NOT_FOUND',
  'CONFLICT',
] as const;
export type RecordErrorCode = (typeof RECORD_ERROR_CODES)[number];

/**
 * A write the rules refuse. `details.field` names the input at fault, as the API's body spells it
 * (`body/fields/creditLimit`, `body/ownerId`); nothing has been written when it is thrown.
 */
export class RecordError extends Error {
  readonly code: RecordErrorCode;
  readonly details: Record<string, unknown>;
  /**
   * A NOT_FOUND that hides a record which exists but which the caller may not read. Never part of
   * the answer (the caller must not learn it); the server records the refusal in the audit log.
   */
  readonly hidden: boolean;
  constructor(
    code: RecordErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    options: { hidden?: boolean } = {},
  ) {
    super(message);
    this.name = 'RecordError';
    this.code = code;
    this.details = details;
    this.hidden = options.hidden ?? false;
  }
}
