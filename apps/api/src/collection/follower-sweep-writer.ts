import type { Platform } from '@wardreach/collectors';
import type { EntityManager } from 'typeorm';
import type { CollectionRepository, FollowerRow } from './collection.repository';

export interface FollowerSweepWriterOptions {
  accountId: string;
  platform: Platform;
  sweepStartedAt: Date;
  /** Followers per transaction: pages are gathered until a batch holds at least this many. */
  batchRows: number;
  /** When the sweep ends (the last batch's transaction, before it commits). */
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
}

/**
 * Writes a follower sweep as it is collected: pages are gathered into batches of `batchRows`
 * followers, and each batch commits in one transaction with the cursor after its last page, so a
 * crashed worker resumes from the last committed batch. Writing runs one batch behind collecting:
 * while the database merges batch N, the next pages are fetched, pseudonymised and attributed, so
 * the collector's CPU and the database work side by side. At most two batches are ever held, so a
 * councillor with 200,000 followers costs two batches of memory, not 200,000 followers.
 */
export class FollowerSweepWriter {
  private batch: FollowerRow[] = [];
  private writing: Promise<void> | null = null;
  private readonly totals: FollowerSweepTotals = { gained: 0, lost: 0, batches: 0 };

  constructor(
    private readonly repository: CollectionRepository,
    private readonly options: FollowerSweepWriterOptions,
  ) {}

  /**
   * Adds one collected page. `nextCursor` is the platform's cursor after it; null marks the last page,
   * which writes what is left and finishes the sweep. Resolves once the page is accepted (a full batch
   * waits only for the batch before it), and rejects with the error of any batch that failed.
   */
  async add(rows: FollowerRow[], nextCursor: string | null): Promise<void> {
    for (const row of rows) this.batch.push(row);
    if (nextCursor !== null && this.batch.length < this.options.batchRows) return;
    const batch = this.batch;
    this.batch = [];
    await this.writing;
    const writing = this.write(batch, nextCursor);
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

  private async write(batch: FollowerRow[], nextCursor: string | null): Promise<void> {
    const { accountId, platform, sweepStartedAt } = this.options;
    const { gained, lost } = await this.repository.transaction(async (manager) => {
      const written = {
        gained: await this.repository.writeFollowerBatch(
          { accountId, platform, sweepStartedAt, followers: batch },
          manager,
        ),
        lost:
          nextCursor === null
            ? await this.repository.finishFollowerSweep(
                { accountId, sweepStartedAt, now: this.options.now() },
                manager,
              )
            : 0,
      };
      await this.options.saveCursor(manager, nextCursor);
      return written;
    });
    this.totals.gained += gained;
    this.totals.lost += lost;
    this.totals.batches += 1;
  }
}
