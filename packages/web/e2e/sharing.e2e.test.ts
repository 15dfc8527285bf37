import type { Browser, Locator, Page } from 'playwright-core';
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

/** A GET of the API with the page's session: the API's own answer, to compare with the screen. */
async function apiGet<T>(page: Page, path: string): Promise<{ status: number; body: T }> {
  return page.evaluate(async (p) => {
    const response = await fetch(p, { credentials: 'same-origin' });
    return { status: response.status, body: (await response.json()) as T };
  }, path);
}

/** A POST of the API with the page's session (CSRF token first). */
async function apiPost<T>(page: Page, path: string, body: unknown): Promise<T> {
  return page.evaluate(
    async ({ p, b }) => {
      const { token } = (await (await fetch('/v1/auth/csrf')).json()) as { token: string };
      const response = await fetch(p, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        body: JSON.stringify(b),
      });
      return (await response.json()) as T;
    },
    { p: path, b: body },
  );
}

const OPEN_OPTIONS =
  '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option';

/** Wait until no select or date picker popup is open (axe checks what is on the screen). */
async function settle(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page
        .locator(
          '.ant-select-dropdown:not(.ant-select-dropdown-hidden):visible, .ant-picker-dropdown:not(.ant-picker-dropdown-hidden):visible',
        )
        .count(),
    )
    .toBe(0);
  // …and no opening or closing animation is half-way (a fading button fails the contrast check).
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
}

/** Check the screen with axe once it has settled. */
async function accessible(page: Page, screen: string): Promise<void> {
  await page.mouse.move(0, 0);
  await settle(page);
  await expectAccessible(page, screen);
}

/** Click an option of the open select (by its text), and wait for the popup to close. */
async function pick(page: Page, option: string | RegExp): Promise<void> {
  await page.locator(OPEN_OPTIONS).filter({ hasText: option }).first().click();
  await settle(page);
}

/** Open an Ant Design select and click the option with this text. */
async function choose(page: Page, select: Locator, option: string | RegExp): Promise<void> {
  await select.click();
  await pick(page, option);
}

/** The change-preview modal (the topmost dialog titled so). */
function previewModal(page: Page): Locator {
  return page.getByRole('dialog').filter({ hasText: '保存前的影响预览' });
}

async function confirmPreview(page: Page): Promise<void> {
  const modal = previewModal(page);
  const ok = modal.getByRole('button', { name: '确认保存' });
  await expect.poll(() => ok.isEnabled()).toBe(true);
  await ok.click();
  await modal.waitFor({ state: 'detached' });
}

describe('sharing administration in Chromium', () => {
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

  async function adminPage(tab: string) {
    const opened = await newPage(browser);
    await signIn(opened.page, server.url, ADMIN);
    await opened.page.goto(`${server.url}/admin/sharing?tab=${tab}`);
    await opened.page.getByRole('heading', { level: 1, name: '共享设置' }).waitFor();
    return opened;
  }

  it('changes an org-wide default after its preview, and the API agrees', async () => {
    const { page, errors, context } = await adminPage('defaults');
    const dealSelect = page.getByTestId('owd-deal');
    await dealSelect.waitFor();
    await accessible(page, 'sharing: org-wide defaults');
    await screenshot(page, 'sharing-defaults');

    const before = await apiGet<{ data: { orgWideDefault: string } }>(
      page,
      '/v1/admin/objects/deal',
    );
    expect(before.body.data.orgWideDefault).toBe('private');

    // Cancelling the preview changes nothing.
    await choose(page, dealSelect, '公开只读');
    await previewModal(page)
      .getByRole('button', { name: /^取\s?消$/ })
      .click();
    await previewModal(page).waitFor({ state: 'detached' });
    expect(
      (await apiGet<{ data: { orgWideDefault: string } }>(page, '/v1/admin/objects/deal')).body.data
        .orgWideDefault,
    ).toBe('private');
    await expect.poll(() => dealSelect.textContent()).toContain('私有');

    await choose(page, dealSelect, '公开只读');
    await previewModal(page).getByRole('button', { name: '确认保存' }).waitFor();
    await expect
      .poll(() => previewModal(page).getByRole('button', { name: '确认保存' }).isEnabled())
      .toBe(true);
    await accessible(page, 'sharing: org-wide default preview');
    await screenshot(page, 'sharing-defaults-preview');
    await confirmPreview(page);

    const after = await apiGet<{ data: { orgWideDefault: string } }>(
      page,
      '/v1/admin/objects/deal',
    );
    expect(after.body.data.orgWideDefault).toBe('public_read');
    await expect.poll(() => dealSelect.textContent()).toContain('公开只读');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('builds a sharing rule with the criteria builder; the preview names who gains; the API keeps what was built', async () => {
    const { page, errors, context } = await adminPage('rules');
    await page.getByRole('button', { name: '新建共享规则' }).waitFor();
    await accessible(page, 'sharing: rules');
    await screenshot(page, 'sharing-rules');

    await page.getByRole('button', { name: '新建共享规则' }).click();
    const editor = page.getByRole('dialog').filter({ hasText: '新建共享规则' });
    await editor.getByLabel('名称').fill('华东客户共享给大客户小组');
    await editor.getByRole('button', { name: '添加条件' }).click();

    // Only the catalogue's fields are offered.
    const catalogue = await apiGet<{ data: { fields: Record<string, unknown> } }>(
      page,
      '/v1/admin/objects/customer',
    );
    await editor.getByTestId('criterion-1-field').click();
    const offered = await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .evaluateAll((options) => options.map((o) => o.getAttribute('title') ?? o.textContent));
    // The list is virtual: what is rendered is a prefix of the catalogue, each one of its fields.
    expect(offered.length).toBeGreaterThan(0);
    for (const label of offered) {
      expect(Object.keys(catalogue.body.data.fields)).toContain(
        /\((\w+)\)$/.exec(label ?? '')?.[1],
      );
    }
    // A field outside the catalogue cannot be chosen.
    await page.keyboard.type('notAField');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-empty')
      .waitFor();
    await page.keyboard.press('Escape');
    await settle(page);

    await choose(page, editor.getByTestId('criterion-1-field'), '区域 (region)');
    // An empty value is refused in words before anything is sent.
    await choose(page, editor.getByTestId('rule-target-group'), '大客户小组');
    await editor.getByRole('button', { name: '预览并保存' }).click();
    await editor.getByText('条件 1：请填写值').waitFor();
    expect(await previewModal(page).count()).toBe(0);

    await editor.getByTestId('criterion-1-value').fill('华东');
    await accessible(page, 'sharing: rule editor');
    await screenshot(page, 'sharing-rule-editor');
    await editor.getByRole('button', { name: '预览并保存' }).click();

    // The preview names the users who gain: as the preview API answers for the same change.
    const modal = previewModal(page);
    await modal.locator('.ant-table-row').first().waitFor();
    const names = await modal.locator('.ant-table-row td:first-child').allTextContents();
    const keyAccounts = await apiGet<{ data: { userIds: string[] } }>(
      page,
      '/v1/admin/groups/g-key-accounts',
    );
    const memberNames = await Promise.all(
      keyAccounts.body.data.userIds.map(
        async (id) =>
          (await apiGet<{ data: { name: string } }>(page, `/v1/admin/users/${id}`)).body.data.name,
      ),
    );
    expect(names.some((n) => memberNames.includes(n))).toBe(true);
    await accessible(page, 'sharing: rule preview');
    await screenshot(page, 'sharing-rule-preview');
    await confirmPreview(page);
    await editor.waitFor({ state: 'detached' });

    const rules = await apiGet<{ data: Record<string, unknown>[] }>(
      page,
      '/v1/admin/sharing-rules?limit=500',
    );
    const saved = rules.body.data.find((r) => r.name === '华东客户共享给大客户小组');
    expect(saved).toEqual({
      id: expect.stringMatching(/^rule-[0-9a-f]{10}$/),
      name: '华东客户共享给大客户小组',
      object: 'customer',
      source: { kind: 'criteria', criteria: [{ field: 'region', op: 'eq', value: '华东' }] },
      targetGroupId: 'g-key-accounts',
      access: 'read',
    });
    await page.getByRole('cell', { name: '华东客户共享给大客户小组' }).waitFor();
    await page.getByText('区域 等于 华东').first().waitFor();

    // Edit it: the builder shows the saved condition; the new access is previewed, then saved.
    const row = page.locator('.ant-table-row').filter({ hasText: '华东客户共享给大客户小组' });
    await row.getByRole('button', { name: /^编\s?辑$/ }).click();
    const edit = page.getByRole('dialog').filter({ hasText: '编辑共享规则' });
    await expect.poll(() => edit.getByTestId('criterion-1-value').inputValue()).toBe('华东');
    await edit.getByText('读写', { exact: true }).click();
    await edit.getByRole('button', { name: '预览并保存' }).click();
    await confirmPreview(page);
    await edit.waitFor({ state: 'detached' });
    const edited = await apiGet<{ data: Record<string, unknown> }>(
      page,
      `/v1/admin/sharing-rules/${String(saved?.id)}`,
    );
    expect(edited.body.data).toEqual({ ...saved, access: 'edit' });

    // Delete it, previewed too.
    await row.getByRole('button', { name: /^删\s?除$/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /^确\s?认$/ })
      .click();
    await confirmPreview(page);
    await row.waitFor({ state: 'detached' });
    expect((await apiGet(page, `/v1/admin/sharing-rules/${String(saved?.id)}`)).status).toBe(404);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses a rule on a field outside the catalogue, and contradicting criteria, naming the field', async () => {
    const { page, errors, context } = await adminPage('rules');
    await page.getByRole('button', { name: '新建共享规则' }).waitFor();
    // The builder offers no other field; the API refuses one all the same, naming it.
    const rule = {
      id: 'rule-not-a-field',
      name: '未知字段',
      object: 'customer',
      source: { kind: 'criteria', criteria: [{ field: 'notAField', op: 'eq', value: 'x' }] },
      targetGroupId: 'g-marketing',
      access: 'read',
    };
    const preview = await apiPost<{ valid: boolean; errors: { path?: string; message: string }[] }>(
      page,
      '/v1/admin/changes/preview',
      { changes: [{ kind: 'sharing_rule.create', rule }] },
    );
    expect(preview.valid).toBe(false);
    expect(preview.errors.map((e) => e.path)).toContainEqual(
      expect.stringMatching(/source\.criteria\[0\]\.field$/),
    );
    expect(preview.errors.map((e) => e.message).join(' ')).toContain('notAField');

    // Built in the console: region = 华东 and region = 华南 can match nothing; the preview says so,
    // naming the field, and saving is impossible.
    await page.getByRole('button', { name: '新建共享规则' }).click();
    const editor = page.getByRole('dialog').filter({ hasText: '新建共享规则' });
    await editor.getByLabel('名称').fill('自相矛盾的规则');
    await editor.getByRole('button', { name: '添加条件' }).click();
    await choose(page, editor.getByTestId('criterion-1-field'), '区域 (region)');
    await editor.getByTestId('criterion-1-value').fill('华东');
    await editor.getByRole('button', { name: '添加条件' }).click();
    await choose(page, editor.getByTestId('criterion-2-field'), '区域 (region)');
    await editor.getByTestId('criterion-2-value').fill('华南');
    await choose(page, editor.getByTestId('rule-target-group'), '市场部');
    await editor.getByRole('button', { name: '预览并保存' }).click();
    const modal = previewModal(page);
    await modal.getByText('这项更改无法保存：').waitFor();
    await expect
      .poll(() => modal.getByRole('alert').textContent())
      .toMatch(/source\.criteria.*region/);
    expect(await modal.getByRole('button', { name: '确认保存' }).isEnabled()).toBe(false);
    await accessible(page, 'sharing: refused rule');
    await screenshot(page, 'sharing-rule-refused');
    await modal.getByRole('button', { name: /^取\s?消$/ }).click();
    await editor.getByRole('button', { name: /^取\s?消$/ }).click();

    const list = await apiGet<{ data: { name: string }[] }>(page, '/v1/admin/sharing-rules');
    expect(list.body.data.map((r) => r.name)).not.toContain('未知字段');
    expect(list.body.data.map((r) => r.name)).not.toContain('自相矛盾的规则');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('adds a member to a customer team and removes them, confirmed each time', async () => {
    const { page, errors, context } = await adminPage('teams');
    await page.getByText('请选择一个客户查看其团队。').waitFor();
    await accessible(page, 'sharing: teams (no customer)');

    const customers = await apiGet<{ items: { id: string; fields: { name: string } }[] }>(
      page,
      '/v1/customers?limit=5',
    );
    const customer = customers.body.items[0];
    if (customer === undefined) throw new Error('the demo has customers');
    const picker = page.getByLabel('客户', { exact: true }).first();
    await picker.click();
    await page.keyboard.type(customer.fields.name);
    await pick(page, customer.id);
    const team = page.getByTestId('customer-team');
    await team.getByRole('heading', { name: customer.fields.name }).waitFor();
    expect(page.url()).toContain(`customer=${customer.id}`);

    const li = await apiGet<{ data: { id: string; name: string }[] }>(
      page,
      `/v1/admin/users?q=${encodeURIComponent('李雷')}`,
    );
    const liLei = li.body.data[0];
    if (liLei === undefined) throw new Error('李雷 is a demo user');
    const before = await apiGet<{ members: { userId: string }[] }>(
      page,
      `/v1/customers/${customer.id}/team`,
    );
    expect(before.body.members.map((m) => m.userId)).not.toContain(liLei.id);

    const userPicker = team.getByLabel('用户', { exact: true });
    await userPicker.click();
    await page.keyboard.type('李雷');
    await pick(page, liLei.id);
    await choose(page, team.getByLabel('访问级别', { exact: true }), '读写');
    await team.getByRole('button', { name: '添加成员' }).click();
    const confirmDialog = page.getByRole('dialog').filter({ hasText: '添加团队成员' });
    await confirmDialog.getByText(`${liLei.name}`).first().waitFor();
    await accessible(page, 'sharing: team add confirmation');
    await confirmDialog.getByRole('button', { name: /^确\s?认$/ }).click();
    await team.getByRole('cell', { name: `${liLei.name} (${liLei.id})` }).waitFor();
    await accessible(page, 'sharing: teams');
    await screenshot(page, 'sharing-team');

    const after = await apiGet<{ members: { userId: string; access: string }[] }>(
      page,
      `/v1/customers/${customer.id}/team`,
    );
    expect(after.body.members).toContainEqual(
      expect.objectContaining({ userId: liLei.id, access: 'edit' }),
    );

    await team
      .locator('.ant-table-row')
      .filter({ hasText: liLei.id })
      .getByRole('button', { name: /^移\s?出$/ })
      .click();
    await page
      .getByRole('dialog')
      .filter({ hasText: '移出团队' })
      .getByRole('button', { name: /^确\s?认$/ })
      .click();
    await team
      .getByRole('cell', { name: `${liLei.name} (${liLei.id})` })
      .waitFor({ state: 'detached' });
    const removed = await apiGet<{ members: { userId: string }[] }>(
      page,
      `/v1/customers/${customer.id}/team`,
    );
    expect(removed.body.members.map((m) => m.userId)).not.toContain(liLei.id);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('creates a grant with an expiry after its preview, refuses one in the past, and revokes it', async () => {
    const { page, errors, context } = await adminPage('grants');
    await page.getByRole('button', { name: '新建临时授权' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await accessible(page, 'sharing: grants');
    await screenshot(page, 'sharing-grants');

    const li = await apiGet<{ data: { id: string; name: string }[] }>(
      page,
      `/v1/admin/users?q=${encodeURIComponent('李雷')}`,
    );
    const liLei = li.body.data[0];
    if (liLei === undefined) throw new Error('李雷 is a demo user');

    const fillGrant = async (expires: string) => {
      await page.getByRole('button', { name: '新建临时授权' }).click();
      const form = page.getByRole('dialog').filter({ hasText: '新建临时授权' });
      const user = form.getByLabel('被授予的用户', { exact: true });
      await user.click();
      await page.keyboard.type('李雷');
      await pick(page, liLei.id);
      await form.getByText('某部门的记录').click();
      await choose(page, form.getByLabel('部门', { exact: true }), '华东');
      const expiry = form.getByLabel('到期时间');
      await expiry.click();
      await expiry.fill(expires);
      await expiry.press('Enter');
      await settle(page);
      await form.getByLabel('原因').fill('e2e 临时授权');
      return form;
    };

    // An expiry in the past: the API refuses it, naming the field; nothing is saved.
    const past = await fillGrant('2026-01-01 08:00');
    await past.getByRole('button', { name: '预览并保存' }).click();
    await previewModal(page)
      .getByText(/grant\.expiresAt/)
      .waitFor();
    expect(await previewModal(page).getByRole('button', { name: '确认保存' }).isEnabled()).toBe(
      false,
    );
    await screenshot(page, 'sharing-grant-past-refused');
    await previewModal(page)
      .getByRole('button', { name: /^取\s?消$/ })
      .click();
    await past.getByRole('button', { name: /^取\s?消$/ }).click();
    await past.waitFor({ state: 'detached' });

    const form = await fillGrant('2026-12-31 18:00');
    await accessible(page, 'sharing: grant form');
    await screenshot(page, 'sharing-grant-form');
    await form.getByRole('button', { name: '预览并保存' }).click();
    await previewModal(page).getByText(liLei.name).first().waitFor();
    await confirmPreview(page);
    await form.waitFor({ state: 'detached' });

    const grants = await apiGet<{
      data: {
        id: string;
        reason?: string;
        expiresAt: number | null;
        subject: unknown;
        target: { kind: string };
      }[];
    }>(page, '/v1/admin/grants?limit=500');
    const created = grants.body.data.find((g) => g.reason === 'e2e 临时授权');
    if (created === undefined) throw new Error('the grant was saved');
    const expected = await page.evaluate(() => new Date('2026-12-31T18:00:00').getTime());
    expect(created.expiresAt).toBe(expected);
    expect(created.subject).toEqual({ kind: 'user', userId: liLei.id });
    expect(created.target.kind).toBe('department');
    expect(grants.body.data.filter((g) => g.reason === 'e2e 临时授权')).toHaveLength(1);

    const row = page.locator('.ant-table-row').filter({ hasText: created.id });
    await row.getByText('2026-12-31 18:00').waitFor();
    // Revoke, confirm: a click that lands while the confirmation is still opening is lost when the
    // machine is busy, so try again until the preview opens (never more than a few times).
    const confirmRevoke = page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /^确\s?认$/ });
    for (let attempt = 0; ; attempt += 1) {
      if (await confirmRevoke.isVisible()) await confirmRevoke.click();
      else await row.getByRole('button', { name: /^撤\s?销$/ }).click();
      const opened = await previewModal(page)
        .waitFor({ timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (opened) break;
      if (attempt === 4) throw new Error('the revoke preview did not open after five tries');
    }
    await screenshot(page, 'sharing-grant-revoke-preview');
    await confirmPreview(page);
    await row.waitFor({ state: 'detached' });
    expect((await apiGet(page, `/v1/admin/grants/${created.id}`)).status).toBe(404);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the tab in the URL and reads in English', async () => {
    const { page, errors, context } = await adminPage('grants');
    await page.getByRole('tab', { name: '共享规则' }).click();
    await page.waitForURL(/tab=rules/);
    await page.getByRole('tab', { name: '客户团队' }).click();
    await page.waitForURL(/tab=teams/);
    await page.goBack();
    await page.waitForURL(/tab=rules/);
    await page.getByRole('button', { name: '新建共享规则' }).waitFor();
    await choose(page, page.getByTestId('language-switch'), 'English');
    await page.getByRole('heading', { level: 1, name: 'Sharing' }).waitFor();
    await page.getByRole('button', { name: 'New sharing rule' }).waitFor();
    await page.getByRole('cell', { name: 'Read', exact: true }).first().waitFor();
    await accessible(page, 'sharing: rules (English)');
    await screenshot(page, 'sharing-rules-en');
    await page.getByRole('tab', { name: 'Org-wide defaults' }).click();
    await page.getByRole('columnheader', { name: 'Follows its customer' }).waitFor();
    await page.getByText('Private').first().waitFor();
    await page.getByRole('tab', { name: 'Org-wide defaults', selected: true }).waitFor();
    expect(page.url()).toContain('tab=defaults');
    await screenshot(page, 'sharing-defaults-en');
    expect(errors).toEqual([]);
    await context.close();
  });
});
