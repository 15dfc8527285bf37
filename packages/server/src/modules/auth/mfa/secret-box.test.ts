import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyring, openPgliteDatabase } from '@custos/store';
import {
  openStoredTotpSecret,
  openTotpSecret,
  sealTotpSecret,
  sealTotpSecretForTenant,
} from './secret-box.ts';
import { newTotpSecret } from './totp.ts';

const KEY = randomBytes(32).toString('base64');

describe('TOTP secrets at rest', () => {
  it('are encrypted under the configured key, bound to their tenant and user', () => {
    const secret = newTotpSecret();
    const sealed = sealTotpSecret(secret, KEY, 'yunshan/lilei');
    expect(sealed).toMatch(/^aes256gcm:/);
    expect(sealed).not.toContain(secret);
    expect(sealTotpSecret(secret, KEY, 'yunshan/lilei')).not.toBe(sealed);
    expect(openTotpSecret(sealed, KEY, 'yunshan/lilei')).toBe(secret);
    // Another user's row, another key, no key, or a changed byte: it does not open.
    expect(() => openTotpSecret(sealed, KEY, 'yunshan/hanmeimei')).toThrow();
    expect(() =>
      openTotpSecret(sealed, randomBytes(32).toString('base64'), 'yunshan/lilei'),
    ).toThrow();
    expect(() => openTotpSecret(sealed, undefined, 'yunshan/lilei')).toThrow(
      /CUSTOS_MFA_SECRET_KEY/,
    );
    // (the second-to-last character changed: never to itself)
    const tampered = `${sealed.slice(0, -2)}${sealed.at(-2) === 'A' ? 'B' : 'A'}${sealed.slice(-1)}`;
    expect(() => openTotpSecret(tampered, KEY, 'yunshan/lilei')).toThrow();
  });

  it('are stored as they are without a key, and plain ones still open once a key is set', () => {
    const secret = newTotpSecret();
    expect(sealTotpSecret(secret, undefined, 'yunshan/lilei')).toBe(secret);
    expect(openTotpSecret(secret, KEY, 'yunshan/lilei')).toBe(secret);
    expect(openTotpSecret(secret, undefined, 'yunshan/lilei')).toBe(secret);
  });
});

describe('TOTP secrets under the tenant data key', () => {
  it('seals new secrets under the tenant key, bound to the user, and still opens the older forms', async () => {
    const database = await openPgliteDatabase({ migrate: true });
    try {
      await database.db.insertInto('tenants').values({ id: 'yunshan', name: 'Y' }).execute();
      const keyring = createKeyring({ kek: randomBytes(32) });
      const keys = await keyring.tenant(database.db, 'yunshan');
      const secret = newTotpSecret();
      const stored = sealTotpSecretForTenant(keys, 'lilei', secret);
      expect(stored.startsWith('tk:v1.t1.')).toBe(true);
      expect(stored).not.toContain(secret);
      expect(openStoredTotpSecret(stored, keys, 'lilei', undefined)).toBe(secret);
      // Copied to another user's row: does not open, loudly.
      expect(() => openStoredTotpSecret(stored, keys, 'hanmeimei', undefined)).toThrow(
        /does not open/,
      );
      // Another KEK's keys do not open it either.
      await database.db.insertInto('tenants').values({ id: 'other', name: 'O' }).execute();
      const otherKeys = await keyring.tenant(database.db, 'other');
      expect(() => openStoredTotpSecret(stored, otherKeys, 'lilei', undefined)).toThrow();
      // The older ways: under CUSTOS_MFA_SECRET_KEY, and plain.
      const legacy = sealTotpSecret(secret, KEY, 'yunshan/lilei');
      expect(openStoredTotpSecret(legacy, keys, 'lilei', KEY)).toBe(secret);
      expect(openStoredTotpSecret(secret, keys, 'lilei', undefined)).toBe(secret);
    } finally {
      await database.close();
    }
  });
});
