/**
 * GDPR / CCPA over HTTP, on PGlite and PostgreSQL (docs/privacy.md): consents read as the contact
 * is read and written by whoever may update it (Art. 6, 7); the request queue for privacy_admin
 * only, with legal deadlines and one extension (Art. 12(3)); the access/portability archive as a
 * zip of JSON and CSV including who read the record (Art. 15, 20); erasure that anonymises,
 * crypto-shreds, records evidence and leaves the audit chain verifying (Art. 17); a backup
 * restored afterwards stays unreadable; the deadline reminders.
 */
import { randomBytes } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import {
  createKeyring,
  listAuditEvents,
  listNotifications,
  notifyUser,
  REDACTED,
  verifyAuditChain,
  type DemoRecord,
} from '@custos/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW, type TestApp } from '../../test-app.ts';
import { ERASED_NAME } from './erase-subject.ts';
import { runPrivacyDeadlines } from './privacy-deadline-reminders.ts';

const DAY = 86_400_000;
const OFFICER = 'zheng.xiuying@yunshan.example';
const REP = 'li.lei@yunshan.example';
const ADMIN = 'zhou.min@yunshan.example';

describe.each(['pglite', 'postgres'] as const)('privacy on %s', (backend) => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  let own: DemoRecord;
  let foreign: DemoRecord;

  async function call(
    email: string,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) {
    let cookie = cookies.get(email);
    if (cookie === undefined) {
      cookie = await t.login(email);
      cookies.set(email, cookie);
    }
    const response = await t.app.inject({
      method,
      url,
      headers: { cookie },
      ...(method === 'GET' ? {} : { payload: payload ?? {} }),
    });
    const isJson = String(response.headers['content-type'] ?? '').includes('json');
    return {
      status: response.statusCode,
      body: isJson ? response.json() : undefined,
      raw: response.rawPayload,
      headers: response.headers,
    };
  }

  beforeAll(async () => {
    t = await createTestApp({ backend, customers: 60 });
    const contacts = t.demo.company.records.filter((r) => r.object === 'contact');
    own = contacts.find((r) => r.ownerId === 'lilei') as DemoRecord;
    foreign = contacts.find((r) => r.ownerId !== 'lilei' && r.ownerId !== null) as DemoRecord;
  }, 120_000);
  afterAll(() => t.close());

  it('consents: read as the contact is read, written by who may update it, audited (Art. 6, 7)', async () => {
    const hidden = await call(REP, 'GET', `/v1/contacts/${foreign.id}/consents`);
    const hiddenContact = await call(REP, 'GET', `/v1/contacts/${foreign.id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(hiddenContact.body);
    expect(
      (
        await call(REP, 'POST', `/v1/contacts/${foreign.id}/consents`, {
          purpose: 'x',
          lawfulBasis: 'consent',
          source: 'phone',
        })
      ).status,
    ).toBe(404);

    const bad = await call(REP, 'POST', `/v1/contacts/${own.id}/consents`, {
      purpose: 'newsletter',
      lawfulBasis: 'because',
      source: 'phone',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.field).toContain('lawfulBasis');
    const future = await call(REP, 'POST', `/v1/contacts/${own.id}/consents`, {
      purpose: 'newsletter',
      lawfulBasis: 'consent',
      source: 'phone',
      givenAt: new Date(TEST_NOW + DAY).toISOString(),
    });
    expect(future.status).toBe(400);
    expect(future.body.details.field).toBe('body/givenAt');
    expect((await call(REP, 'GET', `/v1/contacts/${own.id}/consents`)).body.items).toEqual([]);

    const given = await call(REP, 'POST', `/v1/contacts/${own.id}/consents`, {
      purpose: 'newsletter',
      lawfulBasis: 'consent',
      source: 'web_form',
    });
    expect(given.status).toBe(201);
    expect(given.body).toMatchObject({ purpose: 'newsletter', active: true, recordedBy: 'lilei' });
    const withdrawn = await call(
      REP,
      'POST',
      `/v1/contacts/${own.id}/consents/${given.body.id}/withdraw`,
      { reason: 'asked on the phone' },
    );
    expect(withdrawn.body).toMatchObject({ active: false, withdrawReason: 'asked on the phone' });
    const again = await call(
      REP,
      'POST',
      `/v1/contacts/${own.id}/consents/${given.body.id}/withdraw`,
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONSENT_ALREADY_WITHDRAWN');

    const list = await call(REP, 'GET', `/v1/contacts/${own.id}/consents`);
    expect(list.body).toMatchObject({
      canWrite: true,
      items: [{ id: given.body.id, active: false }],
    });
    const events = await listAuditEvents(t.database.db, 'yunshan', { action: 'consent.withdraw' });
    expect(events[0]).toMatchObject({ actorId: 'lilei', target: `contact/${own.id}` });
  });

  it('the queue: privacy_admin only, legal deadlines, owners checked, one extension (Art. 12(3))', async () => {
    expect((await call(REP, 'GET', '/v1/privacy/requests')).status).toBe(403);
    expect(
      (await call(REP, 'POST', '/v1/privacy/requests', { kind: 'access', regime: 'gdpr' })).status,
    ).toBe(403);

    const demo = await call(OFFICER, 'GET', '/v1/privacy/requests');
    expect(demo.status).toBe(200);
    expect(demo.body.items.map((r: { status: string }) => r.status).sort()).toEqual([
      'completed',
      'verifying',
    ]);
    expect(demo.body.owners.map((o: { id: string }) => o.id)).toContain('zhengxiuying');

    const noSubject = await call(OFFICER, 'POST', '/v1/privacy/requests', {
      kind: 'access',
      regime: 'gdpr',
    });
    expect(noSubject.status).toBe(400);
    expect(noSubject.body.details.field).toBe('body/contactId');
    const badOwner = await call(OFFICER, 'POST', '/v1/privacy/requests', {
      kind: 'access',
      regime: 'ccpa',
      requesterEmail: 'someone@example.com',
      ownerId: 'lilei',
    });
    expect(badOwner.status).toBe(422);
    expect(badOwner.body).toMatchObject({
      code: 'PRIVACY_OWNER_INVALID',
      details: { field: 'body/ownerId' },
    });

    const received = TEST_NOW - 40 * DAY;
    const ccpa = await call(OFFICER, 'POST', '/v1/privacy/requests', {
      kind: 'opt_out_of_sale',
      regime: 'ccpa',
      requesterEmail: 'someone@example.com',
      receivedAt: new Date(received).toISOString(),
    });
    expect(ccpa.status).toBe(201);
    expect(ccpa.body).toMatchObject({
      status: 'received',
      ownerId: 'zhengxiuying',
      dueAt: new Date(received + 45 * DAY).toISOString(),
      deadline: 'due_soon',
      canExtend: true,
    });
    const extended = await call(OFFICER, 'POST', `/v1/privacy/requests/${ccpa.body.id}/extend`, {
      reason: 'many systems to search',
    });
    expect(extended.body).toMatchObject({
      dueAt: new Date(received + 90 * DAY).toISOString(),
      deadline: 'on_time',
      canExtend: false,
      extensionReason: 'many systems to search',
    });
    const twice = await call(OFFICER, 'POST', `/v1/privacy/requests/${ccpa.body.id}/extend`, {
      reason: 'again',
    });
    expect(twice.body.code).toBe('PRIVACY_EXTENSION_USED');
    const rejected = await call(OFFICER, 'POST', `/v1/privacy/requests/${ccpa.body.id}/reject`, {
      reason: 'identity could not be verified',
    });
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      closedReason: 'identity could not be verified',
    });
    const closed = await call(OFFICER, 'POST', `/v1/privacy/requests/${ccpa.body.id}/assign`, {
      ownerId: 'zhoumin',
    });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('PRIVACY_REQUEST_CLOSED');
  });

  it('the archive: a zip of JSON and CSV with who read the record, audited (Art. 15, 20)', async () => {
    // 李雷 reads his contact: a record.read event, which the archive's access log lists.
    expect((await call(REP, 'GET', `/v1/contacts/${own.id}`)).status).toBe(200);
    const created = await call(OFFICER, 'POST', '/v1/privacy/requests', {
      kind: 'portability',
      regime: 'gdpr',
      contactId: own.id,
    });
    const early = await call(OFFICER, 'GET', `/v1/privacy/requests/${created.body.id}/archive`);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('PRIVACY_REQUEST_STATE');
    // A rejected request (identity not verified) never yields the archive.
    const refused = await call(OFFICER, 'POST', '/v1/privacy/requests', {
      kind: 'access',
      regime: 'gdpr',
      contactId: own.id,
    });
    await call(OFFICER, 'POST', `/v1/privacy/requests/${refused.body.id}/status`, {
      status: 'in_progress',
    });
    await call(OFFICER, 'POST', `/v1/privacy/requests/${refused.body.id}/reject`, {
      reason: 'identity could not be verified',
    });
    const denied = await call(OFFICER, 'GET', `/v1/privacy/requests/${refused.body.id}/archive`);
    expect(denied.status).toBe(409);
    expect(denied.body).toMatchObject({ code: 'PRIVACY_REQUEST_STATE' });
    expect(denied.body.message).toContain('rejected');
    expect(
      (await call(OFFICER, 'POST', `/v1/privacy/requests/${created.body.id}/complete`)).body.code,
    ).toBe('PRIVACY_REQUEST_STATE');
    await call(OFFICER, 'POST', `/v1/privacy/requests/${created.body.id}/status`, {
      status: 'in_progress',
    });

    const archive = await call(OFFICER, 'GET', `/v1/privacy/requests/${created.body.id}/archive`);
    expect(archive.status).toBe(200);
    expect(archive.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(archive.raw));
    expect(Object.keys(files).sort()).toEqual(
      [
        'README.txt',
        'access-log.csv',
        'access-log.json',
        'consents.csv',
        'consents.json',
        'contact.csv',
        'contact.json',
        'manifest.json',
        'related.json',
        'requests.csv',
        'requests.json',
      ].sort(),
    );
    const text = (name: string): string => strFromU8(files[name] as Uint8Array);
    const contact = JSON.parse(text('contact.json'));
    expect(contact.fields).toEqual(own.fields);
    expect(JSON.parse(text('consents.json'))).toHaveLength(1);
    expect(JSON.parse(text('requests.json'))[0]).toMatchObject({
      id: created.body.id,
      kind: 'portability',
    });
    const log = JSON.parse(text('access-log.json'));
    expect(log.events).toContainEqual(
      expect.objectContaining({ who: '李雷', action: 'record.read', outcome: 'success' }),
    );
    expect(text('access-log.csv')).toContain('李雷');
    expect(text('contact.csv')).toContain(String(own.fields.phone));

    const after = await call(OFFICER, 'GET', `/v1/privacy/requests/${created.body.id}`);
    expect(after.body.evidence[0]).toMatchObject({
      kind: 'archive',
      sha256: archive.headers['x-custos-archive-sha256'],
    });
    const [exported] = await listAuditEvents(t.database.db, 'yunshan', {
      action: 'privacy.export',
    });
    expect(exported).toMatchObject({ actorId: 'zhengxiuying', target: `contact/${own.id}` });
    expect(
      (
        await call(OFFICER, 'POST', `/v1/privacy/requests/${created.body.id}/complete`, {
          note: 'sent',
        })
      ).body.status,
    ).toBe('completed');
  });

  it('erasure: anonymised, crypto-shredded, evidence kept, the chain verifies (Art. 17)', async () => {
    const keyring = t.app.custos.keyring;
    await keyring.ensureSubjectKey(t.database.db, 'yunshan', own.id, new Date(TEST_NOW));
    // An approver's notification that names the person (an access request for the contact).
    await notifyUser(t.database.db, {
      tenantId: 'yunshan',
      userId: 'wangzhiqiang',
      kind: 'access_request.submitted',
      params: { object: 'contact', recordId: own.id, recordName: own.fields.name },
      now: TEST_NOW,
    });
    // An edit before the erasure: its audit event holds the person's values.
    const edited = await call(ADMIN, 'PATCH', `/v1/contacts/${own.id}`, {
      fields: { phone: '13912345678', email: 'erase.me@example.com' },
    });
    expect(edited.status).toBe(200);
    const created = await call(OFFICER, 'POST', '/v1/privacy/requests', {
      kind: 'erasure',
      regime: 'gdpr',
      contactId: own.id,
    });
    const id = created.body.id as string;
    expect(
      (await call(OFFICER, 'POST', `/v1/privacy/requests/${id}/erase`, { confirm: own.id })).body
        .code,
    ).toBe('PRIVACY_REQUEST_STATE');
    await call(OFFICER, 'POST', `/v1/privacy/requests/${id}/status`, { status: 'in_progress' });
    const wrong = await call(OFFICER, 'POST', `/v1/privacy/requests/${id}/erase`, {
      confirm: 'ct-nope',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      code: 'PRIVACY_CONFIRMATION_MISMATCH',
      details: { field: 'body/confirm' },
    });
    expect((await call(ADMIN, 'GET', `/v1/contacts/${own.id}`)).body.fields.name).toBe(
      own.fields.name,
    );

    const erased = await call(OFFICER, 'POST', `/v1/privacy/requests/${id}/erase`, {
      confirm: own.id,
    });
    expect(erased.status).toBe(200);
    const evidence = erased.body.evidence[0];
    expect(evidence).toMatchObject({
      kind: 'erasure',
      contactId: own.id,
      erasedBy: 'zhengxiuying',
      subjectKeyShredded: true,
      consentsCleared: 1,
    });
    expect(evidence.fieldsErased).toEqual(Object.keys(own.fields).sort());
    const [event] = await listAuditEvents(t.database.db, 'yunshan', { action: 'privacy.erase' });
    expect(evidence.auditEventIds).toEqual([event?.id]);
    expect(JSON.stringify(event)).not.toContain(String(own.fields.phone));

    const record = await call(ADMIN, 'GET', `/v1/contacts/${own.id}`);
    expect(record.body.fields).toMatchObject({ name: ERASED_NAME, phone: null, email: null });
    // The erased person's record takes no personal values again (their key is gone for good).
    const refill = await call(ADMIN, 'PATCH', `/v1/contacts/${own.id}`, {
      fields: { phone: '13912345678' },
    });
    expect(refill.status).toBe(409);
    expect(refill.body).toMatchObject({ code: 'SUBJECT_ERASED', details: { field: 'phone' } });
    expect((await call(ADMIN, 'GET', `/v1/contacts/${own.id}`)).body.fields.phone).toBeNull();
    const consents = await call(ADMIN, 'GET', `/v1/contacts/${own.id}/consents`);
    expect(consents.body.items[0].purpose).not.toBe('newsletter');
    expect((await keyring.subjectKeys(t.database.db, 'yunshan', [own.id])).get(own.id)).toBeNull();
    expect(
      (await call(OFFICER, 'POST', `/v1/privacy/requests/${id}/erase`, { confirm: own.id })).body
        .code,
    ).toBe('PRIVACY_REQUEST_STATE');
    expect((await call(OFFICER, 'POST', `/v1/privacy/requests/${id}/complete`)).body.status).toBe(
      'completed',
    );

    const told = await listNotifications(t.database.db, 'yunshan', 'wangzhiqiang', { limit: 500 });
    const aboutThem = told.filter((n) => n.params.recordId === own.id);
    expect(aboutThem.length).toBeGreaterThan(0);
    expect(aboutThem.every((n) => n.params.recordName === null)).toBe(true);
    // Nothing of the person is left readable in the log: no clear value, no masked form.
    const events = (await listAuditEvents(t.database.db, 'yunshan', { limit: 100_000 })).filter(
      (e) => e.target === `contact/${own.id}`,
    );
    expect(events.some((e) => e.action === 'contact.update')).toBe(true);
    const log = JSON.stringify(events);
    for (const trace of ['13912345678', '5678', 'erase.me', '"m":', 'newsletter'])
      expect(log).not.toContain(trace);

    const report = await verifyAuditChain(t.database.db, 'yunshan');
    expect(report.ok).toBe(true);
    expect(BigInt(report.lastSeq)).toBeGreaterThanOrEqual(BigInt(evidence.auditHead.seq));
  });

  it('erasure reaches a contact deleted before the request: its audit trail is shredded', async () => {
    const keyring = t.app.custos.keyring;
    const gone = t.demo.company.records.find(
      (r) => r.object === 'contact' && r.ownerId === 'lilei' && r.id !== own.id,
    ) as DemoRecord;
    expect(
      (
        await call(ADMIN, 'PATCH', `/v1/contacts/${gone.id}`, {
          fields: { phone: '13700001111' },
        })
      ).status,
    ).toBe(200);
    expect((await call(ADMIN, 'DELETE', `/v1/contacts/${gone.id}`, {})).status).toBe(204);
    expect(
      (await keyring.subjectKeys(t.database.db, 'yunshan', [gone.id])).get(gone.id),
    ).not.toBeNull();

    const never = await call(OFFICER, 'POST', '/v1/privacy/requests', {
      kind: 'erasure',
      regime: 'gdpr',
      contactId: 'ct-never-was',
    });
    expect(never.status).toBe(404);
    expect(never.body.details.field).toBe('body/contactId');

    const created = await call(OFFICER, 'POST', '/v1/privacy/requests', {
      kind: 'erasure',
      regime: 'gdpr',
      contactId: gone.id,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await call(OFFICER, 'POST', `/v1/privacy/requests/${id}/status`, { status: 'in_progress' });
    const erased = await call(OFFICER, 'POST', `/v1/privacy/requests/${id}/erase`, {
      confirm: gone.id,
    });
    expect(erased.status).toBe(200);
    expect(erased.body.evidence[0]).toMatchObject({
      kind: 'erasure',
      contactId: gone.id,
      recordDeleted: true,
      fieldsErased: [],
      subjectKeyShredded: true,
    });
    expect(
      (await keyring.subjectKeys(t.database.db, 'yunshan', [gone.id])).get(gone.id),
    ).toBeNull();
    const report = await verifyAuditChain(t.database.db, 'yunshan');
    expect(report.ok).toBe(true);
  });

  it('a backup restored after an erasure stays unreadable for that person (the shred ledger)', async () => {
    const db = t.database.db;
    const keyring = createKeyring({ kek: randomBytes(32) });
    const tenant = 'yunshan';
    const subject = 'restore-subject-1';
    const at = new Date(TEST_NOW);
    await db.deleteFrom('data_keys').where('tenant_id', '=', tenant).execute();
    const keys = await keyring.tenant(db, tenant, { fresh: true });
    const subjectKey = await keyring.ensureSubjectKey(db, tenant, subject, at);
    const aad = { tenantId: tenant, table: 'contacts', recordId: subject, field: 'phone' };
    const sealed = keys.seal(aad, '13800000000', { subject: subjectKey ?? undefined });
    expect(keys.open(aad, sealed, await keyring.subjectKeys(db, tenant, [subject]))).toBe(
      '13800000000',
    );
    // What an old backup holds: the wrapped key row.
    const backup = await db
      .selectFrom('subject_keys')
      .selectAll()
      .where('tenant_id', '=', tenant)
      .where('subject_id', '=', subject)
      .executeTakeFirstOrThrow();
    await db.transaction().execute((tx) => keyring.shredSubject(tx, tenant, subject, at));
    await db.insertInto('subject_keys').values(backup).execute();
    const restored = await keyring.subjectKeys(db, tenant, [subject]);
    expect(restored.get(subject)).toBeNull();
    expect(keys.open(aad, sealed, restored)).toEqual(REDACTED);
  });

  it('deadline reminders: the owner told once when due soon and once when overdue', async () => {
    const created = await call(OFFICER, 'POST', '/v1/privacy/requests', {
      kind: 'rectification',
      regime: 'gdpr',
      requesterName: 'Someone',
      receivedAt: new Date(TEST_NOW - 25 * DAY).toISOString(),
    });
    const mine = (n: { params: { requestId?: string } }) => n.params.requestId === created.body.id;
    const first = await runPrivacyDeadlines({ database: t.database }, TEST_NOW);
    expect(first.reminded).toContain(`${created.body.id}:due_soon`);
    expect((await runPrivacyDeadlines({ database: t.database }, TEST_NOW)).reminded).not.toContain(
      `${created.body.id}:due_soon`,
    );
    const late = await runPrivacyDeadlines({ database: t.database }, TEST_NOW + 10 * DAY);
    expect(late.reminded).toContain(`${created.body.id}:overdue`);
    const notes = (await listNotifications(t.database.db, 'yunshan', 'zhengxiuying')).filter(mine);
    expect(notes.map((n) => n.kind).sort()).toEqual([
      'privacy.request_due_soon',
      'privacy.request_overdue',
    ]);
    const view = await call(OFFICER, 'GET', `/v1/privacy/requests/${created.body.id}`);
    expect(view.body.timeline.map((e: { what: string }) => e.what)).toEqual([
      'created',
      'reminded',
      'reminded',
    ]);
  });
});
