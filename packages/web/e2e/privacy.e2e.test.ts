/**
 * GDPR / CCPA in the console: the privacy officer 郑秀英 reads a contact's Consent tab and records a
 * consent; opens the privacy requests queue (the demo's open and completed requests), logs an
 * access request, verifies it and downloads the archive (evidence shown); logs an erasure request,
 * erases with the typed confirmation, and the contact shows the redaction. Accessibility and
 * screenshots; no console errors.
 */
import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
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

const OFFICER = 'zheng.xiuying@yunshan.example'; // 郑秀英: 审计员 + 数据保护专员 (privacy_admin)

describe('privacy in the console', () => {
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

  it('consent tab, the queue, an archive downloaded, an erasure shown as a redaction', async () => {
    const { page, errors } = await newPage(browser);
    await signIn(page, server.url, OFFICER);
    const contacts = server.demo.company.records.filter((r) => r.object === 'contact');
    const withConsent = contacts[0]?.id as string;
    const toErase = contacts[5]?.id as string;

    // The Consent tab of a demo contact: two consents; record a third.
    await page.goto(`${server.url}/records/contacts/${withConsent}`);
    await page.getByRole('tab', { name: '同意记录' }).click();
    const consents = page.getByTestId('consent-table').locator('tbody tr.ant-table-row');
    await consents.first().waitFor();
    expect(await consents.count()).toBe(2);
    await page.getByRole('button', { name: '记录同意' }).click();
    await page.getByLabel('目的').fill('售后回访 / after-sales calls');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('售后回访 / after-sales calls').waitFor();
    await expectAccessible(page, 'consent tab');
    await screenshot(page, 'privacy-consent-tab');

    // The queue: the demo's open request (open filter).
    await page.getByRole('menuitem', { name: '数据保护' }).click();
    await page.getByRole('link', { name: '隐私请求' }).click();
    await page.getByRole('heading', { level: 1, name: /隐私请求/ }).waitFor();
    const rows = page.getByTestId('privacy-requests').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    await expectAccessible(page, 'privacy requests');
    await screenshot(page, 'privacy-requests');

    // Log an access request for the contact, verify, download the archive.
    await page.getByRole('button', { name: '登记请求' }).click();
    await page.getByLabel('联系人 ID').fill(withConsent);
    await page
      .getByRole('button', { name: /登\s*记/ })
      .last()
      .click();
    await page.getByRole('heading', { level: 1, name: /隐私请求 #/ }).waitFor();
    await page.getByRole('button', { name: '身份已核实,开始处理' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载数据副本' }).click();
    const zip = unzipSync(new Uint8Array(await readFile(await (await download).path())));
    expect(Object.keys(zip)).toContain('access-log.csv');
    await page.getByTestId('privacy-evidence').waitFor();
    await expectAccessible(page, 'privacy request');
    await screenshot(page, 'privacy-request-archive');

    // An erasure request for another contact, erased with the typed confirmation.
    await page.goto(`${server.url}/privacy/requests`);
    await page.getByRole('button', { name: '登记请求' }).click();
    await page.getByRole('dialog').getByLabel('类型').click();
    await page.getByTitle('删除(第17条)').click();
    await page.getByLabel('联系人 ID').fill(toErase);
    await page
      .getByRole('button', { name: /登\s*记/ })
      .last()
      .click();
    await page.getByRole('button', { name: '身份已核实,开始处理' }).click();
    await page.getByRole('button', { name: '删除数据主体' }).click();
    await page.getByRole('dialog').getByRole('textbox').fill(toErase);
    await page.getByRole('dialog').getByRole('button', { name: '删除数据主体' }).click();
    await page.getByTestId('privacy-evidence').waitFor();
    await page.goto(`${server.url}/records/contacts/${toErase}`);
    await page.getByRole('heading', { level: 1, name: /已删除的联系人/ }).waitFor();
    await screenshot(page, 'privacy-erased-contact');
    expect(errors).toEqual([]);
  });
});
