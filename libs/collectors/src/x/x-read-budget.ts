/** X bills per item read: posts and users are priced separately under the pay-per-use plans. */
export type XReadKind = 'post' | 'user';

/** The council's contracted price per item read, in US dollars (set from the X developer console). */
export interface XReadPrices {
  post: number;
  user: number;
}

/**
 * What a reservation held, handed back to `settle`. It names the month it was counted in (`YYYY-MM`,
 * UTC), so that a request reserved before midnight at the month's end and settled after it adjusts
 * the month it was held in, not the new one.
 */
export interface XReadReservation {
  kind: XReadKind;
  reserved: number;
  month: string;
}

/**
 * The monthly X budget. Before each request the collector reserves the most it could read, which
 * succeeds only while that still fits the month's budget, checked and held in one step so that workers
 * running side by side cannot each pass the same check; after it, what was actually read replaces
 * what was held. The API keeps it in Redis for every worker; the CLI uses `InMemoryXReadBudget`.
 */
export interface XReadBudget {
  /** Holds `maxReads` at their price and returns the reservation, or holds nothing and returns null if it would not fit. */
  reserve(params: {
    kind: XReadKind;
    maxReads: number;
  }): Promise<XReadReservation | null> | XReadReservation | null;
  /** Replaces what `reservation` held, in the month it was held in, by the `reads` the request made (0 if it failed). */
  settle(params: { reservation: XReadReservation; reads: number }): Promise<void> | void;
  /** When the budget renews (the start of the next calendar month, UTC). */
  renewsAt(): Date;
}

/** Items a sweep of one account reads, for the admin's cost estimate. */
export interface XSweepEstimateInput {
  /** Followers, when a full follower sweep is due (0 otherwise). */
  followersToSweep: number;
  /** Expected new posts since the last run (own tweets). */
  newPosts: number;
  /** Known posts whose engagement is re-read. */
  postsToRefresh: number;
  /** Expected new mentions. */
  newMentions: number;
}

export interface XReadEstimate {
  postReads: number;
  userReads: number;
  /** postReads × prices.post + userReads × prices.user, in US dollars. */
  costUsd: number;
}

/**
 * The reads a sweep will bill: postReads = Σ (newPosts + postsToRefresh + newMentions),
 * userReads = Σ (1 profile + followersToSweep); costUsd = postReads × post price + userReads × user price.
 */
export function estimateXSweepCost(accounts: XSweepEstimateInput[], prices: XReadPrices): XReadEstimate {
  let postReads = 0;
  let userReads = 0;
  for (const account of accounts) {
    postReads += account.newPosts + account.postsToRefresh + account.newMentions;
    userReads += 1 + account.followersToSweep;
  }
  return { postReads, userReads, costUsd: postReads * prices.post + userReads * prices.user };
}

/** The calendar month of `date`, UTC, as `YYYY-MM`. */
export function monthUtc(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** The first instant of the next calendar month, UTC. */
export function startOfNextMonthUtc(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

/**
 * A monthly budget kept in memory: spent = Σ reads × price (plus what requests in flight hold), reset
 * when the month changes. A request is reserved while spent + maxReads × price ≤ monthlyUsd, so
 * collection stops before the budget is exceeded. A reservation settled after its month ended changes
 * nothing: that month is over, and the new one owes it nothing.
 */
export class InMemoryXReadBudget implements XReadBudget {
  private spentUsd = 0;
  private month: string;

  constructor(
    private readonly monthlyUsd: number,
    private readonly prices: XReadPrices,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.month = monthUtc(now());
  }

  get spent(): number {
    this.roll();
    return this.spentUsd;
  }

  reserve({ kind, maxReads }: { kind: XReadKind; maxReads: number }): XReadReservation | null {
    this.roll();
    const cost = maxReads * this.prices[kind];
    if (this.spentUsd + cost > this.monthlyUsd) return null;
    this.spentUsd += cost;
    return { kind, reserved: maxReads, month: this.month };
  }

  settle({ reservation, reads }: { reservation: XReadReservation; reads: number }): void {
    this.roll();
    if (reservation.month !== this.month) return;
    const { kind, reserved } = reservation;
    this.spentUsd = Math.max(0, this.spentUsd + (reads - reserved) * this.prices[kind]);
  }

  renewsAt(): Date {
    return startOfNextMonthUtc(this.now());
  }

  private roll(): void {
    const month = monthUtc(this.now());
    if (month !== this.month) {
      this.month = month;
      this.spentUsd = 0;
    }
  }
}
