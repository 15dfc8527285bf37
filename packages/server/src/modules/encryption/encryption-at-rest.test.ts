/**
 * Field encryption at rest, proven on the demo company (docs/encryption.md, docs/security.md
 * "Encryption at rest"): no table holds the plaintext of any encrypted value (records, audit
 * events, blind index, everything else); callers who read a field in clear get it through the API,
 * masked callers the masked form, hidden stays absent; a ciphertext copied to another row fails
 * loudly; exact-match search through the blind index returns what the engine lets the caller read.
 */
import { decide, mask, type CrmRecord, type PolicyModel } from '@custos/engine';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW, type TestApp } from '../../test-app.ts';

const ADMIN = 'zhou.min@yunshan.example';

/** Every encrypted string value of the generator's records (collected before they are stored). */
function clearValues(model: PolicyModel, records: readonly CrmRecord[]): Set<string> {
  const out = new Set<string>();
  for (const r of records) {
    const settings = model.objects.find((o) => o.object === r.object)?.fields ?? {};
    for (const [name, value] of Object.entries(r.fields))
      if (settings[name]?.encrypted === true && typeof value === 'string' && value.length >= 6)
        out.add(value);
  }
  return out;
}

function userWithRole(model: PolicyModel, roleName: string): string {
  const role = model.roles.find((r) => r.name === roleName);
  const user = model.users.find((u) => role !== undefined && u.roleIds.includes(role.id));
  if (user === undefined) throw new Error(`no user with role ${roleName}`);
  return user.id;
}

for (const backend of ['pglite', 'postgres'] as const) {
  describe(`encryption at rest on ${backend}`, () => {
    let t: TestApp;
    let model: PolicyModel;
    let records: CrmRecord[];
    const emailOf = (userId: string): string => {
      const login = t.demo.logins.find((l) => l.userId === userId);
      if (login === undefined) throw new Error(`no login for ${userId}`);
      return login.email;
    };
    const get = async (cookie: string, url: string) => {
      const r = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      return { status: r.statusCode, body: r.json<Record<string, unknown>>() };
    };

    /** Every text and JSON cell of every table of the schema, as text. */
    async function everyCell(): Promise<{ where: string; text: string }[]> {
      const { rows: columns } = await sql<{ table_name: string; column_name: string }>`
        select table_name, column_name from information_schema.columns
        where table_schema = current_schema()
          and data_type in ('text', 'json', 'jsonb', 'character varying', 'ARRAY')
        order by table_name, column_name`.execute(t.database.db);
      const tables = new Set(columns.map((c) => c.table_name));
      expect(tables).toContain('audit_events');
      expect(tables).toContain('blind_index');
      expect(tables).toContain('customers');
      const out: { where: string; text: string }[] = [];
      for (const c of columns) {
        const { rows } = await sql<{
          v: string | null;
        }>`select cast(${sql.ref(c.column_name)} as text) as v
          from ${sql.table(c.table_name)}`.execute(t.database.db);
        for (const row of rows)
          if (row.v !== null) out.push({ where: `${c.table_name}.${c.column_name}`, text: row.v });
      }
      return out;
    }

    beforeAll(async () => {
      t = await createTestApp({ backend, customers: 30 });
      model = t.demo.company.model;
      records = t.demo.company.records;
    });
    afterAll(async () => {
      await t?.close();
    });

    it('stores no plaintext of any encrypted value in any table, audit events and blind index included', async () => {
      const admin = await t.login(ADMIN);
      // A write through the API too: its row and its audit events must not hold the value either.
      const customer = records.find((r) => r.object === 'customer') as CrmRecord;
      const created = await t.app.inject({
        method: 'POST',
        url: '/v1/contacts',
        headers: { cookie: admin },
        payload: {
          customerId: customer.id,
          fields: { name: '密文测试', phone: '13900001111', email: 'cipher.test@probe.example' },
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: string }>().id;
      const updated = await t.app.inject({
        method: 'PATCH',
        url: `/v1/contacts/${id}`,
        headers: { cookie: admin },
        payload: { fields: { phone: '13900002222' } },
      });
      expect(updated.statusCode, updated.body).toBe(200);
      expect(updated.json<{ fields: Record<string, unknown> }>().fields.phone).toBe('13900002222');

      const secrets = clearValues(model, records);
      expect(secrets.size).toBeGreaterThan(50);
      for (const probe of ['13900001111', '13900002222', 'cipher.test@probe.example'])
        secrets.add(probe);
      const cells = await everyCell();
      const leaks: string[] = [];
      for (const cell of cells)
        for (const secret of secrets)
          if (cell.text.includes(secret)) leaks.push(`${cell.where}: ${secret}`);
      expect(leaks).toEqual([]);
      // A contact is a person: every value of theirs in the log is sealed under their key, names too
      // (the name stays clear only in the row, where it is indexed for prefix search).
      const events = cells.filter((c) => c.where.startsWith('audit_events.'));
      expect(events.some((c) => c.text.includes(`contact/${id}`))).toBe(true);
      expect(events.filter((c) => c.text.includes('密文测试'))).toEqual([]);
      // Amounts are numbers: every stored deal/order amount is a sealed value, none a number.
      for (const table of ['deals', 'orders'] as const) {
        const { rows } = await sql<{ a: string | null }>`select cast(data -> 'amount' as text) as a
          from ${sql.table(table)}`.execute(t.database.db);
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) if (row.a !== null) expect(row.a).toMatch(/^\{"(\$enc|m)"/);
      }
    });

    it('finance reads in clear through the API, the rep sees masked forms, service not hidden ones', async () => {
      const finance = userWithRole(model, '财务专员');
      const financeCookie = await t.login(emailOf(finance));
      const withPhone = records.find(
        (r) => r.object === 'customer' && typeof r.fields.phone === 'string',
      ) as CrmRecord;
      const seen = await get(financeCookie, `/v1/customers/${withPhone.id}`);
      expect(seen.status).toBe(200);
      const fields = seen.body.fields as Record<string, unknown>;
      expect(fields.phone).toBe(withPhone.fields.phone);
      expect(fields.email).toBe(withPhone.fields.email);
      expect(seen.body.encryptedFields).toEqual(expect.arrayContaining(['phone', 'email']));

      const rep = records.find(
        (r) =>
          r.object === 'customer' && typeof r.fields.idNumber === 'string' && r.ownerId === 'lilei',
      );
      const repCookie = await t.login('li.lei@yunshan.example');
      if (rep !== undefined) {
        const asRep = await get(repCookie, `/v1/customers/${rep.id}`);
        expect(asRep.status).toBe(200);
        const repFields = asRep.body.fields as Record<string, unknown>;
        expect(repFields.idNumber).toBe(mask(rep.fields.idNumber, 'id_number'));
        expect(asRep.body.maskedFields).toContain('idNumber');
      }

      const service = userWithRole(model, '客服专员');
      const serviceCookie = await t.login(emailOf(service));
      const withAccount = records.find(
        (r) =>
          r.object === 'customer' &&
          typeof r.fields.bankAccount === 'string' &&
          typeof r.fields.idNumber === 'string',
      ) as CrmRecord;
      const asService = await get(serviceCookie, `/v1/customers/${withAccount.id}`);
      expect(asService.status).toBe(200);
      const serviceFields = asService.body.fields as Record<string, unknown>;
      expect(serviceFields).not.toHaveProperty('bankAccount');
      expect(serviceFields.idNumber).toBe(mask(withAccount.fields.idNumber, 'id_number'));
      // The list shows the same levels, every page's values opened in one pass.
      const list = await get(serviceCookie, '/v1/customers?limit=50');
      expect(list.status).toBe(200);
      for (const item of list.body.items as { fields: Record<string, unknown> }[])
        expect(item.fields).not.toHaveProperty('bankAccount');
    });

    it('finds a record by an encrypted phone through the blind index, within what the caller reads', async () => {
      const finance = userWithRole(model, '财务专员');
      const cookie = await t.login(emailOf(finance));
      const target = records.find(
        (r) => r.object === 'contact' && typeof r.fields.phone === 'string',
      ) as CrmRecord;
      const phone = String(target.fields.phone);
      const found = await get(cookie, `/v1/contacts?field=phone:${encodeURIComponent(phone)}`);
      expect(found.status, JSON.stringify(found.body)).toBe(200);
      const want = records
        .filter(
          (r) =>
            r.object === 'contact' &&
            r.fields.phone === phone &&
            decide(model, finance, 'read', r.object === 'contact' ? withParent(r) : r, TEST_NOW),
        )
        .map((r) => r.id)
        .sort();
      const got = (found.body.items as { id: string }[]).map((i) => i.id).sort();
      expect(got).toEqual(want);
      expect(got).toContain(target.id);
      // Spaces and dashes do not matter to an exact match (the index normalises).
      const spaced = `${phone.slice(0, 3)} ${phone.slice(3, 7)}-${phone.slice(7)}`;
      const again = await get(cookie, `/v1/contacts?field=phone:${encodeURIComponent(spaced)}`);
      expect((again.body.items as { id: string }[]).map((i) => i.id).sort()).toEqual(want);
      // Another value finds nothing; a masked caller may not probe the field at all.
      const none = await get(cookie, '/v1/contacts?field=phone:10000000000');
      expect(none.body.items).toEqual([]);
      const marketing = userWithRole(model, '市场专员');
      const refused = await get(
        await t.login(emailOf(marketing)),
        `/v1/contacts?field=phone:${encodeURIComponent(phone)}`,
      );
      expect(refused.status).toBe(403);
      expect((refused.body.details as { field: string }).field).toBe('querystring/field');

      function withParent(r: CrmRecord): CrmRecord {
        const parent = records.find((p) => p.object === 'customer' && p.id === r.customerId);
        return parent === undefined ? r : ({ ...r, parent } as CrmRecord);
      }
    });

    it('fails loudly (DECRYPT_FAILED) on a ciphertext copied to another row, never showing it', async () => {
      const finance = userWithRole(model, '财务专员');
      const cookie = await t.login(emailOf(finance));
      const [from, to] = records.filter(
        (r) => r.object === 'customer' && typeof r.fields.phone === 'string',
      ) as [CrmRecord, CrmRecord];
      await sql`update customers set data = jsonb_set(data, '{phone}',
          (select data -> 'phone' from customers where tenant_id = ${t.demo.tenantId} and id = ${from.id}))
        where tenant_id = ${t.demo.tenantId} and id = ${to.id}`.execute(t.database.db);
      const broken = await get(cookie, `/v1/customers/${to.id}`);
      expect(broken.status).toBe(500);
      expect(broken.body.code).toBe('DECRYPT_FAILED');
      expect(JSON.stringify(broken.body)).not.toContain(String(from.fields.phone));
      expect((broken.body.details as { field: string }).field).toBe('phone');
      // The row it came from still opens.
      const source = await get(cookie, `/v1/customers/${from.id}`);
      expect((source.body.fields as Record<string, unknown>).phone).toBe(from.fields.phone);
    });
  });
}
