/**
 * Backup and restore error codes (docs/backup.md). Stable; listed in docs/errors.md and mapped to
 * HTTP status by the server's error catalogue.
 */
export const BACKUP_ERROR_CODES = [
  /** Not a Custos backup, or a format version this build does not read. */
  'BACKUP_FORMAT_UNSUPPORTED',
  /** The passphrase or key file does not open this backup. */
  'BACKUP_WRONG_KEY',
  /** A byte of the backup was changed, removed or added: it fails authentication. */
  'BACKUP_TAMPERED',
  /** The restore target already holds data. */
  'BACKUP_TARGET_NOT_EMPTY',
  /** The backup was made by a newer Custos (a migration this build does not know). */
  'BACKUP_INCOMPATIBLE',
  /** After the rows were inserted, a count, the audit chain or an audit head disagreed: rolled back. */
  'BACKUP_VERIFY_FAILED',
] as const;
export type BackupErrorCode = (typeof BACKUP_ERROR_CODES)[number];

export class BackupError extends Error {
  readonly code: BackupErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: BackupErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'BackupError';
    this.code = code;
    this.details = details;
  }
}
