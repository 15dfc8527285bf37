import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

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
