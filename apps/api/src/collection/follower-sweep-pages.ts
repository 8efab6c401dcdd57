import type { CollectedFollower, Platform } from '@wardreach/collectors';
import type { FollowerAttributor } from '../attribution/follower-attributor';
import type { ErasureList } from './erasure-list';
import type { FollowerKeyHasher } from './follower-key-hasher';
import type { FollowerSweepTotals, FollowerSweepWriter } from './follower-sweep-writer';

/**
 * Followers whose pages may be in hand at once, between being collected and reaching the writer: enough
 * for the key thread to hash ahead while this thread sorts the pages before (sixteen X pages, 160 of
 * Bluesky), and only their ids, never the rest of a profile.
 */
const PAGES_IN_HAND_ROWS = 16_000;

/**
 * The way from a collected page of followers to the sweep's writer: each page's ids go to the
 * follower-key thread (`FollowerKeyHasher`) at once, its profiles are attributed on this thread while
 * they are hashed (and the profile text let go), and once its keys are back, and every page before it
 * has been handed on, the page's followers not on the erasure list reach `FollowerSweepWriter.add` as
 * rows. `add` returns as soon as the page is in hand, unless `PAGES_IN_HAND_ROWS` followers already
 * are: collecting the next page overlaps hashing this one. A page that failed fails the next `add`,
 * and `finished`.
 */
export class FollowerSweepPages {
  /** The last page's way to the writer; each waits for the one before. */
  private tail: Promise<void> = Promise.resolve();
  private readonly inHand: Array<{ done: Promise<void>; rows: number }> = [];
  private inHandRows = 0;
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly parts: {
      platform: Platform;
      hasher: FollowerKeyHasher;
      attributor: FollowerAttributor;
      erasures: ErasureList;
      writer: FollowerSweepWriter;
    },
  ) {}

  /** Adds one collected page; `nextCursor` as for `FollowerSweepWriter.add` (null: the last page). */
  async add(followers: readonly CollectedFollower[], nextCursor: string | null): Promise<void> {
    if (this.failure) throw this.failure.error;
    const { platform, hasher, attributor, erasures, writer } = this.parts;
    const keys = hasher.keysOf(
      platform,
      followers.map((follower) => follower.externalId),
    );
    // Observed at once: should attributing throw, or a page before fail, its rejection is not unhandled.
    keys.catch(() => undefined);
    // Meanwhile, on this thread.
    const attributions = followers.map((follower) => attributor.attribute(follower.profileText));
    // Read only if anyone on the platform asked to be erased.
    const formerIds = erasures.any ? followers.map((follower) => follower.formerIds) : [];
    const previous = this.tail;
    // After the page before has gone (or failed) whatever becomes of this one's keys, so that a failure
    // settles the way only once every page before it is done with the writer.
    const done = previous
      .then(() => keys)
      .then((pairs) => {
        let kept = pairs;
        let keptAttributions = attributions;
        // Nobody erased (the usual case): the page goes on as it is.
        if (erasures.any) {
          const keep = attributions
            .map((_, i) => i)
            .filter(
              (i) => !erasures.hasFollower({ keyHigh: pairs[i * 2], keyLow: pairs[i * 2 + 1] }, formerIds[i]),
            );
          kept = Int32Array.from(keep.flatMap((i) => [pairs[i * 2], pairs[i * 2 + 1]]));
          keptAttributions = keep.map((i) => attributions[i]);
        }
        return writer.addKeyed(kept, keptAttributions, nextCursor);
      });
    // Observed at once, so that a failure while the next page is collected is not an unhandled
    // rejection; the next `add`, or `finished`, rejects with it.
    done.catch((error: unknown) => {
      this.failure ??= { error };
    });
    this.tail = done;
    this.inHand.push({ done, rows: followers.length });
    this.inHandRows += followers.length;
    while (this.inHandRows > PAGES_IN_HAND_ROWS || (nextCursor === null && this.inHand.length > 0)) {
      const oldest = this.inHand.shift()!;
      this.inHandRows -= oldest.rows;
      await oldest.done;
    }
  }

  /** Waits for every page added to reach the writer, and the writer to finish; its totals. */
  async finished(): Promise<FollowerSweepTotals> {
    await this.tail;
    return this.parts.writer.finished();
  }

  /** Lets the pages added so far, and the writer, settle (after a failure elsewhere), ignoring how. */
  async settle(): Promise<void> {
    await this.tail.catch(() => undefined);
    await this.parts.writer.settle();
  }
}
