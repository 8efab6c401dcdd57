import { mixSeed, Prng } from '../world/prng';

export type FaultKind =
  'rate-limited' | 'server-error' | 'bad-gateway' | 'unavailable' | 'slow' | 'truncated';

const FAULT_WEIGHTS: ReadonlyArray<readonly [FaultKind, number]> = [
  ['rate-limited', 0.2],
  ['server-error', 0.15],
  ['bad-gateway', 0.15],
  ['unavailable', 0.15],
  ['slow', 0.2],
  ['truncated', 0.15],
];

/**
 * Decides which requests fail and how. It draws from its own stream (seeded apart from the
 * world's), so faults depend on the request sequence only and never change the data served.
 */
export class FaultInjector {
  private prng: Prng;

  constructor(
    private readonly rate: number,
    private readonly seed: number,
  ) {
    this.prng = new Prng(mixSeed(seed, 0xfa17));
  }

  /** The fault for the next request, or null for a normal answer. */
  next(): FaultKind | null {
    if (this.rate <= 0) return null;
    const roll = this.prng.next();
    const kind = this.prng.weighted(FAULT_WEIGHTS);
    return roll < this.rate ? kind : null;
  }

  reset(): void {
    this.prng = new Prng(mixSeed(this.seed, 0xfa17));
  }
}
