import { describe, expect, it } from 'vitest';
import {
  checkTotp,
  hotpCode,
  newTotpSecret,
  TOTP_PERIOD_SECONDS,
  totpCode,
  totpStep,
  totpUri,
  type TotpAlgorithm,
} from './totp.ts';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

/** RFC 6238 Appendix B: the seeds of each mode (ASCII). */
const SEEDS: Record<TotpAlgorithm, Uint8Array> = {
  sha1: ascii('12345678901234567890'),
  sha256: ascii('12345678901234567890123456789012'),
  sha512: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
};

/** RFC 6238 Appendix B: time (s), T (hex), and the 8-digit TOTP per mode. */
const RFC6238_VECTORS: readonly [number, string, Record<TotpAlgorithm, string>][] = [
  [59, '0000000000000001', { sha1: '94287082', sha256: '46119246', sha512: '90693936' }],
  [1111111109, '00000000023523EC', { sha1: '07081804', sha256: '68084774', sha512: '25091201' }],
  [1111111111, '00000000023523ED', { sha1: '14050471', sha256: '67062674', sha512: '99943326' }],
  [1234567890, '000000000273EF07', { sha1: '89005924', sha256: '91819424', sha512: '93441116' }],
  [2000000000, '0000000003F940AA', { sha1: '69279037', sha256: '90698825', sha512: '38618901' }],
  [20000000000, '0000000027BC86AA', { sha1: '65353130', sha256: '77737706', sha512: '47863826' }],
];

/** RFC 4226 Appendix D: HOTP values of the secret "12345678901234567890" for counts 0 … 9. */
const RFC4226_VALUES = [
  '755224',
  '287082',
  '359152',
  '969429',
  '338314',
  '254676',
  '287922',
  '162583',
  '399871',
  '520489',
] as const;

const ALGORITHMS: readonly TotpAlgorithm[] = ['sha1', 'sha256', 'sha512'];
const STEP_MS = TOTP_PERIOD_SECONDS * 1000;

describe('TOTP as Custos configures it', () => {
  it('computes every RFC 6238 Appendix B vector (SHA-1, SHA-256, SHA-512, 8 digits)', async () => {
    for (const [time, t, codes] of RFC6238_VECTORS) {
      expect(
        totpStep(time * 1000)
          .toString(16)
          .toUpperCase()
          .padStart(16, '0'),
      ).toBe(t);
      for (const algorithm of ALGORITHMS) {
        const code = await totpCode(SEEDS[algorithm], time * 1000, { algorithm, digits: 8 });
        expect({ time, algorithm, code }).toEqual({ time, algorithm, code: codes[algorithm] });
      }
    }
  });

  it('accepts every RFC 6238 Appendix B code at its time and refuses it two steps later', async () => {
    for (const [time, , codes] of RFC6238_VECTORS) {
      for (const algorithm of ALGORITHMS) {
        const options = { algorithm, digits: 8 } as const;
        const at = time * 1000;
        const ok = await checkTotp(SEEDS[algorithm], codes[algorithm], at, options);
        expect(ok).toEqual({ ok: true, step: totpStep(at) });
        const late = await checkTotp(SEEDS[algorithm], codes[algorithm], at + 2 * STEP_MS, options);
        expect(late).toEqual({ ok: false, reason: 'invalid' });
      }
    }
  });

  it('computes the RFC 4226 Appendix D HOTP values', async () => {
    const values = await Promise.all(
      RFC4226_VALUES.map((_, counter) => hotpCode(SEEDS.sha1, counter)),
    );
    expect(values).toEqual([...RFC4226_VALUES]);
  });

  it('uses SHA-1, 6 digits and 30-second steps by default: the RFC 4226 values are TOTP codes', async () => {
    // At 30·c seconds the time step is c, so the TOTP code is the HOTP value of count c.
    for (const [counter, value] of RFC4226_VALUES.entries()) {
      expect(await totpCode(SEEDS.sha1, counter * STEP_MS)).toBe(value);
      expect(await totpCode(SEEDS.sha1, counter * STEP_MS + 29_999)).toBe(value);
    }
  });

  it('accepts one step either side of the server time, and no further', async () => {
    const secret = newTotpSecret();
    const now = Date.UTC(2026, 5, 1, 12, 0, 10);
    const step = totpStep(now);
    for (const offset of [-1, 0, 1]) {
      const code = await totpCode(secret, now + offset * STEP_MS);
      expect(await checkTotp(secret, code, now)).toEqual({ ok: true, step: step + offset });
    }
    for (const offset of [-3, -2, 2, 3]) {
      const code = await totpCode(secret, now + offset * STEP_MS);
      expect(await checkTotp(secret, code, now)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('refuses a code of the last accepted step or an older one (replay)', async () => {
    const secret = newTotpSecret();
    const now = Date.UTC(2026, 5, 1, 12, 0, 10);
    const step = totpStep(now);
    const current = await totpCode(secret, now);
    const previous = await totpCode(secret, now - STEP_MS);
    const next = await totpCode(secret, now + STEP_MS);
    expect(await checkTotp(secret, current, now, { afterStep: step })).toEqual({
      ok: false,
      reason: 'replayed',
      step,
    });
    expect(await checkTotp(secret, previous, now, { afterStep: step })).toEqual({
      ok: false,
      reason: 'replayed',
      step: step - 1,
    });
    expect(await checkTotp(secret, next, now, { afterStep: step })).toEqual({
      ok: true,
      step: step + 1,
    });
  });

  it('refuses malformed codes without throwing', async () => {
    const secret = newTotpSecret();
    const now = Date.UTC(2026, 5, 1);
    const code = await totpCode(secret, now);
    for (const bad of ['', '12345', '1234567', 'abcdef', ` ${code.slice(1)}`, `${code}\u0000`]) {
      expect(await checkTotp(secret, bad, now)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('makes 160-bit random secrets and an otpauth URI with issuer Custos', () => {
    const secrets = new Set(Array.from({ length: 50 }, () => newTotpSecret()));
    expect(secrets.size).toBe(50);
    for (const s of secrets) expect(s).toMatch(/^[A-Z2-7]{32}$/);
    const secret = [...secrets][0] as string;
    const uri = new URL(totpUri(secret, 'li.lei@yunshan.example (云杉科技)'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Custos:li.lei@yunshan.example (云杉科技)');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Custos');
  });
});
