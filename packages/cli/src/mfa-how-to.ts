import { DEMO_ROLE_IDS, demoCompany, type DemoLogin } from '@custos/store';

/** The demo's system administrator (the first login holding the 系统管理员 role), if listed. */
export function demoAdminLogin(logins: readonly DemoLogin[], now: number): DemoLogin | undefined {
  const role = demoCompany({ customers: 2, now }).model.roles.find(
    (r) => r.id === DEMO_ROLE_IDS.admin,
  );
  return logins.find((l) => l.role === role?.name);
}

/**
 * How to enable MFA (TOTP) for the administrator, in the console or through the API, printed by
 * `custos demo` after the logins. See docs/mfa.md.
 */
export function renderMfaHowTo(url: string, admin: DemoLogin | undefined): string {
  const email = admin?.email ?? 'admin@example.com';
  const password = admin?.password ?? '…';
  const curl = `curl -b jar -c jar -H 'content-type: application/json'`;
  const lines = [
    `为管理员启用多因素认证 / Enable MFA (TOTP) for the administrator${admin === undefined ? '' : ` ${admin.name} <${email}>`}:`,
    `  在控制台 / In the console: sign in at ${url}, open 我的账号 / My account → 多因素认证 / MFA.`,
    '  Or through the API:',
    `  1. ${curl} -d '{"email":"${email}","password":"${password}"}' ${url}/v1/auth/login`,
    `  2. ${curl} -d '{}' ${url}/v1/auth/mfa/enrolment`,
    '     → scan `qrCode` (an SVG data URL; or type `secret`) into an authenticator app',
    `  3. ${curl} -d '{"code":"<6 digits>"}' ${url}/v1/auth/mfa/enrolment/confirm`,
    '     → keep the 10 `recoveryCodes`: they are shown once',
    `  4. ${curl} -X PUT -d '{"policy":"admins"}' ${url}/v1/admin/security/mfa-policy`,
    '     (optional: require MFA of every administrator; "everyone" for all users)',
    `  Then sign-in takes two steps: the login answers "mfaRequired": true, and`,
    `  ${curl} -d '{"code":"<6 digits>"}' ${url}/v1/auth/mfa/verify finishes it.`,
    `  A lost device: another administrator calls POST ${url}/v1/admin/users/<id>/mfa/reset.`,
  ];
  return `${lines.join('\n')}\n`;
}
