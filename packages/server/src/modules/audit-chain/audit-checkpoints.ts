import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  appendAuditEvent,
  createAuditCheckpoint,
  listAuditTenants,
  StoreError,
  type Database,
  type SignedAuditCheckpoint,
} from '@custos/store';
import type { Config } from '../../config.ts';
import type { ServerKeys } from '../../http/server-keys.ts';
import { requireAuditKey } from './audit-key.ts';

/** The format name of a checkpoint file (docs/audit.md). */
export const CHECKPOINT_FILE_FORMAT = 'custos.audit-checkpoints/1';

export interface CheckpointFile {
  format: typeof CHECKPOINT_FILE_FORMAT;
  checkpoints: SignedAuditCheckpoint[];
}

export function checkpointFile(checkpoints: readonly SignedAuditCheckpoint[]): CheckpointFile {
  return { format: CHECKPOINT_FILE_FORMAT, checkpoints: [...checkpoints] };
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * The checkpoints in a checkpoint file's JSON (this format, a bare array, or one checkpoint);
 * throws naming the first bad entry.
 */
export function parseCheckpointFile(value: unknown): SignedAuditCheckpoint[] {
  const list = Array.isArray(value)
    ? value
    : typeof value === 'object' && value !== null && 'checkpoints' in value
      ? (value as { checkpoints: unknown }).checkpoints
      : [value];
  if (!Array.isArray(list)) throw new Error('checkpoints: expected a list');
  return list.map((c, i) => {
    const o = c as Record<string, unknown>;
    if (
      typeof o !== 'object' ||
      o === null ||
      typeof o.tenant !== 'string' ||
      typeof o.seq !== 'number' ||
      !Number.isSafeInteger(o.seq) ||
      o.seq < 1 ||
      typeof o.hash !== 'string' ||
      !HEX64.test(o.hash) ||
      typeof o.at !== 'string' ||
      typeof o.mac !== 'string' ||
      !HEX64.test(o.mac)
    )
      throw new Error(
        `checkpoints[${i}]: expected {tenant, seq ≥ 1, hash (64 hex), at, mac (64 hex)}`,
      );
    return { tenant: o.tenant, seq: o.seq, hash: o.hash, at: o.at, mac: o.mac };
  });
}

export interface AuditCheckpointServices {
  database: Database;
  clock: () => number;
  config: Pick<Config, 'auditKeyFile' | 'auditCheckpointDir' | 'dataDir'>;
  keys: ServerKeys;
}

export interface AuditCheckpointRun {
  /** One entry per tenant with an audit log: its checkpoint, whether new, and its file. */
  tenants: { tenantId: string; seq: number; created: boolean; file: string }[];
  /** Tenants whose head was not signed because their log does not recompute (and why). */
  refused: { tenantId: string; reason: string }[];
}

/** Where the scheduled checkpoint files go. */
export function checkpointDir(config: Pick<Config, 'auditCheckpointDir' | 'dataDir'>): string {
  return resolve(config.auditCheckpointDir ?? join(config.dataDir, 'audit-checkpoints'));
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * One pass of the scheduled checkpoints (suggested: every 15 minutes): for each tenant with an
 * audit log, sign its head unless already signed, and write `<tenant>-<seq>.json` (a checkpoint
 * file) to the checkpoint directory unless it exists. Idempotent: a second pass with no new event
 * signs and writes nothing. Copy the directory somewhere the database's administrators cannot
 * write (WORM storage, another account): that copy is what catches a rewritten log.
 */
export async function runAuditCheckpoints(
  services: AuditCheckpointServices,
  now: number,
): Promise<AuditCheckpointRun> {
  const key = await requireAuditKey(services.config, services.keys);
  const dir = checkpointDir(services.config);
  await mkdir(dir, { recursive: true });
  const run: AuditCheckpointRun = { tenants: [], refused: [] };
  for (const tenantId of await listAuditTenants(services.database.db)) {
    let made: Awaited<ReturnType<typeof createAuditCheckpoint>>;
    try {
      made = await createAuditCheckpoint(services.database.db, key, tenantId, new Date(now));
    } catch (error) {
      if (!(error instanceof StoreError) || error.code !== 'STORE_AUDIT_CHAIN_BROKEN') throw error;
      // One broken log stops no other tenant's checkpoints; it is said in that log itself (the
      // monitoring rules and an auditor see a failed `audit.checkpoint`) and in the job's result.
      run.refused.push({ tenantId, reason: error.message });
      await appendAuditEvent(services.database.db, {
        tenantId,
        actorId: null,
        action: 'audit.checkpoint',
        target: null,
        outcome: 'failure',
        after: { refused: error.message },
        at: new Date(now),
      });
      continue;
    }
    if (made === undefined) continue;
    const { checkpoint, created } = made;
    const file = join(dir, `${encodeURIComponent(tenantId)}-${checkpoint.seq}.json`);
    if (!(await exists(file))) {
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, `${JSON.stringify(checkpointFile([checkpoint]), null, 2)}\n`);
      await rename(temporary, file);
    }
    run.tenants.push({ tenantId, seq: checkpoint.seq, created, file });
  }
  return run;
}
