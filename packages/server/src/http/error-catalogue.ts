import { ENGINE_ERROR_CODES } from '@custos/engine';
import type { RecordErrorCode } from '@custos/records';
import type { STORE_ERROR_CODES } from '@custos/store';

/**
 * The one place where error codes map to HTTP status. Every code is listed in docs/errors.md
 * (a test checks both agree). Engine, store and record-write codes are included so any error that
 * reaches the HTTP layer has a status.
 */
export const SERVER_ERROR_STATUS = {
  // Input
  REQUEST_INVALID: 400,
  // Authentication
  AUTH_REQUIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_USER_INACTIVE: 403,
  // API tokens (ADR 0009)
  AUTH_TOKEN_INVALID: 401,
  AUTH_TOKEN_EXPIRED: 401,
  AUTH_TOKEN_REVOKED: 401,
  AUTH_TOKEN_SCOPE: 403,
  TOKEN_SCOPE_NOT_HELD: 403,
  // Accounts and sign-in (issue 8)
  AUTH_THROTTLED: 429,
  RATE_LIMITED: 429,
  AUTH_TENANT_REQUIRED: 409,
  PASSWORD_LINK_INVALID: 400,
  PASSWORD_REJECTED: 422,
  PASSWORD_CURRENT_WRONG: 403,
  // Multi-factor authentication (modules/auth/mfa, docs/mfa.md)
  AUTH_MFA_REQUIRED: 401,
  AUTH_MFA_ENROLMENT_REQUIRED: 403,
  MFA_CODE_INVALID: 403,
  MFA_TOO_MANY_ATTEMPTS: 401,
  MFA_THROTTLED: 429,
  MFA_NOT_ENABLED: 409,
  MFA_ALREADY_ENABLED: 409,
  MFA_ENROLMENT_NOT_STARTED: 409,
  MFA_REQUIRED_BY_POLICY: 403,
  // Authorization
  PERMISSION_DENIED: 403,
  FIELD_NOT_EDITABLE: 403,
  // No escalation: an admin change that would give what the acting admin does not hold
  ESCALATION_DENIED: 403,
  // View as (查看为, docs/view-as.md)
  VIEW_AS_DENIED: 403,
  VIEW_AS_READ_ONLY: 403,
  VIEW_AS_NOT_SUPPORTED: 403,
  VIEW_AS_TARGET_INVALID: 400,
  // Access requests (docs/access-requests.md)
  ACCESS_REQUEST_SELF_APPROVAL: 403,
  ACCESS_REQUEST_CLOSED: 409,
  // Audit log and reveal of masked values (docs/audit-search.md)
  REVEAL_NOT_MASKED: 409,
  REVEAL_FIELD_HIDDEN: 403,
  REVEAL_RATE_LIMITED: 429,
  // Resources
  NOT_FOUND: 404,
  CONFLICT: 409,
  // Model validation (admin API): details carry the engine's errors
  MODEL_INVALID: 422,
  // Admin API (directory): deletions refused while something still uses the entity
  DEPARTMENT_NOT_EMPTY: 409,
  ROLE_IN_USE: 409,
  // Joiner / mover / leaver (docs/joiner-mover-leaver.md)
  SUCCESSOR_INVALID: 422,
  SUCCESSOR_REQUIRED: 422,
  POSITIONS_UNASSIGNED: 409,
  // Access reviews (docs/access-reviews.md)
  REVIEW_NOT_REVIEWER: 403,
  REVIEW_NOT_OPEN: 409,
  REVIEW_ALREADY_DECIDED: 409,
  REVIEW_SCOPE_EMPTY: 422,
  // Four eyes (双人复核, docs/four-eyes.md)
  FOUR_EYES_OWN_CHANGE: 403,
  PENDING_CHANGE_NOT_AUTHOR: 403,
  PENDING_CHANGE_DECIDED: 409,
  PENDING_CHANGE_STALE: 409,
  // Separation of duties (docs/sod-least-privilege.md): a change would put someone in conflict
  SOD_CONFLICT: 409,
  // Browser and transport (CSRF, ADR 0011)
  UNSUPPORTED_MEDIA_TYPE: 415,
  ORIGIN_REFUSED: 403,
  CSRF_TOKEN_INVALID: 403,
  // Security monitoring and webhooks (docs/monitoring.md)
  ALERT_ALREADY_ACKNOWLEDGED: 409,
  WEBHOOK_URL_INVALID: 400,
  WEBHOOK_HOST_NOT_ALLOWED: 400,
  // The audit chain (docs/audit.md): no checkpoint key configured
  AUDIT_KEY_MISSING: 409,
  // Backup and restore (docs/backup.md); the BACKUP_* codes of the store's BackupError too
  BACKUP_KEY_MISSING: 409,
  BACKUP_RUNNING: 409,
  BACKUP_OTHER_TENANTS: 403,
  BACKUP_FORMAT_UNSUPPORTED: 422,
  BACKUP_WRONG_KEY: 422,
  BACKUP_TAMPERED: 422,
  BACKUP_TARGET_NOT_EMPTY: 409,
  BACKUP_INCOMPATIBLE: 409,
  BACKUP_VERIFY_FAILED: 422,
  // Key rotation (docs/key-rotation.md): one re-encryption sweep of a tenant at a time
  ENCRYPTION_SWEEP_RUNNING: 409,
  // Field encryption at rest (docs/encryption.md): loud, never a silent plaintext fallback
  DECRYPT_FAILED: 500,
  KEK_MISMATCH: 500,
  KEY_VERSION_UNKNOWN: 500,
  SUBJECT_ERASED: 409,
  FIELD_ENCRYPTED: 422,
  // GDPR / CCPA (docs/privacy.md): consents and data-subject requests
  CONSENT_ALREADY_WITHDRAWN: 409,
  PRIVACY_REQUEST_CLOSED: 409,
  PRIVACY_REQUEST_STATE: 409,
  PRIVACY_EXTENSION_USED: 409,
  PRIVACY_OWNER_INVALID: 422,
  PRIVACY_CONFIRMATION_MISMATCH: 400,
  // Anything else
  INTERNAL: 500,
  NOT_READY: 503,
} as const;

export type ServerErrorCode = keyof typeof SERVER_ERROR_STATUS;

/**
 * The record write path (`@custos/records`) speaks the CRM API's codes: each of its codes must be
 * a server code, so a refused write has the same status whether it came by the API or the CLI.
 */
const RECORD_STATUS: Readonly<Record<RecordErrorCode, number>> = SERVER_ERROR_STATUS;

const ENGINE_STATUS = Object.fromEntries(ENGINE_ERROR_CODES.map((c) => [c, 422])) as Record<
  (typeof ENGINE_ERROR_CODES)[number],
  number
>;
const STORE_STATUS: Record<(typeof STORE_ERROR_CODES)[number], number> = {
  STORE_UNKNOWN_TENANT: 404,
  STORE_CORRUPT_ROW: 500,
  STORE_INVALID_CURSOR: 400,
  STORE_INVALID_PAGE_SIZE: 400,
  STORE_POLICY_LOG_GAP: 500,
  STORE_DATA_DIR_LOCKED: 503,
  STORE_AUDIT_CHAIN_BROKEN: 409,
};

export const ERROR_STATUS: Readonly<Record<string, number>> = {
  ...SERVER_ERROR_STATUS,
  ...RECORD_STATUS,
  ...ENGINE_STATUS,
  ...STORE_STATUS,
};

export type ErrorCode =
  ServerErrorCode | (typeof ENGINE_ERROR_CODES)[number] | (typeof STORE_ERROR_CODES)[number];

export function statusOf(code: string): number {
  return ERROR_STATUS[code] ?? 500;
}
