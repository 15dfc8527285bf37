import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/shared/admin-types.ts';
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

const ZHOUMIN = 'zhou.min@yunshan.example';
const WUHAO = 'wu.hao@yunshan.example';

describe('four eyes in the console', () => {
  let server: ConsoleServer;
  let browser: Browser;
  const inject = async (email: string, method: 'GET' | 'POST', url: string) => {
    const login = await server.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email, password: DEMO_PASSWORD },
    });
    const c = login.cookies.find((k) => k.name.includes('session'));
    const r = await server.app.inject({
      method,
      url,
      headers: { cookie: `${c?.name}=${c?.value}` },
      ...(method === 'POST' ? { payload: {} } : {}),
    });
    return { status: r.statusCode, body: r.json() as Record<string, unknown> };
  };
  const salesRep = async () =>
    ((await inject(ZHOUMIN, 'GET', '/v1/admin/roles/sales-rep')).body as { data: Role }).data;

  beforeAll(async () => {
    server = await startConsoleServer({ fourEyes: true, config: { previewBudgetMs: 60_000 } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('zhoumin changes a role → submitted; she cannot approve it; wuhao sees the preview and approves', async () => {
    const first = await newPage(browser);
    const page = first.page;
    await signIn(page, server.url, ZHOUMIN);
    await page.goto(`${server.url}/admin/roles`);
    await page.getByRole('button', { name: '编辑角色 销售代表' }).click();
    await page.getByRole('heading', { level: 1, name: '编辑角色：销售代表' }).waitFor();
    await page.getByLabel('客户 · 查看 的数据范围', { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option[title="归属本部门的记录"]')
      .click();
    await page.getByRole('button', { name: '保存（先预览影响）' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('这项更改会改变以下用户的访问权限').waitFor();
    await dialog.getByRole('button', { name: '确认保存' }).click();
    const submitted = dialog.getByTestId('change-submitted');
    await submitted.getByText('已提交，等待第二位管理员复核').waitFor();
    await expectAccessible(page, 'change submitted for approval');
    await screenshot(page, 'four-eyes-submitted');
    const link = submitted.getByRole('link', { name: /查看待复核变更 #\d+/ });
    const id = /#(\d+)/.exec((await link.textContent()) ?? '')?.[1] ?? '';
    expect(id).not.toBe('');
    // Nothing changed yet.
    expect((await salesRep()).objects.customer?.read).toBe('own');

    // Her own change: no approve button, and the API refuses her.
    await link.click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`待复核变更 #${id}`) }).waitFor();
    await page.getByText('这是你提交的更改，需要另一位管理员批准。').waitFor();
    expect(await page.getByRole('button', { name: '批准并提交' }).count()).toBe(0);
    await page.getByRole('button', { name: /^撤\s*回$/ }).waitFor();
    const own = await inject(ZHOUMIN, 'POST', `/v1/admin/pending-changes/${id}/approve`);
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('FOUR_EYES_OWN_CHANGE');
    expect(first.errors).toEqual([]);
    await first.context.close();

    // wuhao, in a fresh context: the list, the change, its fresh preview, approve.
    const second = await newPage(browser);
    const other = second.page;
    await signIn(other, server.url, WUHAO);
    await other.goto(`${server.url}/admin/pending-changes`);
    await other.getByRole('heading', { level: 1, name: '待复核变更' }).waitFor();
    await other.getByRole('link', { name: `查看 #${id}` }).waitFor();
    await expectAccessible(other, 'pending changes list');
    await screenshot(other, 'four-eyes-list');
    await other.getByRole('link', { name: `查看 #${id}` }).click();
    await other.getByRole('heading', { level: 1, name: new RegExp(`待复核变更 #${id}`) }).waitFor();
    const previewText = other.getByTestId('pending-preview-text');
    await expect.poll(() => previewText.textContent()).toContain('客户');
    await other.getByText('role/sales-rep').waitFor();
    await expectAccessible(other, 'pending change detail');
    await screenshot(other, 'four-eyes-detail');
    await other.getByRole('button', { name: '批准并提交' }).click();
    await other.locator('.ant-popconfirm').getByRole('button', { name: '批准并提交' }).click();
    await other.locator('.ant-tag', { hasText: '已批准' }).waitFor();
    expect((await salesRep()).objects.customer?.read).toBe('department');
    expect(second.errors).toEqual([]);
    await second.context.close();
  });
});
