/**
 * Backups in the console: the administrator 周敏 opens 备份, sees the schedule and retention in
 * force, backs up now (the button shows the running state until the job has run), sees the new
 * backup verified with its size chart, and downloads it. The same screen in English.
 * Accessibility and screenshots; no console errors.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../server/src/jobs/job-runner.ts';
import { createJobRegistry } from '../../server/src/jobs/schedules.ts';
import {
  E2E_NOW,
  expectAccessible,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  startConsoleServer,
  type ConsoleServer,
} from './harness.ts';

const ADMIN = 'zhou.min@yunshan.example';

describe('backups in the console', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'custos-e2e-backups-'));
    server = await startConsoleServer({
      customers: 40,
      config: {
        backupDir: dir,
        backupInterval: 86_400_000,
        backupKeep: { kind: 'count', count: 7 },
      },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('back up now, see it verified, download it; in both languages', async () => {
    const { page, errors } = await newPage(browser);
    await signIn(page, server.url, ADMIN);
    await page.getByRole('menuitem', { name: '数据保护' }).click();
    await page.getByRole('link', { name: '备份' }).click();
    await page.getByRole('heading', { level: 1, name: '备份' }).waitFor();
    await page.getByText('还没有备份').waitFor();
    await page.getByText('最新 7 份').waitFor();

    await page.getByRole('button', { name: '立即备份' }).click();
    await page.getByRole('button', { name: /正在备份/ }).waitFor();
    const runner = new JobRunner({
      database: server.database,
      registry: createJobRegistry(),
      config: server.app.custos.config,
      // The console's clock (the demo's day), so "last run" reads as the server's time.
      clock: () => E2E_NOW + 60_000,
    });
    try {
      await runner.runOnce();
    } finally {
      await runner.stop();
    }
    const rows = page.locator('tbody tr.ant-table-row');
    await rows.first().waitFor({ timeout: 15_000 });
    expect(await rows.count()).toBe(1);
    await rows.first().getByText('手动').waitFor();
    await rows.first().getByText('是').waitFor();
    await page.getByRole('button', { name: '立即备份' }).waitFor();
    await page.getByRole('img', { name: '备份大小随时间变化(KB)' }).waitFor();
    await expectAccessible(page, 'backups');
    await screenshot(page, 'backups');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /^下载 custos-/ }).click();
    const file = await readFile(await (await download).path());
    expect(file.subarray(0, 8).toString('ascii')).toBe('CUSTOSBK');
    expect(errors).toEqual([]);

    const en = await newPage(browser, { locale: 'en-US' });
    await signIn(en.page, server.url, ADMIN);
    await en.page.evaluate(() => window.localStorage.setItem('custos.language', 'en-US'));
    await en.page.goto(`${server.url}/admin/backups`);
    await en.page.getByRole('heading', { level: 1, name: 'Backups' }).waitFor();
    await en.page.locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(en.page, 'backups-en');
    expect(en.errors).toEqual([]);
    await en.context.close();
  });
});
