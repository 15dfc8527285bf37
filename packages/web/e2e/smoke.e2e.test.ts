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

describe('the console in Chromium', () => {
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

  it('serves the sign-in page at / and signs the demo admin in, in both languages', async () => {
    const { page, errors, context } = await newPage(browser);
    await page.goto(server.url);
    await page.waitForURL(/\/login/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      '登录 Custos',
    );
    await expectAccessible(page, 'sign-in');
    await signIn(page, server.url, 'zhou.min@yunshan.example');
    await expect(page.getByTestId('signed-in-user').textContent()).resolves.toBe('周敏');
    await expectAccessible(page, 'home');
    await screenshot(page, 'smoke-signed-in');
    expect(errors).toEqual([]);
    await context.close();
  });
});
