/** Stable codes of the encryption layer (mapped to HTTP in the server's error catalogue). */
export const CRYPTO_ERROR_CODES = [
  /** A sealed value did not open: wrong key, another row's value, or an edited ciphertext. */
  'DECRYPT_FAILED',
  /** A sealed value names a key version this tenant does not have. */
  'KEY_VERSION_UNKNOWN',
  /** The key-encryption key does not open the tenant's stored keys (another KEK configured). */
  'KEK_MISMATCH',
  /** Personal values given to an erased person's record: their key is destroyed for good. */
  'SUBJECT_ERASED',
] as const;

export type CryptoErrorCode = (typeof CRYPTO_ERROR_CODES)[number];

/** A failure of sealing or opening a value: loud, with the place it happened (never the value). */
export class CryptoError extends Error {
  constructor(
    readonly code: CryptoErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'CryptoError';
  }
}
