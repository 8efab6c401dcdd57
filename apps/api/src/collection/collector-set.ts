import type { Collector, Platform } from '@wardreach/collectors';

/** The collectors for one job, with the count of HTTP requests they made (stored on the run). */
export interface CollectorSet {
  collectors: Record<Platform, Collector>;
  requests(): number;
}
