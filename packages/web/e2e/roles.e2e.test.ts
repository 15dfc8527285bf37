import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/shared/admin-types.ts';
import {
  DEMO_PASSWORD,
  expectAccessible,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  startConsoleServer,
  type ConsoleServer,
} from './harness.ts';

const ADMIN = 'zhou.min@yunshan.example';
/** 李雷, a 销售代表 of 华东 (sales-east), and the header that reads as him. */
const REP = { userId: 'lilei', name: '李雷' };
const REP_DEPARTMENT = 'sales-east';
const VIEW_AS_REP = { 'x-custos-view-as': REP.userId };

/** The console's zh-CN words of the objects and actions (the common namespace). */
const OBJECT_ZH: Record<string, string> = {
  customer: '客户',
  contact: '联系人',
  deal: '商机',
  order: '订单',
  ticket: '工单',
  activity: '活动',
};
const ACTION_ZH: Record<string, string> = {
  read: '查看',
  create: '新建',
  update: '编辑',
  delete: '删除',
  transfer: '转移',
  share: '共享',
  export: '导出',
};

interface PreviewAnswer {
  valid: boolean;
  partial: boolean;
  users: {
    userId: string;
    name: string;
    gains: { object: string; action: string; records: number }[];
  }[];
  summary: {
    object: string;
    action: string;
    gained: { users: number; records: number };
    lost: { users: number; records: number };
  }[];
}

/** The API, beside the browser: a session of its own (no browser headers, so no CSRF token). */
function apiClient(server: ConsoleServer) {
  let cookie: string | undefined;
  const login = async (email: string): Promise<string> => {
    const r = await server.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email, password: DEMO_PASSWORD },
    });
    expect(r.statusCode).toBe(200);
    const c = r.cookies.find((k) => k.name.includes('session'));
    if (c === undefined) throw new Error(`no session cookie for ${email}`);
    return `${c.name}=${c.value}`;
  };
  return {
    async get<T>(url: string, headers: Record<string, string> = {}): Promise<T> {
      cookie ??= await login(ADMIN);
      const r = await server.app.inject({ method: 'GET', url, headers: { cookie, ...headers } });
      expect(r.statusCode, `${url}: ${r.body}`).toBe(200);
      return r.json<T>();
    },
    async post<T>(url: string, payload: object): Promise<T> {
      cookie ??= await login(ADMIN);
      const r = await server.app.inject({ method: 'POST', url, headers: { cookie }, payload });
      expect(r.statusCode, `${url}: ${r.body}`).toBe(200);
      return r.json<T>();
    },
  };
}

/** Pick a scope in one cell of the permission matrix (an Ant Design select). */
async function pickScope(page: Page, cellLabel: string, scopeHelp: string): Promise<void> {
  await page.getByLabel(cellLabel, { exact: true }).click();
  await page
    .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${scopeHelp}"]`)
    .click();
}

describe('roles in the console', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let api: ReturnType<typeof apiClient>;
  beforeAll(async () => {
    // The preview's impact is compared with the API's: both must count every user (no time
    // budget cut short on a machine busy with other tests).
    server = await startConsoleServer({ config: { previewBudgetMs: 60_000 } });
    browser = await launchBrowser();
    api = apiClient(server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists every role with how many users hold it, as the API counts them', async () => {
    const { page, errors, context } = await newPage(browser);
    await signIn(page, server.url, ADMIN);
    await page.goto(`${server.url}/admin/roles`);
    await page.getByRole('heading', { level: 1, name: '角色' }).waitFor();
    const roles = await api.get<{ data: Role[] }>('/v1/admin/roles?limit=500');
    const overview = await api.get<{ usersPerRole: { roleId: string; activeUsers: number }[] }>(
      '/v1/admin/overview',
    );
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(roles.data.length);
    const rep = page.locator('tr', {
      has: page.getByRole('link', { name: '销售代表', exact: true }),
    });
    const holders = overview.usersPerRole.find((r) => r.roleId === 'sales-rep')?.activeUsers;
    expect(holders).toBeGreaterThan(0);
    await expect.poll(() => rep.textContent()).toContain(`${holders} 人`);
    await expectAccessible(page, 'roles list');
    await screenshot(page, 'roles-list');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('changes a cell of 销售代表, previews the impact as the API does, saves it', async () => {
    const { page, errors, context } = await newPage(browser);
    await signIn(page, server.url, ADMIN);
    await page.goto(`${server.url}/admin/roles`);
    await page.getByRole('button', { name: '编辑角色 销售代表' }).click();
    await page.getByRole('heading', { level: 1, name: '编辑角色：销售代表' }).waitFor();
    const matrix = page.getByTestId('permission-matrix');
    await matrix.waitFor();
    // The matrix shows the role as the API has it.
    const before = (await api.get<{ data: Role }>('/v1/admin/roles/sales-rep')).data;
    expect(before.objects.customer?.read).toBe('own');
    const repBefore = await api.get<{ total: number }>('/v1/customers', VIEW_AS_REP);
    await expect
      .poll(() => matrix.locator('[data-cell="customer.read"] .ant-select-content').textContent())
      .toBe('本人');
    await expect
      .poll(() => matrix.locator('[data-cell="customer.delete"] .ant-select-content').textContent())
      .toBe('无');
    await expectAccessible(page, 'role editor');

    await pickScope(page, '客户 · 查看 的数据范围', '归属本部门的记录');
    await expect
      .poll(() => matrix.locator('[data-cell="customer.read"] .ant-select-content').textContent())
      .toBe('本部门');
    await expect
      .poll(() => page.getByTestId('pending-changes').textContent())
      .toBe('有 1 处修改未保存');
    // The README's picture: the matrix at rest (no open list, scrolled to the top).
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1 }).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'role-editor');

    // The same change through the API's preview.
    const change = {
      kind: 'role.update',
      id: 'sales-rep',
      objects: { ...before.objects, customer: { ...before.objects.customer, read: 'department' } },
    };
    await page.getByRole('button', { name: '保存（先预览影响）' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('这项更改会改变以下用户的访问权限').waitFor();
    const preview = await api.post<PreviewAnswer>('/v1/admin/changes/preview', {
      changes: [change],
    });
    expect(preview.valid).toBe(true);
    expect(preview.partial).toBe(false);
    expect(preview.users.length).toBeGreaterThan(0);
    const customerRead = preview.summary.find(
      (s) => s.object === 'customer' && s.action === 'read',
    );
    expect(customerRead?.gained.users).toBeGreaterThan(0);
    expect(customerRead?.gained.records).toBeGreaterThan(0);

    // The summary: one row per object and action, gained and lost users and records.
    const summaryRows = dialog.locator('.ant-table').first().locator('tbody tr.ant-table-row');
    expect(await summaryRows.count()).toBe(preview.summary.length);
    for (const [i, s] of preview.summary.entries()) {
      const cells = await summaryRows.nth(i).locator('td').allTextContents();
      expect(cells).toEqual([
        OBJECT_ZH[s.object],
        ACTION_ZH[s.action],
        `${s.gained.users} · ${s.gained.records} 条记录`,
        `${s.lost.users} · ${s.lost.records} 条记录`,
      ]);
    }
    // The users: the first page names the API's first users and what each gains on how many records.
    const userRows = dialog.locator('.ant-table').nth(1).locator('tbody tr.ant-table-row');
    const shown = await userRows.count();
    expect(shown).toBe(Math.min(8, preview.users.length));
    for (let i = 0; i < shown; i++) {
      const user = preview.users[i]!;
      const cells = await userRows.nth(i).locator('td').allTextContents();
      expect(cells[0]).toBe(user.name);
      expect(cells[1]).toBe(
        user.gains
          .map((g) => `${OBJECT_ZH[g.object]} · ${ACTION_ZH[g.action]} · ${g.records} 条记录`)
          .join(''),
      );
    }
    expect(preview.users.map((u) => u.name)).toContain('李雷');
    await expectAccessible(page, 'role change preview');
    await screenshot(page, 'role-change-preview');

    await dialog.getByRole('button', { name: '确认保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('pending-changes').textContent()).toBe('没有修改');
    const after = (await api.get<{ data: Role }>('/v1/admin/roles/sales-rep')).data;
    expect(after.objects.customer).toEqual({ ...before.objects.customer, read: 'department' });
    expect(after.objects.deal).toEqual(before.objects.deal);
    expect(after.functions).toEqual(before.functions);
    expect(after.fields).toEqual(before.fields);

    // View as an affected rep: the console now asks as 李雷 and the API serves him his
    // department's customers — more than before.
    const repAfter = await api.get<{ total: number }>('/v1/customers', VIEW_AS_REP);
    expect(repAfter.total).toBeGreaterThan(repBefore.total);
    const ownDepartment = await api.get<{ total: number }>(
      `/v1/customers?departmentId=${REP_DEPARTMENT}`,
    );
    expect(repAfter.total).toBeGreaterThanOrEqual(ownDepartment.total);
    await page.evaluate((target) => {
      window.sessionStorage.setItem('custos.viewAs', JSON.stringify(target));
    }, REP);
    const me = page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/auth/me');
    await page.goto(`${server.url}/records/customers`);
    expect((await me).request().headers()['x-custos-view-as']).toBe(REP.userId);
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toBe(REP.name);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('viewing as the affected rep, the customer list shows his department’s customers', async () => {
    const role = (await api.get<{ data: Role }>('/v1/admin/roles/sales-rep')).data;
    expect(role.objects.customer?.read, 'the role change of the test before').toBe('department');
    const { page, errors, context } = await newPage(browser);
    await signIn(page, server.url, ADMIN);
    await page.evaluate((target) => {
      window.sessionStorage.setItem('custos.viewAs', JSON.stringify(target));
    }, REP);
    const list = page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/customers');
    await page.goto(`${server.url}/records/customers`);
    const answer = await list;
    expect(answer.request().headers()['x-custos-view-as']).toBe(REP.userId);
    const shown = (await answer.json()) as { total: number };
    const expected = await api.get<{ total: number }>('/v1/customers', VIEW_AS_REP);
    expect(shown.total).toBe(expected.total);
    await expect.poll(() => page.locator('#main').textContent()).toContain(String(expected.total));
    await expectAccessible(page, 'customer list viewed as a rep');
    await screenshot(page, 'roles-view-as-rep');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('clones a role: a new role with the permissions copied and a new name', async () => {
    const { page, errors, context } = await newPage(browser);
    await signIn(page, server.url, ADMIN);
    await page.goto(`${server.url}/admin/roles`);
    await page.getByRole('button', { name: '复制角色 销售经理' }).click();
    await page.getByRole('heading', { level: 1, name: '复制角色：销售经理' }).waitFor();
    await expect.poll(() => page.getByLabel('角色名称').inputValue()).toBe('销售经理（副本）');
    await page.getByLabel('角色名称').fill('华东销售经理');
    await page.getByLabel('角色标识').fill('sales-manager-east');
    await expectAccessible(page, 'role clone');
    // Function permissions: the catalogue with its descriptions; drop export.
    await page.getByRole('tab', { name: '功能权限' }).click();
    const exportBox = page.getByRole('checkbox', { name: '功能权限 export' });
    await expect(exportBox.isChecked()).resolves.toBe(true);
    await exportBox.uncheck();
    await expectAccessible(page, 'role function permissions');
    // Field permissions: the customer's fields from the object settings; mask the phone.
    await page.getByRole('tab', { name: '字段权限' }).click();
    const phone = page.getByRole('radiogroup', { name: '客户 · 电话 的字段权限' });
    const chosen = phone.locator('.ant-radio-button-wrapper-checked');
    await expect.poll(() => chosen.textContent()).toBe('随对象权限');
    await phone.getByText('脱敏', { exact: true }).click();
    await expect.poll(() => chosen.textContent()).toBe('脱敏');
    await expectAccessible(page, 'role field permissions');
    await screenshot(page, 'role-field-permissions');
    await page.getByRole('button', { name: '保存（先预览影响）' }).click();
    const dialog = page.getByRole('dialog');
    // Nobody holds the new role yet: nobody's access changes.
    await dialog.getByText('这项更改不会改变任何用户对记录的访问。').waitFor();
    await dialog.getByRole('button', { name: '确认保存' }).click();
    await page.waitForURL(/\/admin\/roles\/sales-manager-east$/);
    await page.getByRole('heading', { level: 1, name: '编辑角色：华东销售经理' }).waitFor();
    const source = (await api.get<{ data: Role }>('/v1/admin/roles/sales-manager')).data;
    const clone = (await api.get<{ data: Role }>('/v1/admin/roles/sales-manager-east')).data;
    // Functions as a set: the editor keeps them in catalogue order.
    expect({ ...clone, functions: [...clone.functions].sort() }).toEqual({
      ...source,
      id: 'sales-manager-east',
      name: '华东销售经理',
      functions: source.functions.filter((f) => f !== 'export').sort(),
      fields: { ...source.fields, customer: { ...source.fields.customer, phone: 'masked' } },
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('compares two roles side by side, every difference highlighted', async () => {
    const { page, errors, context } = await newPage(browser, { locale: 'zh-CN' });
    await signIn(page, server.url, ADMIN);
    await page.goto(`${server.url}/admin/roles`);
    await page.getByRole('checkbox', { name: '选择角色 销售经理 用于对比' }).check();
    await page.getByRole('checkbox', { name: '选择角色 财务专员 用于对比' }).check();
    await page.getByRole('button', { name: '对比所选的两个角色' }).click();
    await page.waitForURL(/\/admin\/roles\/compare\?a=sales-manager&b=finance/);
    await page.getByRole('heading', { level: 1, name: '角色对比' }).waitFor();
    const a = (await api.get<{ data: Role }>('/v1/admin/roles/sales-manager')).data;
    const b = (await api.get<{ data: Role }>('/v1/admin/roles/finance')).data;
    // The cells that differ, from the API's two roles (a missing action is `none`).
    const objects = ['customer', 'contact', 'deal', 'order', 'ticket', 'activity'] as const;
    const actions = ['read', 'create', 'update', 'delete', 'transfer', 'share', 'export'] as const;
    const differing = objects.flatMap((o) =>
      actions.flatMap((x) =>
        (a.objects[o]?.[x] ?? 'none') === (b.objects[o]?.[x] ?? 'none') ? [] : [`${o}.${x}`],
      ),
    );
    expect(differing.length).toBeGreaterThan(0);
    const matrix = page.getByTestId('compare-matrix');
    await matrix.waitFor();
    const marked = await matrix
      .locator('[data-differs="true"]')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cell')));
    expect(marked.sort()).toEqual(differing.sort());
    // order.update: 销售经理 none, 财务专员 all.
    await expect(matrix.locator('[data-cell="order.update"]').textContent()).resolves.toBe(
      'A 无B 全部不同',
    );
    const functionsDiffer = [...new Set([...a.functions, ...b.functions])].filter(
      (f) => a.functions.includes(f) !== b.functions.includes(f),
    );
    const fieldKeys = (r: Role) =>
      Object.entries(r.fields).flatMap(([o, f]) =>
        Object.entries(f ?? {}).map(([k, level]) => `${o}.${k}=${level}`),
      );
    const fieldNames = new Set(
      [...fieldKeys(a), ...fieldKeys(b)].map((k) => k.slice(0, k.indexOf('='))),
    );
    const fieldsDiffer = [...fieldNames].filter((n) => {
      const [o, f] = n.split('.') as [keyof Role['fields'], string];
      return a.fields[o]?.[f] !== b.fields[o]?.[f];
    });
    const total = differing.length + functionsDiffer.length + fieldsDiffer.length;
    await expect(page.getByTestId('difference-count').textContent()).resolves.toBe(
      `共 ${total} 处不同`,
    );
    await expect(
      page.getByTestId('compare-fields').locator('tr.custos-role-edited').count(),
    ).resolves.toBe(fieldsDiffer.length);
    await expectAccessible(page, 'role compare');
    await screenshot(page, 'role-compare');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the API’s errors: an empty name (naming the field), an id in use, a role still held', async () => {
    const { page, errors, context } = await newPage(browser);
    await signIn(page, server.url, ADMIN);
    await page.goto(`${server.url}/admin/roles/sales-manager`);
    await page.getByRole('heading', { level: 1, name: '编辑角色：销售经理' }).waitFor();
    await page.getByLabel('角色名称').fill('');
    await page.getByRole('button', { name: '保存（先预览影响）' }).click();
    const dialog = page.getByRole('dialog');
    const alert = dialog.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/changes\/0\/name/);
    await expect(dialog.getByRole('button', { name: '确认保存' }).isDisabled()).resolves.toBe(true);
    await expectAccessible(page, 'role invalid save');
    await screenshot(page, 'role-invalid-save');
    await dialog.getByRole('button', { name: /^取\s*消$/ }).click();
    // Nothing changed.
    expect((await api.get<{ data: Role }>('/v1/admin/roles/sales-manager')).data.name).toBe(
      '销售经理',
    );

    // A new role under an id another role has.
    await page.goto(`${server.url}/admin/roles/new`);
    await page.getByRole('heading', { level: 1, name: '新建角色' }).waitFor();
    await page.getByLabel('角色名称').fill('重复的角色');
    await page.getByLabel('角色标识').fill('finance');
    await page.getByRole('button', { name: '保存（先预览影响）' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toContain('role "finance" exists already');

    // Deleting a role users hold: the API refuses and says who.
    await page.goto(`${server.url}/admin/roles`);
    await page.getByRole('button', { name: '删除角色 财务专员' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toContain('role "finance" is still assigned');
    await expect(dialog.getByRole('button', { name: '确认保存' }).isDisabled()).resolves.toBe(true);
    // The only console errors: the browser's own log line for the 400 answer of the empty name.
    expect(errors.filter((e) => !/status of 400\b/.test(e))).toEqual([]);
    await context.close();
  });

  it('shows the role editor in English, every word of the matrix translated', async () => {
    const { page, errors, context } = await newPage(browser, { locale: 'en-US' });
    await context.addInitScript(() => window.localStorage.setItem('custos.language', 'en-US'));
    await signIn(page, server.url, ADMIN);
    await page.goto(`${server.url}/admin/roles/sales-director`);
    await page.getByRole('heading', { level: 1, name: 'Edit role: 销售总监' }).waitFor();
    const matrix = page.getByTestId('permission-matrix');
    await expect(matrix.locator('thead').textContent()).resolves.toBe(
      'ObjectReadCreateEditDeleteTransferShareExport',
    );
    await expect(
      matrix.locator('[data-cell="customer.read"] .ant-select-content').textContent(),
    ).resolves.toBe('Dept. + below');
    await expect(
      page.getByLabel('Data scope of Customer · Read', { exact: true }).count(),
    ).resolves.toBe(1);
    await expectAccessible(page, 'role editor in English');
    await screenshot(page, 'role-editor-en');
    expect(errors).toEqual([]);
    await context.close();
  });
});
