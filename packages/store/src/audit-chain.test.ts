import { createHash, randomBytes } from 'node:crypto';
import canonicalize from 'canonicalize';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalAuditJson, chainHash, GENESIS_HASH } from './audit-chain.ts';
import { createAuditCheckpoint, listAuditCheckpoints } from './audit-checkpoint-repository.ts';
import { appendAuditEvent } from './audit-repository.ts';
import { verifyAuditChain } from './audit-verify.ts';
import type { Database } from './database.ts';
import { migrator } from './migrations/migrate.ts';
import { TEST_BACKENDS } from './test-backends.ts';

const T0 = Date.UTC(2026, 10, 30, 9, 0, 0, 123);

/** Change the log as an attacker with the database's superuser would: triggers off. */
async function tamper(database: Database, statements: readonly string[]): Promise<void> {
  await database.db.transaction().execute(async (tx) => {
    await sql.raw('alter table audit_events disable trigger user').execute(tx);
    for (const s of statements) await sql.raw(s).execute(tx);
    await sql.raw('alter table audit_events enable trigger user').execute(tx);
  });
}

describe.each(TEST_BACKENDS)('the audit chain on $name', (backend) => {
  let database: Database;
  const key = randomBytes(32);
  let tenantNo = 0;

  beforeAll(async () => {
    database = await backend.open();
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  async function tenantWith(events: number): Promise<string> {
    tenantNo += 1;
    const tenantId = `chain-${tenantNo}`;
    await database.db.insertInto('tenants').values({ id: tenantId, name: tenantId }).execute();
    for (let i = 1; i <= events; i += 1)
      await appendAuditEvent(database.db, {
        tenantId,
        actorId: i % 2 === 0 ? 'lilei' : 'zhoumin',
        action: 'customer.update',
        target: `customer/c-${i}`,
        before: { name: `old ${i}`, n: i },
        after: { name: `new ${i}`, 价格: 1.5 * i },
        at: new Date(T0 + i * 1000),
        outcome: i === 3 ? 'denied' : 'success',
        requestId: `req-${i}`,
        ip: '10.0.0.1',
        userAgent: 'vitest',
      });
    return tenantId;
  }

  async function checkpointAt(tenantId: string): Promise<void> {
    const made = await createAuditCheckpoint(database.db, key, tenantId, new Date(T0));
    expect(made?.created).toBe(true);
  }

  it('numbers events 1, 2, … per tenant and hashes the documented canonical form', async () => {
    const tenantId = await tenantWith(3);
    const { rows } = await sql<{ seq: string; hash: string }>`
      select seq, hash from audit_events where tenant_id = ${tenantId} order by seq`.execute(
      database.db,
    );
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3]);
    // Recompute event 1 by hand, with node:crypto and canonicalize only (what an auditor does).
    const text = canonicalize({
      tenant: tenantId,
      seq: 1,
      at: new Date(T0 + 1000).toISOString(),
      actor: 'zhoumin',
      action: 'customer.update',
      target: 'customer/c-1',
      before: { name: 'old 1', n: 1 },
      after: { name: 'new 1', 价格: 1.5 },
      outcome: 'success',
      acting_as_id: null,
      request_id: 'req-1',
      ip: '10.0.0.1',
      user_agent: 'vitest',
    })!;
    expect(
      text.startsWith('{"acting_as_id":null,"action":"customer.update","actor":"zhoumin"'),
    ).toBe(true);
    const h1 = createHash('sha256')
      .update(Buffer.alloc(32))
      .update(Buffer.from(text, 'utf8'))
      .digest('hex');
    expect(rows[0]!.hash).toBe(h1);
    expect(chainHash(GENESIS_HASH, text)).toBe(h1);
    const report = await verifyAuditChain(database.db, tenantId);
    expect(report).toMatchObject({ ok: true, events: 3, lastSeq: 3, issues: [] });
  });

  it('returns the id, seq and hash, inside a transaction too, and rolls back with it', async () => {
    const tenantId = await tenantWith(1);
    const event = {
      tenantId,
      actorId: null,
      action: 'system.test',
      target: null,
      at: new Date(T0),
    };
    const appended = await appendAuditEvent(database.db, event);
    expect(appended.seq).toBe(2);
    await expect(
      database.db.transaction().execute(async (tx) => {
        await appendAuditEvent(tx, event);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const next = await database.db
      .transaction()
      .execute(async (tx) => [
        await appendAuditEvent(tx, event),
        await appendAuditEvent(tx, event),
      ]);
    expect(next.map((e) => e.seq)).toEqual([3, 4]);
    expect((await verifyAuditChain(database.db, tenantId)).ok).toBe(true);
  });

  it('appends a batch in one go (group commit), interleaved with single appends, one chain', async () => {
    const tenantId = await tenantWith(2);
    const batch = Array.from({ length: 50 }, (_, i) => ({
      tenantId,
      actorId: 'lilei',
      action: 'customer.import',
      target: `customer/n-${i}`,
      after: { name: `客户 ${i}`, quote: 'a"b\\c', n: i },
      at: new Date(T0 + i),
      ip: i % 2 === 0 ? null : '10.0.0.2',
    }));
    const appended = await appendAuditEvent(database.db, batch);
    expect(appended.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 3));
    const inTx = await database.db.transaction().execute(async (tx) => {
      const one = await appendAuditEvent(tx, { ...batch[0]!, target: 'x' });
      const more = await appendAuditEvent(tx, batch.slice(0, 3));
      return [one.seq, ...more.map((e) => e.seq)];
    });
    expect(inTx).toEqual([53, 54, 55, 56]);
    expect(await appendAuditEvent(database.db, [])).toEqual([]);
    expect(await verifyAuditChain(database.db, tenantId)).toMatchObject({ ok: true, events: 56 });
    // The first events of a new tenant may come as a batch too.
    tenantNo += 1;
    const fresh = `chain-${tenantNo}`;
    await database.db.insertInto('tenants').values({ id: fresh, name: fresh }).execute();
    await appendAuditEvent(
      database.db,
      batch.map((e) => ({ ...e, tenantId: fresh })),
    );
    expect((await verifyAuditChain(database.db, fresh)).ok).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the audit log and its checkpoints', async () => {
    const tenantId = await tenantWith(2);
    await checkpointAt(tenantId);
    const refused = /append-only/;
    await expect(
      sql`update audit_events set action = 'x' where tenant_id = ${tenantId}`.execute(database.db),
    ).rejects.toThrow(refused);
    await expect(
      sql`delete from audit_events where tenant_id = ${tenantId}`.execute(database.db),
    ).rejects.toThrow(refused);
    await expect(sql`truncate audit_events cascade`.execute(database.db)).rejects.toThrow(refused);
    await expect(
      sql`delete from audit_checkpoints where tenant_id = ${tenantId}`.execute(database.db),
    ).rejects.toThrow(refused);
    await expect(sql`truncate audit_checkpoints`.execute(database.db)).rejects.toThrow(refused);
    const { rows } = await sql<{
      n: string;
    }>`select count(*) as n from audit_events where tenant_id = ${tenantId} and action = 'customer.update'`.execute(
      database.db,
    );
    expect(Number(rows[0]!.n)).toBe(2);
  });

  it('checkpoints idempotently: the same head is signed once', async () => {
    const tenantId = await tenantWith(2);
    const first = await createAuditCheckpoint(database.db, key, tenantId, new Date(T0));
    const again = await createAuditCheckpoint(database.db, key, tenantId, new Date(T0 + 5000));
    expect(first?.created).toBe(true);
    expect(again).toEqual({ checkpoint: first?.checkpoint, created: false });
    expect(await listAuditCheckpoints(database.db, tenantId)).toHaveLength(1);
    expect(await createAuditCheckpoint(database.db, key, 'no-such-tenant', new Date(T0))).toBe(
      undefined,
    );
  });

  it('refuses to sign a head over an edited log: the events since the last signed checkpoint are recomputed first', async () => {
    const tenantId = await tenantWith(4);
    await checkpointAt(tenantId);
    for (let i = 5; i <= 8; i += 1)
      await appendAuditEvent(database.db, {
        tenantId,
        actorId: 'lilei',
        action: 'customer.update',
        target: `customer/c-${i}`,
        at: new Date(T0 + i * 1000),
      });
    await tamper(database, [
      `update audit_events set target = 'customer/forged' where tenant_id = '${tenantId}' and seq = 6`,
    ]);
    await expect(
      createAuditCheckpoint(database.db, key, tenantId, new Date(T0)),
    ).rejects.toMatchObject({
      code: 'STORE_AUDIT_CHAIN_BROKEN',
      details: { seq: 8, since: 4 },
    });
    expect(await listAuditCheckpoints(database.db, tenantId)).toHaveLength(1);
    // A head row moved past the log (events cut from the tail) is refused too.
    const cut = await tenantWith(3);
    await tamper(database, [`delete from audit_events where tenant_id = '${cut}' and seq = 3`]);
    await expect(createAuditCheckpoint(database.db, key, cut, new Date(T0))).rejects.toMatchObject({
      code: 'STORE_AUDIT_CHAIN_BROKEN',
    });
  });

  it('concurrent writers form ONE chain without a fork', async () => {
    tenantNo += 1;
    const tenantId = `chain-${tenantNo}`;
    await database.db.insertInto('tenants').values({ id: tenantId, name: tenantId }).execute();
    const workers = 8;
    const perWorker = 20;
    // Each transaction appends two events with a pause between them, so transactions overlap;
    // the very first appends race to create the tenant's head row.
    await Promise.all(
      Array.from({ length: workers }, async (_, w) => {
        for (let i = 0; i < perWorker; i += 1)
          await database.db.transaction().execute(async (tx) => {
            for (let k = 0; k < 2; k += 1) {
              await appendAuditEvent(tx, {
                tenantId,
                actorId: `w${w}`,
                action: 'customer.update',
                target: `customer/${w}-${i}-${k}`,
                at: new Date(T0 + i),
              });
              await new Promise((r) => setTimeout(r, 0));
            }
          });
      }),
    );
    const { rows } = await sql<{ seq: string; target: string }>`
      select seq, target from audit_events where tenant_id = ${tenantId} order by seq`.execute(
      database.db,
    );
    expect(rows.map((r) => Number(r.seq))).toEqual(
      Array.from({ length: workers * perWorker * 2 }, (_, i) => i + 1),
    );
    // A transaction's two events are adjacent: the head stays locked until it commits.
    for (let i = 0; i < rows.length; i += 2)
      expect(rows[i]!.target.slice(0, -1)).toBe(rows[i + 1]!.target.slice(0, -1));
    const report = await verifyAuditChain(database.db, tenantId);
    expect(report).toMatchObject({ ok: true, events: workers * perWorker * 2 });
  }, 60_000);

  it('the migration chains the events written before it, per tenant in id order', async () => {
    const old = await backend.open({ migrate: false });
    try {
      const m = migrator(old.db as never);
      const to = await m.migrateTo('0011-audit-context');
      expect(to.error).toBeUndefined();
      await sql`insert into tenants (id, name) values ('a', 'A'), ('b', 'B')`.execute(old.db);
      for (let i = 0; i < 5; i += 1)
        await sql`insert into audit_events (tenant_id, at, actor_id, action, target, after)
          values (${i % 2 === 0 ? 'a' : 'b'}, now(), 'zhoumin', 'role.update', ${`role/r${i}`},
            ${JSON.stringify({ i, nested: { z: 1, a: [1, 'x'] } })}::jsonb)`.execute(old.db);
      const latest = await m.migrateToLatest();
      expect(latest.error).toBeUndefined();
      const { rows } = await sql<{ tenant_id: string; seq: string; target: string }>`
        select tenant_id, seq, target from audit_events order by id`.execute(old.db);
      expect(rows.map((r) => `${r.tenant_id}${r.seq}:${r.target}`)).toEqual([
        'a1:role/r0',
        'b1:role/r1',
        'a2:role/r2',
        'b2:role/r3',
        'a3:role/r4',
      ]);
      expect((await verifyAuditChain(old.db, 'a')).ok).toBe(true);
      expect((await verifyAuditChain(old.db, 'b')).ok).toBe(true);
      const next = await appendAuditEvent(old.db, {
        tenantId: 'a',
        actorId: null,
        action: 'system.test',
        target: null,
        at: new Date(T0),
      });
      expect(next.seq).toBe(4);
      expect((await verifyAuditChain(old.db, 'a')).ok).toBe(true);
    } finally {
      await old.close();
    }
  }, 60_000);

  describe('names the first bad sequence number when the database is edited directly', () => {
    it('an edited field', async () => {
      const tenantId = await tenantWith(6);
      await tamper(database, [
        `update audit_events set after = '{"name":"forged"}' where tenant_id = '${tenantId}' and seq = 4`,
      ]);
      const report = await verifyAuditChain(database.db, tenantId);
      expect(report.ok).toBe(false);
      expect(report.first).toMatchObject({ seq: 4, problem: 'hash_mismatch' });
      expect(report.issues).toHaveLength(1);
    });

    it('a deleted event', async () => {
      const tenantId = await tenantWith(6);
      await tamper(database, [
        `delete from audit_events where tenant_id = '${tenantId}' and seq = 3`,
      ]);
      const report = await verifyAuditChain(database.db, tenantId);
      expect(report.first).toMatchObject({ seq: 3, problem: 'missing_event' });
    });

    it('two swapped events', async () => {
      const tenantId = await tenantWith(6);
      await tamper(database, [
        `update audit_events set seq = seq + 1000000 where tenant_id = '${tenantId}' and seq in (2, 5)`,
        `update audit_events set seq = case seq when 1000002 then 5 else 2 end where tenant_id = '${tenantId}' and seq in (1000002, 1000005)`,
      ]);
      const report = await verifyAuditChain(database.db, tenantId);
      expect(report.first).toMatchObject({ seq: 2 });
      expect(report.issues.map((i) => i.problem)).toContain('hash_mismatch');
    });

    it('a forged insert', async () => {
      const tenantId = await tenantWith(5);
      // Made to look chained: the forger computes a hash from event 5's, but cannot move the head
      // without being seen either (the next check).
      const { rows } = await sql<{ hash: string }>`
        select hash from audit_events where tenant_id = ${tenantId} and seq = 5`.execute(
        database.db,
      );
      const at = new Date(T0 + 60_000).toISOString();
      const forged = chainHash(
        rows[0]!.hash,
        canonicalAuditJson({
          tenant: tenantId,
          seq: 6,
          at,
          actor: 'zhoumin',
          action: 'customer.delete',
          target: 'customer/c-9',
          before: null,
          after: null,
          outcome: 'success',
          acting_as_id: null,
          request_id: null,
          ip: null,
          user_agent: null,
        }),
      );
      await tamper(database, [
        `insert into audit_events (tenant_id, at, actor_id, action, target, outcome, seq, hash)
         values ('${tenantId}', '${at}', 'zhoumin', 'customer.delete', 'customer/c-9', 'success', 6, '${forged}')`,
      ]);
      const report = await verifyAuditChain(database.db, tenantId);
      expect(report.first).toMatchObject({ seq: 6, problem: 'beyond_head' });
      // A clumsier forger, in the middle with a made-up hash and an id out of order.
      const other = await tenantWith(4);
      await tamper(database, [
        `update audit_events set seq = seq + 100 where tenant_id = '${other}' and seq >= 3`,
        `insert into audit_events (tenant_id, at, actor_id, action, target, outcome, seq, hash)
         values ('${other}', '${at}', 'lilei', 'customer.read', 'customer/c-1', 'success', 3, '${'ab'.repeat(32)}')`,
      ]);
      const middle = await verifyAuditChain(database.db, other);
      expect(middle.first).toMatchObject({ seq: 3, problem: 'hash_mismatch' });
      // Outside the chain altogether: the database refuses a number below 1 …
      const below = await tenantWith(3);
      const outside = `insert into audit_events (tenant_id, at, actor_id, action, target, outcome, seq, hash)
         values ('${below}', '${at}', 'lilei', 'customer.delete', 'customer/c-2', 'success', -1, '${'cd'.repeat(32)}')`;
      await expect(sql.raw(outside).execute(database.db)).rejects.toThrow(
        /audit_events_seq_positive/,
      );
      // … and with its check dropped too, verification names it.
      await tamper(database, [
        'alter table audit_events drop constraint audit_events_seq_positive',
        outside,
      ]);
      const stray = await verifyAuditChain(database.db, below);
      expect(stray.ok).toBe(false);
      expect(stray.issues).toContainEqual(
        expect.objectContaining({ seq: -1, problem: 'forged_event' }),
      );
      await tamper(database, [
        `delete from audit_events where tenant_id = '${below}' and seq = -1`,
        'alter table audit_events add constraint audit_events_seq_positive check (seq >= 1)',
      ]);
    });

    it('a truncated tail (against a checkpoint)', async () => {
      const tenantId = await tenantWith(8);
      await checkpointAt(tenantId);
      // The attacker also winds the head back, so the chain alone looks whole.
      await tamper(database, [
        `delete from audit_events where tenant_id = '${tenantId}' and seq > 5`,
        `update audit_heads set seq = 5, hash = (select hash from audit_events where tenant_id = '${tenantId}' and seq = 5) where tenant_id = '${tenantId}'`,
      ]);
      const withoutCheckpoints = await verifyAuditChain(database.db, tenantId, {
        storedCheckpoints: false,
      });
      expect(withoutCheckpoints.ok).toBe(true);
      const exported = await listAuditCheckpoints(database.db, tenantId);
      // Even with the stored checkpoints gone, the exported file proves the cut.
      const report = await verifyAuditChain(database.db, tenantId, {
        storedCheckpoints: false,
        checkpoints: exported,
        key,
      });
      expect(report.first).toMatchObject({ seq: 6, problem: 'checkpoint_beyond_log' });
    });

    it('a rewrite of everything after event k with recomputed hashes (against the key)', async () => {
      const tenantId = await tenantWith(3);
      await checkpointAt(tenantId);
      for (let i = 0; i < 3; i += 1)
        await appendAuditEvent(database.db, {
          tenantId,
          actorId: 'lilei',
          action: 'customer.export',
          target: null,
          at: new Date(T0 + 10_000 + i),
        });
      await checkpointAt(tenantId); // at 6
      for (let i = 0; i < 4; i += 1)
        await appendAuditEvent(database.db, {
          tenantId,
          actorId: 'lilei',
          action: 'customer.read',
          target: `customer/c-${i}`,
          at: new Date(T0 + 20_000 + i),
        });
      await checkpointAt(tenantId); // at 10
      const exported = await listAuditCheckpoints(database.db, tenantId);
      // Rewrite 7..10: hide that lilei read customers, recompute every hash and the head.
      const { rows } = await sql<{
        id: string;
        seq: string;
        at: Date | string;
        hash: string;
      }>`select id, seq, at, hash from audit_events where tenant_id = ${tenantId} order by seq`.execute(
        database.db,
      );
      let previous = rows[5]!.hash;
      const statements: string[] = [];
      for (const r of rows.slice(6)) {
        const at = (r.at instanceof Date ? r.at : new Date(r.at)).toISOString();
        previous = chainHash(
          previous,
          canonicalAuditJson({
            tenant: tenantId,
            seq: Number(r.seq),
            at,
            actor: 'zhoumin',
            action: 'customer.read',
            target: 'customer/c-0',
            before: null,
            after: null,
            outcome: 'success',
            acting_as_id: null,
            request_id: null,
            ip: null,
            user_agent: null,
          }),
        );
        statements.push(
          `update audit_events set actor_id = 'zhoumin', target = 'customer/c-0', hash = '${previous}' where tenant_id = '${tenantId}' and seq = ${r.seq}`,
        );
      }
      statements.push(
        `update audit_heads set hash = '${previous}' where tenant_id = '${tenantId}'`,
      );
      // A rewriter who also replaces the stored checkpoints cannot sign them without the key.
      statements.push(
        `alter table audit_checkpoints disable trigger user`,
        `update audit_checkpoints set hash = '${previous}' where tenant_id = '${tenantId}' and seq = 10`,
        `alter table audit_checkpoints enable trigger user`,
      );
      await tamper(database, statements);

      const chainOnly = await verifyAuditChain(database.db, tenantId, { storedCheckpoints: false });
      expect(chainOnly.ok).toBe(true);
      const report = await verifyAuditChain(database.db, tenantId, { key });
      expect(report.ok).toBe(false);
      expect(report.first).toMatchObject({
        seq: 7,
        problem: 'checkpoint_signature',
        checkpointSeq: 10,
      });
      expect(report.issues).toHaveLength(1);
      // The file exported before the rewrite: its checkpoint at 10 no longer matches the chain.
      const against = await verifyAuditChain(database.db, tenantId, {
        storedCheckpoints: false,
        checkpoints: exported,
        key,
      });
      expect(against.first).toMatchObject({
        seq: 7,
        problem: 'checkpoint_mismatch',
        checkpointSeq: 10,
      });
      // Without the key a forger's checkpoint would pass: the key is what proves it.
      const keyless = await verifyAuditChain(database.db, tenantId);
      expect(keyless.ok).toBe(true);
    });
  });
});
