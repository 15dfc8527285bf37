/**
 * Key rotation under concurrent traffic (docs/key-rotation.md, ADR 0024): while the sweep re-seals
 * the demo's encrypted fields, users create and update records with encrypted fields in parallel,
 * and a second node still seals with the keys it cached before the rotation. Afterwards nothing is
 * lost: every record holds its last written value, every sealed value opens, none is under the old
 * version, and the sweep needed (and made) another pass for the stale node's write.
 */
import { OBJECT_TYPES, type ObjectType } from '@custos/engine';
import {
  encryptedFieldsOf,
  fieldAad,
  isSealed,
  loadPolicyModel,
  RECORD_TABLE,
  sealFields,
  subjectsIn,
  writeBlindIndex,
  type TenantKeys,
} from '@custos/store';
import { TEST_BACKENDS } from '@custos/store/test-backends';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-app.ts';
import { advanceSweep } from './encryption-sweep.ts';
import { countValuesByKey } from './key-usage.ts';
import { findSweep } from './sweep-store.ts';

const ADMIN = 'zhou.min@yunshan.example';

interface Written {
  phone: string;
  email: string;
}

const dataOf = (data: unknown): Record<string, unknown> =>
  (typeof data === 'string' ? JSON.parse(data) : data) as Record<string, unknown>;

describe.each(TEST_BACKENDS.map((b) => b.name))(
  'rotation under concurrent traffic (%s)',
  (backend) => {
    let t: TestApp;
    let admin: string;
    const tenantId = () => t.demo.tenantId;

    beforeAll(async () => {
      t = await createTestApp({ backend: backend as 'pglite' | 'postgres', customers: 80 });
      admin = await t.login(ADMIN);
    }, 120_000);
    afterAll(() => t?.close());

    it('loses nothing: last writes kept, every value opens, none left under the old version', async () => {
      const db = t.database.db;
      const customers = await db
        .selectFrom('customers')
        .select('id')
        .where('tenant_id', '=', tenantId())
        .orderBy('id')
        .execute();
      expect(customers.length).toBeGreaterThanOrEqual(40);
      // Spread over the table so that updates meet pages before, at and after the sweep's cursor.
      const updated = customers.filter((_, i) => i % 8 === 1).map((c) => c.id);
      const staleId = customers[customers.length - 3]?.id as string;
      // Another node's keys, loaded before the rotation: it seals under v1 until its cache expires.
      const staleKeys: TenantKeys = await t.app.custos.keyring.tenant(db, tenantId());
      expect(staleKeys.activeVersion).toBe(1);

      const rotated = await t.app.inject({
        method: 'POST',
        url: '/v1/admin/encryption/rotate',
        headers: { cookie: admin },
        payload: { reason: 'rotation under traffic' },
      });
      expect(rotated.statusCode, rotated.body).toBe(202);
      expect(rotated.json().version).toBe(2);
      const sweepId = rotated.json().sweep.id as string;

      const last = new Map<string, Written>();
      // Writes that completed while the sweep was still running (the test is about those).
      let sweepFinished = false;
      let duringSweep = 0;
      const wrote = (id: string, value: Written) => {
        last.set(id, value);
        if (!sweepFinished) duringSweep += 1;
      };
      const tick = () => new Promise<void>((ok) => setImmediate(ok));

      /** One user: updates a customer's encrypted fields again and again. */
      const updater = async (id: string, n: number) => {
        for (let round = 0; round < 4; round++) {
          const value = {
            phone: `1390${n}${round}00${n}${round}11`,
            email: `u${n}r${round}@traffic.example`,
          };
          const r = await t.app.inject({
            method: 'PATCH',
            url: `/v1/customers/${id}`,
            headers: { cookie: admin },
            payload: { fields: value },
          });
          expect(r.statusCode, r.body).toBe(200);
          wrote(id, value);
          await tick();
        }
      };
      /** Another user: creates customers with encrypted fields, then corrects each once. */
      const creator = async (n: number) => {
        for (let i = 0; i < 3; i++) {
          const value = {
            phone: `1370${n}${i}0000${n}${i}`,
            email: `new${n}-${i}@traffic.example`,
          };
          const created = await t.app.inject({
            method: 'POST',
            url: '/v1/customers',
            headers: { cookie: admin },
            payload: { fields: { name: `并发客户 ${n}-${i}`, ...value } },
          });
          expect(created.statusCode, created.body).toBe(201);
          const id = created.json<{ id: string }>().id;
          wrote(id, value);
          await tick();
          const fixed = { ...value, phone: `1360${n}${i}1111${n}${i}` };
          const r = await t.app.inject({
            method: 'PATCH',
            url: `/v1/customers/${id}`,
            headers: { cookie: admin },
            payload: { fields: { phone: fixed.phone } },
          });
          expect(r.statusCode, r.body).toBe(200);
          wrote(id, fixed);
        }
      };
      /** The stale node's write: sealed with its cached v1 keys, as its write path would. */
      const staleWrite = async () => {
        const model = await loadPolicyModel(db, tenantId());
        const value = { phone: '13511112222', email: 'stale.node@traffic.example' };
        await db.transaction().execute(async (tx) => {
          const row = await tx
            .selectFrom('customers')
            .select('data')
            .where('tenant_id', '=', tenantId())
            .where('id', '=', staleId)
            .forUpdate()
            .executeTakeFirstOrThrow();
          const sealed = sealFields(
            staleKeys,
            { object: 'customer', recordId: staleId },
            { ...dataOf(row.data), ...value },
            encryptedFieldsOf(model, 'customer'),
          );
          await tx
            .updateTable('customers')
            .set({ data: JSON.stringify(sealed.fields) })
            .where('tenant_id', '=', tenantId())
            .where('id', '=', staleId)
            .execute();
          await writeBlindIndex(tx, tenantId(), 'customer', staleId, sealed.tokens);
        });
        last.set(staleId, value);
      };
      /** The sweep, in small bounded runs; the stale node writes behind its cursor in pass 1. */
      let staleWritten = false;
      const sweeper = async () => {
        const services = {
          database: t.database,
          keyring: t.app.custos.keyring,
          clock: t.app.custos.clock,
        };
        for (let run = 0; run < 500; run++) {
          const outcome = await advanceSweep(services, tenantId(), sweepId, {
            pageSize: 4,
            maxPages: 2,
          });
          if (outcome === 'finished') {
            sweepFinished = true;
            return;
          }
          const sweep = await findSweep(db, tenantId(), sweepId);
          if (!staleWritten && sweep?.pass === 1 && sweep.tables.customer.finished) {
            staleWritten = true;
            await staleWrite();
          }
          await tick();
        }
        throw new Error('the sweep did not finish');
      };

      await Promise.all([
        sweeper(),
        ...updated.map((id, n) => updater(id, n)),
        creator(1),
        creator(2),
      ]);
      expect(staleWritten).toBe(true);
      expect(duringSweep).toBeGreaterThanOrEqual(20);

      const sweep = await findSweep(db, tenantId(), sweepId);
      expect(sweep?.state).toBe('done');
      expect(sweep?.remaining).toBe(0);
      expect(sweep?.errors).toEqual([]);
      // The stale node's v1 value was found by the final count and re-sealed by another pass.
      expect(sweep?.pass).toBeGreaterThanOrEqual(2);

      // Every record holds its last written value (read through the API, in clear for the admin).
      expect(last.size).toBe(updated.length + 6 + 1);
      for (const [id, value] of last) {
        const r = await t.app.inject({
          method: 'GET',
          url: `/v1/customers/${id}`,
          headers: { cookie: admin },
        });
        expect(r.statusCode, r.body).toBe(200);
        const fields = r.json<{ fields: Record<string, unknown> }>().fields;
        expect({ id, phone: fields.phone, email: fields.email }).toEqual({ id, ...value });
      }

      // Nothing under the old version, nothing in clear of an encrypted field.
      const model = await loadPolicyModel(db, tenantId());
      const usage = await countValuesByKey(db, tenantId(), model);
      const left = usage.filter(
        (u) => (u.values.v1 ?? 0) > 0 || (u.encrypted && (u.values.clear ?? 0) > 0),
      );
      expect(left).toEqual([]);
      expect(usage.some((u) => (u.values.v2 ?? 0) > 0)).toBe(true);

      // Every sealed value of every table opens (a contact's under its own key).
      const keys = await t.app.custos.keyring.tenant(db, tenantId(), { fresh: true });
      expect(keys.activeVersion).toBe(2);
      let opened = 0;
      for (const object of OBJECT_TYPES as readonly ObjectType[]) {
        const rows = await db
          .selectFrom(RECORD_TABLE[object])
          .select(['id', 'data'])
          .where('tenant_id', '=', tenantId())
          .execute();
        const all = rows.map((r) => ({ id: r.id, data: dataOf(r.data) }));
        const subjects = await t.app.custos.keyring.subjectKeys(db, tenantId(), [
          ...subjectsIn(all.flatMap((r) => Object.values(r.data))),
        ]);
        for (const row of all)
          for (const [field, value] of Object.entries(row.data)) {
            if (!isSealed(value)) continue;
            const clear = keys.open(fieldAad(tenantId(), object, row.id, field), value, subjects);
            expect(clear).not.toBeUndefined();
            opened += 1;
          }
      }
      expect(opened).toBeGreaterThan(100);

      // Exact-match search through the blind index finds the stale node's (re-sealed) value.
      const found = await t.app.inject({
        method: 'GET',
        url: '/v1/customers?field=phone:13511112222',
        headers: { cookie: admin },
      });
      expect(found.statusCode, found.body).toBe(200);
      expect(found.json<{ items: { id: string }[] }>().items.map((r) => r.id)).toEqual([staleId]);
    }, 240_000);
  },
);
