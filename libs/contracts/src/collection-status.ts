import type { AccountStatus, PlatformName } from './platform';

/** The newest collection run of an account: what happened. */
export interface CollectionRunView {
  status: 'running' | 'succeeded' | 'failed' | 'rate_limited' | 'abandoned';
  startedAt: string;
  finishedAt: string | null;
  requests: number;
  items: number;
  error: string | null;
}

export interface AccountCollectionStatus {
  id: string;
  councillor: { id: string; name: string };
  platform: PlatformName;
  handle: string;
  status: AccountStatus;
  statusReason: string | null;
  lastCollectedAt: string | null;
  /** Null for accounts no longer scheduled (gone, unauthorised, paused). */
  nextDueAt: string | null;
  /**
   * When followers are next swept: as planned, or at the next collection if that comes later (a sweep
   * runs within a collection, so one held back by a rate limit waits with it). Null as `nextDueAt`, and
   * where the platform lists no followers (Facebook, YouTube, RSS; X without a token).
   */
  nextFollowerSweepAt: string | null;
  lastRun: CollectionRunView | null;
}

/** `GET /api/admin/collection`: every account's collection, the queues, and X spending. */
export interface CollectionStatusResponse {
  accounts: AccountCollectionStatus[];
  queues: Record<string, Record<string, number>>;
  x: {
    monthlyBudgetUsd: number;
    spentThisMonthUsd: number;
    renewsAt: string;
    /** What a full sweep of every X account would cost now (reads × the configured prices). */
    estimatedSweepUsd: number;
  };
}
