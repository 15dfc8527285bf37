import type { APIRequestContext, Browser, Page } from 'playwright-core';
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
const REP = 'li.lei@yunshan.example';
const ACTIONS = ['read', 'create', 'update', 'delete', 'transfer', 'share', 'export'] as const;

interface ListAnswer {
  items: { id: string; fields: Record<string, unknown> }[];
  total: number;
}

/** The API as a signed-in user (its own browser context: cookie and CSRF token). */
async function apiAs(browser: Browser, url: string, email: string) {
  const context = await browser.newContext();
  const request: APIRequestContext = context.request;
  const login = await request.post(`${url}/v1/auth/login`, {
    data: { email, password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const csrf = ((await (await request.get(`${url}/v1/auth/csrf`)).json()) as { token: string })
    .token;
  return {
    get: async <T>(path: string): Promise<T> => {
      const answer = await request.get(`${url}${path}`);
      expect(answer.status(), path).toBe(200);
      return (await answer.json()) as T;
    },
    post: async <T>(path: string, body: unknown): Promise<T> => {
      const answer = await request.post(`${url}${path}`, {
        data: body,
        headers: { 'x-csrf-token': csrf },
      });
      expect(answer.status(), path).toBe(200);
      return (await answer.json()) as T;
    },
    patch: async (path: string, body: unknown): Promise<void> => {
      const answer = await request.patch(`${url}${path}`, {
        data: body,
        headers: { 'x-csrf-token': csrf },
      });
      expect(answer.status(), path).toBe(200);
    },
    close: () => context.close(),
  };
}

/**
 * The ids of the record links the console's list shows, in order (the records screens mark each
 * row's link `data-testid="record-link"`, `data-id`).
 */
async function listedIds(page: Page): Promise<string[]> {
  await page.getByTestId('record-link').first().waitFor();
  return page
    .getByTestId('record-link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('data-id') ?? ''));
}

describe('access inspector, view as and the admin home in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let admin: Awaited<ReturnType<typeof apiAs>>;
  let rep: Awaited<ReturnType<typeof apiAs>>;
  let repCustomers: ListAnswer;
  let notHis: string;
  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchBrowser();
    admin = await apiAs(browser, server.url, ADMIN);
    rep = await apiAs(browser, server.url, REP);
    repCustomers = await rep.get<ListAnswer>('/v1/customers?limit=100');
    const all = await admin.get<ListAnswer>('/v1/customers?limit=100');
    const his = new Set(repCustomers.items.map((c) => c.id));
    const other = all.items.find((c) => !his.has(c.id));
    if (other === undefined) throw new Error('the demo has no customer 李雷 cannot read');
    notHis = other.id;
  });
  afterAll(async () => {
    await admin?.close();
    await rep?.close();
    await browser?.close();
    await server?.close();
  });

  it("shows 李雷's decision, reasons and field levels on a customer as the API explains them", async () => {
    const customer = repCustomers.items[0]?.id;
    if (customer === undefined) throw new Error('李雷 reads no customer');
    const { page, errors, context } = await newPage(browser);
    await signIn(page, server.url, ADMIN);
    await page.goto(`${server.url}/admin/inspector`);
    await page.getByRole('heading', { level: 1, name: '权限检查器' }).waitFor();
    await expect(page.getByText('请选择用户、对象和记录').isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'inspector (empty)');

    // Pick the user with the picker (searched on the server), then deep-link the record.
    await page.getByRole('combobox', { name: '用户' }).fill('李雷');
    await page.locator('.ant-select-item-option', { hasText: '李雷 (lilei)' }).click();
    await page.waitForURL(/user=lilei/);
    await page.goto(`${server.url}/admin/inspector?user=lilei&object=customers&record=${customer}`);
    const decisions = page.getByTestId('inspector-decisions');
    await decisions.waitFor();
    for (const action of ACTIONS) {
      const explained = await admin.post<{ allowed: boolean; text: Record<string, string> }>(
        '/v1/authz/explain',
        { subject: 'lilei', action, object: 'customer', recordId: customer },
      );
      const row = decisions.locator(`tr[data-action="${action}"]`);
      await expect(row.locator('[data-decision]').getAttribute('data-decision')).resolves.toBe(
        explained.allowed ? 'allowed' : 'denied',
      );
      await row.getByTestId('reason-text').waitFor();
      await expect(row.getByTestId('reason-text').textContent()).resolves.toBe(
        explained.text['zh-CN'],
      );
    }
    // Every field's level is 李雷's own (his read of the record).
    const his = await rep.get<{ fieldLevels: Record<string, string> }>(`/v1/customers/${customer}`);
    const fields = page.getByTestId('inspector-fields');
    await fields.waitFor();
    const shown = await fields
      .locator('tr[data-field]')
      .evaluateAll((rows) =>
        Object.fromEntries(
          rows.map((r) => [
            r.getAttribute('data-field'),
            r.querySelector('[data-level]')?.getAttribute('data-level'),
          ]),
        ),
      );
    expect(shown).toEqual(his.fieldLevels);
    expect(Object.values(shown)).toContain('masked');
    await expectAccessible(page, 'inspector');
    await screenshot(page, 'inspector-lilei-customer');

    // A customer he may not read: denied, and every field hidden from him.
    await page.goto(`${server.url}/admin/inspector?user=lilei&object=customers&record=${notHis}`);
    await decisions.waitFor();
    await expect(
      decisions.locator('tr[data-action="read"] [data-decision]').getAttribute('data-decision'),
    ).resolves.toBe('denied');
    await page.getByText('李雷 不能查看这条记录，所以每个字段对他都是隐藏的。').waitFor();
    await expectAccessible(page, 'inspector (denied)');

    // In English.
    await page.evaluate(() => window.localStorage.setItem('custos.language', 'en-US'));
    await page.goto(`${server.url}/admin/inspector?user=lilei&object=customers&record=${customer}`);
    await page.getByRole('heading', { level: 1, name: 'Access inspector' }).waitFor();
    await decisions.locator('tr[data-action="read"]').getByTestId('reason-text').waitFor();
    const read = await admin.post<{ text: Record<string, string> }>('/v1/authz/explain', {
      subject: 'lilei',
      action: 'read',
      object: 'customer',
      recordId: customer,
    });
    await expect(
      decisions.locator('tr[data-action="read"]').getByTestId('reason-text').textContent(),
    ).resolves.toBe(read.text['en-US']);
    await expectAccessible(page, 'inspector (en-US)');
    await screenshot(page, 'inspector-lilei-customer-en');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('views the customer list as 李雷 from the inspector, under the banner, and exits', async () => {
    const { page, errors, context } = await newPage(browser);
    await signIn(page, server.url, ADMIN);
    const adminList = await listedIds(page);
    await page.goto(`${server.url}/admin/inspector?user=lilei&object=customers`);
    const start = page.getByRole('button', { name: '以 李雷 的身份查看' });
    await start.waitFor();
    const viewed = page.waitForResponse(
      (r) =>
        /\/v1\/customers(\?|$)/.test(r.url()) && r.headers()['x-custos-viewing-as'] === 'lilei',
    );
    await start.click();
    await page.waitForURL(/\/records\/customers$/);
    const banner = page.getByTestId('view-as-banner');
    await banner.waitFor();
    await expect(banner.getAttribute('role')).resolves.toBe('status');
    await expect(banner.textContent()).resolves.toContain('正在以「李雷」的身份查看（只读）');
    await expect(banner.textContent()).resolves.toContain('周敏');
    await expect(page.getByTestId('signed-in-user').textContent()).resolves.toBe('李雷');

    // The list the console shows is the very list 李雷 gets for the same request.
    const answer = await viewed;
    const path = new URL(answer.url());
    const own = await rep.get<ListAnswer>(path.pathname + path.search);
    expect(((await answer.json()) as ListAnswer).items.map((c) => c.id)).toEqual(
      own.items.map((c) => c.id),
    );
    expect(await listedIds(page)).toEqual(own.items.map((c) => c.id));
    // 李雷 holds no admin function: the menu offers no administration.
    await expect(page.getByRole('link', { name: '权限检查器' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'customer list viewed as 李雷');
    await screenshot(page, 'view-as-lilei-customers');

    await banner.getByRole('button', { name: '退出查看' }).click();
    await banner.waitFor({ state: 'detached' });
    await expect(page.getByTestId('signed-in-user').textContent()).resolves.toBe('周敏');
    await page.waitForURL(/\/records\/customers$/);
    expect(await listedIds(page)).toEqual(adminList);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says in words when the API refuses to serve as a user (张建国 holds more), and exits', async () => {
    const customer = repCustomers.items[0]?.id ?? '';
    const { page, errors, context } = await newPage(browser);
    await signIn(page, server.url, ADMIN);
    await page.goto(
      `${server.url}/admin/inspector?user=zhangjianguo&object=customers&record=${customer}`,
    );
    // The decisions come from the authorization API; the field levels need a read as him,
    // which the API refuses (his clearance is above the admin's): said in words.
    await page.getByTestId('inspector-decisions').waitFor();
    const refusal = page.getByRole('alert').filter({ hasText: '无法以 张建国 的身份读取这条记录' });
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toMatch(/clearance|restricted/);
    await expectAccessible(page, 'inspector (refused)');

    await page.getByRole('button', { name: '以 张建国 的身份查看' }).click();
    const banner = page.getByTestId('view-as-banner');
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toContain('正在以「张建国」的身份查看（只读）');
    await page.getByRole('alert').filter({ hasText: '出错了' }).waitFor();
    await expectAccessible(page, 'view as refused');
    await screenshot(page, 'view-as-refused');
    await banner.getByRole('button', { name: '退出查看' }).click();
    await banner.waitFor({ state: 'detached' });
    await expect(page.getByTestId('signed-in-user').textContent()).resolves.toBe('周敏');
    // Only the refusals themselves were errors (403 ESCALATION_DENIED), nothing else.
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((e) => !/status of 403\b/.test(e))).toEqual([]);
    await context.close();
  });

  it('shows the admin home charts with the overview numbers and the recent changes', async () => {
    // A permission change, so the list of recent changes has one to show.
    await admin.patch('/v1/admin/roles/marketing', { name: '市场专员(新)' });
    const overview = await admin.get<{
      usersPerRole: { roleName: string; activeUsers: number }[];
      customersPerSensitivity: { sensitivity: string; customers: number }[];
      recentChanges: { summary: Record<string, string> }[];
    }>('/v1/admin/overview');
    const { page, errors, context } = await newPage(browser);
    await signIn(page, server.url, ADMIN);
    await page.goto(`${server.url}/admin`);
    await page.getByRole('heading', { level: 1, name: '管理概览' }).waitFor();
    for (const label of [
      '柱状图：各角色的在职用户数',
      '饼图：您能查看的客户按敏感级别的分布',
      '柱状图：您能查看的客户按归属部门的分布',
      '柱状图：各部门的在职用户数',
    ])
      await page.getByRole('img', { name: label }).waitFor();
    // The charts are drawn (SVG) and their numbers are there as text for screen readers.
    for (const figure of await page.locator('[data-testid^="figure-"]').all())
      await figure.locator('[role="img"] svg').first().waitFor();
    const roles = page.getByTestId('figure-usersPerRole');
    for (const r of overview.usersPerRole)
      await expect(
        roles
          .getByRole('listitem')
          .filter({ hasText: `${r.roleName}: ${r.activeUsers}` })
          .count(),
      ).resolves.toBe(1);
    await expectAccessible(page, 'admin home');
    await screenshot(page, 'admin-home');

    // The numbers as a table.
    const sensitivity = page.getByTestId('figure-customersPerSensitivity');
    await sensitivity.getByRole('button', { name: '显示数字' }).click();
    const cells = await sensitivity
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)),
      );
    const words: Record<string, string> = {
      public: '公开',
      internal: '内部',
      confidential: '机密',
      restricted: '绝密',
    };
    expect(cells).toEqual(
      overview.customersPerSensitivity.map((s) => [words[s.sensitivity], String(s.customers)]),
    );
    const changes = page.getByTestId('recent-changes');
    await expect(changes.locator('tbody tr.ant-table-row').count()).resolves.toBe(
      overview.recentChanges.length,
    );
    await changes.getByText('周敏修改了角色「市场专员(新)」').waitFor();
    await expectAccessible(page, 'admin home (numbers)');

    await page.evaluate(() => window.localStorage.setItem('custos.language', 'en-US'));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Administration overview' }).waitFor();
    await page.getByRole('img', { name: 'Bar chart: active users per role' }).waitFor();
    await expectAccessible(page, 'admin home (en-US)');
    await screenshot(page, 'admin-home-en');
    expect(errors).toEqual([]);
    await context.close();
  });
});
