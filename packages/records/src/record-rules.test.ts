import { buildIndex, type CrmRecord } from '@custos/engine';
import { demoCompany } from '@custos/store';
import { describe, expect, it } from 'vitest';
import { RecordError } from './record-error.ts';
import { ownerOf, portalAccountOf, prepareCreate, prepareUpdate } from './record-rules.ts';
import type { DecisionContext } from './write-context.ts';

const NOW = Date.UTC(2026, 5, 1);
const { model, records } = demoCompany({ customers: 20, now: NOW });
const index = buildIndex(model);
const as = (userId: string): DecisionContext => ({ index, model, userId, now: NOW });

/** The RecordError `run` throws, as `{ code, details }`. */
function refusal(run: () => unknown): { code: string; details: Record<string, unknown> } {
  try {
    run();
  } catch (error) {
    if (error instanceof RecordError) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('not refused');
}

const customerOwnedBy = (userId: string): CrmRecord => {
  const found = records.find((r) => r.object === 'customer' && r.ownerId === userId);
  if (found === undefined) throw new Error(`no customer of ${userId}`);
  return found;
};

describe('prepareCreate', () => {
  it('makes a customer owned by the caller, in the owner’s department', () => {
    const record = prepareCreate(as('lilei'), 'customer', { fields: { name: '新客户有限公司' } });
    expect(record).toMatchObject({
      object: 'customer',
      ownerId: 'lilei',
      departmentId: index.users.get('lilei')?.departmentId,
      sensitivity: 'internal',
      createdById: 'lilei',
      contactUserId: null,
      fields: { name: '新客户有限公司' },
    });
    expect(record.customerId).toBe(record.id);
    expect(record.id).toMatch(/^cus-/);
  });

  it('names the field at fault, with the catalogue code', () => {
    const rep = as('lilei');
    expect(refusal(() => prepareCreate(rep, 'customer', { fields: { colour: 'red' } }))).toEqual({
      code: 'REQUEST_INVALID',
      details: { field: 'body/fields/colour' },
    });
    expect(refusal(() => prepareCreate(rep, 'customer', { fields: { city: '杭州' } }))).toEqual({
      code: 'REQUEST_INVALID',
      details: { field: 'body/fields/name' },
    });
    expect(
      refusal(() => prepareCreate(rep, 'customer', { fields: { name: 'x', creditLimit: 1 } })),
    ).toEqual({
      code: 'FIELD_NOT_EDITABLE',
      details: { field: 'body/fields/creditLimit', level: 'hidden' },
    });
    expect(
      refusal(() =>
        prepareCreate(rep, 'customer', { fields: { name: 'x' }, sensitivity: 'confidential' }),
      ),
    ).toMatchObject({ code: 'PERMISSION_DENIED', details: { field: 'body/sensitivity' } });
    // A rep creates only their own customers.
    expect(
      refusal(() => prepareCreate(rep, 'customer', { fields: { name: 'x' }, ownerId: 'zhangwei' })),
    ).toMatchObject({ code: 'PERMISSION_DENIED', details: { action: 'create' } });
  });

  it('takes a given id (an import) only by the one id rule', () => {
    const rep = as('lilei');
    expect(prepareCreate(rep, 'customer', { fields: { name: 'x' }, id: 'c-import-1' }).id).toBe(
      'c-import-1',
    );
    for (const id of ['C001', 'c 1', '', 'c:1']) {
      expect(refusal(() => prepareCreate(rep, 'customer', { fields: { name: 'x' }, id }))).toEqual({
        code: 'REQUEST_INVALID',
        details: { field: 'body/id' },
      });
    }
  });

  it('wants an active internal owner', () => {
    for (const ownerId of ['portal-1', 'nobody']) {
      expect(
        refusal(() => prepareCreate(as('zhoumin'), 'customer', { fields: { name: 'x' }, ownerId })),
      ).toEqual({ code: 'REQUEST_INVALID', details: { field: 'body/ownerId', userId: ownerId } });
    }
  });

  it('files a portal user’s ticket for their account: the account’s owner owns it', () => {
    const portal = index.users.get('portal-1');
    const account = records.find((r) => r.id === portal?.portalAccountId) as CrmRecord;
    expect(portalAccountOf(as('portal-1'))).toBe(account.id);
    expect(portalAccountOf(as('lilei'))).toBeUndefined();
    const ticket = prepareCreate(
      as('portal-1'),
      'ticket',
      { fields: { subject: '发票' } },
      account,
    );
    expect(ticket).toMatchObject({
      customerId: account.id,
      ownerId: account.ownerId,
      createdById: 'portal-1',
      contactUserId: 'portal-1',
    });
    expect(
      refusal(() =>
        prepareCreate(as('portal-1'), 'ticket', { fields: {}, ownerId: 'lilei' }, account),
      ),
    ).toMatchObject({ code: 'REQUEST_INVALID', details: { field: 'body/ownerId' } });
  });
});

describe('prepareUpdate', () => {
  it('changes the given fields and keeps the rest', () => {
    const mine = customerOwnedBy('lilei');
    const next = prepareUpdate(as('lilei'), mine, { fields: { city: '宁波' } });
    expect(next.fields).toEqual({ ...mine.fields, city: '宁波' });
    expect(next.ownerId).toBe('lilei');
  });

  it('refuses a record the caller may not update, a field they may not edit, and a nameless customer', () => {
    const theirs = records.find(
      (r) => r.object === 'customer' && r.ownerId !== null && r.ownerId !== 'lilei',
    ) as CrmRecord;
    expect(refusal(() => prepareUpdate(as('lilei'), theirs, { fields: {} }))).toMatchObject({
      code: 'PERMISSION_DENIED',
      details: { action: 'update', object: 'customer', id: theirs.id },
    });
    const mine = customerOwnedBy('lilei');
    expect(
      refusal(() => prepareUpdate(as('lilei'), mine, { fields: { creditLimit: 1 } })),
    ).toMatchObject({ code: 'FIELD_NOT_EDITABLE', details: { field: 'body/fields/creditLimit' } });
    expect(
      refusal(() => prepareUpdate(as('zhoumin'), mine, { fields: { name: null } })),
    ).toMatchObject({ code: 'REQUEST_INVALID', details: { field: 'body/fields/name' } });
  });
});

describe('ownerOf', () => {
  it('finds the owner in the index and names the field it came from', () => {
    expect(ownerOf(as('zhoumin'), 'lilei', 'params/userId').id).toBe('lilei');
    expect(refusal(() => ownerOf(as('zhoumin'), 'portal-2', 'params/userId'))).toEqual({
      code: 'REQUEST_INVALID',
      details: { field: 'params/userId', userId: 'portal-2' },
    });
  });
});
