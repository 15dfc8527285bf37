import {
  OBJECT_TYPES,
  diffModels,
  filter,
  updateIndex,
  type ObjectType,
  type PolicyIndex,
  type Predicate,
} from '@custos/engine';
import {
  RECORD_TABLE,
  compilePredicate,
  countOwnedRecords,
  reassignOwnedRecords,
  type Database,
} from '@custos/store';
import { sql } from 'kysely';
import { AppError } from '../../http/app-error.ts';
import type { PolicyCache } from '../../http/policy-cache.ts';
import { applyChange } from './apply-change.ts';
import { previewChanges, type ChangePreview } from './change-preview.ts';
import type { PolicyChange } from './policy-change.ts';

type Db = Database['db'];
type TransferChange = Extract<PolicyChange, { kind: 'user.transfer' }>;

/** What the moved user may read and edit on one object, before and after the transfer. */
export interface ObjectAccessCount {
  object: ObjectType;
  read: { before: number; after: number };
  update: { before: number; after: number };
}

export interface TransferPreview {
  /** The change path's preview of the transfer: valid or why not, and everyone's gains and losses. */
  change: ChangePreview;
  user: { id: string; name: string; departmentId: string | null; managerId: string | null };
  to: { departmentId: string; managerId: string | null };
  /** The records the user owns that move: with the user (new 归属部门) or to a successor. */
  records: {
    mode: 'keep' | 'transfer_to';
    toUserId: string;
    owned: Partial<Record<ObjectType, number>>;
  };
  /** Per object, the user's own read and edit counts before and after (the engine's filter in SQL). */
  access: ObjectAccessCount[];
  roles: { before: string[]; after: string[] };
}

/** Thrown to roll back the trial transaction with its result. */
class TrialDone extends Error {
  constructor(readonly counts: ObjectAccessCount[]) {
    super('trial');
  }
}

async function count(tx: Db, tenantId: string, object: ObjectType, p: Predicate): Promise<number> {
  const table = RECORD_TABLE[object];
  const where = compilePredicate(p, { table, indexLargeSets: true });
  const { rows } = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(
    table,
  )} as t where t.tenant_id = ${tenantId} and coalesce(${where}, false)`.execute(tx);
  return Number(rows[0]?.n ?? 0);
}

/**
 * The preview of a transfer (mover): the change path's impact preview, the records that move, and
 * what the user may read and edit per object before and after — the "after" counted on the data
 * as the transfer leaves it (the records moved in a transaction that is rolled back), with the
 * engine's filter for the new policy.
 */
export async function previewTransfer(
  db: Db,
  options: {
    tenantId: string;
    actorId: string | null;
    now: number;
    policy: PolicyCache;
    backend: 'pglite' | 'postgres';
  },
  change: TransferChange,
): Promise<TransferPreview> {
  const snapshot = await options.policy.current(options.tenantId);
  const before = snapshot.model;
  const user = before.users.find((u) => u.id === change.id && u.kind === 'internal');
  if (user === undefined)
    throw new AppError('NOT_FOUND', `no internal user ${change.id}`, {
      field: 'params/id',
      object: 'user',
      id: change.id,
    });
  const preview = await previewChanges(db, [change], {
    tenantId: options.tenantId,
    actorId: options.actorId,
    now: options.now,
    policy: options.policy,
    backend: options.backend,
  });
  const owned = await countOwnedRecords(db, options.tenantId, change.id);
  const toUserId =
    change.ownedRecords.mode === 'transfer_to' ? change.ownedRecords.userId : change.id;
  const base: TransferPreview = {
    change: preview,
    user: {
      id: user.id,
      name: user.name,
      departmentId: user.departmentId,
      managerId: user.managerId,
    },
    to: {
      departmentId: change.departmentId,
      managerId: change.managerId === undefined ? user.managerId : change.managerId,
    },
    records: { mode: change.ownedRecords.mode, toUserId, owned },
    access: [],
    roles: { before: user.roleIds, after: user.roleIds },
  };
  if (!preview.valid) return base;
  const after = applyChange(before, change).model;
  const next: PolicyIndex = updateIndex(
    snapshot.index,
    { ...after, version: snapshot.version + 1 },
    diffModels(before, after),
  );
  const beforeCounts = new Map<string, number>();
  for (const object of OBJECT_TYPES)
    for (const action of ['read', 'update'] as const)
      beforeCounts.set(
        `${object}:${action}`,
        await count(
          db,
          options.tenantId,
          object,
          filter(snapshot.index, change.id, action, object, options.now),
        ),
      );
  try {
    await db.transaction().execute(async (tx) => {
      await reassignOwnedRecords(tx, options.tenantId, {
        ownerId: change.id,
        toOwnerId: toUserId,
        toDepartmentId: after.users.find((u) => u.id === toUserId)?.departmentId ?? null,
      });
      const counts: ObjectAccessCount[] = [];
      for (const object of OBJECT_TYPES) {
        const read = await count(
          tx,
          options.tenantId,
          object,
          filter(next, change.id, 'read', object, options.now),
        );
        const update = await count(
          tx,
          options.tenantId,
          object,
          filter(next, change.id, 'update', object, options.now),
        );
        counts.push({
          object,
          read: { before: beforeCounts.get(`${object}:read`) ?? 0, after: read },
          update: { before: beforeCounts.get(`${object}:update`) ?? 0, after: update },
        });
      }
      // Nothing of the trial stays.
      throw new TrialDone(counts);
    });
  } catch (error) {
    if (!(error instanceof TrialDone)) throw error;
    base.access = error.counts;
  }
  return base;
}
