import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { appendAuditEvent } from '../audit-repository.ts';
import { createKeyring } from '../crypto/keyring.ts';
import { fieldAad } from '../crypto/record-crypto.ts';
import { REDACTED, isSealed, type Sealed } from '../crypto/sealed-value.ts';
import { ShredLedger } from '../crypto/shred-ledger.ts';
import type { Database } from '../database.ts';
import { demoCompany } from '../demo/demo-company.ts';
import { loadTenantData } from '../load-scenario.ts';
import { savePolicyModel } from '../policy-repository.ts';
import { TEST_BACKENDS, type TestBackend } from '../test-backends.ts';
import { readBackupManifest, restoreBackup, verifyBackupFile } from './restore-backup.ts';
import { dumpTables } from './backup-test-support.ts';
import { BackupError } from './backup-error.ts';
import { writeBackup } from './write-backup.ts';

const NOW = Date.parse('2026-06-01T08:00:00Z');
const PASS = { passphrase: 'correct horse battery staple' };
const OTHER = 'tn-other';
/** The key-encryption key of these tests' databases (the demo policy encrypts phones and e-mails). */
const KEK = randomBytes(32);
const seedKeyring = createKeyring({ kek: KEK });

/** Two tenants: the demo company (small) and a second one, each with a few audit events. */
async function seed(database: Database): Promise<{ phone: string; sensitive: string[] }> {
  const company = demoCompany({ now: NOW, customers: 30 });
  await loadTenantData(database.db, company.model, company.records, undefined, seedKeyring);
  await savePolicyModel(database.db, company.model.tenant.id, company.model);
  const other = demoCompany({ now: NOW, customers: 5, seed: 7 });
  await loadTenantData(database.db, other.model, other.records, OTHER, seedKeyring);
  for (const tenantId of [company.model.tenant.id, OTHER])
    for (let i = 0; i < 3; i += 1)
      await appendAuditEvent(database.db, {
        tenantId,
        actorId: 'zhoumin',
        action: 'test.event',
        target: `t/${i}`,
        // One long text of three-byte characters: the restore reads the body in chunks, and a
        // character split between two must come back whole (every table is compared below).
        after: { i, note: i === 1 ? '客户权限管理'.repeat(10_000) : 'backup test' },
        at: new Date(NOW + i * 1000),
      });
  const withPhone = company.records.find((r) => typeof r.fields.phone === 'string')!;
  // Every sensitive value of the demo (phones, e-mails, ID numbers, bank accounts).
  const sensitive = company.records.flatMap((r) =>
    ['phone', 'email', 'idNumber', 'bankAccount']
      .map((f) => r.fields[f])
      .filter((v): v is string => typeof v === 'string' && v.length >= 6),
  );
  return { phone: withPhone.fields.phone as string, sensitive };
}

async function expectBackupError(promise: Promise<unknown>, code: string): Promise<BackupError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  expect((error as BackupError).code).toBe(code);
  return error as BackupError;
}

describe.each(TEST_BACKENDS)('backup from $name', (source: TestBackend) => {
  let dir: string;
  let database: Database;
  let phone: string;
  let sensitive: string[];
  let full: string;
  let demoTenant: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'custos-backup-'));
    database = await source.open();
    ({ phone, sensitive } = await seed(database));
    demoTenant = demoCompany({ now: NOW, customers: 2 }).model.tenant.id;
    full = join(dir, 'full.cbk');
    await writeBackup(database, { path: full, secret: PASS, now: new Date(NOW) });
  });
  afterAll(async () => {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a manifest with counts, migrations, tenants and audit heads', async () => {
    const manifest = await readBackupManifest(full, PASS);
    expect(manifest.source).toBe(source.name);
    expect(manifest.scope).toBe('all');
    expect(manifest.tenants).toEqual([demoTenant, OTHER].sort());
    expect(manifest.migrations.length).toBeGreaterThan(10);
    expect(manifest.tables.map((t) => t.name)).not.toContain('kysely_migration');
    const customers = manifest.tables.find((t) => t.name === 'customers')!;
    expect(customers.rows).toBe(35);
    expect(manifest.auditHeads[OTHER]?.seq).toBe(3);
    expect(manifest.auditHeads[OTHER]?.hash).toMatch(/^[0-9a-f]{64}$/);
    // Foreign keys first: tenants before everything that references them.
    const order = manifest.tables.map((t) => t.name);
    expect(order.indexOf('tenants')).toBeLessThan(order.indexOf('customers'));
    expect(order.indexOf('customers')).toBeLessThan(order.indexOf('contacts'));
  });

  it('holds no plaintext: no sensitive demo value (phone, e-mail, ID number, bank account) is in the raw file', async () => {
    const raw = await readFile(full);
    expect(raw.includes(Buffer.from(phone))).toBe(false);
    expect(sensitive.length).toBeGreaterThan(20);
    expect(sensitive.filter((v) => raw.includes(Buffer.from(v)))).toEqual([]);
    expect(raw.includes(Buffer.from('backup test'))).toBe(false);
    expect(raw.includes(Buffer.from('customers'))).toBe(false);
  });

  it.each(TEST_BACKENDS)(
    'restores into an empty $name database, every table equal',
    async (target) => {
      const into = await target.open({ migrate: false });
      try {
        const restored = await restoreBackup(into, { path: full, secret: PASS });
        expect(restored.auditEvents[OTHER]).toBe(3);
        expect(await dumpTables(into)).toEqual(await dumpTables(database));
        // Sequences moved past the restored rows: a new audit event gets a fresh id and seq 4.
        const appended = await appendAuditEvent(into.db, {
          tenantId: OTHER,
          actorId: null,
          action: 'test.after_restore',
          target: null,
          at: new Date(NOW + 10_000),
        });
        expect(appended.seq).toBe(4);
      } finally {
        await into.close();
      }
    },
  );

  it('backs up one tenant alone', async () => {
    const path = join(dir, 'other.cbk');
    const { manifest } = await writeBackup(database, {
      path,
      secret: PASS,
      tenantId: OTHER,
      now: new Date(NOW),
    });
    expect(manifest.scope).toBe('tenant');
    expect(manifest.tenants).toEqual([OTHER]);
    expect(manifest.skipped).toContain('login_throttle');
    const into = await source.open({ migrate: false });
    try {
      await restoreBackup(into, { path, secret: PASS });
      const dump = await dumpTables(into);
      expect(dump.tenants).toHaveLength(1);
      expect(dump.customers).toHaveLength(5);
      expect(dump.audit_events).toHaveLength(3);
    } finally {
      await into.close();
    }
  });

  it('refuses an unknown tenant', async () => {
    await expect(
      writeBackup(database, {
        path: join(dir, 'x.cbk'),
        secret: PASS,
        tenantId: 'nope',
        now: new Date(NOW),
      }),
    ).rejects.toMatchObject({ code: 'STORE_UNKNOWN_TENANT' });
    await expect(stat(join(dir, 'x.cbk'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(stat(join(dir, 'x.cbk.partial'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a non-empty target and changes nothing', async () => {
    const before = await dumpTables(database);
    await expectBackupError(
      restoreBackup(database, { path: full, secret: PASS }),
      'BACKUP_TARGET_NOT_EMPTY',
    );
    expect(await dumpTables(database)).toEqual(before);
  });

  it('a restore failing half-way leaves the target empty, and a second restore succeeds', async () => {
    const into = await source.open({ migrate: false });
    try {
      let seen = 0;
      await expect(
        restoreBackup(into, {
          path: full,
          secret: PASS,
          onProgress: (p) => {
            seen = p.rows;
            if (p.rows >= 100) throw new Error('injected failure after 100 rows');
          },
        }),
      ).rejects.toThrow('injected failure');
      expect(seen).toBeGreaterThanOrEqual(100);
      const after = await dumpTables(into);
      expect(Object.values(after).every((rows) => rows.length === 0)).toBe(true);
      await restoreBackup(into, { path: full, secret: PASS });
      expect(await dumpTables(into)).toEqual(await dumpTables(database));
    } finally {
      await into.close();
    }
  });
  // Last: it changes the source database (an erasure after the backup).
  it('an erasure after the backup outlives the restore: the shred ledger keeps the person unreadable', async () => {
    const ledgerPath = join(dir, 'custos-shredded');
    const kek = KEK;
    const keyring = createKeyring({ kek, shredLedger: new ShredLedger(ledgerPath) });
    const contact = await database.db
      .selectFrom('contacts')
      .select('id')
      .where('tenant_id', '=', demoTenant)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const at = new Date(NOW);
    const subject = await keyring.ensureSubjectKey(database.db, demoTenant, contact.id, at);
    const keys = await keyring.tenant(database.db, demoTenant);
    const secretPhone = '+86 139 2468 1357';
    const aad = fieldAad(demoTenant, 'contact', contact.id, 'phone');
    const sealed = keys.seal(aad, secretPhone, {
      subject: subject ?? undefined,
      masked: '139****1357',
    });
    await sql`update contacts set data = data || ${JSON.stringify({ phone: sealed })}::jsonb
      where tenant_id = ${demoTenant} and id = ${contact.id}`.execute(database.db);

    const before = join(dir, 'before-erasure.cbk');
    await writeBackup(database, { path: before, secret: PASS, now: at });
    const raw = await readFile(before);
    expect(raw.includes(Buffer.from(secretPhone))).toBe(false);
    expect(raw.includes(Buffer.from('139****1357'))).toBe(false);

    // The erasure: the ledger records the subject, the key row goes.
    expect(await keyring.shredSubject(database.db, demoTenant, contact.id, at)).toBe(true);

    const into = await source.open({ migrate: false });
    try {
      // The target's configuration: the same KEK and the same ledger file (kept with the keys).
      const ledger = new ShredLedger(ledgerPath);
      const restored = await restoreBackup(into, {
        path: before,
        secret: PASS,
        shredLedger: ledger,
      });
      expect(restored.shredded).toEqual({ [demoTenant]: 1 });
      const keyRows = await into.db
        .selectFrom('subject_keys')
        .select('subject_id')
        .where('tenant_id', '=', demoTenant)
        .where('subject_id', '=', contact.id)
        .execute();
      expect(keyRows).toEqual([]);
      const row = await into.db
        .selectFrom('contacts')
        .select('data')
        .where('tenant_id', '=', demoTenant)
        .where('id', '=', contact.id)
        .executeTakeFirstOrThrow();
      const stored = (row.data as Record<string, unknown>).phone;
      expect(isSealed(stored)).toBe(true);
      // Even a keyring without the ledger finds no key to open it with: the row is gone.
      const fresh = createKeyring({ kek });
      const opened = (await fresh.tenant(into.db, demoTenant)).open(
        aad,
        stored as Sealed,
        await fresh.subjectKeys(into.db, demoTenant, [contact.id]),
      );
      expect(opened).toEqual(REDACTED);
      // The rest of the tenant restored whole, its audit chain verified.
      expect(restored.auditEvents[demoTenant]).toBeGreaterThan(0);
    } finally {
      await into.close();
    }
    // Without the ledger the same backup would bring the key back (what the ledger prevents).
    const unguarded = await source.open({ migrate: false });
    try {
      const restored = await restoreBackup(unguarded, { path: before, secret: PASS });
      expect(restored.shredded).toEqual({});
      const fresh = createKeyring({ kek });
      expect(
        (await fresh.tenant(unguarded.db, demoTenant)).open(
          aad,
          sealed,
          await fresh.subjectKeys(unguarded.db, demoTenant, [contact.id]),
        ),
      ).toBe(secretPhone);
    } finally {
      await unguarded.close();
    }
  });
});

describe('a damaged or wrongly opened backup is refused', () => {
  let dir: string;
  let database: Database;
  let path: string;
  let size: number;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'custos-backup-'));
    database = await TEST_BACKENDS[0]!.open();
    await seed(database);
    path = join(dir, 'b.cbk');
    size = (await writeBackup(database, { path, secret: PASS, now: new Date(NOW) })).bytes;
  });
  afterAll(async () => {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function variant(name: string, change: (bytes: Buffer) => Buffer): Promise<string> {
    const target = join(dir, name);
    await writeFile(target, change(Buffer.from(await readFile(path))));
    return target;
  }
  const flip = (at: (length: number) => number) => (b: Buffer) => {
    b[at(b.length)]! ^= 0x01;
    return b;
  };

  it('verifies whole', async () => {
    const verified = await verifyBackupFile(path, PASS);
    expect(verified.rows).toBe(verified.manifest.rows);
    expect((await stat(path)).size).toBe(size);
  });

  it('a flipped byte in the body, the manifest or the header: BACKUP_TAMPERED', async () => {
    const body = await variant(
      'body.cbk',
      flip((n) => n - 100),
    );
    const error = await expectBackupError(verifyBackupFile(body, PASS), 'BACKUP_TAMPERED');
    expect(error.message).toMatch(/fails authentication/);
    // The manifest is frame 0, right after the 76-byte header and its 4-byte length.
    const manifest = await variant(
      'manifest.cbk',
      flip(() => 76 + 4 + 10),
    );
    await expectBackupError(readBackupManifest(manifest, PASS), 'BACKUP_TAMPERED');
    const header = await variant(
      'header.cbk',
      flip(() => 20),
    );
    await expectBackupError(readBackupManifest(header, PASS), 'BACKUP_TAMPERED');
  });

  it('cut short or with bytes appended: BACKUP_TAMPERED', async () => {
    const cut = await variant('cut.cbk', (b) => b.subarray(0, b.length - 40));
    await expectBackupError(verifyBackupFile(cut, PASS), 'BACKUP_TAMPERED');
    // Cut exactly at a frame boundary: the final frame is missing.
    const noFinal = await variant('nofinal.cbk', (b) => b.subarray(0, b.length - 20));
    await expectBackupError(verifyBackupFile(noFinal, PASS), 'BACKUP_TAMPERED');
    const longer = await variant('longer.cbk', (b) => Buffer.concat([b, Buffer.from('x')]));
    await expectBackupError(verifyBackupFile(longer, PASS), 'BACKUP_TAMPERED');
  });

  it('a tampered body is refused by restore and the target stays empty', async () => {
    const body = await variant(
      'body2.cbk',
      flip((n) => n - 100),
    );
    const into = await TEST_BACKENDS[0]!.open({ migrate: false });
    try {
      await expectBackupError(restoreBackup(into, { path: body, secret: PASS }), 'BACKUP_TAMPERED');
      const after = await dumpTables(into);
      expect(Object.values(after).every((rows) => rows.length === 0)).toBe(true);
    } finally {
      await into.close();
    }
  });

  it('a wrong passphrase or key: BACKUP_WRONG_KEY, not tampering', async () => {
    const error = await expectBackupError(
      readBackupManifest(path, { passphrase: 'not the passphrase' }),
      'BACKUP_WRONG_KEY',
    );
    expect(error.message).toMatch(/wrong passphrase/);
    await expectBackupError(
      readBackupManifest(path, { key: Buffer.alloc(32, 1) }),
      'BACKUP_WRONG_KEY',
    );
  });

  it('a key file seals and opens; a passphrase does not open it', async () => {
    const key = { key: Buffer.alloc(32, 7) };
    const keyed = join(dir, 'keyed.cbk');
    await writeBackup(database, { path: keyed, secret: key, now: new Date(NOW), tenantId: OTHER });
    expect((await verifyBackupFile(keyed, key)).manifest.tenants).toEqual([OTHER]);
    await expectBackupError(
      readBackupManifest(keyed, { key: Buffer.alloc(32, 8) }),
      'BACKUP_WRONG_KEY',
    );
    await expectBackupError(readBackupManifest(keyed, PASS), 'BACKUP_WRONG_KEY');
  });

  it('a file that is no backup: BACKUP_FORMAT_UNSUPPORTED', async () => {
    const other = join(dir, 'plain.txt');
    await writeFile(other, 'hello, not a backup');
    await expectBackupError(readBackupManifest(other, PASS), 'BACKUP_FORMAT_UNSUPPORTED');
  });
});
