import { generate, generateSecret, generateURI, verify } from 'otplib';

/**
 * TOTP (RFC 6238) as Custos configures otplib: HMAC-SHA-1, 6 digits, 30-second time steps from
 * the Unix epoch, a 160-bit secret from the CSPRNG, and codes accepted from one step before to
 * one step after the server's time (RFC 6238 §5.2). The caller keeps the step of the last accepted
 * code and passes it as `afterStep`: a code of that step or an older one is refused (a code is
 * accepted once). Time is always passed in: the server's clock, never the client's.
 */

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export interface TotpOptions {
  /** Default `sha1` (what authenticator apps expect). */
  algorithm?: TotpAlgorithm;
  /** Default 6. */
  digits?: 6 | 7 | 8;
}

/** Seconds per time step (RFC 6238 X). */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted on either side of the current one. */
export const TOTP_WINDOW_STEPS = 1;
/** Random bytes of a new secret: 160 bits, RFC 4226 §4's recommended length. */
export const TOTP_SECRET_BYTES = 20;
/** Who the authenticator app shows as the issuer. */
export const TOTP_ISSUER = 'Custos';

type Secret = string | Uint8Array;

const seconds = (ms: number): number => Math.floor(ms / 1000);

/** The time step (RFC 6238 T) of an instant, ms since the epoch. */
export function totpStep(atMs: number): number {
  return Math.floor(seconds(atMs) / TOTP_PERIOD_SECONDS);
}

/** A new shared secret, Base32 without padding. */
export function newTotpSecret(): string {
  return generateSecret({ length: TOTP_SECRET_BYTES });
}

/** The `otpauth://totp/…` URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, account: string): string {
  return generateURI({
    issuer: TOTP_ISSUER,
    label: account,
    secret,
    algorithm: 'sha1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  });
}

/** The code of `secret` (Base32, or raw bytes) at `atMs`. */
export function totpCode(secret: Secret, atMs: number, options: TotpOptions = {}): Promise<string> {
  return generate({
    secret,
    epoch: seconds(atMs),
    period: TOTP_PERIOD_SECONDS,
    algorithm: options.algorithm ?? 'sha1',
    digits: options.digits ?? TOTP_DIGITS,
  });
}

/** The HOTP value (RFC 4226) of `secret` at `counter`, as the TOTP codes are computed. */
export function hotpCode(
  secret: Secret,
  counter: number,
  options: TotpOptions = {},
): Promise<string> {
  return generate({
    strategy: 'hotp',
    secret,
    counter,
    algorithm: options.algorithm ?? 'sha1',
    digits: options.digits ?? TOTP_DIGITS,
  });
}

export type TotpCheck =
  | { ok: true; step: number }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'replayed'; step: number };

/**
 * Check `code` against `secret` at `atMs` (± one step). `afterStep`: the step of the last accepted
 * code; a code of that step or an older one is `replayed`. A malformed code is `invalid`.
 */
export async function checkTotp(
  secret: Secret,
  code: string,
  atMs: number,
  options: TotpOptions & { afterStep?: number | null } = {},
): Promise<TotpCheck> {
  const digits = options.digits ?? TOTP_DIGITS;
  if (!new RegExp(`^\\d{${digits}}$`).test(code)) return { ok: false, reason: 'invalid' };
  const result = await verify({
    secret,
    token: code,
    epoch: seconds(atMs),
    period: TOTP_PERIOD_SECONDS,
    algorithm: options.algorithm ?? 'sha1',
    digits,
    epochTolerance: TOTP_WINDOW_STEPS * TOTP_PERIOD_SECONDS,
  });
  if (!result.valid || !('timeStep' in result)) return { ok: false, reason: 'invalid' };
  const after = options.afterStep;
  if (after !== undefined && after !== null && result.timeStep <= after)
    return { ok: false, reason: 'replayed', step: result.timeStep };
  return { ok: true, step: result.timeStep };
}
