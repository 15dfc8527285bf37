import { describe, expect, it } from 'vitest';
import {
  checkPassword,
  isCommonPassword,
  normalizePassword,
  PASSWORD_MAX_LENGTH,
  type PasswordContext,
} from './password-policy.ts';

const CONTEXT: PasswordContext = {
  mfaEnrolled: false,
  userName: '李雷',
  email: 'li.lei@yunshan.example',
  tenantName: '云杉科技',
  tenantId: 'yunshan',
};
const WITH_MFA: PasswordContext = { ...CONTEXT, mfaEnrolled: true };

const reasonOf = (password: string, context = CONTEXT) => {
  const verdict = checkPassword(password, context);
  return verdict.ok ? 'ok' : verdict.reason;
};

describe('password policy', () => {
  it('refuses a password shorter than 15 code points without MFA and accepts 8 with MFA', () => {
    expect(reasonOf('violet harbor q')).toBe('ok'); // 15
    const short = checkPassword('violet harbor', CONTEXT); // 13
    expect(short).toMatchObject({ ok: false, reason: 'too_short', limit: 15 });
    if (!short.ok) {
      expect(short.message['en-US']).toContain('15');
      expect(short.message['zh-CN']).toContain('15');
    }
    expect(reasonOf('violet h', WITH_MFA)).toBe('ok'); // 8
    expect(checkPassword('violet ', WITH_MFA)).toMatchObject({ reason: 'too_short', limit: 8 });
    expect(reasonOf('')).toBe('too_short');
  });

  it('accepts 64 and up to 256 code points, never truncating, and refuses longer', () => {
    const long64 = 'river-stone '.repeat(6).slice(0, 64);
    expect(reasonOf(long64)).toBe('ok');
    const max = 'x7Q!'.repeat(PASSWORD_MAX_LENGTH / 4);
    const verdict = checkPassword(max, CONTEXT);
    expect(verdict).toEqual({ ok: true, normalized: max });
    expect(checkPassword(`${max}z`, CONTEXT)).toMatchObject({
      ok: false,
      reason: 'too_long',
      limit: 256,
    });
  });

  it('counts code points after NFKC normalisation', () => {
    // 15 astral characters are 30 UTF-16 units but 15 code points: long enough, not too long.
    const emoji = '🐉🌲🏔️'.replace('️', '').repeat(5);
    expect([...emoji]).toHaveLength(15);
    expect(reasonOf(emoji)).toBe('ok');
    // Full-width letters are their ASCII forms after NFKC: the same password either way.
    expect(normalizePassword('ｐａｓｓｗｏｒｄｐａｓｓｗｏｒｄ')).toBe('passwordpassword');
    expect(reasonOf('ｐａｓｓｗｏｒｄｐａｓｓｗｏｒｄ')).toBe('common');
    // "ﬁ" (one code point) becomes "fi" (two).
    expect([...normalizePassword('ﬁ'.repeat(8))]).toHaveLength(16);
    expect(reasonOf('ﬁ'.repeat(8))).toBe('ok');
  });

  it('has no composition rules: lower-case letters only or spaces are fine', () => {
    expect(reasonOf('correcthorsebatterystaple')).toBe('ok');
    expect(reasonOf('                    ')).toBe('ok');
    expect(reasonOf('1357924680135792468')).toBe('ok');
    expect(reasonOf('春眠不觉晓处处闻啼鸟夜来风雨声花落知多少')).toBe('ok');
  });

  it('refuses a common or breached password from the bundled list, case-insensitively', () => {
    expect(isCommonPassword('passwordpassword')).toBe(true);
    expect(isCommonPassword('PassWordPassWord')).toBe(true);
    expect(reasonOf('qwerty123456789')).toBe('common');
    expect(reasonOf('1qaz2wsx3edc4rfv')).toBe('common');
    expect(reasonOf('Baseball', WITH_MFA)).toBe('common');
    expect(reasonOf('12345678', WITH_MFA)).toBe('common');
    // Only exact membership: a common password inside a longer one is not refused for it.
    expect(reasonOf('passwordpassword and more')).toBe('ok');
  });

  it('refuses the user name, the e-mail local part and the tenant name with the reason', () => {
    expect(reasonOf('我是李雷我的密码很长很长很长很长很长')).toBe('contains_name');
    expect(reasonOf('glass river stone Pearson', { ...CONTEXT, userName: 'Emma Pearson' })).toBe(
      'contains_name',
    );
    expect(reasonOf('my address is li.lei forever')).toBe('contains_email');
    expect(reasonOf('LI.LEI-is-my-login-name')).toBe('contains_email');
    expect(reasonOf('云杉科技的员工密码足够长吗足够长吗')).toBe('contains_tenant');
    expect(reasonOf('working at YunShan since 2020')).toBe('contains_tenant');
    const verdict = checkPassword('my address is li.lei forever', CONTEXT);
    expect(verdict).toMatchObject({ ok: false, reason: 'contains_email' });
    if (!verdict.ok) expect(verdict.message['zh-CN']).toContain('邮箱');
  });
});
