import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  hashRecoveryCode,
  newRecoveryCode,
  newRecoveryCodes,
  normaliseRecoveryCode,
  RECOVERY_CODE_COUNT,
} from './recovery-codes.ts';

describe('recovery codes', () => {
  it('are 10 random codes of 25 Base32 characters (125 bits), all different', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(RECOVERY_CODE_COUNT).toBe(10);
    for (const code of codes) expect(code).toMatch(/^([a-z2-7]{5}-){4}[a-z2-7]{5}$/);
    // 25 characters of a 32-letter alphabet: 25 · 5 = 125 bits ≥ 112.
    expect(normaliseRecoveryCode(codes[0] as string)).toHaveLength(25);
    const many = new Set(Array.from({ length: 2000 }, newRecoveryCode));
    expect(many.size).toBe(2000);
    // Every letter of the alphabet turns up: the draw is not biased to a subset.
    const letters = new Set([...many].join('').replace(/-/g, ''));
    expect(letters.size).toBe(32);
  });

  it('are stored as the SHA-256 of the normalised code: case, spaces and hyphens do not matter', () => {
    const code = 'abcde-fghij-klmno-pqrst-uvwxy';
    const expected = createHash('sha256').update('abcdefghijklmnopqrstuvwxy').digest('hex');
    expect(hashRecoveryCode(code)).toBe(expected);
    expect(hashRecoveryCode(' ABCDE FGHIJ-KLMNO pqrst UVWXY ')).toBe(expected);
    expect(hashRecoveryCode('abcde-fghij-klmno-pqrst-uvwxz')).not.toBe(expected);
    expect(hashRecoveryCode(code)).not.toContain('abcde');
  });
});
