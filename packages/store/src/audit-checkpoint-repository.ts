import type { Kysely } from 'kysely';
import {
  checkpointSignatureValid,
  GENESIS_HASH,
  signCheckpoint,
  type SignedAuditCheckpoint,
} from './audit-chain.ts';
import { verifyAuditSegment } from './audit-verify.ts';
import { StoreError } from './store-error.ts';
import type { Selectable } from 'kysely';
import type { AuditCheckpointRow, StoreSchema } from './schema.ts';

function fromRow(r: Selectable<AuditCheckpointRow>): SignedAuditCheckpoint {
  return {
    tenant: r.tenant_id,
    seq: Number(r.seq),
    hash: r.hash,
    at: (r.at instanceof Date ? r.at : new Date(r.at)).toISOString(),
    mac: r.mac,
  };
}

/**
 * Sign the tenant's current chain head with the audit key and store it — unless the newest
 * checkpoint already covers that head (then it is returned: idempotent). Undefined when the
 * tenant has no audit event yet. The key never enters the database; only the MAC does.
 */
export async function createAuditCheckpoint(
  db: Kysely<StoreSchema>,
  key: Buffer,
  tenantId: string,
  now: Date,
): Promise<{ checkpoint: SignedAuditCheckpoint; created: boolean } | undefined> {
  return db.transaction().execute(async (tx) => {
    // `for share`: the head cannot move while we read it, and writers are held only briefly.
    const head = await tx
      .selectFrom('audit_heads')
      .select(['seq', 'hash'])
      .where('tenant_id', '=', tenantId)
      .forShare()
      .executeTakeFirst();
    if (head === undefined) return undefined;
    const existing = await tx
      .selectFrom('audit_checkpoints')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('seq', '=', head.seq)
      .executeTakeFirst();
    if (existing !== undefined) return { checkpoint: fromRow(existing), created: false };
    // Sign only what holds: the events since the newest checkpoint this key signed (or since the
    // first event) are recomputed up to the head first.
    const signed = (
      await tx
        .selectFrom('audit_checkpoints')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('seq', '<', head.seq)
        .orderBy('seq', 'desc')
        .limit(20)
        .execute()
    )
      .map(fromRow)
      .find((c) => checkpointSignatureValid(key, c));
    const problem = await verifyAuditSegment(
      tx,
      tenantId,
      signed === undefined
        ? { seq: 0, hash: GENESIS_HASH }
        : { seq: signed.seq, hash: signed.hash },
      { seq: Number(head.seq), hash: head.hash },
    );
    if (problem !== undefined)
      throw new StoreError(
        'STORE_AUDIT_CHAIN_BROKEN',
        `not signing tenant ${tenantId}'s audit head ${String(head.seq)}: ${problem} (run custos audit verify)`,
        { tenantId, seq: Number(head.seq), since: signed?.seq ?? 0 },
      );
    const checkpoint = signCheckpoint(key, {
      tenant: tenantId,
      seq: Number(head.seq),
      hash: head.hash,
      at: new Date(now.getTime()).toISOString(),
    });
    await tx
      .insertInto('audit_checkpoints')
      .values({
        tenant_id: tenantId,
        seq: checkpoint.seq,
        hash: checkpoint.hash,
        at: checkpoint.at,
        mac: checkpoint.mac,
      })
      .execute();
    return { checkpoint, created: true };
  });
}

/** A tenant's stored checkpoints, oldest first. */
export async function listAuditCheckpoints(
  db: Kysely<StoreSchema>,
  tenantId: string,
): Promise<SignedAuditCheckpoint[]> {
  const rows = await db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('seq')
    .execute();
  return rows.map(fromRow);
}

/** Tenants that have an audit chain. */
export async function listAuditTenants(db: Kysely<StoreSchema>): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_heads')
    .select('tenant_id')
    .orderBy('tenant_id')
    .execute();
  return rows.map((r) => r.tenant_id);
}
