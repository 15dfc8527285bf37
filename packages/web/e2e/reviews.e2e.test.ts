import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectAccessible,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  startConsoleServer,
  type ConsoleServer,
} from './harness.ts';

const ADMIN = 'zhou.min@yunshan.example';
/** 韩梅梅, manager of 华东大区: the demo's open campaign waits for her. */
const MANAGER = 'han.meimei@yunshan.example';

describe('access reviews in the console', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let adminCookie: string;
  const api = async <T>(url: string): Promise<T> => {
    const r = await server.app.inject({ method: 'GET', url, headers: { cookie: adminCookie } });
    expect(r.statusCode, r.body).toBe(200);
    return r.json<T>();
  };
  beforeAll(async () => {
    server = await startConsoleServer({ customers: 40 });
    browser = await launchBrowser();
    const r = await server.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: ADMIN, password: DEMO_PASSWORD },
    });
    const c = r.cookies.find((k) => k.name.includes('session'));
    if (c === undefined) throw new Error('no admin session');
    adminCookie = `${c.name}=${c.value}`;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a manager revokes an item with a reason: the access is gone and the evidence shows it', async () => {
    const { page, errors } = await newPage(browser);
    await signIn(page, server.url, MANAGER);
    await page.goto(`${server.url}/reviews/mine`);
    await page.getByRole('heading', { level: 1, name: '我的审查' }).waitFor();
    const revoke = page.getByRole('button', { name: /^撤销 / }).first();
    await revoke.waitFor();
    await expectAccessible(page, 'my reviews');
    await screenshot(page, 'reviews-mine');
    const label = (await revoke.getAttribute('aria-label')) ?? '';
    const userId = /\(([^)]+)\)$/.exec(label)?.[1];
    expect(userId).toBeDefined();
    await revoke.click();
    await page.getByLabel('理由').fill('已调离华东大区,不再需要客户访问');
    await page
      .getByRole('button', { name: '确 认' })
      .or(page.getByRole('button', { name: '确认' }))
      .click();
    await page.getByText('已记录决定').waitFor();

    // The API: the item is revoked with its audit events and a passing re-check; the roles are gone.
    const { campaigns } = await api<{ campaigns: { id: string; status: string }[] }>(
      '/v1/reviews/campaigns',
    );
    const open = campaigns.find((c) => c.status === 'open');
    if (open === undefined) throw new Error('no open campaign');
    const detail = await api<{
      items: {
        revieweeId: string;
        status: string;
        reason: string;
        recheck: { passed: boolean };
        auditEventIds: string[];
      }[];
    }>(`/v1/reviews/campaigns/${open.id}`);
    const item = detail.items.find((i) => i.revieweeId === userId);
    expect(item?.status).toBe('revoked');
    expect(item?.reason).toBe('已调离华东大区,不再需要客户访问');
    expect(item?.recheck.passed).toBe(true);
    expect(item?.auditEventIds.length).toBeGreaterThan(0);
    const policy = await server.app.custos.policy.current(server.demo.tenantId);
    expect(policy.index.users.get(userId as string)?.roleIds).toEqual([]);

    // The evidence: the campaign detail shows the decision and its re-check; the CSV carries it.
    const admin = await newPage(browser);
    await signIn(admin.page, server.url, ADMIN);
    await admin.page.goto(`${server.url}/reviews/campaigns/${open.id}`);
    await admin.page.getByText('通过:访问已移除').first().waitFor();
    await expectAccessible(admin.page, 'campaign detail');
    await screenshot(admin.page, 'reviews-campaign');
    const csv = await server.app.inject({
      method: 'GET',
      url: `/v1/reviews/campaigns/${open.id}/evidence.csv`,
      headers: { cookie: adminCookie },
    });
    expect(csv.body).toContain('已调离华东大区,不再需要客户访问');
    expect(errors).toEqual([]);
    expect(admin.errors).toEqual([]);
  }, 180_000);
});
