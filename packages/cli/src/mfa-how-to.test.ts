import { DEMO_PASSWORD, demoCompany } from '@custos/store';
import { describe, expect, it } from 'vitest';
import { demoAdminLogin, renderMfaHowTo } from './mfa-how-to.ts';

const NOW = Date.UTC(2026, 5, 1);

describe('the demo’s MFA how-to', () => {
  it('names the administrator and every step of enabling MFA through the API', () => {
    const logins = demoCompany({ customers: 2, now: NOW }).logins;
    const admin = demoAdminLogin(logins, NOW);
    expect(admin?.email).toBe('zhou.min@yunshan.example');
    const text = renderMfaHowTo('http://localhost:3000', admin);
    const steps = [
      '/v1/auth/login',
      '/v1/auth/mfa/enrolment',
      '/v1/auth/mfa/enrolment/confirm',
      '/v1/admin/security/mfa-policy',
      '/v1/auth/mfa/verify',
      '/v1/admin/users/<id>/mfa/reset',
    ];
    let at = -1;
    for (const step of steps) {
      const next = text.indexOf(`http://localhost:3000${step}`);
      expect({ step, found: next > at }).toEqual({ step, found: true });
      at = next;
    }
    expect(text).toContain('"email":"zhou.min@yunshan.example"');
    expect(text).toContain(`"password":"${DEMO_PASSWORD}"`);
  });

  it('still explains the steps when no administrator is listed', () => {
    const text = renderMfaHowTo('http://localhost:3000', undefined);
    expect(text).toContain('/v1/auth/mfa/enrolment/confirm');
    expect(demoAdminLogin([], NOW)).toBeUndefined();
  });
});
