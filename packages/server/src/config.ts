/**
 * The server's configuration: ONE typed schema (DESIGN §6). Each setting has a key, the
 * environment variable that sets it, a default, a sensitive flag (never logged) and a description.
 * `docs/config.md` lists every setting; a test checks both agree.
 */

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type ConfigLocale = 'zh-CN' | 'en-US';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: LogLevel;
  sessionTtlHours: number;
  cookieSecure: boolean;
  defaultLocale: ConfigLocale;
  trustProxy: boolean;
  previewBudgetMs: number;
  tlsCert: string | undefined;
  tlsKey: string | undefined;
  allowedOrigins: readonly string[];
  tokenMaxDays: number;
  accessRequestMaxDays: number;
  secret: string | undefined;
  publicUrl: string | undefined;
  sessionIdleMinutes: number;
  inviteLinkHours: number;
  resetLinkMinutes: number;
  authRateLimitPerMinute: number;
  mfaSecretKey: string | undefined;
  jobsEnabled: boolean;
  jobsPollMs: number;
  webhookAllowedHosts: readonly string[];
  webhookTimeoutMs: number;
  revealRateLimitPerHour: number;
  auditExportMaxRows: number;
  auditKeyFile: string | undefined;
  auditCheckpointDir: string | undefined;
  kekFile: string | undefined;
  shredLedger: string | undefined;
}

export interface ConfigSetting<K extends keyof Config = keyof Config> {
  key: K;
  env: string;
  /** The default as written in the environment (undefined: unset). */
  default: string | undefined;
  sensitive: boolean;
  description: string;
  parse(raw: string, env: string): Config[K];
}

export class ConfigError extends Error {
  readonly env: string;
  constructor(env: string, message: string) {
    super(`${env}: ${message}`);
    this.name = 'ConfigError';
    this.env = env;
  }
}

function integer(min: number, max: number) {
  return (raw: string, env: string): number => {
    const n = Number(raw);
    if (!/^\s*-?\d+\s*$/.test(raw) || !Number.isSafeInteger(n) || n < min || n > max)
      throw new ConfigError(env, `expected an integer from ${min} to ${max}, got "${raw}"`);
    return n;
  };
}

function boolean(raw: string, env: string): boolean {
  const v = raw.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  throw new ConfigError(env, `expected true or false, got "${raw}"`);
}

function oneOf<T extends string>(values: readonly T[]) {
  return (raw: string, env: string): T => {
    const v = raw.trim() as T;
    if (!values.includes(v))
      throw new ConfigError(env, `expected one of ${values.join(', ')}, got "${raw}"`);
    return v;
  };
}

function nonEmpty(raw: string, env: string): string {
  if (raw.trim() === '') throw new ConfigError(env, 'must not be empty');
  return raw.trim();
}

/** The server secret: unset, or at least 32 characters. */
function secret(raw: string, env: string): string | undefined {
  if (raw === '') return undefined;
  if (raw.length < 32)
    throw new ConfigError(env, 'must have at least 32 characters (e.g. `openssl rand -base64 32`)');
  return raw;
}

function databaseUrl(raw: string, env: string): string | undefined {
  if (raw.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(env, 'expected a postgres:// connection URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    throw new ConfigError(env, `expected a postgres:// connection URL, got ${url.protocol}//…`);
  return raw;
}

function optionalPath(raw: string): string | undefined {
  return raw.trim() === '' ? undefined : raw.trim();
}

/** A comma-separated list of origins (`https://crm.example.com`), each exactly an origin. */
function origins(raw: string, env: string): readonly string[] {
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const item of list) {
    let origin: string | undefined;
    try {
      origin = new URL(item).origin;
    } catch {
      origin = undefined;
    }
    if (origin === undefined || origin === 'null' || origin !== item.replace(/\/$/, ''))
      throw new ConfigError(
        env,
        `expected origins like https://crm.example.com separated by commas, got "${item}"`,
      );
  }
  return list.map((item) => item.replace(/\/$/, ''));
}

function httpUrl(raw: string, env: string): string | undefined {
  if (raw.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(env, `expected an http:// or https:// URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(env, `expected an http:// or https:// URL, got "${raw}"`);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** A 256-bit key in Base64 (the TOTP secrets' encryption key). */
function aes256Key(raw: string, env: string): string {
  const key = Buffer.from(raw.trim(), 'base64');
  if (key.length !== 32 || !/^[A-Za-z0-9+/_-]+=*$/.test(raw.trim()))
    throw new ConfigError(env, 'expected 32 random bytes in Base64 (`openssl rand -base64 32`)');
  return raw.trim();
}

const LOG_LEVELS: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];

/** A comma-separated list of host names, each optionally `*.` for its subdomains. */
function hostList(raw: string, env: string): readonly string[] {
  const list = raw
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '');
  for (const host of list)
    if (!/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(host))
      throw new ConfigError(env, `expected host names separated by commas, got "${host}"`);
  return list;
}

/** Every setting, in the order docs/config.md lists them. */
export const CONFIG_SCHEMA: { readonly [K in keyof Config]: ConfigSetting<K> } = {
  port: {
    key: 'port',
    env: 'CUSTOS_PORT',
    default: '3000',
    sensitive: false,
    description: 'TCP port the HTTP server listens on (0: any free port).',
    parse: integer(0, 65535),
  },
  host: {
    key: 'host',
    env: 'CUSTOS_HOST',
    default: '127.0.0.1',
    sensitive: false,
    description: 'Address the HTTP server binds to (`0.0.0.0` for every interface).',
    parse: nonEmpty,
  },
  dataDir: {
    key: 'dataDir',
    env: 'CUSTOS_DATA_DIR',
    default: './data',
    sensitive: false,
    description: 'Directory of the embedded PGlite database, used when `DATABASE_URL` is unset.',
    parse: nonEmpty,
  },
  databaseUrl: {
    key: 'databaseUrl',
    env: 'DATABASE_URL',
    default: undefined,
    sensitive: true,
    description:
      'PostgreSQL connection URL (`postgres://user:password@host:5432/custos`); when set, Custos uses that server instead of PGlite.',
    parse: databaseUrl,
  },
  logLevel: {
    key: 'logLevel',
    env: 'CUSTOS_LOG_LEVEL',
    default: 'info',
    sensitive: false,
    description: `Log level: ${LOG_LEVELS.join(', ')}.`,
    parse: oneOf(LOG_LEVELS),
  },
  sessionTtlHours: {
    key: 'sessionTtlHours',
    env: 'CUSTOS_SESSION_TTL_HOURS',
    default: '12',
    sensitive: false,
    description:
      'Absolute lifetime of a sign-in session, in hours (the cookie Max-Age): sign in again after it however active.',
    parse: integer(1, 24 * 90),
  },
  cookieSecure: {
    key: 'cookieSecure',
    env: 'CUSTOS_COOKIE_SECURE',
    default: 'false',
    sensitive: false,
    description: 'Mark the session cookie `Secure` (set to true whenever served over HTTPS).',
    parse: boolean,
  },
  defaultLocale: {
    key: 'defaultLocale',
    env: 'CUSTOS_DEFAULT_LOCALE',
    default: 'zh-CN',
    sensitive: false,
    description:
      'Locale of messages and explanations when the request sends no `Accept-Language` and the tenant sets no default.',
    parse: oneOf<ConfigLocale>(['zh-CN', 'en-US']),
  },
  trustProxy: {
    key: 'trustProxy',
    env: 'CUSTOS_TRUST_PROXY',
    default: 'false',
    sensitive: false,
    description:
      'Trust `X-Forwarded-*` headers (client address, protocol) from a reverse proxy or load balancer.',
    parse: boolean,
  },
  previewBudgetMs: {
    key: 'previewBudgetMs',
    env: 'CUSTOS_PREVIEW_BUDGET_MS',
    default: '1500',
    sensitive: false,
    description:
      'Time budget of a change preview (`POST /v1/admin/changes/preview`), in ms: past it, the answer counts no more records and says it is partial.',
    parse: integer(50, 60_000),
  },
  tlsCert: {
    key: 'tlsCert',
    env: 'CUSTOS_TLS_CERT',
    default: undefined,
    sensitive: false,
    description:
      'PEM certificate file; with `tlsKey`: HTTPS only, TLS ≥ 1.2, session cookie `Secure`, HSTS (`custos serve --tls-cert`).',
    parse: optionalPath,
  },
  tlsKey: {
    key: 'tlsKey',
    env: 'CUSTOS_TLS_KEY',
    default: undefined,
    sensitive: false,
    description: 'PEM private key file of `tlsCert` (`custos serve --tls-key`).',
    parse: optionalPath,
  },
  allowedOrigins: {
    key: 'allowedOrigins',
    env: 'CUSTOS_ALLOWED_ORIGINS',
    default: undefined,
    sensitive: false,
    description:
      'Comma-separated origins (`https://crm.example.com`) besides its own that may send state-changing requests (ADR 0011).',
    parse: origins,
  },
  tokenMaxDays: {
    key: 'tokenMaxDays',
    env: 'CUSTOS_TOKEN_MAX_DAYS',
    default: '90',
    sensitive: false,
    description:
      'Longest lifetime of an API token, in days: a token must name its expiry, at most this far ahead (ADR 0009).',
    parse: integer(1, 366),
  },
  accessRequestMaxDays: {
    key: 'accessRequestMaxDays',
    env: 'CUSTOS_ACCESS_REQUEST_MAX_DAYS',
    default: '90',
    sensitive: false,
    description:
      'Longest duration of an access request, in days (1 to 366): a request and its approved grant or role last at most this long (docs/access-requests.md).',
    parse: integer(1, 366),
  },
  secret: {
    key: 'secret',
    env: 'CUSTOS_SECRET',
    default: undefined,
    sensitive: true,
    description:
      'The server secret (at least 32 characters) the keys of list cursors are derived from (HKDF, one label per use); every node of a cluster needs the same. Unset: a random key per process (logged as a warning), so cursors die with the process; `custos serve` and `custos demo` keep one in the data directory (`custos-secret`).',
    parse: secret,
  },
  publicUrl: {
    key: 'publicUrl',
    env: 'CUSTOS_PUBLIC_URL',
    default: undefined,
    sensitive: false,
    description:
      'The URL users reach Custos at, for the links it sends (`/set-password?token=…`); unset: `http://localhost:<port>`.',
    parse: httpUrl,
  },
  sessionIdleMinutes: {
    key: 'sessionIdleMinutes',
    env: 'CUSTOS_SESSION_IDLE_MINUTES',
    default: '60',
    sensitive: false,
    description:
      'Idle timeout of a sign-in session, in minutes: a session unused this long ends (5 to 43200).',
    parse: integer(5, 30 * 24 * 60),
  },
  inviteLinkHours: {
    key: 'inviteLinkHours',
    env: 'CUSTOS_INVITE_LINK_HOURS',
    default: '72',
    sensitive: false,
    description: 'Lifetime of an invitation (set-password) link, in hours (1 to 720).',
    parse: integer(1, 720),
  },
  resetLinkMinutes: {
    key: 'resetLinkMinutes',
    env: 'CUSTOS_RESET_LINK_MINUTES',
    default: '60',
    sensitive: false,
    description: 'Lifetime of a password-reset link, in minutes (5 to 1440).',
    parse: integer(5, 1440),
  },
  authRateLimitPerMinute: {
    key: 'authRateLimitPerMinute',
    env: 'CUSTOS_AUTH_RATE_LIMIT_PER_MINUTE',
    default: '30',
    sensitive: false,
    description:
      'Requests per minute one client address may make to the sign-in and password routes (past it: 429 `RATE_LIMITED`).',
    parse: integer(1, 100_000),
  },
  mfaSecretKey: {
    key: 'mfaSecretKey',
    env: 'CUSTOS_MFA_SECRET_KEY',
    default: undefined,
    sensitive: true,
    description:
      'Encrypts the stored TOTP secrets (AES-256-GCM): 32 random bytes in Base64 (`openssl rand -base64 32`). Unset: they are stored unencrypted; secrets stored before the key was set still work.',
    parse: aes256Key,
  },
  jobsEnabled: {
    key: 'jobsEnabled',
    env: 'CUSTOS_JOBS_ENABLED',
    default: 'true',
    sensitive: false,
    description:
      'Run the durable job runner in this node (scheduled work, webhook deliveries; `docs/jobs.md`). Several nodes may run it: each job runs once.',
    parse: boolean,
  },
  jobsPollMs: {
    key: 'jobsPollMs',
    env: 'CUSTOS_JOBS_POLL_MS',
    default: '1000',
    sensitive: false,
    description:
      'How often the job runner looks for due jobs when it found none, in ms (100 to 60000).',
    parse: integer(100, 60_000),
  },
  webhookAllowedHosts: {
    key: 'webhookAllowedHosts',
    env: 'CUSTOS_WEBHOOK_ALLOWED_HOSTS',
    default: undefined,
    sensitive: false,
    description:
      'Comma-separated host names (or `*.example.com`) webhook URLs may point to (a host named here may be local or private); unset: any host with a public address (`docs/monitoring.md`, server-side request forgery).',
    parse: hostList,
  },
  webhookTimeoutMs: {
    key: 'webhookTimeoutMs',
    env: 'CUSTOS_WEBHOOK_TIMEOUT_MS',
    default: '5000',
    sensitive: false,
    description: 'How long one webhook delivery attempt may take, in ms (100 to 60000).',
    parse: integer(100, 60_000),
  },
  revealRateLimitPerHour: {
    key: 'revealRateLimitPerHour',
    env: 'CUSTOS_REVEAL_RATE_LIMIT_PER_HOUR',
    default: '30',
    sensitive: false,
    description:
      'Masked values one user may reveal in any hour (`POST /v1/<object>/:id/reveal`); past it: 429 `REVEAL_RATE_LIMITED` with `Retry-After` (1 to 10000).',
    parse: integer(1, 10_000),
  },
  auditExportMaxRows: {
    key: 'auditExportMaxRows',
    env: 'CUSTOS_AUDIT_EXPORT_MAX_ROWS',
    default: '100000',
    sensitive: false,
    description:
      'Events one audit export may hold (`GET /v1/audit/events/export`); a larger result stops there, says `truncated` and is audited so (1,000 to 10,000,000).',
    parse: integer(1_000, 10_000_000),
  },
  auditKeyFile: {
    key: 'auditKeyFile',
    env: 'CUSTOS_AUDIT_KEY_FILE',
    default: undefined,
    sensitive: false,
    description:
      "A file holding the HMAC key of the audit checkpoints (docs/audit.md): 32 random bytes in Base64 (`openssl rand -base64 32 > audit.key`), kept outside the database. Unset: a key derived from the server secret (`CUSTOS_SECRET` or the data directory's `custos-secret`).",
    parse: nonEmpty,
  },
  auditCheckpointDir: {
    key: 'auditCheckpointDir',
    env: 'CUSTOS_AUDIT_CHECKPOINT_DIR',
    default: undefined,
    sensitive: false,
    description:
      'Where the scheduled audit checkpoints are written as JSON files, one per tenant and head (`<tenant>-<seq>.json`). Unset: `<dataDir>/audit-checkpoints`.',
    parse: nonEmpty,
  },
  kekFile: {
    key: 'kekFile',
    env: 'CUSTOS_KEK_FILE',
    default: undefined,
    sensitive: false,
    description:
      "A file holding the key-encryption key of field encryption at rest: exactly 32 random bytes in Base64 (`openssl rand -base64 32 > kek.key`), kept outside the database; it wraps every tenant's data keys. Unset: a key derived from the server secret (`CUSTOS_SECRET` or the data directory's `custos-secret`). Losing it loses every encrypted value.",
    parse: nonEmpty,
  },
  shredLedger: {
    key: 'shredLedger',
    env: 'CUSTOS_SHRED_LEDGER',
    default: undefined,
    sensitive: false,
    description:
      'The file listing erased data subjects whose keys were destroyed (crypto-shredding): kept beside the keys, outside the database, so a backup restored later stays unreadable for them. Unset: `<dataDir>/custos-shredded` for `custos serve` and `custos demo`; in memory otherwise.',
    parse: nonEmpty,
  },
};

/** The public URL of the server: `publicUrl`, else `http://localhost:<port>`. */
export function publicUrlOf(config: Pick<Config, 'publicUrl' | 'port'>): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}

export const CONFIG_SETTINGS: readonly ConfigSetting[] = Object.values(
  CONFIG_SCHEMA,
) as ConfigSetting[];

/**
 * The configuration from the environment (`process.env` by default), then `overrides`. An empty
 * variable counts as unset. A bad value throws a `ConfigError` naming the variable.
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  overrides: Partial<Config> = {},
): Config {
  const config: Record<string, unknown> = {};
  for (const setting of CONFIG_SETTINGS) {
    const given = env[setting.env];
    const raw = given === undefined || given === '' ? setting.default : given;
    config[setting.key] = raw === undefined ? undefined : setting.parse(raw, setting.env);
  }
  const loaded = { ...(config as unknown as Config), ...overrides };
  if ((loaded.tlsCert === undefined) !== (loaded.tlsKey === undefined))
    throw new ConfigError(
      loaded.tlsCert === undefined ? CONFIG_SCHEMA.tlsCert.env : CONFIG_SCHEMA.tlsKey.env,
      'TLS needs both a certificate (CUSTOS_TLS_CERT) and its key (CUSTOS_TLS_KEY)',
    );
  // Served over HTTPS: the session cookie is `Secure` (read `servedOverHttps` to know).
  if (servedOverHttps(loaded)) loaded.cookieSecure = true;
  loaded.allowedOrigins ??= [];
  loaded.webhookAllowedHosts ??= [];
  return loaded;
}

/** True when this server itself serves HTTPS (`tlsCert` and `tlsKey` set). */
export function servedOverHttps(config: Pick<Config, 'tlsCert' | 'tlsKey'>): boolean {
  return config.tlsCert !== undefined && config.tlsKey !== undefined;
}

/** The configuration with sensitive values replaced, for logs and diagnostics. */
export function redactConfig(config: Config): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const setting of CONFIG_SETTINGS) {
    const value = config[setting.key];
    out[setting.key] = setting.sensitive && value !== undefined ? '[redacted]' : value;
  }
  return out;
}
