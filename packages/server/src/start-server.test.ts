import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { startServer } from './start-server.ts';

describe('startServer', () => {
  it('opens PGlite in the data dir, migrates, listens and closes', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'custos-server-'));
    try {
      const server = await startServer(loadConfig({}, { port: 0, dataDir, logLevel: 'silent' }));
      try {
        expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const ready = await fetch(`${server.url}/readyz`);
        expect(ready.status).toBe(200);
        const docs = await fetch(`${server.url}/docs/json`);
        expect(((await docs.json()) as { openapi: string }).openapi).toBe('3.1.0');
      } finally {
        await server.close();
        await server.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
