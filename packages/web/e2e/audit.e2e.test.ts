/**
 * The audit screens in a browser: an auditor searches the audit log, opens an event's diff and
 * downloads the export; a sales manager reveals a masked ID number on a customer's page and finds
 * the reveal on the customer's history tab. Both languages, accessibility, screenshots.
 */
import { readFile } from 'node:fs/promises';
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

const AUDITOR = 'sun.li@yunshan.example'; // 审计员 孙丽
const MANAGER = 'han.meimei@yunshan.example'; // 销售经理 韩梅梅 (may reveal, demo)

describe('audit log, history and reveal in the console', () => {
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

  it('an auditor searches the log, reads an event as a diff and downloads the export', async () => {
    const { page, errors, context } = await newPage(browser);
    await signIn(page, server.url, AUDITOR);
    await page.getByRole('link', { name: '审计日志' }).click();
    await page.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();
    const table = page.getByTestId('audit-table');
    await table.locator('tbody tr').first().waitFor();

    // Only role changes: the demo's grant of reveal to the sales managers.
    await page.getByLabel('操作', { exact: true }).fill('role.');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const row = table.locator('tbody tr', { hasText: 'role/sales-manager' }).first();
    await row.waitFor();
    const actions = await table.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a.startsWith('role.'))).toBe(true);
    await row.getByRole('button', { name: /查看/ }).click();
    const diff = page.getByTestId('event-diff');
    await diff.waitFor();
    await expect(diff.textContent()).resolves.toContain('reveal_masked');
    await expectAccessible(page, 'audit event drawer');
    await screenshot(page, 'audit-event-drawer');
    await page.keyboard.press('Escape');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /导出 CSV/ }).click();
    const file = await (await download).path();
    const csv = await readFile(file, 'utf8');
    expect(csv.split('\n')[0]).toBe(
      'id,at,actorId,actorName,actingAsId,actingAsName,action,target,outcome,ip,userAgent,requestId,before,after,maskedFields',
    );
    expect(csv).toContain('role/sales-manager');
    expect(csv).not.toContain('customer.update');
    // Reading and exporting were audited.
    const audited = await context.request.get(`${server.url}/v1/audit/events?action=audit.`);
    const events = ((await audited.json()) as { items: { action: string }[] }).items;
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['audit.search', 'audit.export']),
    );
    await expectAccessible(page, 'audit log');
    await screenshot(page, 'audit-log');
    expect(errors).toEqual([]);
    await context.close();

    // The same screen in English.
    const en = await newPage(browser, { locale: 'en-US' });
    await signIn(en.page, server.url, AUDITOR);
    await en.page.evaluate(() => window.localStorage.setItem('custos.language', 'en-US'));
    await en.page.goto(`${server.url}/admin/audit`);
    await en.page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await en.page.getByTestId('audit-table').locator('tbody tr').first().waitFor();
    await screenshot(en.page, 'audit-log-en');
    expect(en.errors).toEqual([]);
    await en.context.close();
  });

  it('a manager reveals a masked ID number once and sees it on the history tab', async () => {
    const customer = server.demo.company.records.find(
      (r) =>
        r.object === 'customer' &&
        r.departmentId === 'sales-east' &&
        r.ownerId !== 'hanmeimei' &&
        Boolean(r.fields.idNumber),
    );
    if (customer === undefined) throw new Error('no customer of 韩梅梅’s team with an ID number');
    const { page, errors, context } = await newPage(browser);
    await signIn(page, server.url, MANAGER);
    await page.goto(`${server.url}/records/customers/${customer.id}`);
    const reveal = page.getByTestId('reveal-idNumber');
    await reveal.waitFor();
    await expect(page.getByTestId('record-fields').textContent()).resolves.not.toContain(
      String(customer.fields.idNumber),
    );
    await expectAccessible(page, 'customer with reveal buttons');
    await reveal.click();
    const shown = page.getByTestId('revealed-idNumber');
    await shown.waitFor();
    await expect(shown.textContent()).resolves.toContain(String(customer.fields.idNumber));
    await screenshot(page, 'customer-revealed');

    await page.getByRole('tab', { name: '变更记录' }).click();
    const history = page.getByTestId('record-history');
    await history.waitFor();
    await expect(history.textContent()).resolves.toContain('customer.reveal');
    await expect(history.textContent()).resolves.toContain('韩梅梅');
    await expect(history.textContent()).resolves.not.toContain(String(customer.fields.idNumber));
    await expectAccessible(page, 'record history');
    await screenshot(page, 'customer-history');

    // Leaving the page forgets the value: back on the fields, masked again.
    await page.reload();
    await page.getByTestId('reveal-idNumber').waitFor();
    await expect(page.getByTestId('record-fields').textContent()).resolves.not.toContain(
      String(customer.fields.idNumber),
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
