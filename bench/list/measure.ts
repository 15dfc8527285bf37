/**
 * Latency of one async operation over repeated warm runs: untimed warm-up runs, then up to `runs`
 * timed runs (at least `minRuns`, then stopping once `budgetMs` of timed work is spent), each timed
 * with `process.hrtime.bigint()`. Reports nearest-rank percentiles over single runs.
 */
import { percentile } from '../engine/timing.ts';

export interface MeasureOptions {
  runs: number;
  warmup: number;
  /** Stop after this much timed work, once `minRuns` runs are done. */
  budgetMs: number;
  minRuns?: number;
}

export interface Latency {
  runs: number;
  p50: number;
  p95: number;
  max: number;
  /** What the runs returned (rows), summed, so nothing is optimised away and results are seen. */
  sink: number;
}

export async function measure(
  fn: () => Promise<number>,
  options: MeasureOptions,
): Promise<Latency> {
  let sink = 0;
  // Warm-up: `warmup` runs, cut short once half the budget is spent (slow queries).
  const w0 = performance.now();
  for (let i = 0; i < options.warmup && performance.now() - w0 < options.budgetMs / 2; i++) {
    sink += await fn();
  }
  const minRuns = Math.min(options.runs, options.minRuns ?? 5);
  const times: number[] = [];
  let spent = 0;
  sink = 0;
  while (times.length < options.runs && (times.length < minRuns || spent < options.budgetMs)) {
    const t0 = process.hrtime.bigint();
    sink += await fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    times.push(ms);
    spent += ms;
  }
  const sorted = Float64Array.from(times).sort();
  return {
    runs: times.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    sink,
  };
}

/** 0.123 → "0.12", 12.3 → "12.3", 1234 → "1,234" (milliseconds). */
export function formatMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1) return ms.toFixed(2);
  if (ms < 100) return ms.toFixed(1);
  return Math.round(ms).toLocaleString('en-US');
}

/** "p50 / p95" of a latency, in ms. */
export function formatLatency(l: Latency | undefined): string {
  return l === undefined ? '—' : `${formatMs(l.p50)} / ${formatMs(l.p95)}`;
}

/** A ratio with a sensible number of digits: 0.52×, 3.4×, 120×. */
export function formatRatio(x: number): string {
  if (!Number.isFinite(x)) return '—';
  return `${x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US')}×`;
}

/**
 * Several operations measured round-robin (one run of each per round, each round starting with
 * the next operation), so that a noisy moment of the shared machine falls on all of them alike
 * and their ratios stay fair.
 */
export async function measureInterleaved(
  fns: readonly (() => Promise<number>)[],
  options: MeasureOptions,
): Promise<Latency[]> {
  const sinks = fns.map(() => 0);
  const w0 = performance.now();
  for (let i = 0; i < options.warmup && performance.now() - w0 < options.budgetMs / 2; i++) {
    for (const fn of fns) await fn();
  }
  const minRuns = Math.min(options.runs, options.minRuns ?? 5);
  const times: number[][] = fns.map(() => []);
  let spent = 0;
  for (
    let round = 0;
    round < options.runs && (round < minRuns || spent < options.budgetMs * fns.length);
    round++
  ) {
    // Each round starts with the next one, so no operation always runs first or last.
    for (let j = 0; j < fns.length; j++) {
      const k = (round + j) % fns.length;
      const fn = fns[k] as () => Promise<number>;
      const t0 = process.hrtime.bigint();
      sinks[k] = (sinks[k] as number) + (await fn());
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      (times[k] as number[]).push(ms);
      spent += ms;
    }
  }
  return times.map((t, k) => {
    const sorted = Float64Array.from(t).sort();
    return {
      runs: t.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted[sorted.length - 1] ?? Number.NaN,
      sink: sinks[k] as number,
    };
  });
}
