import type { FaultKind } from './fault-injector';
import type { SandboxPlatform } from './sandbox-http';

/** What `GET /_sandbox/stats` returns. */
export interface RequestStatsSnapshot {
  since: string;
  total: number;
  /** Requests per platform and method (XRPC NSID or "GET /api/v1/…"). */
  requests: Partial<Record<SandboxPlatform, Record<string, number>>>;
  /** 429s served, whether from the enforced limit or an injected fault. */
  rateLimited: Partial<Record<SandboxPlatform, number>>;
  faults: Partial<Record<FaultKind, number>>;
  notModified: number;
}

/** Counts requests for efficiency benchmarks of the collectors. */
export class RequestStats {
  private snapshot: RequestStatsSnapshot;

  constructor(private readonly clock: () => number) {
    this.snapshot = this.empty();
  }

  count(platform: SandboxPlatform, method: string): void {
    const byMethod = (this.snapshot.requests[platform] ??= {});
    byMethod[method] = (byMethod[method] ?? 0) + 1;
    this.snapshot.total++;
  }

  countRateLimited(platform: SandboxPlatform): void {
    this.snapshot.rateLimited[platform] = (this.snapshot.rateLimited[platform] ?? 0) + 1;
  }

  countFault(kind: FaultKind): void {
    this.snapshot.faults[kind] = (this.snapshot.faults[kind] ?? 0) + 1;
  }

  countNotModified(): void {
    this.snapshot.notModified++;
  }

  read(): RequestStatsSnapshot {
    return structuredClone(this.snapshot);
  }

  reset(): void {
    this.snapshot = this.empty();
  }

  private empty(): RequestStatsSnapshot {
    return {
      since: new Date(this.clock()).toISOString(),
      total: 0,
      requests: {},
      rateLimited: {},
      faults: {},
      notModified: 0,
    };
  }
}
