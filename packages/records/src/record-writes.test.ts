import { randomBytes as keyringBytes } from 'node:crypto';
import { createKeyring as createTestKeyring } from '@custos/store';
/** The keys this test's encrypted demo fields are sealed with. */
const testKeyring = createTestKeyring({ kek: keyringBytes(32), cacheMs: 0 });
/**
 * The one write path on both backends: each write locks, checks, writes and audits in one
 * transaction (the caller's, when given one); a refused write writes nothing and says why with a
 * catalogue code naming the field.
 */
import { buildIndex, decide, type CrmRecord } from '@custos/engine';
import {
  demoCompany,
  getRecord,
  listAuditEvents,
  loadTenantData,
  type Database,
} from '@custos/store';
import { TEST_BACKENDS } from '@custos/store/test-backends';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordAs } from './create-record.ts';
import { deleteRecordAs } from './delete-record.ts';
import { RecordError } from './record-error.ts';
import { lockForAction } from './readable-record.ts';
import { transferRecordAs } from './transfer-record.ts';
import { updateRecordAs } from './update-record.ts';
import type { WriteContext } from './write-context.ts';

const NOW = Date.UTC(2026, 5, 1);
const { model, records } = demoCompany({ customers: 20, now: NOW });
const index = buildIndex(model);
const tenantId = model.tenant.id;
const as = (userId: string): WriteContext => ({
  tenantId,
  userId,
  model,
  index,
  now: NOW,
  keyring: testKeyring,
});

async function refusal(run: () => Promise<unknown>): Promise<RecordError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof RecordError) return error;
  throw error ?? new Error('not refused');
}

const customerOf = (userId: string): CrmRecord => {
  const found = records.find((r) => r.object === 'customer' && r.ownerId === userId);
  if (found === undefined) throw new Error(`no customer of ${userId}`);
  return found;
};

describe.each(TEST_BACKENDS)('record writes on $name', (backend) => {
  let database: Database;
  const db = () => database.db;
  const audit = (action: string) => listAuditEvents(db(), tenantId, { action });

  beforeAll(async () => {
    database = await backend.open();
    await loadTenantData(database.db, model, records, undefined, testKeyring);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('creates a record and its audit event together', async () => {
    const written = await createRecordAs(db(), as('lilei'), 'customer', {
      fields: { name: '写入路径测试有限公司', city: '杭州' },
      id: 'c-write-1',
    });
    expect(written).toMatchObject({
      id: 'c-write-1',
      ownerId: 'lilei',
      updatedAt: new Date(NOW).toISOString(),
    });
    expect(await getRecord(db(), tenantId, 'customer', 'c-write-1')).toMatchObject({
      ownerId: 'lilei',
      fields: { name: '写入路径测试有限公司', city: '杭州' },
    });
    const [event] = await audit('customer.create');
    expect(event).toMatchObject({
      actorId: 'lilei',
      target: 'customer/c-write-1',
      after: { ownerId: 'lilei', fields: { city: '杭州' } },
    });
  });

  it('writes nothing for a refused create, and names the field', async () => {
    const before = (await audit('customer.create')).length;
    const error = await refusal(() =>
      createRecordAs(db(), as('lilei'), 'customer', {
        fields: { name: '不该写入有限公司', creditLimit: 1 },
        id: 'c-write-refused',
      }),
    );
    expect(error.code).toBe('FIELD_NOT_EDITABLE');
    expect(error.details.field).toBe('body/fields/creditLimit');
    expect(await getRecord(db(), tenantId, 'customer', 'c-write-refused')).toBeUndefined();
    expect(await audit('customer.create')).toHaveLength(before);
  });

  it('joins the caller’s transaction: rolled back, the record and its event are gone', async () => {
    const before = (await audit('customer.create')).length;
    await expect(
      db()
        .transaction()
        .execute(async (tx) => {
          await createRecordAs(tx, as('lilei'), 'customer', {
            fields: { name: '回滚测试有限公司' },
            id: 'c-write-rolled-back',
          });
          expect(await getRecord(tx, tenantId, 'customer', 'c-write-rolled-back')).toBeDefined();
          throw new Error('roll back');
        }),
    ).rejects.toThrow('roll back');
    expect(await getRecord(db(), tenantId, 'customer', 'c-write-rolled-back')).toBeUndefined();
    expect(await audit('customer.create')).toHaveLength(before);
  });

  it('files a child under a customer the caller can read, and nowhere else', async () => {
    const mine = customerOf('lilei');
    const contact = await createRecordAs(db(), as('lilei'), 'contact', {
      customerId: mine.id,
      fields: { name: '王五' },
    });
    expect(contact).toMatchObject({ customerId: mine.id, parent: { id: mine.id } });
    const theirs = records.find(
      (r) => r.object === 'customer' && !decide(index, 'lilei', 'read', r, NOW),
    ) as CrmRecord;
    const hidden = await refusal(() =>
      createRecordAs(db(), as('lilei'), 'contact', { customerId: theirs.id, fields: {} }),
    );
    expect(hidden.code).toBe('NOT_FOUND');
    expect(hidden.details).toMatchObject({ field: 'body/customerId', id: theirs.id });
    const orphan = await refusal(() =>
      createRecordAs(db(), as('lilei'), 'contact', { fields: {} }),
    );
    expect(orphan.details.field).toBe('body/customerId');
  });

  it('updates under the row lock, auditing only the fields that changed', async () => {
    const mine = customerOf('lilei');
    const seen: string[] = [];
    const next = await updateRecordAs(db(), as('lilei'), 'customer', mine.id, (current) => {
      seen.push(String(current.fields.name));
      return { fields: { city: '温州', name: current.fields.name } };
    });
    expect(seen).toEqual([mine.fields.name]);
    expect(next.fields.city).toBe('温州');
    const [event] = await audit('customer.update');
    expect(event).toMatchObject({
      target: `customer/${mine.id}`,
      before: { fields: { city: mine.fields.city ?? null } },
      after: { fields: { city: '温州' } },
    });
  });

  it('lowers a sensitivity only with the declassify function, and audits the declassification', async () => {
    const customer = customerOf('lilei');
    // 韩梅梅 (lilei's manager) may update it and raise its sensitivity within her clearance …
    await updateRecordAs(db(), as('hanmeimei'), 'customer', customer.id, {
      sensitivity: 'confidential',
    });
    // … but not lower it again: that is a declassification.
    const refused = await refusal(() =>
      updateRecordAs(db(), as('hanmeimei'), 'customer', customer.id, { sensitivity: 'internal' }),
    );
    expect(refused.code).toBe('PERMISSION_DENIED');
    expect(refused.details).toMatchObject({ field: 'body/sensitivity', function: 'declassify' });
    expect((await getRecord(db(), tenantId, 'customer', customer.id))?.sensitivity).toBe(
      'confidential',
    );
    expect(await audit('customer.declassify')).toEqual([]);
    // The system administrator holds declassify: lowered, and audited as a declassification.
    await updateRecordAs(db(), as('zhoumin'), 'customer', customer.id, {
      sensitivity: 'internal',
    });
    expect((await getRecord(db(), tenantId, 'customer', customer.id))?.sensitivity).toBe(
      'internal',
    );
    const [event] = await audit('customer.declassify');
    expect(event).toMatchObject({
      actorId: 'zhoumin',
      target: `customer/${customer.id}`,
      before: { sensitivity: 'confidential' },
      after: { sensitivity: 'internal' },
    });
  });

  it('answers an unreadable record like a missing one', async () => {
    const theirs = records.find(
      (r) => r.object === 'customer' && !decide(index, 'lilei', 'read', r, NOW),
    ) as CrmRecord;
    for (const id of [theirs.id, 'no-such-customer']) {
      const error = await refusal(() =>
        updateRecordAs(db(), as('lilei'), 'customer', id, { fields: { city: 'x' } }),
      );
      expect(error.code).toBe('NOT_FOUND');
      expect(error.details).toEqual({ object: 'customer', id });
    }
    const readOnly = records.find(
      (r) =>
        r.object === 'customer' &&
        decide(index, 'dujuan', 'read', r, NOW) &&
        !decide(index, 'dujuan', 'update', r, NOW),
    ) as CrmRecord;
    const denied = await refusal(() =>
      db()
        .transaction()
        .execute((tx) => lockForAction(tx, as('dujuan'), 'customer', readOnly.id, 'update')),
    );
    expect(denied.code).toBe('PERMISSION_DENIED');
    expect(denied.details).toMatchObject({ action: 'update' });
  });

  it('refuses to delete a customer with related records, and deletes a child with its event', async () => {
    const parent = records.find(
      (r) => r.object === 'customer' && records.some((c) => c.customerId === r.id && c !== r),
    ) as CrmRecord;
    const conflict = await refusal(() =>
      deleteRecordAs(db(), as('zhoumin'), 'customer', parent.id),
    );
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.details.reason).toBe('has_children');
    const child = records.find((r) => r.customerId === parent.id && r.object !== 'customer')!;
    await deleteRecordAs(db(), as('zhoumin'), child.object, child.id);
    expect(await getRecord(db(), tenantId, child.object, child.id)).toBeUndefined();
    const [event] = await audit(`${child.object}.delete`);
    expect(event).toMatchObject({
      target: `${child.object}/${child.id}`,
      before: { customerId: parent.id },
    });
  });

  it('transfers a customer with the children its owner had, in one event', async () => {
    const customer = records.find(
      (r) =>
        r.object === 'customer' &&
        r.ownerId !== null &&
        r.ownerId !== 'zhangwei' &&
        records.some((c) => c.customerId === r.id && c !== r && c.ownerId === r.ownerId),
    ) as CrmRecord;
    const owned = records.filter(
      (c) => c.customerId === customer.id && c !== customer && c.ownerId === customer.ownerId,
    );
    const { record, children } = await transferRecordAs(
      db(),
      as('zhoumin'),
      'customer',
      customer.id,
      {
        ownerId: 'zhangwei',
        includeChildren: true,
      },
    );
    expect(record).toMatchObject({
      ownerId: 'zhangwei',
      departmentId: index.users.get('zhangwei')?.departmentId,
    });
    expect(Object.values(children ?? {}).reduce((a, b) => a + (b ?? 0), 0)).toBeGreaterThan(0);
    const [event] = await audit('customer.transfer');
    expect(event).toMatchObject({
      before: { ownerId: customer.ownerId },
      after: { ownerId: 'zhangwei', children },
    });
    const child = await refusal(() =>
      transferRecordAs(db(), as('zhoumin'), owned[0]!.object, owned[0]!.id, {
        ownerId: 'lilei',
        includeChildren: true,
      }),
    );
    expect(child.details.field).toBe('body/includeChildren');
    const portalOwner = await refusal(() =>
      transferRecordAs(db(), as('zhoumin'), 'customer', customer.id, { ownerId: 'portal-1' }),
    );
    expect(portalOwner.details).toMatchObject({ field: 'body/ownerId', userId: 'portal-1' });
  });
});
