import { randomBytes as keyringBytes } from 'node:crypto';
import { createKeyring as createTestKeyring } from './crypto/keyring.ts';
/** The keys this test's encrypted demo fields are sealed with. */
const testKeyring = createTestKeyring({ kek: keyringBytes(32), cacheMs: 0 });
import type { CrmRecord } from '@custos/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents, appendAuditEvent } from './audit-repository.ts';
import type { Database } from './database.ts';
import { demoCompany } from './demo/demo-company.ts';
import { loadTenantData } from './load-scenario.ts';
import { readPolicyVersion, savePolicyModel } from './policy-repository.ts';
import {
  countChildren,
  deleteRecord,
  getRecord,
  getRecords,
  insertRecord,
  updateRecord,
} from './record-repository.ts';
import { listTeam, putTeamMember, removeTeamMember } from './team-repository.ts';
import { TEST_BACKENDS } from './test-backends.ts';

const NOW = Date.UTC(2026, 5, 1);
const TENANT = 'yunshan';
const demo = demoCompany({ customers: 20, now: NOW });

describe.each(TEST_BACKENDS)('record, team and audit repositories on $name', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
    await loadTenantData(database.db, demo.model, demo.records, TENANT, testKeyring);
    await savePolicyModel(database.db, TENANT, demo.model);
  });
  afterAll(async () => {
    await database?.close();
  });

  const customer: CrmRecord = {
    object: 'customer',
    id: 'c-new',
    customerId: 'c-new',
    ownerId: 'lilei',
    departmentId: 'sales-east',
    sensitivity: 'internal',
    createdById: 'lilei',
    fields: { name: '上海新客户有限公司', phone: '021-5555 0101', level: 'B' },
  };
  const deal: CrmRecord = {
    object: 'deal',
    id: 'd-new',
    customerId: 'c-new',
    ownerId: 'lilei',
    departmentId: 'sales-east',
    sensitivity: 'public',
    fields: { name: '年度框架协议', amount: 120000 },
  };

  it('inserts, reads (a child with its customer), updates and deletes', async () => {
    const at = new Date(NOW);
    await database.db.transaction().execute(async (tx) => {
      await insertRecord(tx, TENANT, customer, at);
      await insertRecord(tx, TENANT, deal, at);
    });
    const read = await getRecord(database.db, TENANT, 'customer', 'c-new');
    expect(read).toEqual({
      ...customer,
      poolId: null,
      contactUserId: null,
      updatedAt: at.toISOString(),
    });
    const child = await getRecord(database.db, TENANT, 'deal', 'd-new');
    expect(child?.parent?.id).toBe('c-new');
    expect(child?.fields).toEqual(deal.fields);

    const later = new Date(NOW + 60_000);
    const changed = {
      ...customer,
      ownerId: 'zhangwei',
      fields: { ...customer.fields, level: 'A' },
    };
    expect(await updateRecord(database.db, TENANT, changed, later)).toBe(true);
    const reread = await getRecord(database.db, TENANT, 'customer', 'c-new');
    expect(reread?.ownerId).toBe('zhangwei');
    expect(reread?.fields.level).toBe('A');
    expect(reread?.updatedAt).toBe(later.toISOString());
    expect(await updateRecord(database.db, TENANT, { ...changed, id: 'nope' }, later)).toBe(false);

    expect(await countChildren(database.db, TENANT, 'c-new')).toEqual({ deal: 1 });
    expect(await deleteRecord(database.db, TENANT, 'deal', 'd-new')).toBe(true);
    expect(await countChildren(database.db, TENANT, 'c-new')).toEqual({});
    expect(await deleteRecord(database.db, TENANT, 'customer', 'c-new')).toBe(true);
    expect(await getRecord(database.db, TENANT, 'customer', 'c-new')).toBeUndefined();
    expect(await deleteRecord(database.db, TENANT, 'customer', 'c-new')).toBe(false);
  });

  it('reads many by id, skipping the missing', async () => {
    const ids = demo.records
      .filter((r) => r.object === 'contact')
      .slice(0, 3)
      .map((r) => r.id);
    const found = await getRecords(database.db, TENANT, 'contact', [...ids, 'missing']);
    expect([...found.keys()].sort()).toEqual([...ids].sort());
    for (const r of found.values()) expect(r.parent?.id).toBe(r.customerId);
  });

  it('a failed transaction writes neither the record nor its audit event', async () => {
    await expect(
      database.db.transaction().execute(async (tx) => {
        await insertRecord(
          tx,
          TENANT,
          { ...customer, id: 'c-rollback', customerId: 'c-rollback' },
          new Date(NOW),
        );
        await appendAuditEvent(tx, {
          tenantId: TENANT,
          actorId: 'lilei',
          action: 'customer.create',
          target: 'customer/c-rollback',
          after: { id: 'c-rollback' },
          at: new Date(NOW),
        });
        // A child of a customer that does not exist: the foreign key fails the transaction.
        await insertRecord(
          tx,
          TENANT,
          { ...deal, id: 'd-x', customerId: 'c-missing' },
          new Date(NOW),
        );
      }),
    ).rejects.toThrow();
    expect(await getRecord(database.db, TENANT, 'customer', 'c-rollback')).toBeUndefined();
    expect(await listAuditEvents(database.db, TENANT, { action: 'customer.create' })).toEqual([]);
  });

  it('appends audit events with before and after', async () => {
    await appendAuditEvent(database.db, {
      tenantId: TENANT,
      actorId: 'zhoumin',
      action: 'customer.update',
      target: 'customer/c-1',
      before: { level: 'B' },
      after: { level: 'A' },
      at: new Date(NOW),
    });
    const [event] = await listAuditEvents(database.db, TENANT, { action: 'customer.update' });
    expect(event).toMatchObject({
      actorId: 'zhoumin',
      target: 'customer/c-1',
      before: { level: 'B' },
      after: { level: 'A' },
    });
    expect(event?.at.getTime()).toBe(NOW);
  });

  it('team changes bump the policy version and read back in the model', async () => {
    const customerId = demo.records.find((r) => r.object === 'customer')?.id ?? '';
    const before = await readPolicyVersion(database.db, TENANT);
    expect(
      await putTeamMember(database.db, TENANT, { customerId, userId: 'dujuan', access: 'read' }),
    ).toBeNull();
    // A team is a fact of the customer: the policy version does not move.
    expect(await readPolicyVersion(database.db, TENANT)).toBe(before);
    expect(
      await putTeamMember(database.db, TENANT, { customerId, userId: 'dujuan', access: 'edit' }),
    ).toBe('read');
    expect(await listTeam(database.db, TENANT, customerId)).toContainEqual({
      customerId,
      userId: 'dujuan',
      access: 'edit',
    });
    // Read with the record (and with its children, which carry their customer's team).
    const record = await getRecord(database.db, TENANT, 'customer', customerId);
    expect(record?.team).toContainEqual({ customerId, userId: 'dujuan', access: 'edit' });
    expect(await removeTeamMember(database.db, TENANT, customerId, 'dujuan')).toBe(true);
    expect(await removeTeamMember(database.db, TENANT, customerId, 'dujuan')).toBe(false);
    expect(await readPolicyVersion(database.db, TENANT)).toBe(before);
  });
});
