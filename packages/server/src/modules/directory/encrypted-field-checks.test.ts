/**
 * The change path refuses encryption where SQL compares stored values (docs/encryption.md):
 * `encrypted` on `name`, `encrypted` on a field a sharing rule's criteria use, and criteria on an
 * encrypted field — each naming the field, nothing changed. Encrypting a plain field is accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-app.ts';

for (const backend of ['pglite', 'postgres'] as const) {
  describe(`encrypted field checks on ${backend}`, () => {
    let t: TestApp;
    let admin: string;
    const call = async (url: string, payload: Record<string, unknown>) => {
      const r = await t.app.inject({ method: 'POST', url, headers: { cookie: admin }, payload });
      return {
        status: r.statusCode,
        body: r.json<{ code: string; details: Record<string, unknown> }>(),
      };
    };
    const version = async () => {
      const r = await t.app.inject({
        method: 'GET',
        url: '/v1/admin/objects',
        headers: { cookie: admin },
      });
      return r.json<{ version: number }>().version;
    };
    beforeAll(async () => {
      t = await createTestApp({ backend, customers: 10 });
      admin = await t.login('zhou.min@yunshan.example');
    });
    afterAll(async () => {
      await t?.close();
    });

    it('refuses encrypted on name, naming the field, and changes nothing', async () => {
      const before = await version();
      for (const url of ['/v1/admin/changes']) {
        const r = await call(url, {
          changes: [
            {
              kind: 'object.set_field',
              object: 'contact',
              field: 'name',
              setting: { label: '姓名', encrypted: true },
            },
          ],
        });
        expect(r.status).toBe(422);
        expect(r.body.code).toBe('FIELD_ENCRYPTED');
        expect(r.body.details.field).toBe('objects/contact/fields/name/encrypted');
      }
      expect(await version()).toBe(before);
    });

    it('refuses encrypting a field sharing-rule criteria use, and criteria on an encrypted field', async () => {
      const before = await version();
      const onRegion = await call('/v1/admin/changes', {
        changes: [
          {
            kind: 'object.set_field',
            object: 'customer',
            field: 'region',
            setting: { label: '区域', encrypted: true },
          },
        ],
      });
      expect(onRegion.status).toBe(422);
      expect(onRegion.body.code).toBe('FIELD_ENCRYPTED');
      expect(onRegion.body.details).toMatchObject({ object: 'customer', name: 'region' });
      expect(String(onRegion.body.details.field)).toMatch(
        /^sharingRules\/\d+\/source\/criteria\/0\/field$/,
      );
      const onPhone = await call('/v1/admin/changes', {
        changes: [
          {
            kind: 'sharing_rule.create',
            rule: {
              id: 'sr-by-phone',
              name: '按电话共享',
              object: 'customer',
              source: { kind: 'criteria', criteria: [{ field: 'phone', op: 'eq', value: '1' }] },
              targetGroupId: 'g-marketing',
              access: 'read',
            },
          },
        ],
      });
      expect(onPhone.status).toBe(422);
      expect(onPhone.body.code).toBe('FIELD_ENCRYPTED');
      expect(onPhone.body.details).toMatchObject({ name: 'phone', object: 'customer' });
      expect(await version()).toBe(before);
    });

    it('accepts encrypting a plain field', async () => {
      const r = await call('/v1/admin/changes', {
        changes: [
          {
            kind: 'object.set_field',
            object: 'contact',
            field: 'title',
            setting: { label: '职务', encrypted: true },
          },
        ],
      });
      expect(r.status).toBe(200);
    });
  });
}
