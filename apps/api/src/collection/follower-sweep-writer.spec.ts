import type { EntityManager } from 'typeorm';
import type { CollectionRepository, FollowerRow } from './collection.repository';
import type { EdgeList } from './edge-list';
import { FollowerKeySet } from './follower-key-set';
import { FollowerSweepWriter } from './follower-sweep-writer';

/** One turn of the event loop, as a database reply takes to be read. */
const reply = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function follower(index: number): FollowerRow {
  return {
    keyHigh: index,
    keyLow: index,
    attribution: 'unknown',
    wardWeights: {},
    evidenceKinds: [],
    attributionKey: 'unknown||',
  };
}

/**
 * The repository as the writer sees it: the account's edges as `start` gives them, every attribution
 * id 1, and each batch handed to `write` (its fresh edges), which counts them all gained.
 */
function repositoryOf(
  start: Promise<{ known: FollowerKeySet; firstSweep: boolean }>,
  write: (fresh: EdgeList) => Promise<void>,
): CollectionRepository {
  return {
    sweepFollowers: () => start,
    attributionIds: (rows: FollowerRow[]) => Promise.resolve(new Int32Array(rows.length).fill(1)),
    transaction: <T>(work: (manager: EntityManager) => Promise<T>) => work({} as EntityManager),
    writeSweepBatch: async (params: { fresh: EdgeList }) => {
      await write(params.fresh);
      return { gained: params.fresh.length, lost: 0 };
    },
  } as unknown as CollectionRepository;
}

describe('FollowerSweepWriter', () => {
  it('lets the batch being written advance while the next pages are added without any I/O between them', async () => {
    const written: number[] = [];
    // A batch's statements each wait for their reply: five round trips before the batch is written.
    const repository = repositoryOf(
      Promise.resolve({ known: new FollowerKeySet(), firstSweep: true }),
      async (fresh) => {
        for (let trip = 0; trip < 5; trip += 1) await reply();
        written.push(fresh.length);
      },
    );
    const writer = new FollowerSweepWriter(repository, {
      accountId: 'account',
      platform: 'bluesky',
      sweepStartedAt: new Date('2026-01-01T00:00:00Z'),
      resuming: false,
      batchRows: 10,
      now: () => new Date('2026-01-01T00:00:00Z'),
      saveCursor: () => Promise.resolve(),
    });

    // Pages of one follower, handed over as fast as a cache would: the first ten make a batch.
    for (let page = 0; page < 10; page += 1) await writer.add([follower(page)], String(page + 1));
    // Nine pages into the next batch, the first is written: its replies were read between pages.
    for (let page = 10; page < 19; page += 1) await writer.add([follower(page)], String(page + 1));
    expect(written).toEqual([10]);

    await writer.add([follower(19)], null);
    await expect(writer.finished()).resolves.toMatchObject({ gained: 20, batches: 2 });
  });

  it('holds pages back while the edges load, then takes them in order; the last page and a full backlog wait', async () => {
    let loaded: (start: { known: FollowerKeySet; firstSweep: boolean }) => void = () => undefined;
    const written: Array<{ keys: number[]; cursor: string | null }> = [];
    const repository = repositoryOf(
      new Promise((resolve) => {
        loaded = resolve;
      }),
      (fresh) => {
        written.push({ keys: Array.from({ length: fresh.length }, (_, i) => fresh.high(i)), cursor: null });
        return Promise.resolve();
      },
    );
    const writer = new FollowerSweepWriter(repository, {
      accountId: 'account',
      platform: 'bluesky',
      sweepStartedAt: new Date('2026-01-01T00:00:00Z'),
      resuming: false,
      batchRows: 2,
      backlogRows: 5,
      now: () => new Date('2026-01-01T00:00:00Z'),
      saveCursor: (_manager, cursor) => {
        written[written.length - 1].cursor = cursor;
        return Promise.resolve();
      },
    });
    // Two pages of two: held back, nothing written, and `add` did not wait.
    await writer.add([follower(1), follower(2)], 'a');
    await writer.add([follower(3), follower(4)], 'b');
    expect(written).toEqual([]);
    // A third page fills the backlog past five: `add` waits for the edges, then takes all three.
    let third = false;
    const adding = writer.add([follower(5), follower(6)], 'c').then(() => {
      third = true;
    });
    await reply();
    expect(third).toBe(false);
    loaded({ known: new FollowerKeySet(), firstSweep: true });
    await adding;
    await writer.add([follower(7)], null);
    await expect(writer.finished()).resolves.toMatchObject({ gained: 7, batches: 4 });
    expect(written).toEqual([
      { keys: [1, 2], cursor: 'a' },
      { keys: [3, 4], cursor: 'b' },
      { keys: [5, 6], cursor: 'c' },
      { keys: [7], cursor: null },
    ]);
  });
});
