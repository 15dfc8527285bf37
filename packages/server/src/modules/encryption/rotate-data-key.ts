import { appendAuditEvent, type Database, type Keyring } from '@custos/store';
import { AppError } from '../../http/app-error.ts';
import { activeDataKeyVersion, requestEncryptionSweep } from './encryption-sweep.ts';
import { runningSweep, type EncryptionSweep } from './sweep-store.ts';

export interface RotateInput {
  tenantId: string;
  /** Who asked (null: the system, e.g. the CLI offline names no user). */
  actorId: string | null;
  reason: string;
  now: number;
  /** The request's part of the audit event (`requestAuditExtras(request)`). */
  audit?: {
    actingAsId?: string | null;
    requestId?: string | null;
    ip?: string | null;
    userAgent?: string | null;
  };
}

/** The refusal while a sweep of the tenant is still running. */
export function sweepRunning(sweep: EncryptionSweep | undefined): AppError {
  return new AppError(
    'ENCRYPTION_SWEEP_RUNNING',
    'a re-encryption sweep of this tenant is still running: wait for it to finish before rotating again',
    sweep === undefined ? {} : { sweepId: sweep.id, startedAt: sweep.startedAt },
  );
}

/**
 * Rotate the tenant's data key: a new version, active from the commit (the old one retired, kept:
 * audit events and backups hold values sealed under it), the sweep that re-seals every value
 * started, and `encryption.rotate` audited — all in one transaction. Refused while a sweep runs
 * (ENCRYPTION_SWEEP_RUNNING): one rotation's sweep at a time.
 */
export async function rotateDataKey(
  services: { database: Database; keyring: Keyring },
  input: RotateInput,
): Promise<{ fromVersion: number; version: number; sweep: EncryptionSweep }> {
  const { tenantId } = input;
  const at = new Date(input.now);
  // The tenant's first keys exist before the rotation (made on first use).
  await services.keyring.tenant(services.database.db, tenantId);
  try {
    const result = await services.database.db.transaction().execute(async (tx) => {
      const running = await runningSweep(tx, tenantId, { forUpdate: true });
      if (running !== undefined) throw sweepRunning(running);
      const fromVersion = await activeDataKeyVersion(tx, tenantId);
      const version = await services.keyring.rotate(tx, tenantId, at);
      const { sweep } = await requestEncryptionSweep(tx, {
        tenantId,
        reason: input.reason,
        trigger: 'rotate',
        requestedBy: input.actorId,
        now: input.now,
        targetVersion: version,
      });
      await appendAuditEvent(tx, {
        tenantId,
        actorId: input.actorId,
        action: 'encryption.rotate',
        target: `data_key/v${version}`,
        before: { activeVersion: fromVersion },
        after: { activeVersion: version, reason: input.reason, sweepId: sweep.id },
        at,
        ...input.audit,
      });
      return { fromVersion, version, sweep };
    });
    return result;
  } catch (error) {
    // Two rotations at once: the second meets the first's sweep (one running per tenant).
    if ((error as { code?: unknown }).code === '23505')
      throw sweepRunning(await runningSweep(services.database.db, tenantId));
    throw error;
  } finally {
    // This node seals under the new version at once; others within the keyring's cache time.
    services.keyring.forget(tenantId);
  }
}
