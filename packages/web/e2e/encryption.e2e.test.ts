/**
 * The encryption screen (加密, docs/key-rotation.md): the administrator turns a field's encryption
 * on through the change preview, rotates the data key with a reason, and watches the
 * re-encryption's progress reach done (the sweep runs here in small runs, as the server's job
 * runner would); the chart then shows the values under the new version. Both languages,
 * accessibility, screenshots.
 */
import { runSweepToEnd } from '@custos/server';
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

const ZHOUMIN = 'zhou.min@yunshan.example';

describe('the encryption screen', () => {
  let server: ConsoleServer;
  let browser: Browser;

  /** The running sweep, driven to its end in small runs with pauses (the console polls). */
  const driveSweep = async () => {
    const running = await server.database.db
      .selectFrom('encryption_sweeps')
      .select('id')
      .where('tenant_id', '=', server.demo.tenantId)
      .where('state', '=', 'running')
      .executeTakeFirstOrThrow();
    const ended = await runSweepToEnd(
      {
        database: server.database,
        keyring: server.app.custos.keyring,
        clock: server.app.custos.clock,
      },
      server.demo.tenantId,
      running.id,
      () => {},
      { pageSize: 40, maxPages: 1 },
    );
    expect(ended.state).toBe('done');
  };

  beforeAll(async () => {
    server = await startConsoleServer({ customers: 60, config: { previewBudgetMs: 60_000 } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('turns a field encrypted, rotates the key, follows the progress to done; both languages', async () => {
    const { page, errors, context } = await newPage(browser);
    await signIn(page, server.url, ZHOUMIN);
    // The menu group 数据保护 opens on the entry 加密 (the admin holds encryption_admin).
    await page.getByRole('menuitem', { name: '数据保护' }).click();
    await page.getByRole('link', { name: '加密', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '加密' }).waitFor();
    const keys = page.getByTestId('key-versions');
    await keys.getByText('使用中').waitFor();
    expect(await keys.locator('tbody tr').count()).toBe(1);
    await page.getByTestId('sweep').getByText('尚未执行过重新加密。').waitFor();
    const byKey = page.getByTestId('values-by-key');
    expect(await byKey.textContent()).toContain('数据密钥 v1（使用中）');
    await expectAccessible(page, 'encryption screen');
    await screenshot(page, 'encryption-zh');

    // A field turned encrypted: through the change preview; the sweep seals its values.
    const address = page.getByRole('switch', { name: '客户 · 地址 加密存储' });
    expect(await address.isChecked()).toBe(false);
    await address.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '确认保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('sweep').getByText('字段加密设置变更', { exact: false }).waitFor();
    await driveSweep();
    await page.getByTestId('sweep-state').getByText('已完成').waitFor();
    expect(await page.getByRole('switch', { name: '客户 · 地址 加密存储' }).isChecked()).toBe(true);

    // Rotation: a reason is required; then v2 is active and the progress runs to done.
    await page.getByRole('button', { name: '轮换数据密钥' }).click();
    const rotate = page.getByRole('dialog', { name: '轮换数据密钥' });
    await rotate.getByRole('button', { name: '确认轮换' }).click();
    await rotate.getByText('请填写轮换原因（会记入审计日志）').waitFor();
    await rotate.getByLabel('原因').fill('年度密钥轮换');
    await rotate.getByRole('button', { name: '确认轮换' }).click();
    await rotate.waitFor({ state: 'hidden' });
    await page.getByTestId('sweep-state').getByText('进行中').waitFor();
    await page.getByTestId('sweep').getByText('原因：年度密钥轮换').waitFor();
    expect(await page.getByRole('button', { name: '轮换数据密钥' }).isDisabled()).toBe(true);
    await keys.getByText('重新加密完成后才能再次轮换。').waitFor();
    await screenshot(page, 'encryption-rotating');
    await driveSweep();
    await page.getByTestId('sweep-state').getByText('已完成').waitFor();
    await page.getByTestId('sweep-remaining').getByText('仍在旧密钥下的数值：0').waitFor();
    const rows = keys.locator('tbody tr');
    await rows.nth(1).waitFor();
    expect(await rows.nth(0).textContent()).toContain('v2');
    expect(await rows.nth(1).textContent()).toContain('已停用（保留）');
    const chart = (await byKey.textContent()) ?? '';
    expect(chart).toContain('数据密钥 v2（使用中）');
    expect(chart).not.toContain('数据密钥 v1');
    await expectAccessible(page, 'encryption screen after a rotation');
    await screenshot(page, 'encryption-done');

    // The same screen in English.
    await page.evaluate(() => window.localStorage.setItem('custos.language', 'en-US'));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Encryption' }).waitFor();
    await page.getByTestId('sweep-state').getByText('done').waitFor();
    expect(await byKey.textContent()).toContain('Data key v2 (active)');
    await expectAccessible(page, 'encryption screen (en-US)');
    await screenshot(page, 'encryption-en');
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
