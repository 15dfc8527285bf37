import { decide } from '@custos/engine';
import { runAccessRequestExpiry } from '@custos/server';
import { getAccessRequest, type DemoRecord } from '@custos/store';
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

const DAY = 86_400_000;

describe('access requests in the console', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let target: DemoRecord;
  const emailOf = (userId: string): string => {
    const login = server.demo.logins.find((l) => l.userId === userId);
    if (login === undefined) throw new Error(`no demo login ${userId}`);
    return login.email;
  };

  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchBrowser();
    const { index } = await server.app.custos.policy.current(server.demo.tenantId);
    const now = server.app.custos.clock();
    const found = server.demo.company.records.find(
      (r) =>
        r.object === 'customer' &&
        r.departmentId === 'sales-north' &&
        r.sensitivity === 'internal' &&
        r.ownerId !== null &&
        !decide(index, 'lilei', 'read', r, now),
    );
    if (found === undefined) throw new Error('no north customer for the test');
    target = found;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('request from the not-found page → approvals up the line → access → expiry → gone', async () => {
    const name = String(target.fields['name']);
    const rep = await newPage(browser);
    await signIn(rep.page, server.url, emailOf('lilei'));
    await rep.page.goto(`${server.url}/records/customers/${target.id}`);
    await rep.page.getByTestId('request-access').click();
    await expect.poll(() => rep.page.getByTestId('request-record-id').inputValue()).toBe(target.id);
    await rep.page.getByTestId('request-reason').fill('协助华北同事跟进续约');
    await screenshot(rep.page, 'requests-form');
    await rep.page.getByRole('button', { name: '提交申请' }).click();
    await rep.page.waitForURL(`${server.url}/requests`);
    const status = rep.page.locator('[data-testid^="request-status-"]').first();
    await status.waitFor();
    const id = ((await status.getAttribute('data-testid')) ?? '').replace('request-status-', '');
    expect(await status.textContent()).toBe('待审批');

    // The first step went up the line (hanmeimei cannot read a north customer) to wangzhiqiang.
    const head = await newPage(browser);
    await signIn(head.page, server.url, emailOf('wangzhiqiang'));
    await head.page.goto(`${server.url}/requests/approvals`);
    await head.page.getByTestId(`approve-${id}`).waitFor();
    expect(await head.page.locator('main').textContent()).toContain(name);
    await expectAccessible(head.page, 'approvals inbox');
    await screenshot(head.page, 'requests-approvals');
    await head.page.getByTestId(`approve-${id}`).click();
    await head.page.getByText('已批准。').waitFor();

    // Then the data owner (or whoever the line reached) in a fresh browser context.
    const waiting = await getAccessRequest(server.database.db, server.demo.tenantId, id);
    const ownerId = waiting?.waitingOn[0];
    expect(ownerId).toBeDefined();
    const owner = await newPage(browser);
    await signIn(owner.page, server.url, emailOf(ownerId as string));
    await owner.page.goto(`${server.url}/requests/approvals`);
    await owner.page.getByTestId(`approve-${id}`).click();
    await owner.page.getByText('已批准。').waitFor();

    // The requester sees the record at the next request, and the bell says so.
    await rep.page.goto(`${server.url}/records/customers/${target.id}`);
    await rep.page.getByRole('heading', { level: 1, name }).waitFor();
    await rep.page.getByTestId('notification-bell').click();
    await rep.page.getByText(`您的权限申请 #${id} 已批准，有效 7 天。`).waitFor();
    await screenshot(rep.page, 'requests-bell');

    // Eight days later the grant has lapsed: the expiry pass closes the request; the record is gone.
    server.advanceClock(8 * DAY);
    const later = server.app.custos.clock();
    const services = {
      database: server.database,
      clock: server.app.custos.clock,
      policy: server.app.custos.policy,
    };
    expect((await runAccessRequestExpiry(services, later)).expired).toBeGreaterThanOrEqual(1);
    await signIn(rep.page, server.url, emailOf('lilei'));
    await rep.page.goto(`${server.url}/records/customers/${target.id}`);
    await rep.page.getByTestId('request-access').waitFor();
    await rep.page.goto(`${server.url}/requests`);
    expect(await rep.page.getByTestId(`request-status-${id}`).textContent()).toBe('已到期');

    expect(rep.errors).toEqual([]);
    expect(head.errors).toEqual([]);
    expect(owner.errors).toEqual([]);
  });
});
