import type { BackupColumn } from './backup-catalogue.ts';
import { BackupError } from './backup-error.ts';

/**
 * What a backup says about itself, in its first (authenticated) frame: enough to list, check and
 * restore it without reading the body (docs/backup.md).
 */
export interface BackupManifest {
  format: 'custos-backup';
  version: 1;
  /** When the snapshot was taken (ISO 8601). */
  createdAt: string;
  /** The backend the backup was read from. */
  source: 'pglite' | 'postgres';
  /** `all`: every tenant (the whole database); `tenant`: one tenant's rows. */
  scope: 'all' | 'tenant';
  tenants: string[];
  /** The schema migrations applied to the source, in order. */
  migrations: string[];
  /** Every table in restore order (foreign keys first), with its columns and row count. */
  tables: {
    name: string;
    columns: BackupColumn[];
    key: string[];
    tenantColumn: 'tenant_id' | 'id' | null;
    rows: number;
  }[];
  /** Tables left out (a tenant backup skips tables that belong to no tenant). */
  skipped: string[];
  /** Sequences as they stood (scope `all`): a restore never hands out a number again. */
  sequences: { name: string; value: number }[];
  /** Per tenant, the head of its audit chain at the snapshot. */
  auditHeads: Record<string, { seq: number; hash: string }>;
  /** Per tenant, the data key versions (`data_keys`), when the database has field encryption. */
  dataKeys: Record<string, { version: number | string; status: string | null }[]>;
  /** Total rows. */
  rows: number;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The manifest of a backup's first frame (authenticated already), its shape checked. */
export function parseManifest(text: string): BackupManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BackupError('BACKUP_FORMAT_UNSUPPORTED', 'the backup manifest is not JSON');
  }
  if (
    !isRecord(value) ||
    value.format !== 'custos-backup' ||
    value.version !== 1 ||
    !Array.isArray(value.tables) ||
    !Array.isArray(value.tenants) ||
    !Array.isArray(value.migrations) ||
    !isRecord(value.auditHeads)
  )
    throw new BackupError(
      'BACKUP_FORMAT_UNSUPPORTED',
      'the backup manifest is not one Custos reads',
    );
  return value as unknown as BackupManifest;
}
