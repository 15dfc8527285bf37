/**
 * `custos user offboard` on the database (PGlite): --dry-run prints the preview and changes
 * nothing; missing successors and unassigned positions are refused with their catalogue codes;
 * the real run hands everything over and departs the account.
 */
import { countOwnedRecords, listAuditEvents, loadPolicyModel } from '@custos/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox } from './cli-test-support.ts';

let box: CliSandbox;

beforeAll(async () => {
  box = await cliSandbox();
  const seeded = await box.run(['seed', '--customers', '40']);
  expect(seeded.code).toBe(0);
});
afterAll(async () => {
  await box.remove();
});

const owned = (userId: string) =>
  box.withDatabase((database) => countOwnedRecords(database.db, 'yunshan', userId));

describe('custos user offboard', () => {
  it('prints the preview with --dry-run and changes nothing', async () => {
    const before = await owned('zhangwei');
    expect(before.customer ?? 0).toBeGreaterThan(0);
    const r = await box.run([
      'user',
      'offboard',
      'zhangwei',
      '--successor',
      'liuyang',
      '--dry-run',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Offboarding 张伟 (zhangwei)');
    expect(r.out).toContain(`customers to: liuyang ${before.customer}`);
    expect(r.out).toContain('grants revoked: grant-cover-leave');
    expect(r.out).toContain('Dry run: nothing changed.');
    expect(await owned('zhangwei')).toEqual(before);
  });

  it('refuses without a successor, and names the positions a manager holds', async () => {
    const none = await box.run(['user', 'offboard', 'zhangwei']);
    expect(none.code).toBe(1);
    expect(none.err).toContain('SUCCESSOR_REQUIRED');
    const manager = await box.run(['user', 'offboard', 'hanmeimei', '--successor', 'zhaolei']);
    expect(manager.code).toBe(1);
    expect(manager.out).toContain('head of 华东大区 (sales-east) → NOT ASSIGNED');
    expect(manager.err).toContain('POSITIONS_UNASSIGNED');
    const bad = await box.run(['user', 'offboard', 'hanmeimei', '--head', 'sales-east']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--head sales-east: expected <id>=<user>');
    const model = await box.withDatabase((database) => loadPolicyModel(database.db, 'yunshan'));
    expect(model.users.find((u) => u.id === 'hanmeimei')?.status).toBe('active');
  });

  it('offboards: records to the successor, positions handed on, the account departed, audited', async () => {
    const r = await box.run([
      'user',
      'offboard',
      'hanmeimei',
      '--successor',
      'zhaolei',
      '--head',
      'sales-east=wangzhiqiang',
      '--manager',
      'wangzhiqiang',
      '--reason',
      'left',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Offboarded 韩梅梅 (hanmeimei)');
    expect(await owned('hanmeimei')).toEqual({});
    const { model, events } = await box.withDatabase(async (database) => ({
      model: await loadPolicyModel(database.db, 'yunshan'),
      events: await listAuditEvents(database.db, 'yunshan', { action: 'user.offboard' }),
    }));
    expect(model.users.find((u) => u.id === 'hanmeimei')?.status).toBe('departed');
    expect(model.users.find((u) => u.id === 'lilei')?.managerId).toBe('wangzhiqiang');
    expect(model.departments.find((d) => d.id === 'sales-east')?.headId).toBe('wangzhiqiang');
    expect(events[0]).toMatchObject({ actorId: null, target: 'user/hanmeimei' });
  });
});
