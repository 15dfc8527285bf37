/**
 * Access reviews over HTTP on both backends: an admin creates and starts a campaign (snapshot with
 * hashes, reviewers never the reviewee), a manager keeps and revokes their items (the revocation
 * commits through the change path, the item records its audit events and a passing re-check),
 * others may not decide, the snapshot is immutable in the database, the deadline applies the
 * default and schedules the next campaign, and each evidence export verifies — and fails after one
 * changed byte.
 */
import { decide } from '@custos/engine';
import { getRecord, listAuditEvents, listNotifications } from '@custos/store';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW, type TestApp } from '../../test-app.ts';
import { runAccessReviewDeadlines } from './review-deadlines.ts';

const DAY = 86_400_000;

describe.each(['pglite', 'postgres'] as const)('access reviews on %s', (backend) => {
  let t: TestApp;
  let now = TEST_NOW;
  let admin: string;
  let manager: string;
  let rep: string;
  const emailOf = (userId: string): string => {
    const login = t.demo.logins.find((l) => l.userId === userId);
    if (login === undefined) throw new Error(`no demo login ${userId}`);
    return login.email;
  };
  const call = async (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    const r = await t.app.inject({
      method,
      url,
      headers: { cookie },
      ...(method === 'GET' ? {} : { payload: payload ?? {} }),
    });
    return {
      status: r.statusCode,
      body: r.headers['content-type']?.toString().startsWith('application/json')
        ? r.json()
        : undefined,
      raw: r.rawPayload,
    };
  };
  const newCampaign = (over: object = {}) => ({
    name: '华东大区季度权限审查',
    scope: { kind: 'department', departmentId: 'sales-east' },
    reviewers: { kind: 'manager' },
    deadline: new Date(now + 14 * DAY).toISOString(),
    reminderDays: [7, 1],
    defaultDecision: 'revoke',
    recurrence: 'quarterly',
    start: true,
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp({ backend, customers: 40, clock: () => now });
    admin = await t.login(emailOf('zhoumin'));
    manager = await t.login(emailOf('hanmeimei'));
    rep = await t.login(emailOf('lilei'));
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses what an admin mistypes, naming the field, and non-admins', async () => {
    const bad = [
      [{ scope: { kind: 'department', departmentId: 'nowhere' } }, 'body/scope/departmentId'],
      [{ scope: { kind: 'role', roleId: 'no-role' } }, 'body/scope/roleId'],
      [{ reviewers: { kind: 'named', userIds: ['ghost'] } }, 'body/reviewers/userIds/0'],
      [{ deadline: new Date(now - DAY).toISOString() }, 'body/deadline'],
    ] as const;
    for (const [over, field] of bad) {
      const r = await call(admin, 'POST', '/v1/reviews/campaigns', newCampaign(over));
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.details.field).toBe(field);
    }
    const r = await call(rep, 'POST', '/v1/reviews/campaigns', newCampaign());
    expect(r.status).toBe(403);
    // The demo's two campaigns only: nothing was created.
    expect((await call(admin, 'GET', '/v1/reviews/campaigns')).body.campaigns).toHaveLength(2);
  });

  it('runs a campaign: snapshot, reviewer decisions, re-check, deadline default, recurrence, evidence', async () => {
    const created = await call(admin, 'POST', '/v1/reviews/campaigns', newCampaign());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const campaign = created.body.campaign;
    expect(campaign.status).toBe('open');
    expect(campaign.snapshotHash).toMatch(/^[0-9a-f]{64}$/);
    const detail = (await call(admin, 'GET', `/v1/reviews/campaigns/${campaign.id}`)).body;
    const items = detail.items as {
      itemNo: number;
      revieweeId: string;
      reviewerId: string;
      hash: string;
      content: {
        roles: { id: string }[];
        teams: { customerId: string }[];
        grants: { id: string }[];
      };
    }[];
    expect(items.length).toBeGreaterThan(2);
    for (const i of items) expect(i.reviewerId).not.toBe(i.revieweeId);
    // The manager's own access goes to her manager, never to herself.
    expect(items.find((i) => i.revieweeId === 'hanmeimei')?.reviewerId).toBe('wangzhiqiang');
    const notes = await listNotifications(t.database.db, t.demo.tenantId, 'hanmeimei');
    expect(notes.some((n) => n.kind === 'review.assigned')).toBe(true);

    // The manager sees her items; a rep sees none and may not decide hers.
    const mine = (await call(manager, 'GET', '/v1/reviews/my-items?status=pending')).body
      .items as typeof items;
    expect(mine.length).toBeGreaterThan(1);
    expect(mine.every((i) => i.reviewerId === 'hanmeimei')).toBe(true);
    const withTeam = mine.find((i) => i.content.teams.length > 0) ?? mine[0];
    const other = mine.find((i) => i !== withTeam);
    if (withTeam === undefined || other === undefined) throw new Error('no items');
    const url = (no: number) => `/v1/reviews/campaigns/${campaign.id}/items/${no}/decision`;
    const denied = await call(rep, 'POST', url(withTeam.itemNo), {
      decision: 'revoke',
      reason: 'x',
    });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('REVIEW_NOT_REVIEWER');
    const noReason = await call(manager, 'POST', url(withTeam.itemNo), { decision: 'revoke' });
    expect(noReason.status).toBe(400);
    const badReduce = await call(manager, 'POST', url(withTeam.itemNo), {
      decision: 'reduce',
      reason: 'narrow',
      reduction: { removeRoleIds: ['sys-admin'] },
    });
    expect(badReduce.status).toBe(400);
    expect(badReduce.body.details.field).toBe('body/reduction/removeRoleIds/0');

    // Revoke: the roles, grants and team memberships go through the change path.
    const revoked = await call(manager, 'POST', url(withTeam.itemNo), {
      decision: 'revoke',
      reason: '已调岗,不再需要客户访问',
    });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    const item = revoked.body.item;
    expect(item.status).toBe('revoked');
    expect(item.auditEventIds.length).toBeGreaterThan(0);
    expect(item.recheck.passed).toBe(true);
    const events = await listAuditEvents(t.database.db, t.demo.tenantId, { limit: 50 });
    const ids = new Set(events.map((e) => e.id));
    for (const id of item.auditEventIds) expect(ids.has(id)).toBe(true);
    expect(events.find((e) => e.id === item.auditEventIds[0])?.actorId).toBe('hanmeimei');
    // The access is gone: no roles, and the engine denies the team's customer.
    const policy = await t.app.custos.policy.current(t.demo.tenantId);
    expect(policy.index.users.get(withTeam.revieweeId)?.roleIds).toEqual([]);
    for (const team of withTeam.content.teams) {
      const record = await getRecord(t.database.db, t.demo.tenantId, 'customer', team.customerId);
      if (record === undefined) throw new Error('no record');
      expect(decide(policy.index, withTeam.revieweeId, 'read', record, now)).toBe(false);
    }
    const again = await call(manager, 'POST', url(withTeam.itemNo), {
      decision: 'keep',
      reason: 'x',
    });
    expect(again.body.code).toBe('REVIEW_ALREADY_DECIDED');

    // Keep one in bulk; the rest stay undecided until the deadline.
    const kept = await call(manager, 'POST', '/v1/reviews/my-items/keep', {
      items: [{ campaignId: campaign.id, itemNo: other.itemNo }],
      reason: '岗位需要',
    });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body.items[0].status).toBe('kept');

    // The snapshot is immutable in the database.
    await expect(
      sql`update review_items set content = '{}'::jsonb where campaign_id = ${campaign.id}`.execute(
        t.database.db,
      ),
    ).rejects.toThrow(/immutable/);
    await expect(
      sql`delete from review_items where campaign_id = ${campaign.id}`.execute(t.database.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`update review_campaigns set snapshot_hash = 'x' where id = ${campaign.id}`.execute(
        t.database.db,
      ),
    ).rejects.toThrow(/immutable/);

    // Reminders 7 days before, once; then the deadline applies the default and schedules the next.
    now = TEST_NOW + 8 * DAY;
    const first = await runAccessReviewDeadlines(
      { database: t.database, clock: () => now, policy: t.app.custos.policy },
      now,
    );
    expect(first.reminded).toContainEqual(
      expect.objectContaining({ campaignId: campaign.id, days: 7 }),
    );
    const second = await runAccessReviewDeadlines({ database: t.database, clock: () => now }, now);
    expect(second.reminded).toEqual([]);
    now = TEST_NOW + 15 * DAY;
    const closing = await runAccessReviewDeadlines(
      { database: t.database, clock: () => now, policy: t.app.custos.policy },
      now,
    );
    expect(closing.closed).toContain(campaign.id);
    admin = await t.login(emailOf('zhoumin'));
    rep = await t.login(emailOf('lilei'));
    const closed = (await call(admin, 'GET', `/v1/reviews/campaigns/${campaign.id}`)).body;
    expect(closed.campaign.status).toBe('closed');
    expect(closed.campaign.nextId).toMatch(/^rc-/);
    const defaulted = closed.items.filter((i: { defaulted: boolean }) => i.defaulted);
    expect(defaulted.length).toBe(items.length - 2);
    expect(defaulted.every((i: { status: string }) => i.status === 'revoked')).toBe(true);
    const next = (await call(admin, 'GET', `/v1/reviews/campaigns/${closed.campaign.nextId}`)).body;
    expect(next.campaign.status).toBe('scheduled');
    expect(Date.parse(next.campaign.deadline)).toBeGreaterThan(
      Date.parse(closed.campaign.deadline),
    );

    // Evidence: CSV and PDF verify; one changed byte fails.
    for (const format of ['csv', 'pdf'] as const) {
      const file = await call(
        admin,
        'GET',
        `/v1/reviews/campaigns/${campaign.id}/evidence.${format}`,
      );
      expect(file.status).toBe(200);
      const bytes = Buffer.from(file.raw);
      if (format === 'csv') {
        const text = bytes.toString('utf8');
        expect(text).toContain(closed.campaign.snapshotHash);
        expect(text).toContain('已调岗,不再需要客户访问');
      } else expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const verify = (b: Buffer) =>
        call(admin, 'POST', '/v1/reviews/evidence/verify', { contentBase64: b.toString('base64') });
      const ok = await verify(bytes);
      expect(ok.body).toMatchObject({ valid: true, format });
      for (const at of [0, Math.floor(bytes.length / 2), bytes.length - 3]) {
        const tampered = Buffer.from(bytes);
        tampered[at] = (tampered[at] as number) ^ 0x01;
        expect((await verify(tampered)).body.valid, `${format} byte ${at}`).toBe(false);
      }
    }
    expect(
      (await call(rep, 'POST', '/v1/reviews/evidence/verify', { contentBase64: 'AA==' })).status,
    ).toBe(403);
    now = TEST_NOW;
    admin = await t.login(emailOf('zhoumin'));
    rep = await t.login(emailOf('lilei'));
  });

  it('reviews every grant: a reduction narrows it through the change path', async () => {
    const created = await call(
      admin,
      'POST',
      '/v1/reviews/campaigns',
      newCampaign({
        name: 'grants',
        scope: { kind: 'all_grants' },
        reviewers: { kind: 'named', userIds: ['wuhao'] },
        recurrence: 'none',
        defaultDecision: 'keep',
      }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.campaign.id;
    const detail = (await call(admin, 'GET', `/v1/reviews/campaigns/${id}`)).body;
    const cover = detail.items.find(
      (i: { grantId: string }) => i.grantId === 'grant-campaign-south',
    );
    expect(cover.reviewerId).toBe('wuhao');
    const wuhao = await t.login(emailOf('wuhao'));
    const r = await call(
      wuhao,
      'POST',
      `/v1/reviews/campaigns/${id}/items/${cover.itemNo}/decision`,
      {
        decision: 'reduce',
        reason: '活动提前结束',
        reduction: { expiresAt: new Date(now + 5 * DAY).toISOString() },
      },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.item.status).toBe('reduced');
    expect(r.body.item.recheck.passed).toBe(true);
    const policy = await t.app.custos.policy.current(t.demo.tenantId);
    expect(policy.model.grants.some((g) => g.id === 'grant-campaign-south')).toBe(false);
    expect(
      policy.model.grants.find((g) => g.id.startsWith('grant-campaign-south-rv-'))?.expiresAt,
    ).toBe(now + 5 * DAY);
    // An admin closes it early: the rest are kept by default; a closed campaign takes no decision.
    expect((await call(admin, 'POST', `/v1/reviews/campaigns/${id}/close`)).status).toBe(200);
    const late = await call(wuhao, 'POST', `/v1/reviews/campaigns/${id}/items/1/decision`, {
      decision: 'keep',
      reason: 'x',
    });
    expect(late.body.code).toBe('REVIEW_NOT_OPEN');
  });
});

describe('the demo reviews', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ customers: 40 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('has one finished campaign with a verified revocation and one open campaign waiting for 韩梅梅', async () => {
    const admin = await t.login('zhou.min@yunshan.example');
    const { campaigns } = (
      await t.app.inject({
        method: 'GET',
        url: '/v1/reviews/campaigns',
        headers: { cookie: admin },
      })
    ).json();
    const finished = campaigns.find((c: { status: string }) => c.status === 'closed');
    const open = campaigns.find((c: { status: string }) => c.status === 'open');
    expect(finished.progress.revoked).toBe(1);
    expect(finished.progress.kept).toBe(finished.progress.items - 1);
    expect(finished.progress.defaulted).toBeGreaterThan(0);
    const detail = (
      await t.app.inject({
        method: 'GET',
        url: `/v1/reviews/campaigns/${finished.id}`,
        headers: { cookie: admin },
      })
    ).json();
    const revoked = detail.items.find((i: { status: string }) => i.status === 'revoked');
    expect(revoked.grantId).toBe('grant-review-demo');
    expect(revoked.recheck.passed).toBe(true);
    expect(revoked.auditEventIds).toHaveLength(1);
    expect(open.progress.pending).toBe(open.progress.items);
    const manager = await t.login('han.meimei@yunshan.example');
    const mine = (
      await t.app.inject({
        method: 'GET',
        url: '/v1/reviews/my-items?status=pending',
        headers: { cookie: manager },
      })
    ).json();
    expect(mine.items.length).toBeGreaterThan(0);
    // The demo's own grants are as before: the revoked grant was made for the review.
    const policy = await t.app.custos.policy.current(t.demo.tenantId);
    const grantIds = new Set(policy.model.grants.map((g) => g.id));
    for (const grant of t.demo.company.model.grants) expect(grantIds.has(grant.id)).toBe(true);
  });
});
