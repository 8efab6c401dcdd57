import type { Platform } from '@wardreach/collectors';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';
import type { FollowerAttribution } from '../attribution/follower-attributor';
import type { AttributionRow, CollectionRepository, FollowerRow, SweepStart } from './collection.repository';
import { EdgeList } from './edge-list';

export interface FollowerSweepWriterOptions {
  accountId: string;
  platform: Platform;
  sweepStartedAt: Date;
  /** Whether the sweep began before (its cursor was saved): the batches it committed then count as seen. */
  resuming: boolean;
  /** Followers per transaction: pages are gathered until a batch holds at least this many. */
  batchRows: number;
  /** Followers that may wait at most while the edges load, and again in batches queued for the database; `BACKLOG_ROWS` by default. */
  backlogRows?: number;
  /**
   * How many followers the account's profile counts, if known. A sweep that finds none at all while
   * the profile counts some has met a hidden list (a Mastodon instance older than 4.1 hides one
   * without saying so), not an account everyone left: it marks nobody lost.
   */
  profileFollowers?: number | null;
  /** The time, read when the sweep ends (its lost edges are lost then). */
  now: () => Date;
  /**
   * Saves the sweep's cursor in the batch's transaction: the platform's cursor after the batch's last
   * page, or null once the sweep is finished.
   */
  saveCursor: (manager: EntityManager, pageCursor: string | null) => Promise<void>;
}

export interface FollowerSweepTotals {
  gained: number;
  lost: number;
  batches: number;
  /** The platform listed no follower while the profile counted some: nobody was marked lost. */
  listHidden: boolean;
  /** Edges sent to the database: new to the account, back after being lost, or with a moved attribution. */
  written: number;
}

/**
 * Followers a sweep holds back while the account's edges load: half a million (6 MB), about as many as
 * this thread pseudonymises while PostgreSQL reads a million edges out.
 */
const BACKLOG_ROWS = 500_000;

/** One page added: its followers' keys and attribution ids, and the platform's cursor after it. */
interface Page {
  edges: EdgeList;
  nextCursor: string | null;
}

/** One batch: the edges the database must write, and the packed keys of the other followers seen. */
interface Batch {
  /** Edges the account does not have. */
  fresh: EdgeList;
  /** Edges that were lost, or whose follower's attribution moved. */
  changed: EdgeList;
  /** Keys of the followers seen whose edge is not new (8 bytes each), page by page. */
  seen: Buffer[];
  rows: number;
}

/**
 * Writes a follower sweep as it is collected. Before the first page, the account's edges are loaded
 * into a `FollowerKeySet` with the attribution each holds; a follower found there with the same
 * attribution is only marked seen, and only the others reach the database: edges new to the account
 * by a binary COPY that looks nothing up, edges back after being lost or with a moved attribution by
 * an upsert. A first sweep (`SweepStart.firstSweep`) writes each follower once, as first found, into
 * the account's unindexed pending table, which its last batch makes the account's partition. Pages are
 * gathered into batches of `batchRows` followers, and each batch commits in one transaction with the cursor after its last page and the keys of the
 * followers it saw whose edges it did not write, so a crashed worker resumes from the last committed
 * batch and knows whom the sweep had seen. Every batch's transaction takes the resident-data lock
 * shared before anything else, and what it writes leaves out anyone erased by then, although the pages
 * were filtered with the erasure list read when the collection began. The last batch marks lost the
 * standing edges the sweep never saw. Writing runs behind collecting: full batches queue for the
 * database, in order, while the next pages are fetched, pseudonymised and attributed; and while the
 * account's edges load at the start, pages wait in a backlog. Memory: the key set (32 to 64 bytes per
 * edge of the account), the batch being filled, and at most `BACKLOG_ROWS` followers waiting in the
 * backlog (12 bytes each) and in queued batches (20 bytes each), never the followers themselves.
 *
 * A follower whose 64-bit key equals another follower's of the same account (about one chance in
 * 10^7 in a million followers) is taken for them.
 */
export class FollowerSweepWriter {
  private batch: Batch = emptyBatch();
  private writing: Promise<void> | null = null;
  /** Batches given to the database and not yet waited for, oldest first, and how many followers they saw. */
  private readonly queued: Array<{ writing: Promise<void>; rows: number }> = [];
  private queuedRows = 0;
  /** The error of the first batch that failed. */
  private failure: { error: unknown } | null = null;
  private readonly start: Promise<SweepStart>;
  private readonly totals: FollowerSweepTotals = {
    gained: 0,
    lost: 0,
    batches: 0,
    listHidden: false,
    written: 0,
  };
  private rowsAdded = 0;
  /** The account's edges, once loaded. */
  private loaded: SweepStart | null = null;
  /** Pages added while the edges were loading, in order. */
  private readonly backlog: Page[] = [];
  private backlogRows = 0;
  /** Taking the backlog, while it is not empty. */
  private draining: Promise<void> | null = null;
  /** Followers that may wait at most, in the backlog and in queued batches each. */
  private readonly waitingLimit: number;

  constructor(
    private readonly repository: CollectionRepository,
    private readonly options: FollowerSweepWriterOptions,
  ) {
    this.waitingLimit = options.backlogRows ?? BACKLOG_ROWS;
    // Loaded while the first page is fetched.
    this.start = repository.sweepFollowers({
      accountId: options.accountId,
      sweepStartedAt: options.sweepStartedAt,
      resuming: options.resuming,
      expectedFollowers: options.profileFollowers,
    });
    this.start.then(
      (start) => {
        this.loaded = start;
      },
      () => undefined,
    );
  }

  /**
   * Adds one collected page. `nextCursor` is the platform's cursor after it; null marks the last page,
   * which writes what is left and finishes the sweep. Resolves once the page is accepted (a full batch
   * is queued for the database, and waits only while the queue holds more than `BACKLOG_ROWS`
   * followers), and rejects with the error of any batch that failed.
   *
   * Until the account's edges are loaded, pages wait in a backlog of their keys and attribution ids
   * (12 bytes a follower, at most `BACKLOG_ROWS`) and are taken as soon as the edges are in, so that
   * collecting, pseudonymising and attributing go on while the database reads the edges out.
   */
  async add(rows: FollowerRow[], nextCursor: string | null): Promise<void> {
    const keys = new Int32Array(rows.length * 2);
    const attributions = rows.map((row, i): FollowerAttribution => {
      keys[i * 2] = row.keyHigh;
      keys[i * 2 + 1] = row.keyLow;
      return {
        status: row.attribution,
        wardWeights: row.wardWeights,
        evidenceKinds: row.evidenceKinds,
        key: row.attributionKey,
      };
    });
    await this.addKeyed(keys, attributions, nextCursor);
  }

  /**
   * `add`, for a page held as its followers' keys (high and low half of each, as `FollowerKeyHasher`
   * gives them) and their attributions, in the same order: no row object per follower, and each
   * distinct attribution looked up once.
   */
  async addKeyed(
    keys: Int32Array,
    attributions: readonly FollowerAttribution[],
    nextCursor: string | null,
  ): Promise<void> {
    // A page holds few distinct attributions (the attributor hands the same object for the same text).
    const indexOf = new Map<FollowerAttribution, number>();
    const distinct: AttributionRow[] = [];
    const index = new Int32Array(attributions.length);
    for (let i = 0; i < attributions.length; i += 1) {
      const attribution = attributions[i];
      let at = indexOf.get(attribution);
      if (at === undefined) {
        at = distinct.length;
        indexOf.set(attribution, at);
        distinct.push({
          attribution: attribution.status,
          wardWeights: attribution.wardWeights,
          evidenceKinds: attribution.evidenceKinds,
          attributionKey: attribution.key,
        });
      }
      index[i] = at;
    }
    const ids = await this.repository.attributionIds(distinct);
    const edges = new EdgeList(attributions.length);
    for (let i = 0; i < attributions.length; i += 1) edges.push(keys[i * 2], keys[i * 2 + 1], ids[index[i]]);
    const page = { edges, nextCursor };
    if (this.loaded && !this.draining) {
      await this.accept(page, this.loaded);
      return;
    }
    this.backlog.push(page);
    this.backlogRows += edges.length;
    if (!this.draining) {
      this.draining = this.drainBacklog();
      this.draining.catch(() => undefined);
    }
    if (nextCursor === null || this.backlogRows >= this.waitingLimit) await this.draining;
    // The load's statements advance only as this thread turns to I/O.
    else await nextTurn();
  }

  /**
   * Takes the backlog's pages in order once the edges are loaded, and those added meanwhile. Left
   * rejected if a page fails, so that the next `add`, `finished` or `settle` meets the error.
   */
  private async drainBacklog(): Promise<void> {
    const start = await this.start;
    while (this.backlog.length > 0) {
      const page = this.backlog.shift()!;
      this.backlogRows -= page.edges.length;
      // All at once: the batches they fill wait their turn for the database (see `accept`).
      await this.accept(page, start, false);
    }
    this.draining = null;
  }

  /** Sorts one page's followers against the account's edges into the batch, and writes a full batch. */
  private async accept({ edges, nextCursor }: Page, start: SweepStart, yieldFirst = true): Promise<void> {
    // A batch that failed ends the sweep: the batches after it are never written.
    if (this.failure) throw this.failure.error;
    const { known, firstSweep } = start;
    // The batch being written advances only as its statements' replies are read, which happens only
    // when this thread turns to I/O: pages that arrive without I/O in between (a cache, a fast
    // platform) would otherwise hold each reply until a whole batch is pseudonymised.
    if (yieldFirst && this.writing) await nextTurn();
    const batch = this.batch;
    const seen = Buffer.allocUnsafe(edges.length * 8);
    let seenBytes = 0;
    for (let i = 0; i < edges.length; i += 1) {
      const high = edges.high(i);
      const low = edges.low(i);
      const attributionId = edges.attributionId(i);
      const slot = known.slotOf(high, low);
      if (slot < 0) {
        batch.fresh.push(high, low, attributionId);
        known.markSeen(known.set(high, low, attributionId));
        continue;
      }
      // A first sweep writes each follower once, as first found: only its pending edges know them.
      if (firstSweep) {
        known.markSeen(slot);
        continue;
      }
      seenBytes = seen.writeInt32BE(high, seenBytes);
      seenBytes = seen.writeInt32BE(low, seenBytes);
      if (!known.matches(slot, attributionId)) {
        batch.changed.push(high, low, attributionId);
        known.set(high, low, attributionId);
      }
      known.markSeen(slot);
    }
    batch.seen.push(seen.subarray(0, seenBytes));
    batch.rows += edges.length;
    this.rowsAdded += edges.length;
    if (nextCursor !== null && batch.rows < this.options.batchRows) return;
    this.batch = emptyBatch();
    // Written in order, each once the one before has committed. Batches of as many followers as the
    // backlog holds may wait their turn (the backlog, taken at once, fills many), so that this thread
    // goes back to pseudonymising while the database works through them.
    const previous = this.writing;
    const writing = (previous ?? Promise.resolve()).then(() => this.write(batch, nextCursor, start));
    // Observed here so that a failure while the next pages are fetched is not an unhandled
    // rejection; the next page added, or `finished`, rejects with it.
    writing.catch((error: unknown) => {
      this.failure ??= { error };
    });
    this.writing = writing;
    this.queued.push({ writing, rows: batch.rows });
    this.queuedRows += batch.rows;
    while (this.queuedRows > this.waitingLimit) {
      const oldest = this.queued.shift()!;
      this.queuedRows -= oldest.rows;
      await oldest.writing;
    }
  }

  /** Waits for the pages added to be taken and the last batch written; the totals of every batch written. */
  async finished(): Promise<FollowerSweepTotals> {
    await this.draining;
    await this.writing;
    return { ...this.totals };
  }

  /**
   * Lets the pages added so far be taken and a batch still being written settle (after a failure
   * elsewhere), ignoring their outcome.
   */
  async settle(): Promise<void> {
    await this.draining?.catch(() => undefined);
    await this.writing?.catch(() => undefined);
  }

  private async write(
    batch: Batch,
    nextCursor: string | null,
    { known, firstSweep }: SweepStart,
  ): Promise<void> {
    const { accountId, platform, sweepStartedAt } = this.options;
    let finish: { now: Date; lostKeys: string[] } | null = null;
    if (nextCursor === null) {
      const hidden = this.rowsAdded === 0 && (this.options.profileFollowers ?? 0) > 0 && !known.anySeen();
      this.totals.listHidden = hidden;
      finish = { now: this.options.now(), lostKeys: hidden ? [] : known.unseenKeys() };
    }
    const { gained, lost } = await this.repository.transaction(async (manager) => {
      const counts = await this.repository.writeSweepBatch(
        {
          accountId,
          platform,
          sweepStartedAt,
          fresh: batch.fresh,
          changed: batch.changed,
          seen: Buffer.concat(batch.seen),
          finish,
          firstSweep,
          startsOver: this.totals.batches === 0 && !this.options.resuming,
        },
        manager,
      );
      await this.options.saveCursor(manager, nextCursor);
      return counts;
    });
    this.totals.gained += gained;
    this.totals.lost += lost;
    this.totals.batches += 1;
    this.totals.written += batch.fresh.length + batch.changed.length;
  }
}

function emptyBatch(): Batch {
  return { fresh: new EdgeList(), changed: new EdgeList(), seen: [], rows: 0 };
}
