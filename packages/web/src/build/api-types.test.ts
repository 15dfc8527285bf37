import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from './api-types.ts';

describe('the console API types', () => {
  it('are what the server describes now (run `npm run gen:api -w packages/web` when this fails)', async () => {
    const committed = await readFile(API_TYPES_FILE, 'utf8');
    const fresh = await generateApiTypes();
    expect(committed === fresh, 'packages/web/src/api/schema.d.ts is stale').toBe(true);
  });
});
