import { dictionary as common } from '@zxcvbn-ts/language-common';
import { dictionary as english } from '@zxcvbn-ts/language-en';

/**
 * The password policy (NIST SP 800-63B rev 4 §3.1.1.2, ASVS 5.0 V6.2), a pure function:
 * - length in Unicode code points after NFKC normalisation: at least 15 when the password is the
 *   only factor, 8 when the account has MFA; at most 256 (never truncated);
 * - no composition rules, no expiry;
 * - refused when it is a common or breached password (zxcvbn-ts dictionaries: exact,
 *   case-insensitive), or contains the user's name, the local part of their e-mail or the
 *   tenant's name (the context-specific words).
 * A refusal names the reason as a stable code with messages in zh-CN and en-US.
 */

export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MIN_LENGTH_WITH_MFA = 8;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordRejection =
  'too_short' | 'too_long' | 'common' | 'contains_name' | 'contains_email' | 'contains_tenant';

export interface PasswordContext {
  /** The account has a second factor: 8 code points suffice. */
  mfaEnrolled: boolean;
  userName: string;
  email: string;
  tenantName: string;
  tenantId?: string;
}

export type PasswordVerdict =
  | { ok: true; normalized: string }
  | {
      ok: false;
      reason: PasswordRejection;
      /** The limit for `too_short` / `too_long`. */
      limit?: number;
      message: { 'zh-CN': string; 'en-US': string };
    };

/** The form a password is hashed and verified in (NFKC, nothing removed). */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

let commonPasswords: ReadonlySet<string> | undefined;

/** The bundled list: zxcvbn-ts common passwords, English common words and Wikipedia words. */
function commonList(): ReadonlySet<string> {
  commonPasswords ??= new Set(
    [...common['passwords-common'], ...english['commonWords-en'], ...english['wikipedia-en']].map(
      (w) => w.normalize('NFKC').toLowerCase(),
    ),
  );
  return commonPasswords;
}

/** Whether the bundled list holds the password (exact, case-insensitive). */
export function isCommonPassword(password: string): boolean {
  return commonList().has(normalizePassword(password).toLowerCase());
}

const fold = (s: string): string => s.normalize('NFKC').toLowerCase();

/** The words of a name or e-mail local part worth refusing: the whole, and parts of 4+. */
function contextWords(text: string, separators: RegExp, wholeMin: number): string[] {
  const folded = fold(text).trim();
  const whole = folded.replace(/\s+/g, '');
  const words = folded.split(separators).filter((w) => [...w].length >= 4);
  return [...new Set([...([...whole].length >= wholeMin ? [whole] : []), ...words])];
}

const MESSAGES: Record<PasswordRejection, (limit: number) => { 'zh-CN': string; 'en-US': string }> =
  {
    too_short: (n) => ({
      'zh-CN': `密码至少需要 ${n} 个字符`,
      'en-US': `the password must have at least ${n} characters`,
    }),
    too_long: (n) => ({
      'zh-CN': `密码最多 ${n} 个字符`,
      'en-US': `the password may have at most ${n} characters`,
    }),
    common: () => ({
      'zh-CN': '该密码过于常见或已在泄露数据中出现,请换一个',
      'en-US': 'the password is too common or known from breaches; choose another',
    }),
    contains_name: () => ({
      'zh-CN': '密码不能包含你的姓名',
      'en-US': 'the password must not contain your name',
    }),
    contains_email: () => ({
      'zh-CN': '密码不能包含你的电子邮箱',
      'en-US': 'the password must not contain your e-mail address',
    }),
    contains_tenant: () => ({
      'zh-CN': '密码不能包含公司名称',
      'en-US': "the password must not contain the organisation's name",
    }),
  };

function reject(reason: PasswordRejection, limit = 0): PasswordVerdict {
  return {
    ok: false,
    reason,
    ...(limit > 0 ? { limit } : {}),
    message: MESSAGES[reason](limit),
  };
}

/** Check a new password against the policy; `normalized` is what to hash. */
export function checkPassword(password: string, context: PasswordContext): PasswordVerdict {
  const normalized = normalizePassword(password);
  const length = [...normalized].length;
  const min = context.mfaEnrolled ? PASSWORD_MIN_LENGTH_WITH_MFA : PASSWORD_MIN_LENGTH;
  if (length < min) return reject('too_short', min);
  if (length > PASSWORD_MAX_LENGTH) return reject('too_long', PASSWORD_MAX_LENGTH);
  if (isCommonPassword(normalized)) return reject('common');
  const folded = fold(normalized);
  const has = (words: readonly string[]) => words.some((w) => w !== '' && folded.includes(w));
  if (has(contextWords(context.userName, /[\s._-]+/, 2))) return reject('contains_name');
  const local = context.email.split('@')[0] ?? '';
  if (has(contextWords(local, /[\s._+-]+/, 3))) return reject('contains_email');
  const tenantWords = [
    ...contextWords(context.tenantName, /[\s._-]+/, 2),
    ...(context.tenantId === undefined ? [] : contextWords(context.tenantId, /[\s._-]+/, 3)),
  ];
  if (has(tenantWords)) return reject('contains_tenant');
  return { ok: true, normalized };
}
