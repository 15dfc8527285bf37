/**
 * The change preview counts, from the data, what turning a field's encryption on or off moves:
 * "N values will be encrypted / decrypted" per object and field, in both languages; nothing is
 * changed by a preview; a change that toggles nothing says nothing about encryption; a refused
 * change (encrypted on `name`) previews as invalid, naming the field.
 */
import type { FieldSetting, ObjectType, PolicyModel } from '@custos/engine';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-app.ts';
import { encryptionToggles } from './encryption-impact.ts';

const ADMIN = 'zhou.min@yunshan.example';

interface Preview {
  valid: boolean;
  version: number;
  errors: { code: string; details?: { field?: string } }[];
  encryption: { object: string; field: string; change: string; values: number }[];
  text: { 'zh-CN': string[]; 'en-US': string[] };
}

function settingOf(model: PolicyModel, object: ObjectType, field: string): FieldSetting {
  const setting = model.objects.find((o) => o.object === object)?.fields[field];
  if (setting === undefined) throw new Error(`no setting ${object}.${field}`);
  return setting;
}

describe('encryptionToggles', () => {
  it('lists the fields turned on and off, per object, and nothing for an unchanged policy', () => {
    const base = {
      objects: [
        {
          object: 'customer',
          fields: { phone: { encrypted: true }, email: { encrypted: true }, region: {} },
        },
      ],
    } as unknown as PolicyModel;
    const next = {
      objects: [
        {
          object: 'customer',
          fields: { phone: { encrypted: true }, email: {}, region: { encrypted: true } },
        },
      ],
    } as unknown as PolicyModel;
    expect(encryptionToggles(base, next)).toEqual([
      { object: 'customer', field: 'region', change: 'encrypt' },
      { object: 'customer', field: 'email', change: 'decrypt' },
    ]);
    expect(encryptionToggles(base, base)).toEqual([]);
  });
});

for (const backend of ['pglite', 'postgres'] as const) {
  describe(`change preview of field encryption on ${backend}`, () => {
    let t: TestApp;
    let admin: string;
    let model: PolicyModel;
    const preview = async (cookie: string, changes: unknown[]) => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/v1/admin/changes/preview',
        headers: { cookie },
        payload: { changes },
      });
      return { status: r.statusCode, body: r.json<Preview>() };
    };
    const version = async () => {
      const r = await t.app.inject({
        method: 'GET',
        url: '/v1/admin/objects',
        headers: { cookie: admin },
      });
      return r.json<{ version: number }>().version;
    };
    /** Stored non-empty values of a field in clear (read raw, counted here). */
    const clearIn = async (table: string, field: string) => {
      const { rows } = await sql<{
        v: unknown;
      }>`select data -> ${field} as v from ${sql.table(table)}
        where tenant_id = ${t.demo.tenantId}`.execute(t.database.db);
      return rows.filter((r) => r.v !== null && r.v !== '' && typeof r.v !== 'object').length;
    };
    /** Stored values of a field that are sealed, counted in SQL. */
    const sealedIn = async (table: string, field: string) => {
      const { rows } = await sql<{
        n: string | number;
      }>`select count(*) as n from ${sql.table(table)}
        where tenant_id = ${t.demo.tenantId} and (data -> ${field} ->> '$enc') is not null`.execute(
        t.database.db,
      );
      return Number(rows[0]?.n ?? 0);
    };

    beforeAll(async () => {
      t = await createTestApp({ backend, customers: 10 });
      admin = await t.login(ADMIN);
      model = t.demo.company.model;
    });
    afterAll(async () => {
      await t?.close();
    });

    it('counts the values a field turned encrypted will have sealed, in both languages, and changes nothing', async () => {
      const before = await version();
      const titles = await clearIn('contacts', 'title');
      expect(titles).toBeGreaterThan(0);
      const setting = settingOf(model, 'contact', 'title');
      const r = await preview(admin, [
        {
          kind: 'object.set_field',
          object: 'contact',
          field: 'title',
          setting: { ...setting, encrypted: true },
        },
      ]);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.valid).toBe(true);
      expect(r.body.encryption).toEqual([
        { object: 'contact', field: 'title', change: 'encrypt', values: titles },
      ]);
      const count = titles.toLocaleString('en-US');
      expect(r.body.text['en-US']).toContain(
        `contact.title will be stored encrypted: ${count} existing values will be encrypted in the background`,
      );
      expect(r.body.text['zh-CN'].some((l) => l.includes('将加密存储') && l.includes(count))).toBe(
        true,
      );
      // A preview commits nothing: same policy version, the values still in clear.
      expect(await version()).toBe(before);
      expect(await sealedIn('contacts', 'title')).toBe(0);
    });

    it('counts the sealed values a field turned clear will have decrypted', async () => {
      const phones = await sealedIn('customers', 'phone');
      expect(phones).toBeGreaterThan(0);
      expect(await clearIn('customers', 'phone')).toBe(0);
      const titles = await clearIn('contacts', 'title');
      const clear = { ...settingOf(model, 'customer', 'phone') };
      delete clear.encrypted;
      const r = await preview(admin, [
        { kind: 'object.set_field', object: 'customer', field: 'phone', setting: clear },
        {
          kind: 'object.set_field',
          object: 'contact',
          field: 'title',
          setting: { ...settingOf(model, 'contact', 'title'), encrypted: true },
        },
      ]);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.encryption).toEqual([
        { object: 'customer', field: 'phone', change: 'decrypt', values: phones },
        {
          object: 'contact',
          field: 'title',
          change: 'encrypt',
          values: titles,
        },
      ]);
      expect(r.body.text['en-US']).toContain(
        `customer.phone will no longer be encrypted: ${phones.toLocaleString('en-US')} values will be decrypted and stored in clear in the background`,
      );
      expect(r.body.text['zh-CN'].some((l) => l.includes('将不再加密'))).toBe(true);
      expect(await sealedIn('customers', 'phone')).toBe(phones);
    });

    it('says nothing about encryption when a change keeps every field as it is', async () => {
      const setting = settingOf(model, 'customer', 'phone');
      expect(setting.encrypted).toBe(true);
      const r = await preview(admin, [
        {
          kind: 'object.set_field',
          object: 'customer',
          field: 'phone',
          setting: { ...setting, label: '联系电话' },
        },
      ]);
      expect(r.status).toBe(200);
      expect(r.body.valid).toBe(true);
      expect(r.body.encryption).toEqual([]);
      expect(r.body.text['en-US'].join('\n')).not.toMatch(/encrypt/);
      expect(r.body.text['zh-CN'].join('\n')).not.toMatch(/加密/);
    });

    it('previews encrypting a name as invalid, naming the field, with nothing counted', async () => {
      const r = await preview(admin, [
        {
          kind: 'object.set_field',
          object: 'contact',
          field: 'name',
          setting: { ...settingOf(model, 'contact', 'name'), encrypted: true },
        },
      ]);
      expect(r.status).toBe(200);
      expect(r.body.valid).toBe(false);
      expect(r.body.errors[0]?.code).toBe('FIELD_ENCRYPTED');
      expect(r.body.errors[0]?.details?.field).toBe('objects/contact/fields/name/encrypted');
      expect(r.body.encryption).toEqual([]);
    });

    it('refuses a preview to a sales rep', async () => {
      const rep = await t.login('li.lei@yunshan.example');
      const r = await preview(rep, [
        {
          kind: 'object.set_field',
          object: 'contact',
          field: 'title',
          setting: { ...settingOf(model, 'contact', 'title'), encrypted: true },
        },
      ]);
      expect(r.status).toBe(403);
      expect(r.body.encryption).toBeUndefined();
    });
  });
}
