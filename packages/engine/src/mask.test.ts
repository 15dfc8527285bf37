import { describe, expect, it } from 'vitest';
import { mask } from './mask.ts';

describe('mask', () => {
  it.each([
    ['13812345678', 'phone', '138****5678'],
    ['138-1234-5678', 'phone', '138-****-5678'],
    ['021-5555', 'phone', '0**-**55'],
    ['li.lei@example.com', 'email', 'l***@example.com'],
    ['110101199003071234', 'id_number', '1101**********1234'],
    ['6222 0202 0011 2233 445', 'bank_account', '***************3445'],
    ['李雷', 'name', '李*'],
    ['欧阳娜娜', 'name', '欧***'],
    ['John Smith', 'name', 'J*** S****'],
    ['secret', 'text', 's*****'],
  ] as const)('%s as %s → %s', (value, kind, expected) => {
    expect(mask(value, kind)).toBe(expected);
  });

  it('masks empty and missing values as empty', () => {
    expect(mask(null, 'phone')).toBe('');
    expect(mask('', 'email')).toBe('');
  });

  it('never returns the original value', () => {
    for (const v of ['1', 'ab', '12345', 'x@y.z', '张']) {
      for (const k of ['phone', 'email', 'id_number', 'bank_account', 'name', 'text'] as const) {
        expect(mask(v, k)).not.toBe(v);
      }
    }
  });
});
