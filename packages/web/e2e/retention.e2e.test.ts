/**
 * Do not sell or share in the console: the admin opens a contact, switches "不出售或共享" on, and
 * the contacts list's export then says two are withheld (the demo's own opted-out contact and
 * this one). Accessibility and screenshots; no console errors.
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
});
