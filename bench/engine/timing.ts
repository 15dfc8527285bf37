/**
 * Timing helpers. One call is far too short for a timer, so calls run in blocks (by default 1,000
 * calls) timed with `process.hrtime.bigint()`; each block gives one per-call time, and we report
 * the median and p99 over blocks. Results are counted and returned so the work cannot be
 * optimised away.
 */

export interface TimingResult {
  readonly name: string;
  /** Calls timed (after warm-up). */
  readonly ops: number;
  readonly blockSize: number;
  readonly blocks: number;
  /** Per-call time, median over blocks, in nanoseconds. */
  readonly medianNs: number;
  /** Per-call time, 99th percentile over blocks, in nanoseconds. */
  readonly p99Ns: number;
  /** Total time / calls, in nanoseconds. */
  readonly meanNs: number;
  /** What the timed calls returned, summed (allowed decisions, fields, …). */
  readonly sink: number;
}

export interface TimeOptions {
  /** Calls per timed block. */
  blockSize?: number;
  /** Calls run untimed first (from the start of the range). */
  warmup?: number;
  /** Reports progress on stderr when it is a terminal. */
  progress?: Progress;
}

/** Nearest-rank percentile of ascending-sorted values. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

/**
 * Time `run` over [0, total) in blocks. `run(start, end)` performs calls start..end-1 and returns
 * a number derived from their results (e.g. how many were allowed).
 */
export function timeBlocks(
  name: string,
  total: number,
  run: (start: number, end: number) => number,
  options: TimeOptions = {},
): TimingResult {
  const blockSize = Math.max(1, Math.min(options.blockSize ?? 1000, total));
  const warmup = Math.min(options.warmup ?? Math.max(20_000, Math.floor(total / 10)), total);
  const progress = options.progress;
  let sink = 0;
  for (let s = 0; s < warmup; s += blockSize) sink += run(s, Math.min(warmup, s + blockSize));
  sink = 0;

  const blocks = Math.ceil(total / blockSize);
  const perCall = new Float64Array(blocks);
  let totalNs = 0;
  const every = Math.max(1, Math.floor(blocks / 50));
  for (let b = 0; b < blocks; b++) {
    const start = b * blockSize;
    const end = Math.min(total, start + blockSize);
    const t0 = process.hrtime.bigint();
    sink += run(start, end);
    const ns = Number(process.hrtime.bigint() - t0);
    perCall[b] = ns / (end - start);
    totalNs += ns;
    if (progress && b % every === 0) progress.update(name, b / blocks);
  }
  progress?.done();
  perCall.sort();
  return {
    name,
    ops: total,
    blockSize,
    blocks,
    medianNs: percentile(perCall, 50),
    p99Ns: percentile(perCall, 99),
    meanNs: totalNs / total,
    sink,
  };
}

/** Time one call of `fn` (for setup phases), in milliseconds. */
export function timeOnce<T>(fn: () => T): { value: T; ms: number } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

export async function timeOnceAsync<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { value, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

/** A one-line progress indicator on stderr, shown only when stderr is a terminal. */
export interface Progress {
  update(label: string, fraction: number): void;
  done(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress | undefined {
  if (!stream.isTTY) return undefined;
  let shown = false;
  return {
    update(label, fraction) {
      stream.write(`\r\u001b[2K  ${label}: ${(fraction * 100).toFixed(0).padStart(3)}%`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
  };
}

/** Heap used after a full GC (when `--expose-gc` is on), in bytes. */
export function settledHeapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

export function hasGc(): boolean {
  return typeof (globalThis as { gc?: unknown }).gc === 'function';
}

/** Format a table of strings with aligned columns; numeric-looking cells are right-aligned. */
export function formatTable(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = /^[-+]?[\d.,]+( ?[a-zµ×%]+)?$|^[\d.]+×$/;
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => {
        const w = widths[i] ?? 0;
        return i > 0 && numeric.test(c) ? c.padStart(w) : c.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** 1234.5 → "1,235"; small values keep one decimal. */
export function formatNs(ns: number): string {
  if (!Number.isFinite(ns)) return '—';
  return ns < 100 ? ns.toFixed(1) : Math.round(ns).toLocaleString('en-US');
}

/**
 * Average latency of one dependent random memory access over a buffer much larger than the CPU
 * caches (pointer chasing through a random cycle), in nanoseconds. Decisions over a large model
 * with random triples are bound by this, so it says how to read absolute per-call times.
 */
export function memoryLatencyNs(bytes = 128 * 1024 * 1024, steps = 2_000_000): number {
  const n = Math.max(2, Math.floor(bytes / 4));
  const next = new Int32Array(n);
  // Sattolo's algorithm: one random cycle through every slot. A fixed LCG keeps it repeatable.
  for (let i = 0; i < n; i++) next[i] = i;
  let seed = 0x2545f491;
  for (let i = n - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    const j = seed % i;
    const t = next[i] as number;
    next[i] = next[j] as number;
    next[j] = t;
  }
  let p = 0;
  for (let i = 0; i < 100_000; i++) p = next[p] as number;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < steps; i++) p = next[p] as number;
  const ns = Number(process.hrtime.bigint() - t0) / steps;
  return p === -1 ? Number.NaN : ns;
}
