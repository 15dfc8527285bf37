/**
 * Joiner / mover / leaver in Chromium: an admin offboards a rep with the wizard — the preview
 * first refuses (no successor), then, with one chosen, lists what will happen; confirmed, the
 * successor owns the rep's customers and the rep cannot sign in. The same in English for the
 * screenshot. axe-core on the wizard.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  startConsoleServer,
  type ConsoleServer,
} from './harness.ts';

const ADMIN = 'zhou.min@yunshan.example';

function dialog(page: Page, title: string) {
  return page
    .locator('.ant-modal')
    .filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
}

async function settle(page: Page, el: ReturnType<typeof dialog>): Promise<void> {
  await el.evaluate((node) =>
    Promise.all(node.getAnimations({ subtree: true }).map((a) => a.finished)),
  );
  await page.waitForTimeout(350);
}

describe('joiner / mover / leaver in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startConsoleServer({ customers: 60 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('offboards a rep with a successor: the successor owns the customers, the rep cannot sign in', async () => {
    const owned = server.demo.company.records
      .filter((r) => r.ownerId === 'lilei' && r.object === 'customer')
      .map((r) => r.id);
    expect(owned.length).toBeGreaterThan(0);
    const { page, errors, context } = await newPage(browser);
    page.setDefaultTimeout(15_000);
    await signIn(page, server.url, ADMIN);
    await page.goto(`${server.url}/admin/users/lilei`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByTestId('offboard-open').click();
    const wizard = dialog(page, '离职交接');
    await wizard.waitFor();
    // No successor yet: the preview says why it cannot go ahead.
    await wizard.getByTestId('offboard-errors').waitFor();
    await expect(wizard.getByTestId('offboard-errors').textContent()).resolves.toContain('接手人');
    const confirm = wizard.getByRole('button', { name: '确认离职交接' });
    expect(await confirm.isEnabled()).toBe(false);

    await page.locator('#offboard-successor').click();
    await page.locator('#offboard-successor').fill('刘洋');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'liuyang' })
      .click();
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    await expect(wizard.getByTestId('offboard-preview').textContent()).resolves.toContain(
      `客户 ${owned.length}`,
    );
    await settle(page, wizard);
    await expectAccessible(page, 'jml-offboard-wizard');
    await screenshot(page, 'jml-offboard-wizard');
    await confirm.click();
    await wizard.waitFor({ state: 'hidden' });

    // The API agrees: departed, and every customer is the successor's.
    const user = await page.request.get(`${server.url}/v1/admin/users/lilei`);
    expect(((await user.json()) as { data: { status: string } }).data.status).toBe('departed');
    const rows = await server.database.db
      .selectFrom('customers')
      .select(['id', 'owner_id'])
      .where('tenant_id', '=', 'yunshan')
      .where('id', 'in', owned)
      .execute();
    expect(rows.map((r) => r.owner_id)).toEqual(owned.map(() => 'liuyang'));
    await screenshot(page, 'jml-offboarded');

    // The leaver cannot sign in.
    const leaver = await newPage(browser);
    await leaver.page.goto(`${server.url}/login`);
    await leaver.page.locator('input[autocomplete="username"]').fill('li.lei@yunshan.example');
    await leaver.page.locator('input[autocomplete="current-password"]').fill('Custos-Demo-2026');
    await leaver.page.locator('button[type="submit"]').click();
    await leaver.page.getByRole('alert').first().waitFor();
    expect(await leaver.page.getByTestId('signed-in-user').count()).toBe(0);
    await leaver.context.close();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the wizard of a manager in English: positions needing a new holder', async () => {
    const { page, errors, context } = await newPage(browser, { locale: 'en-US' });
    page.setDefaultTimeout(15_000);
    await signIn(page, server.url, ADMIN);
    await page.evaluate(() => window.localStorage.setItem('custos.language', 'en-US'));
    await page.goto(`${server.url}/admin/users/huangxiaoyan`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByTestId('offboard-open').click();
    const wizard = dialog(page, 'Offboard');
    await wizard.getByTestId('offboard-preview').waitFor();
    await expect(wizard.getByTestId('offboard-preview').textContent()).resolves.toContain(
      'not assigned',
    );
    await wizard.getByLabel('New head of 华南大区').waitFor();
    await settle(page, wizard);
    await expectAccessible(page, 'jml-offboard-manager');
    await screenshot(page, 'jml-offboard-manager-en');
    expect(errors).toEqual([]);
    await context.close();
  });
  it('onboarding templates: the screen lists them; the new-user form proposes the template of a department and title', async () => {
    const { page, errors, context } = await newPage(browser);
    page.setDefaultTimeout(15_000);
    await signIn(page, server.url, ADMIN);
    await page.goto(`${server.url}/admin/onboarding-templates`);
    await page.getByRole('heading', { level: 1, name: '入职模板' }).waitFor();
    await page.getByRole('cell', { name: '客服专员' }).first().waitFor();
    await expectAccessible(page, 'jml-onboarding-templates');
    await screenshot(page, 'jml-onboarding-templates');

    await page.goto(`${server.url}/admin/users`);
    await page.getByRole('button', { name: '新建用户' }).click();
    const form = dialog(page, '新建用户');
    await form.getByLabel('姓名').fill('柯新人');
    await page.locator('#departmentId').click();
    await page.locator('#departmentId').fill('客服部');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: '客服部' })
      .first()
      .click();
    await form.getByLabel('职位').fill('客服专员');
    const proposal = form.getByTestId('template-proposal');
    await proposal.waitFor();
    await proposal.getByRole('button').click();
    await expect(proposal.textContent()).resolves.toContain('已套用');
    await settle(page, form);
    await expectAccessible(page, 'jml-new-user-template');
    await screenshot(page, 'jml-new-user-template');
    await form.getByRole('button', { name: /^保\s?存$/ }).click();
    await form.waitFor({ state: 'hidden' });
    const users = await page.request.get(
      `${server.url}/v1/admin/users?q=${encodeURIComponent('柯新人')}`,
    );
    const [created] = ((await users.json()) as { data: { roleIds: string[]; title?: string }[] })
      .data;
    expect(created).toMatchObject({ roleIds: ['customer-service'], title: '客服专员' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
