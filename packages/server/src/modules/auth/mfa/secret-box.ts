import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { FieldAad, TenantKeys } from '@custos/store';

/**
 * The TOTP secret at rest. With the setting `mfaSecretKey` (CUSTOS_MFA_SECRET_KEY) it is stored
 * encrypted with AES-256-GCM under that key, the row's tenant and user as additional data (a
 * sealed secret copied to another user's row does not open); without it, as the Base32 text. A
 * plain secret stored before the key was set still opens, so a key can be added at any time.
 */

const PREFIX = 'aes256gcm:';

function keyOf(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('the MFA secret key must be 32 bytes');
  return key;
}

/** The stored form of `secret` for the user `owner` (`tenant/user`). */
export function sealTotpSecret(secret: string, key: string | undefined, owner: string): string {
  if (key === undefined) return secret;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(key), iv);
  cipher.setAAD(Buffer.from(owner));
  const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `${PREFIX}${[iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.')}`;
}

/** The Base32 secret of a stored one; throws if it was sealed and cannot be opened. */
export function openTotpSecret(stored: string, key: string | undefined, owner: string): string {
  if (!stored.startsWith(PREFIX)) return stored;
  if (key === undefined)
    throw new Error('a TOTP secret is encrypted but CUSTOS_MFA_SECRET_KEY is not set');
  const [iv, tag, data] = stored
    .slice(PREFIX.length)
    .split('.')
    .map((part) => Buffer.from(part, 'base64url'));
  if (iv === undefined || tag === undefined || data === undefined)
    throw new Error('a stored TOTP secret is malformed');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(key), iv);
  decipher.setAAD(Buffer.from(owner));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}

/** The stored form of a secret sealed under the tenant's data key (docs/encryption.md). */
const TENANT_PREFIX = 'tk:';

/** Where a user's TOTP secret belongs: bound into its ciphertext. */
function totpAad(tenantId: string, userId: string): FieldAad {
  return { tenantId, table: 'credentials', recordId: userId, field: 'totp' };
}

/**
 * The stored form of a new TOTP secret: sealed under the tenant's active data key (AES-256-GCM,
 * bound to tenant, `credentials`, user and `totp`), so it follows the tenant's key rotation and
 * never depends on a separate key setting.
 */
export function sealTotpSecretForTenant(keys: TenantKeys, userId: string, secret: string): string {
  return `${TENANT_PREFIX}${keys.seal(totpAad(keys.tenantId, userId), secret).$enc}`;
}

/**
 * The Base32 secret of a stored one, whichever way it was stored: under the tenant's data key,
 * under `CUSTOS_MFA_SECRET_KEY` (older), or plain (oldest). Throws when it does not open.
 */
export function openStoredTotpSecret(
  stored: string,
  keys: TenantKeys,
  userId: string,
  legacyKey: string | undefined,
): string {
  if (!stored.startsWith(TENANT_PREFIX))
    return openTotpSecret(stored, legacyKey, `${keys.tenantId}/${userId}`);
  const value = keys.open(totpAad(keys.tenantId, userId), {
    $enc: stored.slice(TENANT_PREFIX.length),
  });
  if (typeof value !== 'string') throw new Error('a stored TOTP secret is malformed');
  return value;
}
