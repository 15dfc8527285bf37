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
  mfaSecretKey: string | undefined;
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
    description: 'Lifetime of a sign-in session, in hours (the cookie Max-Age).',
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
  mfaSecretKey: {
    key: 'mfaSecretKey',
    env: 'CUSTOS_MFA_SECRET_KEY',
    default: undefined,
    sensitive: true,
    description:
      'Encrypts the stored TOTP secrets (AES-256-GCM): 32 random bytes in Base64 (`openssl rand -base64 32`). Unset: they are stored unencrypted; secrets stored before the key was set still work.',
    parse: aes256Key,
  },
};

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
  return { ...(config as unknown as Config), ...overrides };
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
