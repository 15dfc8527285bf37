import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  CONFIG_SETTINGS,
  ConfigError,
  loadConfig,
  redactConfig,
  servedOverHttps,
} from './config.ts';

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
      tlsCert: undefined,
      tlsKey: undefined,
      allowedOrigins: [],
      tokenMaxDays: 90,
      accessRequestMaxDays: 90,
      publicUrl: undefined,
      sessionIdleMinutes: 60,
      inviteLinkHours: 72,
      resetLinkMinutes: 60,
      authRateLimitPerMinute: 30,
      mfaSecretKey: undefined,
      jobsEnabled: true,
      jobsPollMs: 1000,
      webhookAllowedHosts: [],
      webhookTimeoutMs: 5000,
      revealRateLimitPerHour: 30,
      auditExportMaxRows: 100_000,
      backupInterval: 86_400_000,
      backupKeep: { kind: 'count', count: 14 },
    });
  });

  it('serves HTTPS with a certificate and its key: the session cookie is then Secure', () => {
    const config = loadConfig({ CUSTOS_TLS_CERT: '/etc/custos/cert.pem', CUSTOS_TLS_KEY: 'k.pem' });
    expect(config).toMatchObject({ tlsCert: '/etc/custos/cert.pem', cookieSecure: true });
    expect(servedOverHttps(config)).toBe(true);
    expect(servedOverHttps(loadConfig({}))).toBe(false);
    expect(() => loadConfig({ CUSTOS_TLS_CERT: 'cert.pem' })).toThrow(/^CUSTOS_TLS_KEY: /);
    expect(() => loadConfig({}, { tlsKey: 'key.pem' })).toThrow(/^CUSTOS_TLS_CERT: /);
  });

  it('reads allowed origins as exact origins and refuses anything else', () => {
    expect(
      loadConfig({ CUSTOS_ALLOWED_ORIGINS: 'https://crm.example.com, http://localhost:5173/' })
        .allowedOrigins,
    ).toEqual(['https://crm.example.com', 'http://localhost:5173']);
    for (const bad of ['crm.example.com', 'https://crm.example.com/app', 'null'])
      expect(() => loadConfig({ CUSTOS_ALLOWED_ORIGINS: bad })).toThrow(
        /^CUSTOS_ALLOWED_ORIGINS: /,
      );
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
    ['CUSTOS_PUBLIC_URL', 'ftp://x'],
    ['CUSTOS_SESSION_IDLE_MINUTES', '1'],
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
