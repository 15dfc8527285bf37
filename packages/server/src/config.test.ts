import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CONFIG_SETTINGS, ConfigError, loadConfig, redactConfig } from './config.ts';

describe('config', () => {
  it('has defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      databaseUrl: undefined,
      logLevel: 'info',
      sessionTtlHours: 12,
      cookieSecure: false,
      defaultLocale: 'zh-CN',
      trustProxy: false,
      previewBudgetMs: 1500,
      mfaSecretKey: undefined,
    });
  });

  it('reads the environment, then overrides', () => {
    const config = loadConfig(
      {
        CUSTOS_PORT: '8080',
        DATABASE_URL: 'postgres://u:p@db:5432/custos',
        CUSTOS_COOKIE_SECURE: 'true',
        CUSTOS_SESSION_TTL_HOURS: '',
      },
      { host: '0.0.0.0' },
    );
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u:p@db:5432/custos',
      cookieSecure: true,
      sessionTtlHours: 12,
    });
    expect(redactConfig(config).databaseUrl).toBe('[redacted]');
  });

  it.each([
    ['CUSTOS_PORT', 'abc'],
    ['CUSTOS_PORT', '70000'],
    ['CUSTOS_SESSION_TTL_HOURS', '0'],
    ['CUSTOS_COOKIE_SECURE', 'maybe'],
    ['CUSTOS_LOG_LEVEL', 'loud'],
    ['DATABASE_URL', 'mysql://x'],
    ['CUSTOS_DEFAULT_LOCALE', 'fr-FR'],
    ['CUSTOS_MFA_SECRET_KEY', 'c2hvcnQ='],
  ])('names %s in the error for %s', (env, value) => {
    expect(() => loadConfig({ [env]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [env]: value })).toThrow(new RegExp(`^${env}: `));
  });

  it('is documented: docs/config.md lists exactly the settings', async () => {
    const doc = await readFile(new URL('../../../docs/config.md', import.meta.url), 'utf8');
    const rows = [...doc.matchAll(/^\| `(\w+)`\s*\| `(\w+)`\s*\|/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(CONFIG_SETTINGS.map((s) => [s.key, s.env]));
    for (const s of CONFIG_SETTINGS) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${s.key}\``)) ?? '';
      expect(row).toContain(s.sensitive ? '| yes ' : '| no ');
      expect(row).toContain(s.default === undefined ? '(unset)' : `\`${s.default}\``);
    }
  });
});
