/**
 * Onboarding templates (joiner) over HTTP on both backends: department + title → roles,
 * clearance and groups, checked against the catalogue (the field named), one per position,
 * audited; creating a user with `applyTemplate` starts from it and keeps the title.
 */
import { listAuditEvents } from '@custos/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-app.ts';

let t: TestApp;
let admin: string;

async function call(
  cookie: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
) {
  const response = await t.app.inject({
    method,
    url,
    headers: { cookie },
    ...(method === 'GET' ? {} : { payload: payload ?? {} }),
  });
  return { status: response.statusCode, body: response.json() };
}

const TEMPLATE = {
  departmentId: 'sales-east',
  title: '大客户经理',
  roleIds: ['sales-rep'],
  clearance: 'confidential',
  groupIds: ['g-key-accounts'],
};

describe.each(['pglite', 'postgres'] as const)('onboarding templates on %s', (backend) => {
  beforeAll(async () => {
    t = await createTestApp({ customers: 20, backend });
    admin = await t.login('zhou.min@yunshan.example');
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses what the catalogue does not know, naming the field, and callers without user_admin', async () => {
    const rep = await t.login('li.lei@yunshan.example');
    expect((await call(rep, 'GET', '/v1/admin/onboarding-templates')).status).toBe(403);
    const cases: [object, number, string][] = [
      [{ ...TEMPLATE, departmentId: 'nowhere' }, 404, 'body/departmentId'],
      [{ ...TEMPLATE, roleIds: ['sales-rep', 'no-role'] }, 404, 'body/roleIds/1'],
      [{ ...TEMPLATE, groupIds: ['no-group'] }, 404, 'body/groupIds/0'],
      [{ ...TEMPLATE, clearance: 'top-secret' }, 400, 'body/clearance'],
    ];
    for (const [payload, status, field] of cases) {
      const r = await call(admin, 'PUT', '/v1/admin/onboarding-templates/t-east-rep', payload);
      expect(r.status, JSON.stringify(payload)).toBe(status);
      expect(String(r.body.details.field ?? r.body.message)).toContain(field);
    }
    // Nothing stored: only the demo's templates.
    const list = (await call(admin, 'GET', '/v1/admin/onboarding-templates')).body.data as {
      id: string;
    }[];
    expect(list.map((x) => x.id)).toEqual([
      'tpl-east-rep',
      'tpl-north-rep',
      'tpl-south-rep',
      'tpl-service-agent',
    ]);
  });

  it('stores a template per department and title, audited; a user created from it gets its roles, clearance and groups', async () => {
    const put = await call(admin, 'PUT', '/v1/admin/onboarding-templates/t-east-rep', TEMPLATE);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.data).toMatchObject({ id: 't-east-rep', ...TEMPLATE, updatedBy: 'zhoumin' });
    const twin = await call(admin, 'PUT', '/v1/admin/onboarding-templates/t-other', TEMPLATE);
    expect(twin.status).toBe(409);
    expect(twin.body.details.field).toBe('body/title');
    const match = await call(
      admin,
      'GET',
      `/v1/admin/onboarding-templates/match?departmentId=sales-east&title=${encodeURIComponent('大客户经理')}`,
    );
    expect(match.body.data.id).toBe('t-east-rep');
    const [event] = await listAuditEvents(t.database.db, 'yunshan', {
      action: 'onboarding_template.create',
    });
    expect(event).toMatchObject({ actorId: 'zhoumin', target: 'onboarding_template/t-east-rep' });

    const created = await call(admin, 'POST', '/v1/admin/users', {
      name: '柯新人',
      departmentId: 'sales-east',
      title: '大客户经理',
      applyTemplate: true,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.data).toMatchObject({
      roleIds: ['sales-rep'],
      clearance: 'confidential',
      title: '大客户经理',
    });
    const id = created.body.data.id as string;
    const read = await call(admin, 'GET', `/v1/admin/users/${id}`);
    expect(read.body.data.title).toBe('大客户经理');
    const group = await call(admin, 'GET', '/v1/admin/groups/g-key-accounts');
    expect(group.body.data.userIds).toContain(id);

    const none = await call(admin, 'POST', '/v1/admin/users', {
      name: '无模板',
      departmentId: 'finance',
      title: '会计',
      applyTemplate: true,
    });
    expect(none.status).toBe(404);
    expect(none.body.details.field).toBe('body/title');

    const deleted = await call(admin, 'DELETE', '/v1/admin/onboarding-templates/t-east-rep');
    expect(deleted.status).toBe(200);
    expect((await call(admin, 'DELETE', '/v1/admin/onboarding-templates/t-east-rep')).status).toBe(
      404,
    );
  });
});
