/**
 * `custos audit verify|checkpoint` offline (docs/audit.md): a checkpoint file signed with the key
 * kept outside the database, a verification that passes, then one that names the first bad
 * sequence number of a log edited in the database (exit 1), and a cut tail caught by the file.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox } from './cli-test-support.ts';

let box: CliSandbox;
let env: Record<string, string>;

beforeAll(async () => {
  box = await cliSandbox();
  const keyFile = join(box.dir, 'audit.key');
  await writeFile(keyFile, `${Buffer.alloc(32, 9).toString('base64')}\n`);
  env = { CUSTOS_AUDIT_KEY_FILE: keyFile };
  const seeded = await box.run(['seed', '--customers', '10']);
  expect(seeded.code).toBe(0);
}, 120_000);
afterAll(async () => {
  await box.remove();
});

describe('custos audit', () => {
  it('checkpoint refuses without a key (AUDIT_KEY_MISSING)', async () => {
    const r = await box.run(['audit', 'checkpoint', '--out', 'cp.json']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[AUDIT_KEY_MISSING]');
  });

  it('checkpoint writes a signed file; verify against it is OK (exit 0)', async () => {
    const cp = await box.run(['audit', 'checkpoint', '--out', 'cp.json'], { env });
    expect(cp.err).toBe('');
    expect(cp.code).toBe(0);
    expect(cp.out).toMatch(/Wrote 1 checkpoint\(s\) to .*cp\.json; the newest signs seq \d+/);
    const r = await box.run(['audit', 'verify', '--checkpoint', 'cp.json'], { env });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^OK: tenant yunshan, \d+ events .*2 checkpoint\(s\), 2 checkpoint signature\(s\) verified/,
    );
  });

  it('a bad checkpoint file is refused naming the entry', async () => {
    await writeFile(join(box.dir, 'bad.json'), JSON.stringify([{ tenant: 'yunshan', seq: 0 }]));
    const r = await box.run(['audit', 'verify', '--checkpoint', 'bad.json'], { env });
    expect(r.code).toBe(1);
    expect(r.err).toContain('checkpoints[0]');
  });

  it('names the first bad seq of an edited event, and a cut tail against the file (exit 1)', async () => {
    let original: string | null = null;
    const edited = await box.withDatabase(async (database) => {
      original =
        (
          await sql<{
            target: string | null;
          }>`select target from audit_events where tenant_id = 'yunshan' and seq = 2`.execute(
            database.db,
          )
        ).rows[0]?.target ?? null;
      await database.db.transaction().execute(async (tx) => {
        await sql`alter table audit_events disable trigger user`.execute(tx);
        await sql`update audit_events set target = 'role/forged' where tenant_id = 'yunshan' and seq = 2`.execute(
          tx,
        );
        await sql`alter table audit_events enable trigger user`.execute(tx);
      });
      return 2;
    });
    const r = await box.run(['audit', 'verify', '--json'], { env });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.first).toMatchObject({ seq: edited, problem: 'hash_mismatch' });

    // A checkpoint recomputes the events since the last one it signed first: it will not sign a
    // head over the edited event.
    const refused = await box.run(['audit', 'checkpoint', '--out', 'cp2.json'], { env });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('[STORE_AUDIT_CHAIN_BROKEN]');
    expect(refused.err).toContain('event 2 does not match its hash');
    // The edit undone, it signs.
    await box.withDatabase(async (database) => {
      await database.db.transaction().execute(async (tx) => {
        await sql`alter table audit_events disable trigger user`.execute(tx);
        await sql`update audit_events set target = ${original} where tenant_id = 'yunshan' and seq = 2`.execute(
          tx,
        );
        await sql`alter table audit_events enable trigger user`.execute(tx);
      });
    });
    const later = await box.run(['audit', 'checkpoint', '--out', 'cp2.json'], { env });
    expect(later.err).toBe('');
    expect(later.code).toBe(0);
    // Cut the tail after seq 1 (and wind the head back, and drop the stored checkpoints): only the
    // file kept outside sees it.
    await box.withDatabase(async (database) => {
      await database.db.transaction().execute(async (tx) => {
        await sql`alter table audit_events disable trigger user`.execute(tx);
        await sql`alter table audit_checkpoints disable trigger user`.execute(tx);
        await sql`delete from audit_events where tenant_id = 'yunshan' and seq > 1`.execute(tx);
        await sql`delete from audit_checkpoints where tenant_id = 'yunshan'`.execute(tx);
        await sql`update audit_heads set seq = 1, hash = (select hash from audit_events where tenant_id = 'yunshan' and seq = 1) where tenant_id = 'yunshan'`.execute(
          tx,
        );
        await sql`alter table audit_checkpoints enable trigger user`.execute(tx);
        await sql`alter table audit_events enable trigger user`.execute(tx);
      });
    });
    const cut = await box.run(['audit', 'verify', '--checkpoint', 'cp2.json'], { env });
    expect(cut.code).toBe(1);
    expect(cut.out).toMatch(/^FAILED at seq 2 \[checkpoint_beyond_log\]/);
    const alone = await box.run(['audit', 'verify'], { env });
    // Without the file the cut log looks whole again (plus the verify events appended since).
    expect(alone.code).toBe(0);
  });
});
