import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import { openPgliteDatabase } from '../pglite-database.ts';
import { createKeyring, type Keyring } from './keyring.ts';
import {
  encryptedFieldsOf,
  maskedForm,
  openFields,
  sealFields,
  subjectsIn,
} from './record-crypto.ts';
import { REDACTED, isSealed } from './sealed-value.ts';
import { demoCompany } from '../demo/demo-company.ts';

// Pure record-level logic over keys: one backend is enough (the keyring runs on both).
describe('sealing and opening a record’s encrypted fields', () => {
  let database: Database;
  let keyring: Keyring;
  const at = new Date(Date.UTC(2026, 10, 30));
  beforeAll(async () => {
    database = await openPgliteDatabase({ migrate: true });
    await database.db.insertInto('tenants').values({ id: 't1', name: 'T1' }).execute();
    keyring = createKeyring({ kek: randomBytes(32) });
  });
  afterAll(async () => {
    await database.close();
  });

  it('reads the encrypted fields and their masks from the policy', () => {
    const model = demoCompany().model;
    const contact = model.objects.find((o) => o.object === 'contact');
    if (contact === undefined) throw new Error('no contact object');
    contact.fields.email = { ...contact.fields.email, encrypted: false };
    const found = encryptedFieldsOf(model, 'contact');
    expect([...found.fields]).toEqual(['phone']);
    expect(found.masks.phone).toBe('phone');
    expect(encryptedFieldsOf(model, 'ticket').fields.size).toBe(0);
  });

  it('seals only the encrypted fields, keeps masked forms and tokens, opens only what is asked', async () => {
    const keys = await keyring.tenant(database.db, 't1');
    const subject = await keyring.ensureSubjectKey(database.db, 't1', 'ct1', at);
    const encrypted = {
      fields: new Set(['phone', 'email']),
      masks: { phone: 'phone', email: 'email' },
    } as const;
    const sealed = sealFields(
      keys,
      { object: 'contact', recordId: 'ct1', subject },
      { name: '韩梅梅', phone: '13812345678', email: '' },
      encrypted,
    );
    expect(sealed.fields.name).toBe('韩梅梅');
    expect(sealed.fields.email).toBe('');
    expect(isSealed(sealed.fields.phone)).toBe(true);
    expect(JSON.stringify(sealed.fields)).not.toContain('13812345678');
    expect(maskedForm(sealed.fields.phone as never)).toBe('138****5678');
    expect(sealed.tokens).toEqual({
      phone: keys.blindIndex('contact', 'phone', '13812345678'),
      email: null,
    });
    // Sealing again leaves a sealed value alone.
    expect(
      sealFields(keys, { object: 'contact', recordId: 'ct1', subject }, sealed.fields, encrypted)
        .fields.phone,
    ).toEqual(sealed.fields.phone);

    const subjects = await keyring.subjectKeys(
      database.db,
      't1',
      subjectsIn(Object.values(sealed.fields)),
    );
    expect([...subjects.keys()]).toEqual(['ct1']);
    const untouched = openFields(
      keys,
      { object: 'contact', recordId: 'ct1' },
      sealed.fields,
      [],
      subjects,
    );
    expect(isSealed(untouched.phone)).toBe(true);
    const opened = openFields(
      keys,
      { object: 'contact', recordId: 'ct1' },
      sealed.fields,
      ['phone', 'name'],
      subjects,
    );
    expect(opened).toEqual({ name: '韩梅梅', phone: '13812345678', email: '' });

    await keyring.shredSubject(database.db, 't1', 'ct1', at);
    const after = await keyring.subjectKeys(database.db, 't1', ['ct1']);
    expect(
      openFields(keys, { object: 'contact', recordId: 'ct1' }, sealed.fields, ['phone'], after)
        .phone,
    ).toEqual(REDACTED);
  });
});
