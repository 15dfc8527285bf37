import type { MaskKind } from './model.ts';

const STAR = '*';

function keep(s: string, head: number, tail: number): string {
  const chars = [...s];
  if (chars.length <= head + tail) {
    return chars.length <= 1 ? STAR : (chars[0] as string) + STAR.repeat(chars.length - 1);
  }
  return (
    chars.slice(0, head).join('') +
    STAR.repeat(chars.length - head - tail) +
    chars.slice(chars.length - tail).join('')
  );
}

const HAN = /\p{Script=Han}/u;

function maskName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') return trimmed;
  if (HAN.test(trimmed)) {
    // 李雷 → 李*, 欧阳娜娜 → 欧***: keep the first character (the surname).
    const chars = [...trimmed];
    return chars.length === 1 ? STAR : (chars[0] as string) + STAR.repeat(chars.length - 1);
  }
  // John Smith → J*** S****
  return trimmed
    .split(/\s+/)
    .map((w) => {
      const chars = [...w];
      return chars.length === 1 ? STAR : (chars[0] as string) + STAR.repeat(chars.length - 1);
    })
    .join(' ');
}

function maskPhone(phone: string): string {
  // Keep separators and a country code; mask the middle of the digits: 13812345678 → 138****5678.
  const digits = [...phone].filter((c) => c >= '0' && c <= '9');
  const n = digits.length;
  if (n === 0) return keep(phone, 1, 0);
  // Long numbers keep 3 + 4 digits; short ones keep less, and at least one digit is always hidden.
  const head = n >= 11 ? 3 : Math.floor(n / 4);
  const tail = n >= 8 ? 4 : Math.floor(n / 3);
  let seen = 0;
  return [...phone]
    .map((c) => {
      if (c < '0' || c > '9') return c;
      const i = seen++;
      return i < head || i >= n - tail ? c : STAR;
    })
    .join('');
}

function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return keep(email, 1, 0);
  const local = email.slice(0, at);
  return `${[...local][0] ?? ''}${STAR.repeat(3)}${email.slice(at)}`;
}

/**
 * Mask a value for display (脱敏). Masking is irreversible and length-preserving where the length
 * itself is not sensitive (phones, IDs, bank accounts); emails hide the local part's length.
 * Non-string values are masked as text.
 */
export function mask(value: unknown, kind: MaskKind): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  if (s === '') return '';
  switch (kind) {
    case 'phone':
      return maskPhone(s);
    case 'email':
      return maskEmail(s);
    case 'id_number':
      // 110101199003071234 → 1101**********1234
      return keep(s, s.length >= 15 ? 4 : 1, s.length >= 15 ? 4 : 1);
    case 'bank_account': {
      // 6222020200112233445 → ***************3445
      const compact = s.replace(/\s+/g, '');
      return STAR.repeat(Math.max(compact.length - 4, 1)) + compact.slice(-4);
    }
    case 'name':
      return maskName(s);
    case 'text':
      return keep(s, 1, 0);
  }
}
