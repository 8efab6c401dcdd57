import { xoroshiro128plus } from 'pure-rand';
import type { RandomGenerator } from 'pure-rand';

/**
 * A seeded random source over pure-rand's xoroshiro128+, with the few draws the world needs.
 * Mutable on purpose: the world generator draws hundreds of thousands of values and an
 * immutable generator per draw would dominate generation time.
 */
export class Prng {
  private readonly rng: RandomGenerator;

  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed | 0);
  }

  /** A float in [0, 1). */
  next(): number {
    return (this.rng.unsafeNext() >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of choices) total += w;
    let r = this.next() * total;
    for (const [value, w] of choices) {
      r -= w;
      if (r < 0) return value;
    }
    return choices[choices.length - 1][0];
  }

  /** A log-normal draw: heavy-tailed counts such as follower numbers. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.logNormalZ());
  }

  /** A Poisson count (Knuth's method; a rounded normal for large means). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.logNormalZ()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** An exponential draw with the given mean (waiting times). */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** A standard normal draw (Box–Muller; 1 - next() keeps the log argument in (0, 1]). */
  private logNormalZ(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return items;
  }

  /** A child generator for an independent stream (e.g. one per tick), stable for the same key. */
  fork(key: number): Prng {
    return new Prng(mixSeed(this.int(0, 0x7fffffff), key));
  }
}

/** Combines a seed with a stream key (tick number, purpose) into a new 32-bit seed. */
export function mixSeed(seed: number, key: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (key >>> 0), 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h | 0;
}
