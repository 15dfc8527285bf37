import { TEST_BACKENDS } from '@custos/store/test-backends';
import { describe, expect, it } from 'vitest';
import { buildApp, MODULES } from '../../../app.ts';

describe('the MFA route option', () => {
  it('opens exactly the sign-in routes to a session at password only', async () => {
    const database = await TEST_BACKENDS[0]!.open();
    const open: string[] = [];
    try {
      const app = await buildApp({
        database,
        logger: false,
        modules: [
          {
            name: 'every module, watched',
            routes: async (scope) => {
              scope.addHook('onRoute', (route) => {
                const option = route.config?.mfa;
                if (option !== undefined)
                  open.push(`${String(route.method)} ${route.url} ${option}`);
              });
              for (const module of MODULES) await scope.register(module.routes);
            },
          },
        ],
      });
      await app.close();
    } finally {
      await database.close();
    }
    expect(open.sort()).toEqual([
      'GET /v1/auth/csrf pending-ok',
      'GET /v1/auth/me pending-ok',
      'POST /v1/auth/logout pending-ok',
      'POST /v1/auth/mfa/enrolment enrolment-ok',
      'POST /v1/auth/mfa/enrolment/confirm enrolment-ok',
      'POST /v1/auth/mfa/verify pending-ok',
    ]);
  });
});
