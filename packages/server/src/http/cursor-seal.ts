import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from './app-error.ts';

/**
 * Cursors are opaque and tamper-evident: the position a list keeps (a sort value and an id) is
 * encrypted and authenticated with AES-256-GCM under a key derived from the server secret
 * (`server-keys.ts`), and bound to the list it belongs to (tenant, user, object, sort, search) as
 * additional data. A caller cannot read a cursor — so it carries no value they may not see — nor
 * forge one, nor use one from another list or another user: each is `REQUEST_INVALID` naming the
 * cursor's field.
 */

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class CursorSeal {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new RangeError('a cursor key has 32 bytes');
    this.#key = key;
  }

  /** The cursor of `position` in the list named by `binding`. */
  seal(binding: string, position: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(binding, 'utf8'));
    const body = Buffer.concat([cipher.update(position, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, body, cipher.getAuthTag()]).toString(
      'base64url',
    );
  }

  /**
   * The position a cursor of the list `binding` holds; anything else (garbage, tampered, another
   * list's, another user's, another server secret's) is REQUEST_INVALID naming `field`.
   */
  open(binding: string, cursor: string, field: string): string {
    const invalid = () =>
      new AppError('REQUEST_INVALID', 'the cursor is not one this list returned to you', {
        field,
      });
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
    const raw = Buffer.from(cursor, 'base64url');
    if (raw.length < 1 + IV_BYTES + TAG_BYTES || raw[0] !== VERSION) throw invalid();
    const iv = raw.subarray(1, 1 + IV_BYTES);
    const tag = raw.subarray(raw.length - TAG_BYTES);
    const body = raw.subarray(1 + IV_BYTES, raw.length - TAG_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(binding, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      throw invalid();
    }
  }
}

/** The binding of a list: its parts joined unambiguously (JSON of the list). */
export function cursorBinding(...parts: (string | number | boolean | null | undefined)[]): string {
  return JSON.stringify(parts.map((p) => (p === undefined ? null : p)));
}
