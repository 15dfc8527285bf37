import { hkdfSync, randomBytes } from 'node:crypto';

/**
 * Keys the server derives from its one secret (`CUSTOS_SECRET`): HKDF-SHA256 (RFC 5869) with a
 * label per use, so a key for one purpose says nothing about another and rotating the secret
 * rotates them all. Add a label here for every new use; never reuse one.
 */
export const KEY_LABELS = {
  /** AES-256-GCM key of list cursors (`cursor-seal.ts`). */
  cursor: 'custos/v1/cursor',
  /** HMAC-SHA256 key signing access review evidence exports (`modules/reviews`). */
  reviewEvidence: 'custos/v1/review-evidence',
  /** HMAC-SHA256 key of the audit checkpoints when `CUSTOS_AUDIT_KEY_FILE` is unset (docs/audit.md). */
  audit: 'custos/v1/audit-checkpoint',
  /** The key of the server's backups when `CUSTOS_BACKUP_KEY_FILE` is unset (docs/backup.md). */
  backup: 'custos/v1/backup',
  /** The key-encryption key of field encryption when `CUSTOS_KEK_FILE` is unset (docs/encryption.md). */
  kek: 'custos/v1/kek',
} as const;

export type KeyLabel = keyof typeof KEY_LABELS;

/** A secret must have at least this many characters (≥ 256 bits of a random base64 string). */
export const MIN_SECRET_LENGTH = 32;

/** The salt of every derivation: fixed, the secret is the input keying material. */
const SALT = Buffer.from('custos server keys', 'utf8');

export interface ServerKeys {
  /** The 32-byte key for `label`'s use. */
  key(label: KeyLabel): Buffer;
  /** Whether the secret was made up for this process (cursors die with it). */
  readonly ephemeral: boolean;
}

/** A fresh random secret (base64url of 32 random bytes), e.g. for a data directory. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The keys of `secret`; without one, of a random secret for this process only. */
export function createServerKeys(secret: string | undefined): ServerKeys {
  const ephemeral = secret === undefined;
  const material = Buffer.from(secret ?? randomSecret(), 'utf8');
  if (material.length < MIN_SECRET_LENGTH)
    throw new RangeError(`the server secret needs at least ${MIN_SECRET_LENGTH} characters`);
  const cache = new Map<KeyLabel, Buffer>();
  return {
    ephemeral,
    key(label) {
      let key = cache.get(label);
      if (key === undefined) {
        key = Buffer.from(hkdfSync('sha256', material, SALT, KEY_LABELS[label], 32));
        cache.set(label, key);
      }
      return key;
    },
  };
}
