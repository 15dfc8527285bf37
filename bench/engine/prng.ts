/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) so every generated dataset is
 * reproducible from one number. Not for cryptography.
 */
export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform integer in [low, high] (inclusive). */
  range(low: number, high: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A uniformly chosen element; the array must not be empty. */
  pick<T>(items: readonly T[]): T;
  /** An index chosen with the given cumulative weights (ascending, last = total). */
  weighted(cumulative: readonly number[]): number;
  /** A fresh generator derived from this one (independent stream for one concern). */
  fork(): Prng;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createPrng(seed: number): Prng {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const u32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) u32();
  const next = (): number => u32() / 4294967296;
  const prng: Prng = {
    next,
    int: (n) => Math.floor(next() * n),
    range: (low, high) => low + Math.floor(next() * (high - low + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    weighted: (cumulative) => {
      const total = cumulative[cumulative.length - 1] ?? 0;
      const x = next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] ?? 0) > x) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
    fork: () => createPrng(u32()),
  };
  return prng;
}

/** Cumulative Zipf-like weights 1/(i+1)^s for n items, for `Prng.weighted`. */
export function zipfWeights(n: number, s: number): number[] {
  const out = new Array<number>(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += 1 / Math.pow(i + 1, s);
    out[i] = sum;
  }
  return out;
}
