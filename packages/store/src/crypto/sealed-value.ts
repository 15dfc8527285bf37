import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CryptoError } from './crypto-error.ts';

/**
 * Where a sealed value belongs: the tenant, table, record and field it was written to. Bound into
 * the ciphertext as associated data, so a value copied to another row, field or tenant does not
 * open — loudly (`DECRYPT_FAILED`), never as someone else's value.
 */
export interface FieldAad {
  readonly tenantId: string;
  readonly table: string;
  readonly recordId: string;
  readonly field: string;
}

/**
 * A field value as stored when its field is encrypted: `v1.<key>.<nonce>.<ciphertext+tag>`
 * (Base64url parts; `<key>` is `t<version>` for a tenant data key or `s~<subject id>` for a data
 * subject's key). `m`, when present, is the masked rendering computed at write time, so a caller
 * who sees the field masked is shown it without the value ever being decrypted for them.
 */
export interface Sealed {
  readonly $enc: string;
  readonly m?: string;
}

/** What a value sealed under a destroyed subject key opens to: the person was erased. */
export interface Redacted {
  readonly $redacted: true;
}

export const REDACTED: Redacted = Object.freeze({ $redacted: true as const });

const FORMAT = 'v1';
const ALGORITHM = 'aes-256-gcm';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export function isSealed(value: unknown): value is Sealed {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { $enc?: unknown }).$enc === 'string'
  );
}

export function isRedacted(value: unknown): value is Redacted {
  return (
    value !== null &&
    typeof value === 'object' &&
    (value as { $redacted?: unknown }).$redacted === true
  );
}

/** The key a sealed value names: a tenant data key version, or a data subject's key. */
export type KeyRef =
  | { readonly kind: 'tenant'; readonly version: number }
  | { readonly kind: 'subject'; readonly subjectId: string };

function keyRefText(ref: KeyRef): string {
  return ref.kind === 'tenant'
    ? `t${ref.version}`
    : `s~${Buffer.from(ref.subjectId, 'utf8').toString('base64url')}`;
}

function aadBytes(aad: FieldAad, ref: string): Buffer {
  return Buffer.from(
    JSON.stringify(['custos/v1/field', aad.tenantId, aad.table, aad.recordId, aad.field, ref]),
    'utf8',
  );
}

function where(aad: FieldAad): Record<string, string> {
  return { table: aad.table, recordId: aad.recordId, field: aad.field };
}

/** The parts of a sealed value, or DECRYPT_FAILED for text that is not one. */
export function parseSealed(
  sealed: Sealed,
  aad?: FieldAad,
): { ref: KeyRef; refText: string; nonce: Buffer; body: Buffer } {
  const parts = sealed.$enc.split('.');
  const fail = (): never => {
    throw new CryptoError(
      'DECRYPT_FAILED',
      'a stored encrypted value is malformed',
      aad ? where(aad) : {},
    );
  };
  if (parts.length !== 4 || parts[0] !== FORMAT) return fail();
  const [, refText = '', nonceText = '', bodyText = ''] = parts;
  let ref: KeyRef;
  if (/^t[1-9][0-9]{0,8}$/.test(refText))
    ref = { kind: 'tenant', version: Number(refText.slice(1)) };
  else if (refText.startsWith('s~') && refText.length > 2)
    ref = {
      kind: 'subject',
      subjectId: Buffer.from(refText.slice(2), 'base64url').toString('utf8'),
    };
  else return fail();
  const nonce = Buffer.from(nonceText, 'base64url');
  const body = Buffer.from(bodyText, 'base64url');
  if (nonce.length !== NONCE_BYTES || body.length < TAG_BYTES) return fail();
  return { ref, refText, nonce, body };
}

/** The key a sealed value was sealed under (to load it before opening). */
export function keyRefOf(sealed: Sealed): KeyRef {
  return parseSealed(sealed).ref;
}

/** Seal `value` (any JSON value) under `key` for the place `aad`, with a fresh random nonce. */
export function sealWith(
  key: Buffer,
  ref: KeyRef,
  aad: FieldAad,
  value: unknown,
  masked?: string,
): Sealed {
  const refText = keyRefText(ref);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aadBytes(aad, refText));
  const body = Buffer.concat([
    cipher.update(JSON.stringify(value ?? null), 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  const $enc = `${FORMAT}.${refText}.${nonce.toString('base64url')}.${body.toString('base64url')}`;
  return masked === undefined ? { $enc } : { $enc, m: masked };
}

/** Open a sealed value with `key`; DECRYPT_FAILED (naming the place) when it does not open. */
export function openWith(key: Buffer, sealed: Sealed, aad: FieldAad): unknown {
  const { refText, nonce, body } = parseSealed(sealed, aad);
  try {
    const decipher = createDecipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(aadBytes(aad, refText));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    const text = Buffer.concat([
      decipher.update(body.subarray(0, body.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
    return JSON.parse(text) as unknown;
  } catch {
    throw new CryptoError(
      'DECRYPT_FAILED',
      `the encrypted value of ${aad.table}/${aad.recordId} field ${aad.field} does not open here: it was written elsewhere, or edited`,
      where(aad),
    );
  }
}

/** Wrap a key (a data key under the KEK, a subject key under a data key), bound to `label`. */
export function wrapKey(wrapping: Buffer, key: Buffer, label: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(ALGORITHM, wrapping, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(label, 'utf8'));
  const body = Buffer.concat([cipher.update(key), cipher.final(), cipher.getAuthTag()]);
  return `${nonce.toString('base64url')}.${body.toString('base64url')}`;
}

/** Unwrap a key wrapped by `wrapKey` with the same label; undefined when it does not open. */
export function unwrapKey(wrapping: Buffer, wrapped: string, label: string): Buffer | undefined {
  const [nonceText = '', bodyText = ''] = wrapped.split('.');
  const nonce = Buffer.from(nonceText, 'base64url');
  const body = Buffer.from(bodyText, 'base64url');
  if (nonce.length !== NONCE_BYTES || body.length !== KEY_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv(ALGORITHM, wrapping, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(label, 'utf8'));
    decipher.setAuthTag(body.subarray(KEY_BYTES));
    return Buffer.concat([decipher.update(body.subarray(0, KEY_BYTES)), decipher.final()]);
  } catch {
    return undefined;
  }
}
