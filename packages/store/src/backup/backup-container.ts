import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  scrypt as scryptCallback,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { BackupError } from './backup-error.ts';

/**
 * The encrypted container of a backup file (ADR 0022): a fixed header, then frames sealed with
 * AES-256-GCM in the STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár 2015): the nonce of
 * frame i is `prefix ‖ i ‖ last?`, so frames cannot be reordered, dropped or cut off at a frame
 * boundary, and every frame carries the whole header as associated data, so the header cannot be
 * changed either. Frame 0 is the manifest (JSON); the frames after it carry the gzip stream of
 * the rows; the last frame is flagged. Nothing is held whole in memory: a frame is at most 1 MiB.
 *
 * The key: scrypt(passphrase, salt) or a 32-byte key file, expanded with HKDF-SHA-256 (the salt
 * again, so each file has its own keys) into an encryption key and a key-check value kept in the
 * header, which tells a wrong passphrase from a tampered file.
 */
const MAGIC = Buffer.from('CUSTOSBK', 'ascii');
export const BACKUP_FORMAT_VERSION = 1;
const KDF_SCRYPT = 1;
const KDF_KEY = 2;
const SALT_BYTES = 32;
const PREFIX_BYTES = 7;
const CHECK_BYTES = 16;
const SUM_BYTES = 8;
export const HEADER_BYTES = 8 + 1 + 1 + 3 + SALT_BYTES + PREFIX_BYTES + CHECK_BYTES + SUM_BYTES;
const TAG_BYTES = 16;
/** Plaintext bytes per body frame. */
export const FRAME_BYTES = 64 * 1024;
/** Larger frames are refused on read (a damaged length would otherwise allocate gigabytes). */
const MAX_FRAME_BYTES = 1024 * 1024;

/** What opens a backup: a passphrase (scrypt) or a 32-byte key. */
export type BackupSecret = { passphrase: string } | { key: Buffer };

/** scrypt cost as log2(N), r, p. The default (2^15, 8, 1) takes about 0.1 s and 32 MiB. */
export interface ScryptCost {
  log2N: number;
  r: number;
  p: number;
}
export const DEFAULT_SCRYPT_COST: ScryptCost = { log2N: 15, r: 8, p: 1 };

function scrypt(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = {
    N: 2 ** cost.log2N,
    r: cost.r,
    p: cost.p,
    maxmem: 256 * 1024 * 1024,
  };
  return new Promise((ok, fail) =>
    scryptCallback(password, salt, 32, options, (error, key) => (error ? fail(error) : ok(key))),
  );
}

interface Keys {
  enc: Buffer;
  check: Buffer;
}

async function deriveKeys(secret: BackupSecret, salt: Buffer, cost: ScryptCost): Promise<Keys> {
  let master: Buffer;
  if ('passphrase' in secret) {
    if (secret.passphrase.length === 0)
      throw new BackupError('BACKUP_WRONG_KEY', 'the backup passphrase is empty');
    master = await scrypt(secret.passphrase, salt, cost);
  } else {
    if (secret.key.length !== 32)
      throw new BackupError(
        'BACKUP_WRONG_KEY',
        `a backup key has 32 bytes, this one has ${secret.key.length}`,
      );
    master = secret.key;
  }
  const okm = Buffer.from(hkdfSync('sha256', master, salt, 'custos/v1/backup-file', 64));
  const enc = okm.subarray(0, 32);
  const check = createHmac('sha256', okm.subarray(32))
    .update('custos/v1/backup-key-check')
    .digest()
    .subarray(0, CHECK_BYTES);
  return { enc, check };
}

interface Header {
  bytes: Buffer;
  kdf: number;
  cost: ScryptCost;
  salt: Buffer;
  prefix: Buffer;
  check: Buffer;
}

function nonce(prefix: Buffer, index: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(index, PREFIX_BYTES);
  n[11] = last ? 1 : 0;
  return n;
}

/** A backup being written: frames go to `<path>.partial`, renamed to `path` by `finish`. */
export interface BackupFileWriter {
  /** Seal one frame (the manifest first, then body chunks up to `FRAME_BYTES`). */
  frame(plain: Buffer): Promise<void>;
  /** The last (flagged) frame, then the rename. Returns the file's size in bytes. */
  finish(): Promise<number>;
  /** Remove the partial file (after a failure). */
  abort(): Promise<void>;
}

export async function createBackupFile(
  path: string,
  secret: BackupSecret,
  cost: ScryptCost = DEFAULT_SCRYPT_COST,
): Promise<BackupFileWriter> {
  const salt = randomBytes(SALT_BYTES);
  const prefix = randomBytes(PREFIX_BYTES);
  const keys = await deriveKeys(secret, salt, cost);
  const head = Buffer.concat([
    MAGIC,
    Buffer.from([
      BACKUP_FORMAT_VERSION,
      'passphrase' in secret ? KDF_SCRYPT : KDF_KEY,
      cost.log2N,
      cost.r,
      cost.p,
    ]),
    salt,
    prefix,
    keys.check,
  ]);
  const header = Buffer.concat([
    head,
    createHash('sha256').update(head).digest().subarray(0, SUM_BYTES),
  ]);
  const partial = `${path}.partial`;
  const file = await open(partial, 'w', 0o600);
  let size = 0;
  let index = 0;
  const write = async (buffer: Buffer): Promise<void> => {
    await file.write(buffer);
    size += buffer.length;
  };
  const seal = async (plain: Buffer, last: boolean): Promise<void> => {
    if (index === 0xffffffff) throw new RangeError('a backup holds at most 2^32 - 1 frames');
    const cipher = createCipheriv('aes-256-gcm', keys.enc, nonce(prefix, index, last));
    cipher.setAAD(header);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    await write(Buffer.concat([length, body, cipher.getAuthTag()]));
    index += 1;
  };
  await write(header);
  let closed = false;
  return {
    frame: (plain) => seal(plain, false),
    finish: async () => {
      await seal(Buffer.alloc(0), true);
      await file.sync();
      await file.close();
      closed = true;
      await rename(partial, path);
      return size;
    },
    abort: async () => {
      if (!closed) await file.close().catch(() => undefined);
      closed = true;
      await rm(partial, { force: true });
    },
  };
}

async function readExactly(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await file.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return buffer.subarray(0, done);
}

function tampered(reason: string): BackupError {
  return new BackupError('BACKUP_TAMPERED', `the backup fails authentication: ${reason}`, {
    reason,
  });
}

function parseHeader(bytes: Buffer): Header {
  if (bytes.length < MAGIC.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC))
    throw new BackupError('BACKUP_FORMAT_UNSUPPORTED', 'this file is not a Custos backup');
  if (bytes.length < HEADER_BYTES) throw tampered('the header is cut short');
  const version = bytes[8]!;
  if (version !== BACKUP_FORMAT_VERSION)
    throw new BackupError(
      'BACKUP_FORMAT_UNSUPPORTED',
      `backup format version ${version}; this Custos reads version ${BACKUP_FORMAT_VERSION}`,
      { version },
    );
  const sum = createHash('sha256')
    .update(bytes.subarray(0, HEADER_BYTES - SUM_BYTES))
    .digest()
    .subarray(0, SUM_BYTES);
  if (!sum.equals(bytes.subarray(HEADER_BYTES - SUM_BYTES, HEADER_BYTES)))
    throw tampered('the header was changed');
  const kdf = bytes[9]!;
  const cost = { log2N: bytes[10]!, r: bytes[11]!, p: bytes[12]! };
  if (kdf !== KDF_SCRYPT && kdf !== KDF_KEY) throw tampered('unknown key derivation');
  if (
    kdf === KDF_SCRYPT &&
    (cost.log2N < 10 || cost.log2N > 20 || cost.r < 1 || cost.r > 16 || cost.p < 1 || cost.p > 4)
  )
    throw tampered('scrypt cost out of bounds');
  let at = 13;
  const salt = bytes.subarray(at, (at += SALT_BYTES));
  const prefix = bytes.subarray(at, (at += PREFIX_BYTES));
  const check = bytes.subarray(at, (at += CHECK_BYTES));
  return { bytes: Buffer.from(bytes.subarray(0, HEADER_BYTES)), kdf, cost, salt, prefix, check };
}

/** An open backup: its manifest (authenticated), and its body, decrypted frame by frame. */
export interface BackupFileReader {
  /** The manifest frame's JSON text. */
  readonly manifestText: string;
  /** How the file was sealed. */
  readonly sealedWith: 'passphrase' | 'key';
  /** The body's plaintext (the gzip stream), frame by frame; throws BACKUP_TAMPERED on any damage. */
  body(): AsyncGenerator<Buffer>;
  close(): Promise<void>;
}

export async function openBackupFile(
  path: string,
  secret: BackupSecret,
): Promise<BackupFileReader> {
  const file = await open(path, 'r');
  try {
    const header = parseHeader(await readExactly(file, 0, HEADER_BYTES));
    if ('passphrase' in secret && header.kdf !== KDF_SCRYPT)
      throw new BackupError(
        'BACKUP_WRONG_KEY',
        'this backup was sealed with a key file, not a passphrase (use --key-file)',
      );
    if ('key' in secret && header.kdf !== KDF_KEY)
      throw new BackupError(
        'BACKUP_WRONG_KEY',
        'this backup was sealed with a passphrase, not a key file (use --passphrase-file)',
      );
    const keys = await deriveKeys(secret, header.salt, header.cost);
    if (!timingSafeEqual(keys.check, header.check))
      throw new BackupError(
        'BACKUP_WRONG_KEY',
        header.kdf === KDF_SCRYPT
          ? 'wrong passphrase: it does not open this backup'
          : 'wrong key: this key file does not open this backup',
      );
    let position = HEADER_BYTES;
    let index = 0;
    /** The next frame, or undefined at the end of the file. */
    const next = async (): Promise<{ plain: Buffer; last: boolean } | undefined> => {
      const length = await readExactly(file, position, 4);
      if (length.length === 0) return undefined;
      if (length.length < 4) throw tampered('the file is cut short');
      const size = length.readUInt32BE(0);
      if (size > MAX_FRAME_BYTES) throw tampered(`frame ${index} has an impossible length`);
      const sealed = await readExactly(file, position + 4, size + TAG_BYTES);
      if (sealed.length < size + TAG_BYTES) throw tampered('the file is cut short');
      position += 4 + size + TAG_BYTES;
      const open = (last: boolean): Buffer | undefined => {
        try {
          const decipher = createDecipheriv(
            'aes-256-gcm',
            keys.enc,
            nonce(header.prefix, index, last),
          );
          decipher.setAAD(header.bytes);
          decipher.setAuthTag(sealed.subarray(size));
          return Buffer.concat([decipher.update(sealed.subarray(0, size)), decipher.final()]);
        } catch {
          return undefined;
        }
      };
      const plain = open(false);
      const result =
        plain !== undefined ? { plain, last: false } : { plain: open(true), last: true };
      if (result.plain === undefined) throw tampered(`frame ${index} was changed`);
      index += 1;
      return { plain: result.plain, last: result.last };
    };
    const first = await next();
    if (first === undefined) throw tampered('the manifest is missing');
    if (first.last) throw tampered('the body is missing');
    const manifestText = first.plain.toString('utf8');
    let reading = false;
    return {
      manifestText,
      sealedWith: header.kdf === KDF_SCRYPT ? 'passphrase' : 'key',
      body: async function* () {
        if (reading) throw new Error('the body of a backup is read once');
        reading = true;
        for (;;) {
          const frame = await next();
          if (frame === undefined) throw tampered('the file is cut short (no final frame)');
          if (frame.plain.length > 0) yield frame.plain;
          if (frame.last) {
            if ((await readExactly(file, position, 1)).length > 0)
              throw tampered('bytes follow the final frame');
            return;
          }
        }
      },
      close: () => file.close(),
    };
  } catch (error) {
    await file.close();
    throw error;
  }
}

/**
 * A key as a key file holds it: 32 raw bytes, or their Base64 or hex text (one line). Anything
 * else is refused with what was expected.
 */
export function parseBackupKey(content: Buffer): Buffer {
  if (content.length === 32) return content;
  const text = content.toString('utf8').trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  const decoded = Buffer.from(text, 'base64');
  if (decoded.length === 32 && /^[A-Za-z0-9+/_=-]+$/.test(text)) return decoded;
  throw new BackupError(
    'BACKUP_WRONG_KEY',
    'a backup key file holds 32 bytes: raw, or as Base64 or hex text',
  );
}
