/**
 * Sizes and run counts of the list benchmark: defaults (full or `--quick`), then environment
 * variables, then `--flag=value` arguments.
 */
import { DEFAULT_OPTIONS, type GenerateOptions } from '../engine/generate-model.ts';

export interface ListBenchOptions {
  quick: boolean;
  dataset: GenerateOptions;
  /**
   * Customers loaded into PGlite: all by default; fewer loads a prefix of the dataset's customers
   * with their children and teams (the table header says so).
   */
  pgliteCustomers: number;
  /** Timed runs per measurement (at most), warm-up runs, and the time budget per measurement. */
  runs: number;
  warmup: number;
  budgetMs: number;
  /** The in-memory baseline reads at most this many customers. */
  memoryRows: number;
  /** Page number timed by cursor (the cursor is walked once to reach it). */
  deepPage: number;
  /** The cursor walk to `deepPage` stops after this long; the page reached is timed instead. */
  walkBudgetMs: number;
  http: { customers: number; seconds: number; connections: number; workers: number };
  backends: { postgres: boolean; pglite: boolean; http: boolean; encryption: boolean };
  /**
   * Demo-company sizes (customers) of the encryption cost (`--encryption-sizes=5000,50000`): the
   * first page clear vs encrypted, each size loaded twice (`bench/encryption/encryption-cost.ts`).
   */
  encryptionSizes: number[];
  /** Persona keys whose first page is printed with `explain (analyze, buffers)`. */
  explain: string[];
  /**
   * Customer counts to run one after the other (`--sizes 10000,50000,200000`), each a dataset of
   * its own generated with the other sizes as given; default: `dataset.customers` alone.
   */
  sizes: number[];
}

/** The fields every sharing rule of the generator reads are among the first 13. */
export const LIST_BENCH_FIELDS = 13;

const QUICK: Partial<GenerateOptions> = {
  users: 2_000,
  portalUsers: 500,
  customers: 50_000,
  teamMemberships: 20_000,
  grants: 2_000,
};

function intFrom(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`${name}=${raw} is not a non-negative number`);
  }
  return Math.floor(value);
}

/** `5000,50000` → [5000, 50000] (positive, distinct); the fallback when absent. */
export function sizeList(name: string, raw: string | undefined, fallback: number[]): number[] {
  if (raw === undefined || raw.trim() === '') return fallback;
  const sizes = raw
    .split(',')
    .map((k) => intFrom(name, k.trim(), 0))
    .filter((k) => k > 0);
  return sizes.filter((k, i) => sizes.indexOf(k) === i);
}

export function parseOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ListBenchOptions {
  const quick = argv.includes('--quick');
  const flags = new Map<string, string>();
  for (const [i, arg] of argv.entries()) {
    const m = /^--([a-z-]+)=(.*)$/.exec(arg);
    if (m) flags.set(m[1] as string, m[2] as string);
    // `--sizes 10000,50000` (a value after a space) as well as `--sizes=…`.
    else if (arg === '--sizes' && argv[i + 1] !== undefined)
      flags.set('sizes', argv[i + 1] as string);
  }
  /** `--customers=…` wins over `BENCH_CUSTOMERS=…`, which wins over the default. */
  const int = (flag: string, variable: string, fallback: number): number =>
    intFrom(`--${flag}`, flags.get(flag), intFrom(variable, env[variable], fallback));
  const base: GenerateOptions = {
    ...DEFAULT_OPTIONS,
    customers: 1_000_000,
    customerFields: LIST_BENCH_FIELDS,
    ...(quick ? QUICK : {}),
  };
  const dataset: GenerateOptions = {
    ...base,
    seed: int('seed', 'BENCH_SEED', base.seed),
    users: int('users', 'BENCH_USERS', base.users),
    portalUsers: int('portal-users', 'BENCH_PORTAL_USERS', base.portalUsers),
    customers: int('customers', 'BENCH_CUSTOMERS', base.customers),
    teamMemberships: int('teams', 'BENCH_TEAMS', base.teamMemberships),
    grants: int('grants', 'BENCH_GRANTS', base.grants),
    roles: int('roles', 'BENCH_ROLES', base.roles),
    sharingRules: int('rules', 'BENCH_RULES', base.sharingRules),
    customerFields: int('fields', 'BENCH_FIELDS', base.customerFields),
  };
  const skip = new Set(
    argv.filter((a) => a.startsWith('--skip-')).map((a) => a.slice('--skip-'.length)),
  );
  const result = {
    quick,
    dataset,
    pgliteCustomers: Math.min(
      dataset.customers,
      int('pglite-customers', 'BENCH_PGLITE_CUSTOMERS', dataset.customers),
    ),
    runs: Math.max(1, int('runs', 'BENCH_RUNS', quick ? 20 : 50)),
    warmup: int('warmup', 'BENCH_WARMUP', quick ? 2 : 5),
    budgetMs: int('budget-ms', 'BENCH_BUDGET_MS', quick ? 1_500 : 5_000),
    memoryRows: int('memory-rows', 'BENCH_MEMORY_ROWS', quick ? dataset.customers : 100_000),
    deepPage: Math.max(2, int('deep-page', 'BENCH_DEEP_PAGE', 200)),
    walkBudgetMs: int('walk-budget-ms', 'BENCH_WALK_BUDGET_MS', quick ? 30_000 : 90_000),
    http: {
      customers: int('http-customers', 'BENCH_HTTP_CUSTOMERS', 5_000),
      seconds: Math.max(1, int('http-seconds', 'BENCH_HTTP_SECONDS', quick ? 3 : 10)),
      connections: Math.max(1, int('http-connections', 'BENCH_HTTP_CONNECTIONS', 10)),
      workers: int('http-workers', 'BENCH_HTTP_WORKERS', 1),
    },
    explain: (flags.get('explain') ?? env.BENCH_EXPLAIN ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== ''),
    sizes: (flags.get('sizes') ?? env.BENCH_SIZES ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== '')
      .map((k) => intFrom('--sizes', k, 0))
      .filter((k) => k > 0)
      .reduce<number[]>((all, k) => (all.includes(k) ? all : [...all, k]), []),
    backends: {
      postgres: !skip.has('postgres'),
      pglite: !skip.has('pglite'),
      http: !skip.has('http'),
      encryption: !skip.has('encryption'),
    },
    encryptionSizes: sizeList(
      '--encryption-sizes',
      flags.get('encryption-sizes') ?? env.BENCH_ENCRYPTION_SIZES,
      quick ? [5_000, 20_000] : [10_000, 100_000],
    ),
  };
  if (result.sizes.length === 0) result.sizes = [dataset.customers];
  return result;
}
