/**
 * Organisation administration in Chromium: an admin creates a user with an e-mail and the
 * invitation link opens the console's set-password page in a fresh browser, where the new user
 * sets a password and signs in; departments renamed and moved, a user's roles edited and a user
 * deactivated, each through the impact preview, the API agreeing afterwards; bad input named on
 * its field. axe-core on every screen, a screenshot of each.
 */
import type { Browser, Page } from 'playwright-core';
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
const NEW_PASSWORD = 'a long quiet river at dawn 2026';

/**
 * A button's accessible name: Ant Design writes a two-character Chinese label with a space
 * between the characters (保 存).
 */
function cjk(label: string): RegExp {
  return new RegExp(`^${[...label].join('\\s?')}$`);
}

/** The open modal dialog titled `title` (its `.ant-modal-title`). */
function dialog(page: Page, title: string) {
  return page
    .locator('.ant-modal')
    .filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
}

/** The console errors except the answers a test provokes on purpose (`status of 409` …). */
function unexpected(errors: string[], ...statuses: number[]): string[] {
  return errors.filter(
    (e) =>
      !statuses.some((s) => new RegExp(`Failed to load resource: .* status of ${s}\\b`).test(e)),
  );
}

/** An admin API answer read with the page's session (GET: no CSRF token needed). */
async function adminGet<T>(page: Page, url: string, path: string): Promise<T> {
  const response = await page.request.get(`${url}${path}`);
  expect(response.status(), path).toBe(200);
  return ((await response.json()) as { data: T }).data;
}

/** Pick `title` in the open tree-select dropdown of the field with id `id`. */
async function pickDepartment(page: Page, id: string, title: string): Promise<void> {
  await page.locator(`#${id}`).click();
  await page.locator(`#${id}`).fill(title);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: title })
    .first()
    .click();
}

/** The impact preview is shown: wait for it, check it, confirm the save. */
async function confirmPreview(page: Page, screen: string): Promise<void> {
  const preview = dialog(page, '保存前的影响预览');
  await preview.waitFor();
  const ok = preview.getByRole('button', { name: '确认保存' });
  await expect.poll(() => ok.isEnabled()).toBe(true);
  // The dialog has finished appearing (Ant Design's 0.3 s motion; mid-way its colours are faded).
  await preview.evaluate((el) =>
    Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)),
  );
  await page.waitForTimeout(350);
  await expectAccessible(page, screen);
  await screenshot(page, screen);
  await ok.click();
  await preview.waitFor({ state: 'hidden' });
}

describe('organisation administration in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startConsoleServer({ customers: 80 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh browser context at 1280×720; a step waits at most 15 s. */
  const open = async () => {
    const opened = await newPage(browser);
    opened.page.setDefaultTimeout(15_000);
    return opened;
  };

  const emailOf = (userId: string): string => {
    const login = server.demo.logins.find((l) => l.userId === userId);
    if (login === undefined) throw new Error(`no demo login ${userId}`);
    return login.email;
  };

  it('creates a user with an e-mail; the invitation link sets a password in a fresh browser and they sign in', async () => {
    const admin = await open();
    await signIn(admin.page, server.url, ADMIN);
    await admin.page.goto(`${server.url}/admin/users`);
    await admin.page.getByRole('heading', { level: 1, name: '用户' }).waitFor();
    await admin.page.locator('tbody tr.ant-table-row').first().waitFor();
    await admin.page.getByLabel('按姓名搜索用户').fill('李雷');
    await admin.page.keyboard.press('Enter');
    await admin.page.getByRole('cell', { name: '李雷' }).waitFor();
    await expectAccessible(admin.page, 'users');
    await screenshot(admin.page, 'org-users');

    await admin.page.getByRole('button', { name: '新建用户' }).click();
    const form = dialog(admin.page, '新建用户');
    await form.getByLabel('姓名').fill('林小雨');
    await pickDepartment(admin.page, 'departmentId', '华东大区');
    await admin.page.locator('#roleIds').click();
    await admin.page.locator('#roleIds').fill('销售代表');
    await admin.page.keyboard.press('Enter');
    await admin.page.keyboard.press('Escape');
    await form.getByLabel('登录邮箱').fill('lin.xiaoyu@yunshan.example');
    await expectAccessible(admin.page, 'user-create');
    await screenshot(admin.page, 'org-user-create');
    await form.getByRole('button', { name: cjk('保存') }).click();

    const link = admin.page.getByTestId('invitation-link');
    await link.waitFor();
    const shown = await link.inputValue();
    expect(shown).toMatch(/\/set-password\?token=[\w-]{43}$/);
    await expectAccessible(admin.page, 'invitation-link');
    await screenshot(admin.page, 'org-invitation-link');
    // The API created the user as the form said.
    const created = (
      await adminGet<{ id: string; name: string; departmentId: string; roleIds: string[] }[]>(
        admin.page,
        server.url,
        `/v1/admin/users?q=${encodeURIComponent('林小雨')}`,
      )
    )[0];
    expect(created).toMatchObject({ departmentId: 'sales-east', roleIds: ['sales-rep'] });

    // The link names the configured public URL (http://localhost:<port> by default); the test's
    // server listens on another port: the same path and token, on the test's origin.
    const invited = new URL(shown);
    const fresh = await open();
    await fresh.page.goto(`${server.url}${invited.pathname}${invited.search}`);
    await fresh.page.getByRole('heading', { level: 1, name: '设置密码' }).waitFor();
    await expectAccessible(fresh.page, 'set-password');
    // A password the policy refuses: the reason in words on the field, the link still usable.
    await fresh.page.getByLabel('新密码', { exact: true }).fill('short');
    await fresh.page.getByLabel('再次输入新密码').fill('short');
    await fresh.page.getByRole('button', { name: '设置密码' }).click();
    const refusal = fresh.page.locator('.ant-form-item-explain-error').first();
    await refusal.waitFor();
    expect((await refusal.textContent())?.length).toBeGreaterThan(4);
    await screenshot(fresh.page, 'org-set-password-refused');
    // The two entries must agree (checked before anything is sent).
    await fresh.page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await fresh.page.getByLabel('再次输入新密码').fill(`${NEW_PASSWORD}!`);
    await fresh.page.getByRole('button', { name: '设置密码' }).click();
    await fresh.page.getByText('两次输入的密码不一致').waitFor();
    await fresh.page.getByLabel('再次输入新密码').fill(NEW_PASSWORD);
    await fresh.page.getByRole('button', { name: '设置密码' }).click();
    await fresh.page.getByText('密码已设置。').waitFor();
    await expectAccessible(fresh.page, 'set-password-done');
    await screenshot(fresh.page, 'org-set-password-done');
    await fresh.page.getByTestId('set-password-sign-in').click();
    await fresh.page.waitForURL(/\/login/);
    await signIn(fresh.page, server.url, 'lin.xiaoyu@yunshan.example', NEW_PASSWORD);
    await expect(fresh.page.getByTestId('signed-in-user').textContent()).resolves.toBe('林小雨');
    await expectAccessible(fresh.page, 'new-user-home');
    await screenshot(fresh.page, 'org-new-user-signed-in');
    // The link worked once: a second use is refused in words.
    await fresh.page.goto(`${server.url}${invited.pathname}${invited.search}`);
    await fresh.page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await fresh.page.getByLabel('再次输入新密码').fill(NEW_PASSWORD);
    await fresh.page.getByRole('button', { name: '设置密码' }).click();
    await fresh.page.getByText('这个链接无效、已使用或已过期。请联系管理员重新发送。').waitFor();

    expect(unexpected(admin.errors)).toEqual([]);
    expect(unexpected(fresh.errors, 422, 400)).toEqual([]);
    await admin.context.close();
    await fresh.context.close();
  });

  it('renames a department and moves one, each through the impact preview; the API agrees', async () => {
    const { page, errors, context } = await open();
    await signIn(page, server.url, ADMIN);
    await page.goto(`${server.url}/admin/departments`);
    await page.getByRole('heading', { level: 1, name: '部门' }).waitFor();
    await page.getByRole('tree').getByText('华南大区').click();
    await page.getByRole('heading', { level: 2, name: '华南大区' }).waitFor();
    await expectAccessible(page, 'departments');
    await screenshot(page, 'org-departments');

    await page.locator('#department-name').fill('华南及西南大区');
    await page.getByRole('button', { name: '重命名' }).click();
    await confirmPreview(page, 'org-department-rename-preview');
    await page.getByRole('heading', { level: 2, name: '华南及西南大区' }).waitFor();
    expect(
      (await adminGet<{ name: string }>(page, server.url, '/v1/admin/departments/sales-south'))
        .name,
    ).toBe('华南及西南大区');

    // 市场部 moves under 总经办.
    await page.getByRole('tree').getByText('市场部').click();
    await page.getByRole('heading', { level: 2, name: '市场部' }).waitFor();
    await pickDepartment(page, 'department-parent', '总经办');
    await page.getByRole('button', { name: cjk('移动') }).click();
    await confirmPreview(page, 'org-department-move-preview');
    await expect
      .poll(
        async () =>
          (
            await adminGet<{ parentId: string }>(
              page,
              server.url,
              '/v1/admin/departments/marketing',
            )
          ).parentId,
      )
      .toBe('gm-office');
    await screenshot(page, 'org-departments-moved');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("edits a user's roles: the preview shows who gains what before it is saved", async () => {
    const { page, errors, context } = await open();
    await signIn(page, server.url, ADMIN);
    await page.goto(`${server.url}/admin/users/lilei`);
    await page.getByRole('heading', { level: 1, name: '李雷' }).waitFor();
    await expectAccessible(page, 'user-detail');
    await screenshot(page, 'org-user-detail');
    await page.locator('#edit_roleIds').click();
    await page.locator('#edit_roleIds').fill('销售经理');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '预览并保存' }).click();
    const preview = dialog(page, '保存前的影响预览');
    await preview.waitFor();
    // The impact: 李雷 gains access, on a number of records.
    await preview.getByRole('cell', { name: '李雷', exact: true }).waitFor();
    await expect(preview.textContent()).resolves.toMatch(/\d+ 条记录/);
    await confirmPreview(page, 'org-user-roles-preview');
    await expect
      .poll(
        async () =>
          (await adminGet<{ roleIds: string[] }>(page, server.url, '/v1/admin/users/lilei'))
            .roleIds,
      )
      .toContain('sales-manager');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('transfers a user and hands their customers over (previewed): the console says what moved', async () => {
    const owned = server.demo.company.records.filter(
      (r) => r.ownerId === 'zhangwei' && r.object === 'customer',
    ).length;
    expect(owned).toBeGreaterThan(0);
    const { page, errors, context } = await open();
    await signIn(page, server.url, ADMIN);
    await page.goto(`${server.url}/admin/users/zhangwei`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await pickDepartment(page, 'transfer_departmentId', '客服部');
    await page.getByRole('radio', { name: '交接给另一位用户' }).check();
    await page.locator('#transfer_successorId').click();
    await page.locator('#transfer_successorId').fill('刘洋');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'liuyang' })
      .click();
    await page.getByRole('button', { name: '预览并调动' }).click();
    // The transfer dialog previews the records moving and the access before and after.
    const preview = dialog(page, '调岗预览');
    await preview.getByTestId('transfer-preview').waitFor();
    await expectAccessible(page, 'org-user-transfer-preview');
    await screenshot(page, 'org-user-transfer-preview');
    await preview.getByRole('button', { name: '确认调岗' }).click();
    await preview.waitFor({ state: 'hidden' });
    const moved = page.getByTestId('transfer-moved');
    await moved.waitFor();
    await expect(moved.textContent()).resolves.toContain(`客户 ${owned}`);
    await expectAccessible(page, 'user-transferred');
    await screenshot(page, 'org-user-transferred');
    expect(
      (await adminGet<{ departmentId: string }>(page, server.url, '/v1/admin/users/zhangwei'))
        .departmentId,
    ).toBe('service');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('deactivates a user (previewed): their open session is refused at once', async () => {
    const target = 'zhaolei';
    const them = await open();
    await signIn(them.page, server.url, emailOf(target));

    const { page, errors, context } = await open();
    await signIn(page, server.url, ADMIN);
    await page.goto(`${server.url}/admin/users/${target}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('button', { name: cjk('停用') }).click();
    await confirmPreview(page, 'org-user-deactivate-preview');
    await page.getByRole('button', { name: '重新启用' }).waitFor();
    expect(
      (await adminGet<{ status: string }>(page, server.url, `/v1/admin/users/${target}`)).status,
    ).toBe('suspended');

    // Their session: the API refuses it, and the console sends them to sign in.
    expect((await them.page.request.get(`${server.url}/v1/auth/me`)).status()).toBe(401);
    await them.page.reload();
    await them.page.waitForURL(/\/login/);
    await screenshot(them.page, 'org-deactivated-user-signed-out');
    expect(them.errors).toEqual([]);
    expect(errors).toEqual([]);
    await them.context.close();
    await context.close();
  });

  it('names the field of bad input: an empty name, a duplicate e-mail', async () => {
    const { page, errors, context } = await open();
    await signIn(page, server.url, ADMIN);
    await page.goto(`${server.url}/admin/users`);
    await page.getByRole('button', { name: '新建用户' }).click();
    const form = dialog(page, '新建用户');
    await form.getByRole('button', { name: cjk('保存') }).click();
    await form.getByText('请填写姓名').waitFor();
    await form.getByText('请填写部门').waitFor();

    await form.getByLabel('姓名').fill('重复邮箱');
    await pickDepartment(page, 'departmentId', '客服部');
    await form.getByLabel('登录邮箱').fill(emailOf('lilei').toUpperCase());
    await form.getByRole('button', { name: cjk('保存') }).click();
    const fieldError = page.locator('#email_help .ant-form-item-explain-error');
    await fieldError.waitFor();
    await expect(fieldError.textContent()).resolves.toMatch(/^email: /);
    await expectAccessible(page, 'user-create-error');
    await screenshot(page, 'org-user-create-duplicate-email');
    // Nothing was created.
    expect(
      await adminGet<unknown[]>(
        page,
        server.url,
        `/v1/admin/users?q=${encodeURIComponent('重复邮箱')}`,
      ),
    ).toEqual([]);
    expect(unexpected(errors, 409)).toEqual([]);
    await context.close();
  });

  it('manages groups: a new public group, a member added, each previewed; the API agrees', async () => {
    const { page, errors, context } = await open();
    await signIn(page, server.url, ADMIN);
    await page.goto(`${server.url}/admin/groups`);
    await page.getByRole('heading', { level: 1, name: '用户组' }).waitFor();
    await page.getByRole('cell', { name: '销售部(含各大区)' }).waitFor();
    await expectAccessible(page, 'groups');
    await screenshot(page, 'org-groups');

    await page.getByRole('button', { name: '新建用户组' }).click();
    const form = dialog(page, '新建用户组');
    await form.getByLabel('名称').fill('华东重点客户组');
    await expectAccessible(page, 'group-create');
    await form.getByRole('button', { name: cjk('保存') }).click();
    await confirmPreview(page, 'org-group-create-preview');
    const row = page.getByRole('row', { name: /华东重点客户组/ });
    await row.waitFor();
    await row.getByRole('button', { name: '管理成员' }).click();
    const members = dialog(page, '华东重点客户组 的成员');
    await members.getByText('还没有成员。').waitFor();
    await members.getByLabel('添加用户').click();
    await members.getByLabel('添加用户').fill('韩梅梅');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '韩梅梅' })
      .click();
    await members.getByRole('button', { name: '添加用户' }).click();
    await confirmPreview(page, 'org-group-member-preview');
    await members.getByRole('cell', { name: '韩梅梅' }).waitFor();
    await expectAccessible(page, 'group-members');
    await screenshot(page, 'org-group-members');
    const groups = await adminGet<{ name: string; userIds?: string[] }[]>(
      page,
      server.url,
      `/v1/admin/groups?q=${encodeURIComponent('华东重点客户组')}`,
    );
    expect(groups[0]?.userIds).toEqual(['hanmeimei']);
    expect(errors).toEqual([]);
    await context.close();
  });
});
