import { TEST_BACKENDS } from '@custos/store/test-backends';
import { describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { describePermission } from './http/route-permission.ts';

/**
 * Every route the server registers (all modules of `app.ts`), with the permission it declares.
 * A permission change shows here as a reviewable diff: update with `vitest -u` and review it.
 */
describe('routes', () => {
  it('declare their permissions (snapshot)', async () => {
    const database = await TEST_BACKENDS[0]!.open();
    try {
      const app = await buildApp({ database, logger: false });
      const lines = app.custos.routes
        .map((r) => `${r.method} ${r.url} ${describePermission(r.permission)}`)
        .sort();
      expect(new Set(lines).size).toBe(lines.length);
      await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('routes.snapshot.txt');
      await app.close();
    } finally {
      await database.close();
    }
  });
});
