/**
 * Do not sell or share in the console: the admin opens a contact, switches "不出售或共享" on, and
 * the contacts list's export then says two are withheld (the demo's own opted-out contact and
 * this one); the privacy officer's retention screen lists the demo's rules and dry-runs one.
 * Accessibility and screenshots; no console errors.
 */
import type { Browser } from 'playwright-core';
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

describe('do not sell in the console', () => {
  let server: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startConsoleServer({ customers: 40 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the switch on a contact, then the export says how many were withheld', async () => {
    const { page, errors } = await newPage(browser);
    await signIn(page, server.url, ADMIN);
    const contact = server.demo.company.records.find((r) => r.object === 'contact')!;

    await page.goto(`${server.url}/records/contacts`);
    await page.getByRole('button', { name: /导\s*出/ }).click();
    await page.getByTestId('export-outcome').getByText('1 条已扣留(不出售)').waitFor();

    await page.goto(`${server.url}/records/contacts/${contact.id}`);
    const panel = page.getByTestId('do-not-sell');
    await panel.getByText('未选择退出').waitFor();
    await panel.getByRole('switch', { name: '切换“不出售或共享”' }).click();
    await panel.getByText('已选择退出出售或共享').waitFor();
    await expectAccessible(page, 'contact do not sell');
    await screenshot(page, 'retention-do-not-sell');

    await page.goto(`${server.url}/records/contacts`);
    await page.getByRole('button', { name: /导\s*出/ }).click();
    await page.getByTestId('export-outcome').getByText('2 条已扣留(不出售)').waitFor();
    await expectAccessible(page, 'contacts export');
    await screenshot(page, 'retention-export');
    expect(errors).toEqual([]);
  });

  it('the retention screen: the demo rules, a dry run with its chart', async () => {
    const { page, errors } = await newPage(browser);
    await signIn(page, server.url, 'zheng.xiuying@yunshan.example'); // privacy_admin
    await page.getByRole('menuitem', { name: '数据保护' }).click();
    await page.getByRole('link', { name: '数据保留' }).click();
    await page.getByRole('heading', { level: 1, name: '数据保留' }).waitFor();
    const rows = page.getByTestId('retention-rules').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    await rows
      .first()
      .getByRole('button', { name: /试运行/ })
      .click();
    // The demo's records are younger than 3 years: the dry run takes none.
    await page
      .getByTestId('retention-preview')
      .getByText(/现在执行将处理 0 条记录/)
      .waitFor();
    await expectAccessible(page, 'retention');
    await screenshot(page, 'retention-rules');
    expect(errors).toEqual([]);
  });
});
