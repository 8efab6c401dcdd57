import type { Platform } from '@wardreach/collectors';
import type { EntityManager } from 'typeorm';
import type { CollectionRepository, FollowerRow } from './collection.repository';
import type { FollowerKeySet } from './follower-key-set';

export interface FollowerSweepWriterOptions {
  accountId: string;
  platform: Platform;
  sweepStartedAt: Date;
  /**
   * When the account's last finished sweep began, or null: the sweep trusts the fingerprints stored
   * on its edges only for followers no sweep has reattributed since (`sweepFollowers`).
   */
  fingerprintsSince: Date | null;
  /** Followers per transaction: pages are gathered until a batch holds at least this many. */
  batchRows: number;
  /**
   * How many followers the account's profile counts, if known. A sweep that finds none at all while
   * the profile counts some has met a hidden list (a Mastodon instance older than 4.1 hides one
   * without saying so), not an account everyone left: it marks nobody lost.
   */
  profileFollowers?: number | null;
  /** The time, read when a batch is written (its reattributions) and when the sweep ends (lost edges). */
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
  /** Followers sent to the database: new to the account, or with a moved attribution. */
  written: number;
}

/** One batch: the followers the database must write, and the packed keys of every follower seen. */
interface Batch {
  /** Followers the account has no edge to. */
  fresh: FollowerRow[];
  /** Followers whose edge was lost, or whose attribution moved. */
  changed: FollowerRow[];
  seen: Buffer[];
  rows: number;
}

/**
 * Writes a follower sweep as it is collected. Before the first page, the account's standing edges are
 * loaded into a `FollowerKeySet` with the attribution fingerprint each was stored with; a follower
 * found there with the same fingerprint is only marked seen, and only the others reach the database:
 * those new to the account by a path that inserts their edges without looking them up, those back
 * after being lost or with a moved attribution by the merge that does. Pages are gathered into
 * batches of `batchRows` followers, and each batch commits in one transaction with the packed keys it
 * saw and the cursor after its last page, so a crashed worker resumes from the last committed batch
 * and knows whom the sweep had seen. Every batch's transaction takes the resident-data lock shared
 * before anything else, and what it writes (followers, edges, keys seen) leaves out anyone erased by
 * then, although the pages were filtered with the erasure list read when the collection began. The
 * last batch marks lost the standing edges the sweep never saw. Writing runs one batch behind
 * collecting: while the database takes batch N, the next pages are fetched, pseudonymised and
 * attributed. Memory: the key set (32 to 64 bytes per edge of the account) and two batches, never the
 * followers themselves.
 *
 * A follower whose 64-bit key equals a known one's but whose pseudonym differs (about one chance in
 * 10^7 in a million followers) would pass for them here; the merge catches such collisions with any
 * follower it is sent.
 */
export class FollowerSweepWriter {
  private batch: Batch = emptyBatch();
  private writing: Promise<void> | null = null;
  private readonly known: Promise<FollowerKeySet>;
  private readonly totals: FollowerSweepTotals = {
    gained: 0,
    lost: 0,
    batches: 0,
    listHidden: false,
    written: 0,
  };
  private rowsAdded = 0;

  constructor(
    private readonly repository: CollectionRepository,
    private readonly options: FollowerSweepWriterOptions,
  ) {
    // Loaded while the first page is fetched.
    this.known = repository.sweepFollowers({
      accountId: options.accountId,
      sweepStartedAt: options.sweepStartedAt,
      fingerprintsSince: options.fingerprintsSince,
    });
    this.known.catch(() => undefined);
  }

  /**
   * Adds one collected page. `nextCursor` is the platform's cursor after it; null marks the last page,
   * which writes what is left and finishes the sweep. Resolves once the page is accepted (a full batch
   * waits only for the batch before it), and rejects with the error of any batch that failed.
   */
  async add(rows: FollowerRow[], nextCursor: string | null): Promise<void> {
    const known = await this.known;
    // The batch being written advances only as its statements' replies are read, which happens only
    // when this thread turns to I/O: pages that arrive without I/O in between (a cache, a fast
    // platform) would otherwise hold each reply until a whole batch is pseudonymised.
    if (this.writing) await new Promise<void>((resolve) => setImmediate(resolve));
    const batch = this.batch;
    const seen = Buffer.allocUnsafe(rows.length * 8);
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i];
      seen.writeInt32BE(row.keyHigh, i * 8);
      seen.writeInt32BE(row.keyLow, i * 8 + 4);
      const slot = known.slotOf(row.keyHigh, row.keyLow);
      if (slot >= 0 && known.matches(slot, row.fingerprint)) {
        known.markSeen(slot);
        continue;
      }
      (slot < 0 ? batch.fresh : batch.changed).push(row);
      known.markSeen(known.set(row.keyHigh, row.keyLow, row.fingerprint));
    }
    batch.seen.push(seen);
    batch.rows += rows.length;
    this.rowsAdded += rows.length;
    if (nextCursor !== null && batch.rows < this.options.batchRows) return;
    this.batch = emptyBatch();
    await this.writing;
    const writing = this.write(batch, nextCursor, known);
    // Observed here so that a failure while the next pages are fetched is not an unhandled
    // rejection; it still rejects the next `add` or `finished`, which await it.
    writing.catch(() => undefined);
    this.writing = writing;
  }

  /** Waits for the last batch; the totals of every batch written. */
  async finished(): Promise<FollowerSweepTotals> {
    await this.writing;
    return { ...this.totals };
  }

  /** Lets a batch still being written settle (after a failure elsewhere), ignoring its outcome. */
  async settle(): Promise<void> {
    await this.writing?.catch(() => undefined);
  }

  private async write(batch: Batch, nextCursor: string | null, known: FollowerKeySet): Promise<void> {
    const { accountId, platform, sweepStartedAt } = this.options;
    const { gained, lost } = await this.repository.transaction(async (manager) => {
      // First, whatever the batch holds (a re-sweep's batch often has nothing to write, only whom it
      // saw), `writeFollowerBatch` takes the resident-data lock: an erasure in progress commits
      // before anything here is read or written, and the next waits for this batch to commit.
      const gained = await this.repository.writeFollowerBatch(
        {
          accountId,
          platform,
          sweepStartedAt,
          followers: batch.changed,
          newToAccount: batch.fresh,
          now: this.options.now(),
        },
        manager,
      );
      let lost = 0;
      if (nextCursor === null) {
        const hidden = this.rowsAdded === 0 && (this.options.profileFollowers ?? 0) > 0 && !known.anySeen();
        this.totals.listHidden = hidden;
        lost = await this.repository.finishFollowerSweep(
          { accountId, now: this.options.now(), lostKeys: hidden ? [] : known.unseenKeys() },
          manager,
        );
      } else {
        const keys = Buffer.concat(batch.seen);
        await this.repository.recordSweepSeen({ accountId, sweepStartedAt, keys }, manager);
      }
      await this.options.saveCursor(manager, nextCursor);
      return { gained, lost };
    });
    this.totals.gained += gained;
    this.totals.lost += lost;
    this.totals.batches += 1;
    this.totals.written += batch.fresh.length + batch.changed.length;
  }
}

function emptyBatch(): Batch {
  return { fresh: [], changed: [], seen: [], rows: 0 };
}
