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
    pseudonym: `pseudonym-${index}`,
    attribution: 'unknown',
    wardWeights: {},
    evidenceKinds: [],
    attributionKey: 'unknown||',
  };
}

describe('FollowerSweepWriter', () => {
  it('lets the batch being written advance while the next pages are added without any I/O between them', async () => {
    const written: number[] = [];
    // A batch's statements each wait for their reply: five round trips before the batch is written.
    const repository = {
      sweepFollowers: () => Promise.resolve({ known: new FollowerKeySet(), firstSweep: true }),
      attributionIds: (rows: FollowerRow[]) => Promise.resolve(new Int32Array(rows.length).fill(1)),
      transaction: <T>(work: (manager: EntityManager) => Promise<T>) => work({} as EntityManager),
      writeSweepBatch: async (params: { fresh: EdgeList }) => {
        for (let trip = 0; trip < 5; trip += 1) await reply();
        written.push(params.fresh.length);
        return { gained: params.fresh.length, lost: 0 };
      },
    } as unknown as CollectionRepository;
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
});
