import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import {
  DEFAULT_PENDING_EXPIRY_DAYS,
  readFourEyesSetting,
  writeFourEyesSetting,
} from './four-eyes-repository.ts';
import {
  decidePendingChange,
  getPendingChange,
  insertPendingChange,
  listExpiredPendingChanges,
  listPendingChanges,
} from './pending-change-repository.ts';
import { TEST_BACKENDS } from './test-backends.ts';

const DAY = 86_400_000;

describe.each(TEST_BACKENDS)('four eyes store on $name', (backend) => {
  let database: Database;
  const now = Date.UTC(2026, 5, 1);
  beforeAll(async () => {
    database = await backend.open();
    await database.db
      .insertInto('tenants')
      .values([
        { id: 't1', name: 'T1' },
        { id: 't2', name: 'T2' },
      ])
      .execute();
  });
  afterAll(async () => {
    await database.close();
  });

  it('reads the setting as off until set, then as set, per tenant', async () => {
    const db = database.db;
    expect(await readFourEyesSetting(db, 't1')).toEqual({
      categories: [],
      expiryDays: DEFAULT_PENDING_EXPIRY_DAYS,
      updatedBy: null,
      updatedAt: null,
    });
    await writeFourEyesSetting(db, {
      tenantId: 't1',
      categories: ['roles', 'sharing_rules'],
      expiryDays: 7,
      actorId: 'zhoumin',
      now,
    });
    await writeFourEyesSetting(db, {
      tenantId: 't1',
      categories: ['roles'],
      expiryDays: 3,
      actorId: 'wuhao',
      now: now + 1000,
    });
    expect(await readFourEyesSetting(db, 't1')).toEqual({
      categories: ['roles'],
      expiryDays: 3,
      updatedBy: 'wuhao',
      updatedAt: now + 1000,
    });
    expect((await readFourEyesSetting(db, 't2')).categories).toEqual([]);
  });

  it('stores, lists by status, decides once, and finds the expired', async () => {
    const db = database.db;
    const change = { kind: 'role.delete', id: 'r1' };
    const a = await insertPendingChange(db, {
      tenantId: 't1',
      authorId: 'zhoumin',
      changes: [change],
      categories: ['roles'],
      baseVersion: 4,
      reason: '清理角色',
      preview: { valid: true },
      now,
      expiresAt: now + 7 * DAY,
    });
    expect(a).toMatchObject({
      authorId: 'zhoumin',
      changes: [change],
      setting: null,
      categories: ['roles'],
      baseVersion: 4,
      reason: '清理角色',
      preview: { valid: true },
      status: 'pending',
      createdAt: now,
      expiresAt: now + 7 * DAY,
      decidedBy: null,
      resultVersion: null,
    });
    const b = await insertPendingChange(db, {
      tenantId: 't1',
      authorId: 'wuhao',
      changes: [],
      setting: { categories: [] },
      categories: ['four_eyes'],
      baseVersion: 4,
      now: now + 1,
      expiresAt: now + DAY,
    });
    await insertPendingChange(db, {
      tenantId: 't2',
      authorId: 'x',
      changes: [change],
      categories: ['roles'],
      baseVersion: 1,
      now,
      expiresAt: now + DAY,
    });
    expect((await listPendingChanges(db, 't1')).map((p) => p.id)).toEqual([b.id, a.id]);
    expect(await getPendingChange(db, 't2', a.id)).toBeUndefined();
    expect(await getPendingChange(db, 't1', 'not-a-number')).toBeUndefined();

    const approved = await decidePendingChange(db, {
      tenantId: 't1',
      id: a.id,
      status: 'approved',
      decidedBy: 'wuhao',
      resultVersion: 5,
      now: now + 2,
    });
    expect(approved).toMatchObject({
      status: 'approved',
      decidedBy: 'wuhao',
      resultVersion: 5,
      decidedAt: now + 2,
    });
    // Decided once: a second decision finds nothing pending.
    expect(
      await decidePendingChange(db, {
        tenantId: 't1',
        id: a.id,
        status: 'rejected',
        decidedBy: 'x',
        now: now + 3,
      }),
    ).toBeUndefined();
    expect((await getPendingChange(db, 't1', a.id))?.status).toBe('approved');
    expect((await listPendingChanges(db, 't1', { status: 'pending' })).map((p) => p.id)).toEqual([
      b.id,
    ]);
    expect((await listPendingChanges(db, 't1', { beforeId: b.id })).map((p) => p.id)).toEqual([
      a.id,
    ]);

    const expired = await listExpiredPendingChanges(db, now + DAY);
    expect(expired.map((p) => p.tenantId).sort()).toEqual(['t1', 't2']);
    expect(await listExpiredPendingChanges(db, now + DAY - 1)).toEqual([]);
  });
});
