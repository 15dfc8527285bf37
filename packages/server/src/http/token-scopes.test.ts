import { buildIndex } from '@custos/engine';
import { demoCompany } from '@custos/store';
import { describe, expect, it } from 'vitest';
import { bearerTokenOf } from './bearer-token.ts';
import { requiredScopes, scopesBeyond } from './token-scopes.ts';

describe('token scopes', () => {
  it('maps each route permission to the scopes a token needs; other authenticated routes are session-only', () => {
    const record = (action: 'read' | 'update' | 'share') =>
      ({ kind: 'record', object: 'customer', action }) as const;
    expect(requiredScopes(record('read'), 'GET', '/v1/customers')).toEqual(['records:read']);
    expect(requiredScopes(record('update'), 'PATCH', '/v1/customers/:id')).toEqual([
      'records:write',
    ]);
    expect(requiredScopes(record('share'), 'PUT', '/v1/customers/:id/team/:userId')).toEqual([
      'records:write',
    ]);
    expect(
      requiredScopes({ kind: 'function', name: 'export' }, 'GET', '/v1/customers/export'),
    ).toEqual(['export']);
    expect(
      requiredScopes(
        { kind: 'function_per_change', names: ['user_admin', 'role_admin'] },
        'POST',
        '/v1/admin/changes',
      ),
    ).toEqual(['user_admin', 'role_admin']);
    const authenticated = { kind: 'authenticated' } as const;
    expect(requiredScopes(authenticated, 'POST', '/v1/authz/check')).toEqual(['authz']);
    expect(requiredScopes(authenticated, 'GET', '/v1/auth/me')).toEqual([]);
    for (const [method, url] of [
      ['POST', '/v1/auth/logout'],
      ['POST', '/v1/auth/tokens'],
      ['POST', '/v1/auth/password'],
      ['POST', '/v1/auth/mfa/totp'],
    ])
      expect(requiredScopes(authenticated, method as string, url as string), url).toBeNull();
    // A token never mints a service token, whatever its scopes.
    expect(
      requiredScopes(
        { kind: 'function', name: 'user_admin' },
        'POST',
        '/v1/admin/users/:id/tokens',
      ),
    ).toBeNull();
  });

  it('refuses function scopes the owner does not hold, and unknown scopes', () => {
    const { model } = demoCompany({ customers: 10, now: Date.UTC(2026, 5, 1) });
    const index = buildIndex(model);
    expect(scopesBeyond(index, 'zhoumin', ['records:read', 'user_admin', 'export'])).toEqual([]);
    expect(scopesBeyond(index, 'lilei', ['records:read', 'authz', 'export', 'role_admin'])).toEqual(
      ['export', 'role_admin'],
    );
    expect(scopesBeyond(index, 'zhoumin', ['records:admin', 'reveal_masked'])).toEqual([
      'records:admin',
      'reveal_masked',
    ]);
    expect(scopesBeyond(index, 'nobody', ['import'])).toEqual(['import']);
  });

  it('reads the Bearer token of an Authorization header (RFC 6750 §2.1)', () => {
    expect(bearerTokenOf('Bearer custos_pat_abc_def')).toBe('custos_pat_abc_def');
    expect(bearerTokenOf('bearer   abc.def~+/==')).toBe('abc.def~+/==');
    expect(bearerTokenOf('Bearer')).toBe('');
    expect(bearerTokenOf('Bearer two tokens')).toBe('');
    expect(bearerTokenOf('Bearer ünïcode')).toBe('');
    expect(bearerTokenOf('Basic dXNlcjpwYXNz')).toBeUndefined();
    expect(bearerTokenOf('Bearertoken')).toBeUndefined();
    expect(bearerTokenOf(undefined)).toBeUndefined();
  });
});
