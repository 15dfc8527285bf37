import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ERROR_STATUS } from './error-catalogue.ts';

describe('error catalogue', () => {
  it('agrees with docs/errors.md: every code with its status', async () => {
    const doc = await readFile(new URL('../../../../docs/errors.md', import.meta.url), 'utf8');
    const documented = new Map(
      [...doc.matchAll(/^\| `([A-Z_]+)`\s*\| (\d{3})\s*\|/gm)].map((m) => [m[1], Number(m[2])]),
    );
    for (const [code, status] of Object.entries(ERROR_STATUS))
      expect(documented.get(code), code).toBe(status);
    expect([...documented.keys()].sort()).toEqual(Object.keys(ERROR_STATUS).sort());
  });
});
