import { decide, matchesCriterion, type CrmRecord } from '@custos/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW, type TestApp } from '../../test-app.ts';
import { fieldValuesOf } from './list-filters.ts';
import type { RecordView } from './record-view.ts';

const REP = 'li.lei@yunshan.example';
const MANAGER = 'han.meimei@yunshan.example';

interface Page {
  items: RecordView[];
  nextCursor: string | null;
  total: number | null;
}

describe('list filters: owner, department, sensitivity, last change, field values', () => {
  let t: TestApp;
  let rep: string;
  let manager: string;
  let service: string;
  let portal: string;

  beforeAll(async () => {
    t = await createTestApp({ customers: 120 });
    rep = await t.login(REP);
    manager = await t.login(MANAGER);
    const login = (pred: (userId: string) => boolean) =>
      t.demo.logins.find((l) => pred(l.userId))?.email ?? '';
    const roleOf = (userId: string) =>
      t.demo.company.model.users.find((u) => u.id === userId)?.roleIds ?? [];
    service = await t.login(login((id) => roleOf(id).includes('customer-service')));
    portal = await t.login(login((id) => id === 'portal-1'));
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string, cookie: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie } });

  /** Every page of a list, and the first page's total. */
  async function all(url: string, cookie: string): Promise<{ ids: string[]; total: number }> {
    const ids: string[] = [];
    let total = -1;
    let cursor: string | null = null;
    do {
      const page = await get(`${url}&limit=7${cursor === null ? '' : `&cursor=${cursor}`}`, cookie);
      expect(page.statusCode, page.body).toBe(200);
      const body = page.json<Page>();
      if (total < 0) total = body.total ?? -1;
      ids.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
    } while (cursor !== null);
    return { ids: ids.sort(), total };
  }

  /** What the engine lets the manager read of the customers, restricted by `match`. */
  function expected(userId: string, match: (r: CrmRecord) => boolean): string[] {
    const { model, records } = t.demo.company;
    return records
      .filter(
        (r) => r.object === 'customer' && decide(model, userId, 'read', r, TEST_NOW) && match(r),
      )
      .map((r) => r.id)
      .sort();
  }

  it('each filter lists exactly the readable records that match it, and total counts them', async () => {
    const readable = expected('hanmeimei', () => true);
    const { records } = t.demo.company;
    const owned = records.filter((r) => readable.includes(r.id) && r.ownerId !== null);
    const sample = owned[Math.floor(owned.length / 2)];
    expect(sample).toBeDefined();
    const s = sample as CrmRecord;
    const level = s.fields.level as string;
    const region = s.fields.region as string;
    const cases: [string, (r: CrmRecord) => boolean][] = [
      [`ownerId=${s.ownerId}`, (r) => r.ownerId === s.ownerId],
      [`departmentId=${s.departmentId}`, (r) => r.departmentId === s.departmentId],
      [`sensitivity=${s.sensitivity}`, (r) => r.sensitivity === s.sensitivity],
      [`field=level:${encodeURIComponent(level)}`, (r) => r.fields.level === level],
      [
        `field=level:${encodeURIComponent(level)}&field=region:${encodeURIComponent(region)}`,
        (r) => r.fields.level === level && r.fields.region === region,
      ],
      // One field twice: either value.
      [`field=level:A&field=level:B`, (r) => r.fields.level === 'A' || r.fields.level === 'B'],
      [
        `ownerId=${s.ownerId}&field=level:${encodeURIComponent(level)}`,
        (r) => r.ownerId === s.ownerId && r.fields.level === level,
      ],
      // A boolean field: the text `true` finds the boolean.
      [
        'field=vip:true',
        (r) =>
          matchesCriterion({ field: 'vip', op: 'in', values: fieldValuesOf('true') }, r.fields.vip),
      ],
      ['ownerId=nobody', () => false],
      [`customerId=${s.id}`, (r) => r.id === s.id],
      ['customerId=nobody', () => false],
    ];
    for (const [query, match] of cases) {
      const want = expected('hanmeimei', match);
      const got = await all(`/v1/customers?${query}`, manager);
      expect(got.ids, query).toEqual(want);
      expect(got.total, query).toBe(want.length);
    }
    // The filters never widen: a rep filtering by someone else's customers gets none.
    const other = await all(
      `/v1/customers?ownerId=${s.ownerId === 'lilei' ? 'hanmeimei' : s.ownerId}`,
      rep,
    );
    expect(other.ids.every((id) => expected('lilei', () => true).includes(id))).toBe(true);
  });

  it('customerId lists a customer’s children the caller may read, exactly', async () => {
    const { model, records } = t.demo.company;
    const readable = expected('hanmeimei', () => true);
    const customerId = readable[Math.floor(readable.length / 3)] as string;
    for (const [object, type] of [
      ['contacts', 'contact'],
      ['deals', 'deal'],
      ['orders', 'order'],
      ['tickets', 'ticket'],
      ['activities', 'activity'],
    ] as const) {
      const want = records
        .filter(
          (r) =>
            r.object === type &&
            r.customerId === customerId &&
            decide(model, 'hanmeimei', 'read', r, TEST_NOW),
        )
        .map((r) => r.id)
        .sort();
      const got = await all(`/v1/${object}?customerId=${customerId}`, manager);
      expect(got.ids, object).toEqual(want);
      expect(got.total, object).toBe(want.length);
    }
  });

  it('filters by the time of the last change: from inclusive, to exclusive', async () => {
    const first = await get('/v1/customers?limit=200&sort=updatedAt', manager);
    const items = first.json<Page>().items;
    expect(items.length).toBeGreaterThan(4);
    const times = items.map((i) => i.updatedAt);
    const from = times[1] as string;
    const to = times[times.length - 2] as string;
    const all200 = await all(`/v1/customers?sort=updatedAt`, manager);
    const want = items.filter((i) => i.updatedAt >= from && i.updatedAt < to).map((i) => i.id);
    expect(all200.ids.length).toBe(items.length);
    const got = await all(
      `/v1/customers?updatedFrom=${encodeURIComponent(from)}&updatedTo=${encodeURIComponent(to)}`,
      manager,
    );
    expect(got.ids).toEqual(want.sort());
    // With an offset: the same instant.
    const shifted = new Date(Date.parse(from)).toISOString().replace('Z', '+00:00');
    const same = await all(`/v1/customers?updatedFrom=${encodeURIComponent(shifted)}`, manager);
    expect(same.ids).toEqual(
      items
        .filter((i) => i.updatedAt >= from)
        .map((i) => i.id)
        .sort(),
    );
  });

  it('a field filter on a field the caller does not read in clear is refused, naming it', async () => {
    // 客服专员: bankAccount hidden, idNumber masked; 销售代表: idNumber masked.
    for (const [cookie, name, level] of [
      [service, 'bankAccount', 'hidden'],
      [service, 'idNumber', 'masked'],
      [rep, 'idNumber', 'masked'],
    ] as const) {
      const refused = await get(`/v1/customers?field=${name}:1`, cookie);
      expect(refused.statusCode, refused.body).toBe(403);
      expect(refused.json()).toMatchObject({
        code: 'PERMISSION_DENIED',
        details: { field: 'querystring/field', name, level },
      });
    }
    // Read in clear: allowed.
    expect((await get('/v1/customers?field=level:A', rep)).statusCode).toBe(200);
  });

  it('bad filters are refused naming the parameter', async () => {
    const cases: [string, string, number, string][] = [
      ['/v1/customers?field=nosuch:x', 'querystring/field', 400, 'REQUEST_INVALID'],
      ['/v1/deals?field=level:A', 'querystring/field', 400, 'REQUEST_INVALID'],
      ['/v1/customers?field=level', 'querystring/field/0', 400, 'REQUEST_INVALID'],
      ['/v1/customers?updatedFrom=yesterday', 'querystring/updatedFrom', 400, 'REQUEST_INVALID'],
      [
        '/v1/customers?updatedTo=2026-13-01T00:00:00Z',
        'querystring/updatedTo',
        400,
        'REQUEST_INVALID',
      ],
      ['/v1/customers?sensitivity=secret', 'querystring/sensitivity', 400, 'REQUEST_INVALID'],
      ['/v1/customers?ownerId=a%20b', 'querystring/ownerId', 400, 'REQUEST_INVALID'],
    ];
    for (const [url, field, status, code] of cases) {
      const response = await get(url, manager);
      expect(response.statusCode, `${url} ${response.body}`).toBe(status);
      expect(response.json(), url).toMatchObject({ code, details: { field } });
    }
  });

  it('a portal user cannot filter by owner or department', async () => {
    for (const name of ['ownerId', 'departmentId']) {
      const refused = await get(`/v1/tickets?${name}=lilei`, portal);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ details: { field: `querystring/${name}` } });
    }
    expect((await get('/v1/tickets?sensitivity=internal', portal)).statusCode).toBe(200);
  });

  it('a cursor is bound to the filters', async () => {
    const first = await get('/v1/customers?limit=2&field=level:B', manager);
    const cursor = first.json<Page>().nextCursor;
    expect(cursor).not.toBeNull();
    const ok = await get(`/v1/customers?limit=2&field=level:B&cursor=${cursor}`, manager);
    expect(ok.statusCode).toBe(200);
    const refused = await get(`/v1/customers?limit=2&field=level:C&cursor=${cursor}`, manager);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ details: { field: 'querystring/cursor' } });
  });
});
