import { readFile } from 'node:fs/promises';
import type { Config } from '../../config.ts';
import { AppError } from '../../http/app-error.ts';
import type { ServerKeys } from '../../http/server-keys.ts';

/** The checkpoint key's length in bytes (HMAC-SHA256). */
export const AUDIT_KEY_BYTES = 32;

/**
 * The key in a key file: Base64 of at least 32 bytes (`openssl rand -base64 32`), or else the
 * file's raw bytes when there are at least 32 of them.
 */
export function parseAuditKeyFile(content: Buffer, path: string): Buffer {
  const text = content.toString('utf8').trim();
  if (/^[A-Za-z0-9+/=_-]+$/.test(text)) {
    const decoded = Buffer.from(text, 'base64');
    if (decoded.length >= AUDIT_KEY_BYTES) return decoded;
  }
  if (content.length >= AUDIT_KEY_BYTES && text.length >= AUDIT_KEY_BYTES) return content;
  throw new Error(
    `${path}: an audit key needs at least ${AUDIT_KEY_BYTES} bytes (openssl rand -base64 32)`,
  );
}

/**
 * The HMAC key of the audit checkpoints, kept outside the database: the key file
 * (`CUSTOS_AUDIT_KEY_FILE`), else a key derived from the server secret (HKDF label
 * `custos/v1/audit-checkpoint`); undefined when neither exists (a per-process random secret
 * would sign checkpoints nobody could verify after a restart).
 */
export async function loadAuditKey(
  config: Pick<Config, 'auditKeyFile'>,
  keys: ServerKeys,
): Promise<Buffer | undefined> {
  if (config.auditKeyFile !== undefined)
    return parseAuditKeyFile(await readFile(config.auditKeyFile), config.auditKeyFile);
  return keys.ephemeral ? undefined : keys.key('audit');
}

/** The key, or `AUDIT_KEY_MISSING`. */
export async function requireAuditKey(
  config: Pick<Config, 'auditKeyFile'>,
  keys: ServerKeys,
): Promise<Buffer> {
  const key = await loadAuditKey(config, keys);
  if (key === undefined)
    throw new AppError(
      'AUDIT_KEY_MISSING',
      'no audit checkpoint key: set CUSTOS_AUDIT_KEY_FILE, or CUSTOS_SECRET to derive it from',
    );
  return key;
}
