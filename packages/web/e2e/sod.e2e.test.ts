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
const OPEN_OPTIONS =
  '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option';

/** Type into a multiple select and pick the option with that text. */
async function pick(page: Page, label: string, text: string): Promise<void> {
  const select = page.getByRole('combobox', { name: label, exact: true });
  await select.click();
  await select.fill(text);
  await page.locator(OPEN_OPTIONS).filter({ hasText: text }).first().click();
}

/** Escape any open dropdown, and wait until none is left on the screen. */
async function closeDropdowns(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect
    .poll(() =>
      page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden):visible').count(),
    )
    .toBe(0);
}

describe('separation of duties and least privilege in the console', () => {
  let server: ConsoleServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists rules and conflicts, creates a rule, refuses a conflicting assignment in words, shows the charts', async () => {
    const { page, errors } = await newPage(browser);
    await signIn(page, server.url, ADMIN);
    await page.goto(`${server.url}/admin/sod`);
    await page.getByRole('heading', { level: 1, name: '职责分离规则' }).waitFor();
    await page.getByRole('cell', { name: '财务、审计、市场至多其一' }).first().waitFor();
    // The demo's existing conflict: 崔莹 holds finance and auditor, each through a role.
    await page.getByRole('cell', { name: '崔莹 (cuiying)' }).waitFor();
    await expectAccessible(page, 'sod: rules and conflicts');
    await screenshot(page, 'sod-rules');

    // Create a rule: customer service and marketing, at most one — previewed, then saved.
    await page.getByRole('button', { name: '新建规则' }).click();
    await page.getByLabel('规则名称').fill('客服与市场不相容');
    await pick(page, '成员(至少 2 项,至多 10 项)', '客服专员');
    await pick(page, '成员(至少 2 项,至多 10 项)', '市场专员');
    await closeDropdowns(page);
    await page.getByRole('button', { name: '预览并保存' }).click();
    const preview = page.locator('.ant-modal').filter({ hasText: '保存前的影响预览' });
    await preview
      .getByRole('button', { name: /确认保存|保\s?存/ })
      .last()
      .click();
    await page.getByRole('cell', { name: '客服与市场不相容' }).waitFor();

    // Giving 姚远 (finance) the auditor role is refused, naming the rule, the user and the roles.
    await page.goto(`${server.url}/admin/users/yaoyuan`);
    await pick(page, '角色', '审计员');
    await closeDropdowns(page);
    await page.getByRole('button', { name: '预览并保存' }).click();
    const refused = page.locator('.ant-modal').filter({ hasText: '这项更改无法保存' });
    await refused.getByText(/财务、审计、市场至多其一.*yaoyuan/).waitFor();
    expect(await refused.textContent()).toContain('role:auditor');
    await screenshot(page, 'sod-blocked-assignment');
    await refused.getByRole('button', { name: /取\s?消/ }).click();

    // Least privilege: the charts and the suggestions table.
    await page.goto(`${server.url}/admin/least-privilege`);
    await page.getByRole('heading', { level: 1, name: '最小权限分析' }).waitFor();
    await page.getByRole('img', { name: '各角色未使用的权限数' }).waitFor();
    await page.getByRole('img', { name: '反复被拒绝(用户 · 权限)' }).waitFor();
    await expectAccessible(page, 'least privilege');
    await screenshot(page, 'least-privilege');
    expect(errors).toEqual([]);
  });
});
