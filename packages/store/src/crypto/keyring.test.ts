import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import { TEST_BACKENDS } from '../test-backends.ts';
import { CryptoError } from './crypto-error.ts';
import { createKeyring, normaliseForIndex } from './keyring.ts';
import { REDACTED, isSealed, keyRefOf } from './sealed-value.ts';
import { ShredLedger } from './shred-ledger.ts';

const at = new Date(Date.UTC(2026, 10, 30));
const aad = (recordId: string, field = 'phone') => ({
  tenantId: 't1',
  table: 'contacts',
  recordId,
  field,
});

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof CryptoError) return error.code;
    throw error;
  }
  return undefined;
}

describe.each(TEST_BACKENDS)('keyring on $name', (backend) => {
  let database: Database;
  const kek = randomBytes(32);
  beforeAll(async () => {
    database = await backend.open();
    await database.db
      .insertInto('tenants')
      .values([
        { id: 't1', name: 'T1' },
        { id: 't2', name: 'T2' },
      ])
      .execute();
  });
  afterAll(async () => {
    await database.close();
  });

  it('makes a tenant its first keys, wrapped: no stored key opens without the KEK', async () => {
    const keyring = createKeyring({ kek });
    const keys = await keyring.tenant(database.db, 't1');
    expect(keys.activeVersion).toBe(1);
    const rows = await database.db
      .selectFrom('data_keys')
      .selectAll()
      .where('tenant_id', '=', 't1')
      .execute();
    expect(rows.map((r) => r.purpose).sort()).toEqual(['blind', 'data']);
    // Another keyring over the same KEK reads the same keys (a second node, a restart).
    const again = await createKeyring({ kek }).tenant(database.db, 't1');
    const sealed = keys.seal(aad('ct1'), '13800138000');
    expect(again.open(aad('ct1'), sealed)).toBe('13800138000');
    // Another KEK opens nothing, and says which setting to check.
    const other = createKeyring({ kek: randomBytes(32) });
    await expect(other.tenant(database.db, 't1')).rejects.toMatchObject({ code: 'KEK_MISMATCH' });
  });

  it('seals with a fresh nonce, keeps the JSON type, and binds the value to its place', async () => {
    const keys = await createKeyring({ kek }).tenant(database.db, 't1');
    const a = keys.seal(aad('ct1'), 'li.lei@example.com', { masked: 'l***@example.com' });
    const b = keys.seal(aad('ct1'), 'li.lei@example.com');
    expect(isSealed(a)).toBe(true);
    expect(a.$enc).not.toBe(b.$enc);
    expect(a.$enc).not.toContain('li.lei');
    expect(a.m).toBe('l***@example.com');
    expect(keys.open(aad('ct1'), keys.seal(aad('ct1'), 120000))).toBe(120000);
    expect(keys.open(aad('ct1'), keys.seal(aad('ct1'), null))).toBeNull();
    // Copied to another record, another field, another table or tenant: it does not open.
    expect(codeOf(() => keys.open(aad('ct2'), a))).toBe('DECRYPT_FAILED');
    expect(codeOf(() => keys.open(aad('ct1', 'email'), a))).toBe('DECRYPT_FAILED');
    expect(codeOf(() => keys.open({ ...aad('ct1'), table: 'customers' }, a))).toBe(
      'DECRYPT_FAILED',
    );
    const t2 = await createKeyring({ kek }).tenant(database.db, 't2');
    expect(codeOf(() => t2.open({ ...aad('ct1'), tenantId: 't2' }, a))).toBe('DECRYPT_FAILED');
    // One changed character of the ciphertext: refused.
    const body = a.$enc.slice(0, -3) + (a.$enc.endsWith('A') ? 'B' : 'A') + a.$enc.slice(-2);
    expect(codeOf(() => keys.open(aad('ct1'), { $enc: body }))).toBe('DECRYPT_FAILED');
    expect(codeOf(() => keys.open(aad('ct1'), { $enc: 'not a sealed value' }))).toBe(
      'DECRYPT_FAILED',
    );
    try {
      keys.open(aad('ct2'), a);
    } catch (error) {
      // The message names the place, never the value.
      expect(String(error)).toContain('contacts/ct2');
      expect(String(error)).not.toContain('li.lei');
    }
  });

  it('rotates: a new active version seals, the old one still opens what it sealed', async () => {
    const keyring = createKeyring({ kek });
    const before = await keyring.tenant(database.db, 't2');
    const old = before.seal({ ...aad('ct9'), tenantId: 't2' }, 'old value');
    const version = await keyring.rotate(database.db, 't2', at);
    expect(version).toBe(before.activeVersion + 1);
    const after = await keyring.tenant(database.db, 't2');
    expect(after.activeVersion).toBe(version);
    expect(after.versions).toContain(before.activeVersion);
    expect(keyRefOf(after.seal({ ...aad('ct9'), tenantId: 't2' }, 'x'))).toEqual({
      kind: 'tenant',
      version,
    });
    expect(after.open({ ...aad('ct9'), tenantId: 't2' }, old)).toBe('old value');
    const states = await database.db
      .selectFrom('data_keys')
      .select(['version', 'state'])
      .where('tenant_id', '=', 't2')
      .where('purpose', '=', 'data')
      .orderBy('version')
      .execute();
    expect(states.filter((s) => s.state === 'active')).toEqual([{ version, state: 'active' }]);
  });

  it('crypto-shreds a subject: redacted everywhere, and an old copy of the key stays refused', async () => {
    const ledgerPath = join(mkdtempSync(join(tmpdir(), 'custos-ledger-')), 'custos-shredded');
    const keyring = createKeyring({ kek, shredLedger: new ShredLedger(ledgerPath) });
    const keys = await keyring.tenant(database.db, 't1');
    const subject = await keyring.ensureSubjectKey(database.db, 't1', 'ct7', at);
    expect(subject).not.toBeNull();
    const sealed = keys.seal(aad('ct7'), '韩梅梅', { subject: subject ?? undefined });
    expect(keyRefOf(sealed)).toEqual({ kind: 'subject', subjectId: 'ct7' });
    const loaded = await keyring.subjectKeys(database.db, 't1', ['ct7', 'nobody']);
    expect(keys.open(aad('ct7'), sealed, loaded)).toBe('韩梅梅');
    expect(loaded.get('nobody')).toBeNull();
    // Without the subject's keys at hand the caller is told to load them (not silently redacted).
    expect(codeOf(() => keys.open(aad('ct7'), sealed))).toBe('DECRYPT_FAILED');

    // What a backup taken now holds.
    const backupRow = await database.db
      .selectFrom('subject_keys')
      .selectAll()
      .where('tenant_id', '=', 't1')
      .where('subject_id', '=', 'ct7')
      .executeTakeFirstOrThrow();
    expect(await keyring.shredSubject(database.db, 't1', 'ct7', at)).toBe(true);
    expect(readFileSync(ledgerPath, 'utf8')).toContain('t1\tct7\t');
    expect(
      keys.open(aad('ct7'), sealed, await keyring.subjectKeys(database.db, 't1', ['ct7'])),
    ).toEqual(REDACTED);
    // Never a new key for an erased person.
    expect(await keyring.ensureSubjectKey(database.db, 't1', 'ct7', at)).toBeNull();

    // The old backup restored: the row is back, a new process reads the ledger and refuses it.
    await database.db.insertInto('subject_keys').values(backupRow).execute();
    const restarted = createKeyring({ kek, shredLedger: new ShredLedger(ledgerPath) });
    const reopened = await restarted.subjectKeys(database.db, 't1', ['ct7']);
    expect(reopened.get('ct7')).toBeNull();
    expect((await restarted.tenant(database.db, 't1')).open(aad('ct7'), sealed, reopened)).toEqual(
      REDACTED,
    );
    expect(restarted.ledger.subjectsOf('t1')).toEqual(['ct7']);
  });

  it('re-wraps subject keys under the new data key after a rotation, values unchanged', async () => {
    const keyring = createKeyring({ kek });
    const subject = await keyring.ensureSubjectKey(database.db, 't1', 'ct8', at);
    const sealed = (await keyring.tenant(database.db, 't1')).seal(aad('ct8'), 'v', {
      subject: subject ?? undefined,
    });
    const version = await keyring.rotate(database.db, 't1', at);
    expect(await keyring.rewrapSubjectKeys(database.db, 't1', 100)).toBeGreaterThanOrEqual(1);
    expect(await keyring.rewrapSubjectKeys(database.db, 't1', 100)).toBe(0);
    const loaded = await keyring.subjectKeys(database.db, 't1', ['ct8']);
    expect(loaded.get('ct8')?.keyVersion).toBe(version);
    expect((await keyring.tenant(database.db, 't1')).open(aad('ct8'), sealed, loaded)).toBe('v');
  });

  it('computes blind indexes per tenant, object and field over normalised text', async () => {
    const keyring = createKeyring({ kek });
    const t1 = await keyring.tenant(database.db, 't1');
    const t2 = await keyring.tenant(database.db, 't2');
    expect(normaliseForIndex(' 138-0013 8000 ')).toBe('13800138000');
    expect(t1.blindIndex('contact', 'email', 'Li.Lei@Example.com')).toBe(
      t1.blindIndex('contact', 'email', 'li.lei@example.com '),
    );
    expect(t1.blindIndex('contact', 'email', 'a@b')).not.toBe(
      t1.blindIndex('contact', 'phone', 'a@b'),
    );
    expect(t1.blindIndex('contact', 'email', 'a@b')).not.toBe(
      t2.blindIndex('contact', 'email', 'a@b'),
    );
    expect(t1.blindIndex('contact', 'email', 'a@b')).not.toContain('a@b');
  });
});
