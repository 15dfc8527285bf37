/**
 * `npm run bench:engine [-- --quick]`: the engine benchmark of DESIGN.md section 8.
 *
 * 1. Generates a seeded CRM model and records, validates it, builds the index (time and heap).
 * 2. Times `decide`, `explain` and `fieldAccess` over mixed (principal, record, action) triples.
 * 3. Expresses one CRM slice (owner in my reporting subtree or I am on the team, never above my
 *    clearance) in our engine, CASL, Casbin and hand-written Set code; checks they agree on every
 *    triple; times each; prints one table with the targets.
 *
 * Sizes can be overridden with env vars (see `bench/README.md`). Exits non-zero when the
 * implementations disagree or the generated model is invalid; target misses are reported, not
 * fatal.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildIndex,
  decide,
  explain,
  fieldAccess,
  validateModel,
  type CrmRecord,
  type PolicyIndex,
} from '@custos/engine';
import {
  DEFAULT_OPTIONS,
  generateDataset,
  maxDepartmentDepth,
  maxReportingDepth,
  type GenerateOptions,
} from './generate-model.ts';
import { createCasbinSlice } from './peers/casbin-slice.ts';
import { createCaslSlice } from './peers/casl-slice.ts';
import { createCustosSlice } from './peers/custos-slice.ts';
import { createSetSlice } from './peers/set-slice.ts';
import { sliceInput, type SlicePeer } from './slice.ts';
import {
  createProgress,
  formatNs,
  formatTable,
  hasGc,
  memoryLatencyNs,
  settledHeapUsed,
  timeBlocks,
  timeOnce,
  timeOnceAsync,
  type TimingResult,
} from './timing.ts';
import { mixedTriples, sliceTriples, type SliceTriples, type Triples } from './triples.ts';

// --- Re-run with --expose-gc so heap figures are taken after a full collection. -------------
if (!hasGc() && process.env.CUSTOS_BENCH_CHILD !== '1') {
  const script = process.argv[1] ?? fileURLToPath(import.meta.url);
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, '--expose-gc', script, ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, CUSTOS_BENCH_CHILD: '1' } },
  );
  process.exit(child.status ?? 1);
}

const TARGET_DECIDE_NS = 300;
const TARGET_VS_CASL = 3;
const TARGET_VS_CASBIN = 30;
const TARGET_VS_FLOOR = 20;

const quick = process.argv.includes('--quick');

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(value) || value < 0) {
    console.error(`${name}=${raw} is not a non-negative number`);
    process.exit(2);
  }
  return Math.floor(value);
}

const QUICK: Partial<GenerateOptions> = {
  users: 2_000,
  portalUsers: 500,
  customers: 20_000,
  teamMemberships: 20_000,
  grants: 2_000,
};
const base: GenerateOptions = { ...DEFAULT_OPTIONS, ...(quick ? QUICK : {}) };
const options: GenerateOptions = {
  ...base,
  seed: envInt('BENCH_SEED', base.seed),
  users: envInt('BENCH_USERS', base.users),
  portalUsers: envInt('BENCH_PORTAL_USERS', base.portalUsers),
  customers: envInt('BENCH_CUSTOMERS', base.customers),
  teamMemberships: envInt('BENCH_TEAMS', base.teamMemberships),
  grants: envInt('BENCH_GRANTS', base.grants),
  roles: envInt('BENCH_ROLES', base.roles),
  sharingRules: envInt('BENCH_RULES', base.sharingRules),
  departmentDepth: envInt('BENCH_DEPARTMENT_DEPTH', base.departmentDepth),
  reportingDepth: envInt('BENCH_REPORTING_DEPTH', base.reportingDepth),
  customerFields: envInt('BENCH_FIELDS', base.customerFields),
};
const tripleCount = envInt('BENCH_TRIPLES', quick ? 100_000 : 1_000_000);
const casbinCount = Math.min(tripleCount, envInt('BENCH_CASBIN_TRIPLES', quick ? 10_000 : 100_000));
const blockSize = Math.max(1, envInt('BENCH_BLOCK', 1_000));
const hotDistinct = Math.max(1, Math.min(tripleCount, envInt('BENCH_HOT_DISTINCT', 2_000)));
const hotCalls = envInt('BENCH_HOT_CALLS', quick ? 50_000 : 200_000);
const casbinBlock = Math.max(1, envInt('BENCH_CASBIN_BLOCK', 100));

const progress = createProgress();
const status = (text: string): void => {
  if (process.stderr.isTTY) process.stderr.write(`\r\u001b[2K  ${text}…`);
};
const clearStatus = (): void => {
  if (process.stderr.isTTY) process.stderr.write('\r\u001b[2K');
};
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const n = (x: number): string => x.toLocaleString('en-US');
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

const started = process.hrtime.bigint();
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`Custos engine benchmark${quick ? ' (--quick)' : ''}`);
console.log(
  `node ${process.version}, ${cpu}, ${os.cpus().length} cores, seed ${options.seed}, ` +
    `GC ${hasGc() ? 'exposed' : 'NOT exposed (heap figures are approximate)'}`,
);
const latency = memoryLatencyNs();
console.log(
  `Random memory access on this machine: ${latency.toFixed(0)} ns (pointer chase over 128 MB); ` +
    `a decision over a large model costs a handful of these.`,
);
console.log('');

// --- 1. Dataset. ----------------------------------------------------------------------------
status('generating the dataset');
const generated = timeOnce(() => generateDataset(options));
const ds = generated.value;
const model = ds.model;
clearStatus();
const confidential = ds.customers.filter((c) => c.sensitivity === 'confidential').length;
console.log(`Dataset (generated in ${(generated.ms / 1000).toFixed(1)} s)`);
console.log(
  `  users           ${n(ds.internalUserIds.length)} internal + ${n(ds.portalUserIds.length)} portal; ` +
    `reporting lines ${maxReportingDepth(model)} deep; departments ${n(model.departments.length)}, ` +
    `${maxDepartmentDepth(model)} deep`,
);
console.log(
  `  policy          ${model.roles.length} roles, ${model.sharingRules.length} sharing rules, ` +
    `${n(ds.teams.length)} team memberships, ${n(model.grants.length + ds.recordGrants.length)} grants, ` +
    `${model.groups.length} groups, ${model.pools.length} pools, ${model.sodRules.length} SoD rules`,
);
console.log(
  `  records         ${n(ds.customers.length)} customers (${pct(confidential / ds.customers.length)} ` +
    `confidential, ${n(ds.customersByOwner.get(ds.skewedOwnerId)?.length ?? 0)} owned by ` +
    `${ds.skewedOwnerId}) + ${n(ds.children.length)} deals/contacts; customer object has ` +
    `${Object.keys(model.objects[0]?.fields ?? {}).length} fields`,
);

status('validating the model');
const validation = validateModel(model);
clearStatus();
if (!validation.ok) {
  console.error('The generated model is invalid:');
  for (const e of validation.errors.slice(0, 20))
    console.error(`  ${e.code} ${e.path}: ${e.message}`);
  process.exit(1);
}
console.log('  validateModel   ok');

status('building the index');
const heapBefore = settledHeapUsed();
const built = timeOnce(() => buildIndex(model));
const index: PolicyIndex = built.value;
const heapAfter = settledHeapUsed();
clearStatus();
console.log(
  `  buildIndex      ${n(Math.round(built.ms))} ms, heap used by the index ${mb(heapAfter - heapBefore)}`,
);
console.log('');

// --- 2. Mixed triples on the full model. ----------------------------------------------------
status('sampling triples');
const mixed: Triples = mixedTriples(ds, tripleCount, options.seed + 1);
const now = ds.now;
let mixedAllowed = 0;
for (let i = 0; i < mixed.length; i++) {
  if (decide(index, mixed.principals[i] as string, mixed.actions[i]!, mixed.records[i]!, now)) {
    mixedAllowed++;
  }
}
clearStatus();
console.log(
  `Full model: ${n(mixed.length)} mixed (principal, record, action) triples, ` +
    `${pct(mixedAllowed / mixed.length)} allowed`,
);

function runDecide(t: Triples, idx: PolicyIndex, start: number, end: number): number {
  const { principals, records, actions } = t;
  let allowed = 0;
  for (let i = start; i < end; i++) {
    if (decide(idx, principals[i] as string, actions[i]!, records[i] as CrmRecord, now)) allowed++;
  }
  return allowed;
}

function runExplain(t: Triples, idx: PolicyIndex, start: number, end: number): number {
  const { principals, records, actions } = t;
  let allowed = 0;
  for (let i = start; i < end; i++) {
    if (explain(idx, principals[i] as string, actions[i]!, records[i] as CrmRecord, now).allowed) {
      allowed++;
    }
  }
  return allowed;
}

function runFieldAccess(t: Triples, idx: PolicyIndex, start: number, end: number): number {
  const { principals, records } = t;
  let visible = 0;
  for (let i = start; i < end; i++) {
    const record = records[i] as CrmRecord;
    const fields = fieldAccess(idx, principals[i] as string, record.object, record, now);
    if (fields.name !== 'hidden') visible++;
  }
  return visible;
}

const results: Array<{ result: TimingResult; model: string; vs: 'mixed' | 'slice' }> = [];
const timed = (
  name: string,
  total: number,
  run: (start: number, end: number) => number,
  block = blockSize,
): TimingResult => {
  settledHeapUsed();
  return timeBlocks(name, total, run, { blockSize: block, progress });
};

const decideMixed = timed('decide', mixed.length, (s, e) => runDecide(mixed, index, s, e));
results.push({ result: decideMixed, model: 'full', vs: 'mixed' });
const explainMixed = timed('explain', mixed.length, (s, e) => runExplain(mixed, index, s, e));
results.push({ result: explainMixed, model: 'full', vs: 'mixed' });
const fieldsMixed = timed('fieldAccess', mixed.length, (s, e) =>
  runFieldAccess(mixed, index, s, e),
);
results.push({ result: fieldsMixed, model: 'full', vs: 'mixed' });
if (decideMixed.sink !== mixedAllowed || explainMixed.sink !== mixedAllowed) {
  console.error(
    `decide/explain disagree: ${mixedAllowed} allowed untimed, ${decideMixed.sink} timed decide, ` +
      `${explainMixed.sink} explain`,
  );
  process.exit(1);
}
console.log('');

// --- 3. The CRM slice in every implementation. ---------------------------------------------
status('building the slice');
const input = sliceInput(ds);
const sliceHeapBefore = settledHeapUsed();
const sliceIndex = timeOnce(() => buildIndex(input.model));
const sliceHeapAfter = settledHeapUsed();
const setups: Array<{ peer: SlicePeer; ms: number }> = [];
setups.push({ peer: createCustosSlice(input, sliceIndex.value), ms: sliceIndex.ms });
const setPeer = timeOnce(() => createSetSlice(input));
setups.push({ peer: setPeer.value, ms: setPeer.ms });
const caslIn = timeOnce(() => createCaslSlice(input, 'in-subtree'));
setups.push({ peer: caslIn.value, ms: caslIn.ms });
const caslChain = timeOnce(() => createCaslSlice(input, 'owner-chain'));
setups.push({ peer: caslChain.value, ms: caslChain.ms });
const casbin = await timeOnceAsync(() => createCasbinSlice(input));
setups.push({ peer: casbin.value, ms: casbin.ms });
const slice: SliceTriples = sliceTriples(ds, tripleCount, options.seed + 2);
clearStatus();

console.log(
  `CRM slice: ${n(input.userIds.length)} readers, ${n(input.subjects.length)} customers, ` +
    `${n(input.teamCount)} team memberships; rule: owner in my reporting subtree or I am ` +
    `on the team, never above clearance`,
);
console.log(
  `  setup           ${setups.map((s) => `${s.peer.name} ${n(Math.round(s.ms))} ms`).join(', ')}` +
    ` (custos: buildIndex, heap ${mb(sliceHeapAfter - sliceHeapBefore)})`,
);

// Agreement, once, on every triple, before timing.
const peers = setups.map((s) => s.peer);
const allowedBy = peers.map(() => 0);
let agree = 0;
const disagreements: string[] = [];
const every = Math.max(1, Math.floor(slice.length / 50));
for (let i = 0; i < slice.length; i++) {
  const p = slice.principals[i] as string;
  const a = slice.actions[i]!;
  const c = slice.customerIndex[i] as number;
  let first: boolean | undefined;
  let same = true;
  const answers: boolean[] = [];
  for (let k = 0; k < peers.length; k++) {
    const v = (peers[k] as SlicePeer).check(p, a, c);
    answers.push(v);
    if (v) allowedBy[k]!++;
    if (first === undefined) first = v;
    else if (v !== first) same = false;
  }
  if (same) agree++;
  else if (disagreements.length < 10) {
    disagreements.push(
      `  #${i} ${p} ${a} ${input.subjects[c]?.id}: ` +
        peers.map((peer, k) => `${peer.name}=${String(answers[k])}`).join(', '),
    );
  }
  if (progress && i % every === 0) progress.update('agreement check', i / slice.length);
}
progress?.done();
const sliceAllowed = allowedBy[0] ?? 0;
console.log(
  `  agreement       ${n(agree)} / ${n(slice.length)} triples agree across ${peers.length} ` +
    `implementations (${peers.map((p) => p.name).join(', ')}); ${pct(sliceAllowed / slice.length)} allowed`,
);
if (agree !== slice.length) {
  console.error(`DISAGREEMENT on ${n(slice.length - agree)} triples, e.g.:`);
  for (const d of disagreements) console.error(d);
  process.exit(1);
}

const [custosPeer, setFloor, caslInPeer, caslChainPeer, casbinPeer] = peers as [
  SlicePeer,
  SlicePeer,
  SlicePeer,
  SlicePeer,
  SlicePeer,
];
const decideSlice = timed('custos decide (slice)', slice.length, (s, e) =>
  custosPeer.run(slice, s, e),
);
results.push({ result: decideSlice, model: 'slice', vs: 'slice' });
for (const peer of [setFloor, caslInPeer, caslChainPeer]) {
  const r = timed(peer.name, slice.length, (s, e) => peer.run(slice, s, e));
  results.push({ result: r, model: 'slice', vs: 'slice' });
}
const casbinResult = timed(
  `Casbin`,
  casbinCount,
  (s, e) => casbinPeer.run(slice, s, e),
  casbinBlock,
);
results.push({ result: casbinResult, model: 'slice', vs: 'slice' });
// The timed loops must have seen the same answers as the agreement check.
for (const { result, model: m } of results) {
  if (m !== 'slice' || result.ops !== slice.length) continue;
  if (result.sink !== sliceAllowed) {
    console.error(`${result.name}: ${result.sink} allowed while timed, ${sliceAllowed} expected`);
    process.exit(1);
  }
}

// Supplementary: the same slice on a small, cache-resident working set (the first
// `hotDistinct` triples, repeated), which shows CPU cost without memory latency.
const hot: SliceTriples = {
  length: hotCalls,
  principals: Array.from(
    { length: hotCalls },
    (_, i) => slice.principals[i % hotDistinct] as string,
  ),
  actions: Array.from({ length: hotCalls }, (_, i) => slice.actions[i % hotDistinct] ?? 'read'),
  customerIndex: Uint32Array.from(
    { length: hotCalls },
    (_, i) => slice.customerIndex[i % hotDistinct] as number,
  ),
};
const hotResults: TimingResult[] = [];
for (const peer of peers) {
  const calls = peer === casbinPeer ? Math.max(1, Math.floor(hotCalls / 10)) : hotCalls;
  hotResults.push(
    timed(
      `${peer.name} (hot)`,
      calls,
      (s, e) => peer.run(hot, s, e),
      peer === casbinPeer ? casbinBlock : blockSize,
    ),
  );
}

// --- 4. The table. --------------------------------------------------------------------------
const label: Record<string, string> = {
  decide: 'custos decide',
  explain: 'custos explain',
  fieldAccess: `custos fieldAccess (${options.customerFields}-field row)`,
  'custos decide (slice)': 'custos decide',
};
const ratio = (r: TimingResult, ref: TimingResult): string =>
  `${(r.medianNs / ref.medianNs).toFixed(r.medianNs / ref.medianNs < 10 ? 2 : 1)}×`;
const rows = results.map(({ result, model: m, vs }) => [
  label[result.name] ?? result.name,
  m === 'full' ? 'full model' : 'CRM slice',
  n(result.ops),
  formatNs(result.medianNs),
  formatNs(result.p99Ns),
  formatNs(result.meanNs),
  ratio(result, vs === 'mixed' ? decideMixed : decideSlice),
]);
console.log('');
console.log(
  formatTable(
    [
      'implementation',
      'model',
      'calls',
      'median ns/op',
      'p99 ns/op',
      'mean ns/op',
      'vs our decide',
    ],
    rows,
  ),
);
console.log(
  `\nPer-call times are per block of ${n(blockSize)} calls (Casbin: ${n(casbinBlock)}), median and ` +
    `p99 over blocks, after a warm-up. "vs our decide" = this median / custos decide median on ` +
    `the same model (> 1 means slower than ours). Casbin runs on the first ${n(casbinCount)} ` +
    `slice triples only (it is slow); the other slice rows on all ${n(slice.length)}.`,
);

const caslBest = [
  results.find((r) => r.result.name === caslInPeer.name)?.result,
  results.find((r) => r.result.name === caslChainPeer.name)?.result,
]
  .filter((r): r is TimingResult => r !== undefined)
  .sort((a, b) => a.medianNs - b.medianNs)[0] as TimingResult;
const setResult = results.find((r) => r.result.name === setFloor.name)?.result as TimingResult;
const mark = (ok: boolean): string => (ok ? 'PASS' : 'MISS');
const targets: string[][] = [
  [
    'decide median ≤ 300 ns (CRM slice)',
    `${formatNs(decideSlice.medianNs)} ns`,
    mark(decideSlice.medianNs <= TARGET_DECIDE_NS),
  ],
  [
    'decide median ≤ 300 ns (full mixed model)',
    `${formatNs(decideMixed.medianNs)} ns`,
    mark(decideMixed.medianNs <= TARGET_DECIDE_NS),
  ],
  [
    `≥ ${TARGET_VS_CASL}× faster than CASL (best: ${caslBest.name})`,
    `${(caslBest.medianNs / decideSlice.medianNs).toFixed(1)}×`,
    mark(caslBest.medianNs / decideSlice.medianNs >= TARGET_VS_CASL),
  ],
  [
    `≥ ${TARGET_VS_CASBIN}× faster than Casbin`,
    `${(casbinResult.medianNs / decideSlice.medianNs).toFixed(1)}×`,
    mark(casbinResult.medianNs / decideSlice.medianNs >= TARGET_VS_CASBIN),
  ],
  [
    `within ${TARGET_VS_FLOOR}× of hand-written Set code`,
    `${(decideSlice.medianNs / setResult.medianNs).toFixed(1)}×`,
    mark(decideSlice.medianNs / setResult.medianNs <= TARGET_VS_FLOOR),
  ],
];
console.log('');
console.log(formatTable(['target (DESIGN.md §8)', 'measured', 'result'], targets));

const hotRef = hotResults[0] as TimingResult;
console.log(
  `\nFor reference, not the targets: the CRM slice on a cache-resident working set ` +
    `(${n(hotDistinct)} distinct triples, repeated):`,
);
console.log(
  formatTable(
    ['implementation', 'calls', 'median ns/op', 'p99 ns/op', 'vs our decide'],
    hotResults.map((r) => [
      r.name.replace(/ \(hot\)$/, ''),
      n(r.ops),
      formatNs(r.medianNs),
      formatNs(r.p99Ns),
      ratio(r, hotRef),
    ]),
  ),
);

const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`\nTotal ${seconds.toFixed(1)} s.`);

// Keep a machine-readable copy (bench/results/ is git-ignored).
const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(here, '..', 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(
  path.join(outDir, quick ? 'engine-quick.json' : 'engine.json'),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpu,
      quick,
      options,
      triples: tripleCount,
      casbinTriples: casbinCount,
      memoryLatencyNs: latency,
      buildIndexMs: built.ms,
      indexHeapBytes: heapAfter - heapBefore,
      mixedAllowed: mixedAllowed / mixed.length,
      sliceAllowed: sliceAllowed / slice.length,
      results: results.map(({ result, model: m }) => ({ ...result, model: m })),
      targets: targets.map(([name, measured, result]) => ({ name, measured, result })),
      cacheResident: { distinct: hotDistinct, results: hotResults },
    },
    null,
    2,
  )}\n`,
);
