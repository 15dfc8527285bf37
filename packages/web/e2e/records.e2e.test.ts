import type { Browser, BrowserContext, Page } from 'playwright-core';
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

const REP = 'li.lei@yunshan.example'; // 销售代表 李雷
const MANAGER = 'han.meimei@yunshan.example'; // 销售经理 韩梅梅, 李雷's manager
const FINANCE = 'yao.yuan@yunshan.example'; // 财务专员 姚远
const SERVICE = 'du.juan@yunshan.example'; // 客服专员 杜鹃
const ADMIN = 'zhou.min@yunshan.example'; // 系统管理员 周敏

interface ListAnswer {
  items: {
    id: string;
    customerId: string;
    fields: Record<string, unknown>;
    maskedFields: string[];
    permissions: Record<string, boolean>;
    ownerId?: string | null;
  }[];
  nextCursor: string | null;
  total: number | null;
  totalExact: boolean | null;
}
interface RecordAnswer {
  id: string;
  customerId: string;
  fields: Record<string, unknown>;
  fieldLevels: Record<string, string>;
  permissions: Record<string, boolean>;
  encryptedFields?: string[];
}

/** An API call with the browser's session (signed in as the page's user). */
async function apiGet<T>(context: BrowserContext, url: string): Promise<T> {
  const response = await context.request.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

/** Every record the API lists for the signed-in user (all pages). */
async function apiListAll(context: BrowserContext, base: string, path: string) {
  const items: ListAnswer['items'] = [];
  let cursor: string | null = null;
  let total: number | null = null;
  do {
    const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const page: ListAnswer = await apiGet<ListAnswer>(
      context,
      `${base}/v1/${path}${path.includes('?') ? '&' : '?'}limit=200${query}`,
    );
    total ??= page.total;
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return { ids: items.map((i) => i.id), items, total };
}

/** Wait until the list shows this total. */
async function waitForTotal(page: Page, total: number | null): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid="record-total"]')?.getAttribute('data-total') === n,
    String(total),
  );
}

/** The ids the console's list shows, after loading every page. */
async function shownIds(page: Page): Promise<string[]> {
  await page.getByTestId('record-total').waitFor();
  const more = page.getByRole('button', { name: /加载更多|Load more/ });
  while (await more.isVisible()) {
    const before = await page.getByTestId('record-link').count();
    await more.click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="record-link"]').length > n,
      before,
    );
  }
  return page
    .getByTestId('record-link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('data-id') ?? ''));
}

describe('the record screens in Chromium', () => {
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

  it('a sales rep sees exactly the customers the API lists for him, with their total', async () => {
    const { page, errors, context } = await newPage(browser);
    await signIn(page, server.url, REP);
    await page.goto(`${server.url}/records/customers`);
    const api = await apiListAll(context, server.url, 'customers');
    expect(api.ids.length).toBeGreaterThan(0);
    const ids = await shownIds(page);
    expect([...ids].sort()).toEqual([...api.ids].sort());
    await expect(page.getByTestId('record-total').getAttribute('data-total')).resolves.toBe(
      String(api.total),
    );
    // Masked fields are marked (李雷 sees idNumber and bankAccount masked) when a row has one.
    const first = await apiGet<ListAnswer>(context, `${server.url}/v1/customers?limit=50`);
    const maskedRows = first.items.filter((i) => i.maskedFields.length > 0).length;
    expect(await page.getByTestId('masked-marker').count()).toBeGreaterThanOrEqual(
      maskedRows > 0 ? 1 : 0,
    );
    await expectAccessible(page, 'customer list (rep)');
    await screenshot(page, 'customer-list');

    // Search by name prefix: the API's answer for the same prefix.
    const name = String(first.items[0]?.fields.name);
    const prefix = name.slice(0, 2);
    await page.getByRole('searchbox', { name: '按名称搜索' }).fill(prefix);
    await page.getByRole('searchbox', { name: '按名称搜索' }).press('Enter');
    const searched = await apiListAll(
      context,
      server.url,
      `customers?q=${encodeURIComponent(prefix)}`,
    );
    await waitForTotal(page, searched.total);
    expect((await shownIds(page)).sort()).toEqual([...searched.ids].sort());
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a sales manager sees the team’s customers: more than a rep, equal to the API', async () => {
    const rep = await newPage(browser);
    await signIn(rep.page, server.url, REP);
    const repList = await apiListAll(rep.context, server.url, 'customers');
    await rep.context.close();

    const { page, errors, context } = await newPage(browser, { locale: 'en-US' });
    await signIn(page, server.url, MANAGER);
    await page.goto(`${server.url}/records/customers`);
    const api = await apiListAll(context, server.url, 'customers');
    expect(api.ids.length).toBeGreaterThan(repList.ids.length);
    for (const id of repList.ids) expect(api.ids).toContain(id);
    expect((await shownIds(page)).sort()).toEqual([...api.ids].sort());
    await screenshot(page, 'customer-list-manager');

    // Filters: the level field, then also a sensitivity: the API's answer for the same query.
    await page.getByRole('textbox', { name: '客户级别' }).fill('A');
    const levelA = await apiListAll(context, server.url, 'customers?field=level:A');
    await waitForTotal(page, levelA.total);
    expect((await shownIds(page)).sort()).toEqual([...levelA.ids].sort());
    await page.getByRole('combobox', { name: '敏感级别' }).click();
    await page.locator('.ant-select-item-option[title="内部"]').click();
    // axe on the list, once the option list has closed (its open listbox is antd's).
    await expect
      .poll(() => page.locator('[role="listbox"]:visible, .ant-select-dropdown:visible').count())
      .toBe(0);
    const internalA = await apiListAll(
      context,
      server.url,
      'customers?field=level:A&sensitivity=internal',
    );
    expect(internalA.ids.length).toBeLessThanOrEqual(levelA.ids.length);
    await waitForTotal(page, internalA.total);
    expect((await shownIds(page)).sort()).toEqual([...internalA.ids].sort());
    await expectAccessible(page, 'customer list filtered (manager)');
    await screenshot(page, 'customer-list-filtered');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the customer detail: fields by level, children tabs, team, and the explanation of each action', async () => {
    const { page, errors, context } = await newPage(browser);
    await signIn(page, server.url, REP);
    // One of his own customers (he may edit it): the API's permissions say which.
    const list = await apiGet<ListAnswer>(context, `${server.url}/v1/customers?limit=50`);
    const id = list.items.find((i) => i.permissions.update)?.id as string;
    const record = await apiGet<RecordAnswer>(context, `${server.url}/v1/customers/${id}`);
    await page.goto(`${server.url}/records/customers/${id}`);
    await page.getByTestId('record-fields').waitFor();
    // Every field not hidden is shown with its level; hidden ones are absent.
    const shown = await page
      .locator('[data-testid="record-fields"] [data-field]')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-field'), e.getAttribute('data-level')]),
      );
    const expected = Object.entries(record.fieldLevels).filter(([, level]) => level !== 'hidden');
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(expected));
    // The lock hint (已加密) marks exactly the fields the API says are stored encrypted.
    const locked = await page
      .locator('[data-testid="record-fields"] [data-field]')
      .evaluateAll((els) =>
        els
          .filter((e) => e.querySelector('[data-testid="encrypted-marker"]') !== null)
          .map((e) => e.getAttribute('data-field')),
      );
    expect(record.encryptedFields?.length ?? 0).toBeGreaterThan(0);
    expect(locked.sort()).toEqual([...(record.encryptedFields ?? [])].sort());
    await expect(page.getByTestId('encrypted-marker').first().textContent()).resolves.toContain(
      '已加密',
    );
    await expectAccessible(page, 'customer detail');
    await screenshot(page, 'customer-detail');

    // Buttons follow `permissions`: a rep may edit his customer but not delete or transfer it.
    expect(record.permissions.update).toBe(true);
    await expect(page.getByRole('button', { name: '编辑' }).count()).resolves.toBe(1);
    expect(await page.getByRole('button', { name: '删除' }).count()).toBe(
      record.permissions.delete ? 1 : 0,
    );
    expect(await page.getByRole('button', { name: '转移' }).count()).toBe(
      record.permissions.transfer ? 1 : 0,
    );

    // The edit form: read-only fields disabled, editable ones not, as fieldLevels say.
    await page.getByRole('button', { name: '编辑' }).click();
    const form = page.getByTestId('record-form');
    await form.waitFor();
    for (const [field, level] of expected) {
      const input = form.locator(`[data-field="${field}"] input`).first();
      await expect(input.isDisabled(), field).resolves.toBe(level !== 'edit');
    }
    await expectAccessible(page, 'customer edit form');
    await screenshot(page, 'customer-edit-form');
    await page.getByRole('button', { name: /^取\s?消$/ }).click();

    // "Why can I see this?": the same sentence as /v1/authz/explain, for every action.
    const me = await apiGet<{ user: { id: string } }>(context, `${server.url}/v1/auth/me`);
    await page.getByRole('button', { name: '为什么我能看到？' }).click();
    const drawer = page.getByTestId('explain-list');
    await drawer.waitFor();
    for (const action of ['read', 'update', 'delete', 'transfer', 'share', 'export']) {
      const response = await context.request.post(`${server.url}/v1/authz/explain`, {
        data: { subject: me.user.id, action, object: 'customer', recordId: id },
        headers: { 'x-csrf-token': await csrf(context, server.url) },
      });
      expect(response.status()).toBe(200);
      const answer = (await response.json()) as { allowed: boolean; text: Record<string, string> };
      const item = drawer.locator(`[data-action="${action}"]`);
      await item.getByTestId('explain-text').waitFor();
      await expect(item.getByTestId('explain-text').textContent()).resolves.toBe(
        answer.text['zh-CN'],
      );
      await expect(item.locator('[data-allowed]').getAttribute('data-allowed')).resolves.toBe(
        String(answer.allowed),
      );
    }
    await expectAccessible(page, 'explain drawer');
    await screenshot(page, 'explain-drawer');
    await page.keyboard.press('Escape');

    // The contacts tab: this customer's contacts I may read (the list API's `customerId`), the
    // same records and total as the API.
    await page.getByRole('tab', { name: '联系人' }).click();
    const contacts = await apiGet<ListAnswer>(
      context,
      `${server.url}/v1/contacts?customerId=${encodeURIComponent(id)}&limit=50`,
    );
    expect(contacts.items.every((c) => c.customerId === id)).toBe(true);
    const panel = page.getByRole('tabpanel');
    await panel.getByTestId('record-total').waitFor();
    await expect(panel.getByTestId('record-total').getAttribute('data-total')).resolves.toBe(
      String(contacts.total),
    );
    const shownContacts = await panel
      .getByTestId('record-link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('data-id')));
    expect(shownContacts).toEqual(contacts.items.map((c) => c.id));
    await page.getByRole('tab', { name: '客户团队' }).click();
    await expectAccessible(page, 'customer team');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finance opens an order and finds the contact fields read-only, as the API says', async () => {
    const { page, errors, context } = await newPage(browser);
    await signIn(page, server.url, FINANCE);
    const orders = await apiGet<ListAnswer>(context, `${server.url}/v1/orders?limit=1`);
    const order = orders.items[0] as ListAnswer['items'][number];
    await page.goto(`${server.url}/records/orders/${order.id}`);
    await page.getByTestId('record-fields').waitFor();
    // Finance may edit orders: the order's own fields are editable.
    const orderView = await apiGet<RecordAnswer>(context, `${server.url}/v1/orders/${order.id}`);
    expect(orderView.permissions.update).toBe(true);
    await expectAccessible(page, 'order detail');
    // To the order's customer: finance reads its phone and email (read-only there too).
    await page.getByTestId('customer-link').click();
    await page.getByRole('tab', { name: '资料' }).waitFor();
    const customer = await apiGet<RecordAnswer>(
      context,
      `${server.url}/v1/customers/${order.customerId}`,
    );
    expect(customer.fieldLevels.phone).toBe('read');
    for (const field of ['phone', 'email']) {
      const label = page.locator(`[data-testid="record-fields"] [data-field="${field}"]`);
      // The customer's fields render after its record loads: wait for them, then count.
      await label.getByTestId('read-only-marker').waitFor();
      await expect(label.getByTestId('read-only-marker').count()).resolves.toBe(1);
    }
    // A contact of that customer (the list API has no customer filter: found among all pages).
    const contactId = (await apiListAll(context, server.url, 'contacts')).items.find(
      (c) => c.customerId === order.customerId,
    )?.id;
    expect(contactId).toBeDefined();
    await page.goto(`${server.url}/records/contacts/${contactId}`);
    await page.getByTestId('record-fields').waitFor();
    const contact = await apiGet<RecordAnswer>(context, `${server.url}/v1/contacts/${contactId}`);
    // The demo policy: 财务专员 reads contacts' phone and email, and may not edit contacts.
    expect(contact.fieldLevels.phone).toBe('read');
    expect(contact.fieldLevels.email).toBe('read');
    expect(contact.permissions.update).toBe(false);
    for (const [field, level] of Object.entries(contact.fieldLevels)) {
      const label = page.locator(`[data-testid="record-fields"] [data-field="${field}"]`);
      await expect(label.getAttribute('data-level')).resolves.toBe(level);
      await expect(label.getByTestId('read-only-marker').count()).resolves.toBe(
        level === 'read' ? 1 : 0,
      );
    }
    await expect(page.getByRole('button', { name: '编辑' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'contact detail (finance)');
    await screenshot(page, 'contact-read-only-finance');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('customer service updates a ticket: edit, save, the API shows the new value', async () => {
    const { page, errors, context } = await newPage(browser);
    await signIn(page, server.url, SERVICE);
    const tickets = await apiGet<ListAnswer>(context, `${server.url}/v1/tickets?limit=1`);
    const ticketId = tickets.items[0]?.id as string;
    await page.goto(`${server.url}/records/tickets/${ticketId}`);
    await page.getByRole('button', { name: '编辑' }).click();
    const form = page.getByTestId('record-form');
    await form.waitFor();
    const subject = `浏览器测试工单 ${Date.now()}`;
    await form.getByRole('textbox', { name: '主题' }).fill(subject);
    await page.getByRole('button', { name: /^保\s?存$/ }).click();
    await page.getByText('已保存').waitFor();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: subject }).waitFor();
    const after = await apiGet<RecordAnswer>(context, `${server.url}/v1/tickets/${ticketId}`);
    expect(after.fields.subject).toBe(subject);
    await screenshot(page, 'ticket-updated');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an administrator adds and removes a team member and transfers a customer with its children', async () => {
    const { page, errors, context } = await newPage(browser);
    await signIn(page, server.url, ADMIN);
    const list = await apiGet<ListAnswer>(context, `${server.url}/v1/customers?limit=50`);
    const customer = list.items.find((c) => c.ownerId != null && c.ownerId !== 'lilei');
    const id = customer?.id as string;
    await page.goto(`${server.url}/records/customers/${id}`);
    await page.getByRole('tab', { name: '客户团队' }).click();

    // Add 李雷 to the team (read access), through the user picker.
    await page.getByRole('button', { name: '添加成员' }).click();
    const dialog = page.getByRole('dialog');
    // axe before the picker opens: antd's open list (a listbox without a name) is the picker's.
    await dialog.getByRole('combobox', { name: '用户' }).waitFor();
    await expectAccessible(page, 'team add dialog');
    await dialog.getByRole('combobox', { name: '用户' }).fill('李雷');
    await page.locator('.ant-select-item-option[title^="李雷"]').click();
    await dialog.getByRole('button', { name: '添加成员' }).click();
    await page.getByRole('cell', { name: /李雷/ }).waitFor();
    const team = await apiGet<{ members: { userId: string; access: string }[] }>(
      context,
      `${server.url}/v1/customers/${id}/team`,
    );
    expect(team.members).toContainEqual(
      expect.objectContaining({ userId: 'lilei', access: 'read' }),
    );
    await screenshot(page, 'customer-team');

    // Remove him again.
    await page
      .getByRole('row', { name: /李雷/ })
      .getByRole('button', { name: /移\s?除/ })
      .click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /移\s?除/ })
      .click();
    await page.getByRole('cell', { name: /李雷/ }).waitFor({ state: 'detached' });
    const after = await apiGet<{ members: { userId: string }[] }>(
      context,
      `${server.url}/v1/customers/${id}/team`,
    );
    expect(after.members.map((m) => m.userId)).not.toContain('lilei');

    // Transfer the customer to 李雷 with the previous owner's children.
    await page.getByRole('button', { name: '转移' }).click();
    const transfer = page.getByRole('dialog');
    await transfer.getByRole('combobox', { name: '新负责人' }).waitFor();
    await expectAccessible(page, 'transfer dialog');
    await transfer.getByRole('combobox', { name: '新负责人' }).fill('李雷');
    await page.locator('.ant-select-item-option[title^="李雷"]').click();
    await expect(transfer.getByRole('checkbox').isChecked()).resolves.toBe(true);
    await screenshot(page, 'customer-transfer');
    await transfer.getByRole('button', { name: /^转\s?移$/ }).click();
    await transfer.waitFor({ state: 'detached' });
    const moved = await apiGet<RecordAnswer & { ownerId: string }>(
      context,
      `${server.url}/v1/customers/${id}`,
    );
    expect(moved.ownerId).toBe('lilei');
    await page.getByText('lilei', { exact: true }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a record the user may not read is the not-found page (existence not revealed)', async () => {
    const manager = await newPage(browser);
    await signIn(manager.page, server.url, MANAGER);
    const rep = await newPage(browser);
    await signIn(rep.page, server.url, REP);
    const mine = new Set((await apiListAll(rep.context, server.url, 'customers')).ids);
    const theirs = (await apiListAll(manager.context, server.url, 'customers')).ids.find(
      (id) => !mine.has(id),
    ) as string;
    await manager.context.close();
    const { page, errors, context } = rep;
    const direct = await context.request.get(`${server.url}/v1/customers/${theirs}`);
    expect(direct.status()).toBe(404);
    await page.goto(`${server.url}/records/customers/${theirs}`);
    await page.getByRole('heading', { level: 1, name: '找不到' }).waitFor();
    await expectAccessible(page, 'not found');
    await screenshot(page, 'record-not-found');
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** The session's CSRF token (for a state-changing call made beside the page). */
async function csrf(context: BrowserContext, base: string): Promise<string> {
  return (await apiGet<{ token: string }>(context, `${base}/v1/auth/csrf`)).token;
}
