import type { CollectedFollower } from '@wardreach/collectors';
import type { EntityManager } from 'typeorm';
import type { FollowerAttribution, FollowerAttributor } from '../attribution/follower-attributor';
import { followerKeyOf, pseudonymise } from '../common/pseudonymise';
import type { CollectionRepository, FollowerRow } from './collection.repository';
import type { EdgeList } from './edge-list';
import { ErasureList } from './erasure-list';
import { FollowerKeyHasher } from './follower-key-hasher';
import { FollowerKeySet } from './follower-key-set';
import { FollowerSweepPages } from './follower-sweep-pages';
import { FollowerSweepWriter } from './follower-sweep-writer';

const SECRET = 'follower-sweep-pages-spec-secret-of-32-characters';

/** Two attributions, by profile text: "in Alder" is placed in the ward, anything else not at all. */
const WARD: FollowerAttribution = {
  status: 'ward',
  wardWeights: { E05000001: 1 },
  evidenceKinds: ['place'],
  key: 'ward|E05000001=1|place',
};
const UNKNOWN: FollowerAttribution = {
  status: 'unknown',
  wardWeights: {},
  evidenceKinds: [],
  key: 'unknown||',
};
const attributor = {
  attribute: (text: string) => (text.includes('Alder') ? WARD : UNKNOWN),
} as unknown as FollowerAttributor;

function follower(index: number, formerIds?: string[]): CollectedFollower {
  return {
    externalId: `did:plc:pages${index}`,
    handle: `resident${index}.bsky.social`,
    displayName: null,
    profileText: index % 3 === 0 ? 'Living in Alder' : 'Cyclist',
    formerIds,
  };
}

/** Every edge written, as `key/attribution id`, in the order the writer gave them to the database. */
function recordingWriter(
  written: string[],
  options: { failOnBatch?: number; attributionDelayMs?: number } = {},
): FollowerSweepWriter {
  const ids = new Map([
    [WARD.key, 7],
    [UNKNOWN.key, 9],
  ]);
  let batches = 0;
  const repository = {
    sweepFollowers: () => Promise.resolve({ known: new FollowerKeySet(), firstSweep: true }),
    attributionIds: async (rows: FollowerRow[]) => {
      await new Promise((resolve) => setTimeout(resolve, options.attributionDelayMs ?? 0));
      return Int32Array.from(rows.map((row) => ids.get(row.attributionKey)!));
    },
    transaction: <T>(work: (manager: EntityManager) => Promise<T>) => work({} as EntityManager),
    writeSweepBatch: async (params: { fresh: EdgeList }) => {
      batches += 1;
      await new Promise((resolve) => setImmediate(resolve));
      if (batches === options.failOnBatch) throw new Error('the database went away');
      for (let i = 0; i < params.fresh.length; i += 1) {
        written.push(`${params.fresh.high(i)}:${params.fresh.low(i)}/${params.fresh.attributionId(i)}`);
      }
      return { gained: params.fresh.length, lost: 0 };
    },
  } as unknown as CollectionRepository;
  return new FollowerSweepWriter(repository, {
    accountId: 'account',
    platform: 'bluesky',
    sweepStartedAt: new Date('2026-01-01T00:00:00Z'),
    resuming: false,
    batchRows: 250,
    now: () => new Date('2026-01-01T00:00:00Z'),
    saveCursor: () => Promise.resolve(),
  });
}

function expectedEdge(index: number): string {
  const { keyHigh, keyLow } = followerKeyOf(SECRET, 'bluesky', follower(index).externalId);
  return `${keyHigh}:${keyLow}/${index % 3 === 0 ? 7 : 9}`;
}

describe('FollowerSweepPages', () => {
  const hashers: FollowerKeyHasher[] = [];
  afterEach(async () => {
    await Promise.all(hashers.splice(0).map((hasher) => hasher.onModuleDestroy()));
  });

  function pagesOf(writer: FollowerSweepWriter, erasures: ErasureList, thread: boolean): FollowerSweepPages {
    const hasher = new FollowerKeyHasher(SECRET, { thread });
    hashers.push(hasher);
    return new FollowerSweepPages({ platform: 'bluesky', hasher, attributor, erasures, writer });
  }
  const nobody = new ErasureList(new Set(), (id) => pseudonymise(SECRET, 'bluesky', id));

  it.each([true, false])(
    'hands every follower on in the order collected, keyed and attributed (own thread: %s)',
    async (thread) => {
      const written: string[] = [];
      const pages = pagesOf(recordingWriter(written), nobody, thread);
      // Pages of uneven sizes, more of them than may be in hand at once.
      let index = 0;
      for (let page = 0; page < 60; page += 1) {
        const size = page % 7 === 0 ? 0 : 100 + page * 10;
        const followers = Array.from({ length: size }, () => follower((index += 1)));
        await pages.add(followers, page === 59 ? null : String(page + 1));
      }
      const totals = await pages.finished();
      expect(totals.gained).toBe(index);
      expect(written).toEqual(Array.from({ length: index }, (_, i) => expectedEdge(i + 1)));
    },
  );

  it('hands pages on in the order collected even when their keys come back in another', async () => {
    const written: string[] = [];
    const inline = new FollowerKeyHasher(SECRET, { thread: false });
    let sent = 0;
    // Each page's keys come back later than the next page's.
    const slow = {
      keysOf: async (platform: 'bluesky', ids: readonly string[]) => {
        const delay = 40 - (sent += 1) * 10;
        await new Promise((resolve) => setTimeout(resolve, Math.max(delay, 0)));
        return inline.keysOf(platform, ids);
      },
    } as unknown as FollowerKeyHasher;
    const pages = new FollowerSweepPages({
      platform: 'bluesky',
      hasher: slow,
      attributor,
      erasures: nobody,
      writer: recordingWriter(written),
    });
    await pages.add([follower(1), follower(2)], 'b');
    await pages.add([follower(3)], 'c');
    await pages.add([follower(4), follower(5)], null);
    await pages.finished();
    expect(written).toEqual([1, 2, 3, 4, 5].map(expectedEdge));
  });

  it('settles only once the pages before a failed one are done with the writer', async () => {
    const written: string[] = [];
    const inline = new FollowerKeyHasher(SECRET, { thread: false });
    let sent = 0;
    // The second page's keys fail at once, while the first is still on its way to the database.
    const failing = {
      keysOf: (platform: 'bluesky', ids: readonly string[]) =>
        (sent += 1) === 2 ? Promise.reject(new Error('the key thread died')) : inline.keysOf(platform, ids),
    } as unknown as FollowerKeyHasher;
    const pages = new FollowerSweepPages({
      platform: 'bluesky',
      hasher: failing,
      attributor,
      erasures: nobody,
      writer: recordingWriter(written, { attributionDelayMs: 30 }),
    });
    await pages.add(
      Array.from({ length: 250 }, (_, i) => follower(i + 1)),
      'b',
    );
    await pages.add([follower(251)], 'c');
    await expect(pages.finished()).rejects.toThrow('the key thread died');
    await pages.settle();
    const atSettle = written.length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(atSettle).toBe(250);
    expect(written).toHaveLength(250);
  });

  it('leaves out whoever is on the erasure list, by their id or a former one', async () => {
    const erased = new ErasureList(
      new Set([
        pseudonymise(SECRET, 'bluesky', follower(2).externalId),
        pseudonymise(SECRET, 'bluesky', 'old-5'),
      ]),
      (id) => pseudonymise(SECRET, 'bluesky', id),
    );
    const written: string[] = [];
    const pages = pagesOf(recordingWriter(written), erased, true);
    await pages.add([follower(1), follower(2), follower(3)], 'next');
    await pages.add([follower(4), follower(5, ['old-5']), follower(6)], null);
    await pages.finished();
    expect(written).toEqual([1, 3, 4, 6].map(expectedEdge));
  });

  it('fails the next page added, and the end, once a page could not be written, writing nothing after it', async () => {
    const written: string[] = [];
    const pages = pagesOf(recordingWriter(written, { failOnBatch: 2 }), nobody, true);
    let failure: unknown = null;
    try {
      for (let page = 0; page < 20; page += 1) {
        await pages.add(
          Array.from({ length: 250 }, (_, i) => follower(page * 250 + i)),
          page === 19 ? null : String(page + 1),
        );
      }
    } catch (error) {
      failure = error;
    }
    expect(failure).toEqual(new Error('the database went away'));
    await expect(pages.finished()).rejects.toThrow('the database went away');
    await pages.settle();
    expect(written).toHaveLength(250);
  });
});
