import { InMemoryRateLimitGate, InMemoryXReadBudget } from '@wardreach/collectors';
import type { AccountCollectionStatus, PlatformName } from '@wardreach/contracts';
import type { AccountsRepository } from '../accounts/accounts.repository';
import type { QueueService } from '../queue/queue.service';
import { FixedClock } from '../testing/fixed-clock';
import { strictFake } from '../testing/strict-fake';
import { testConfig } from '../testing/test-environment';
import type { CollectionStatusRepository } from './collection-status.repository';
import { CollectionStatusService } from './collection-status.service';
import { buildCollectorSet } from './collector-set.factory';
import type { CollectorSetFactory } from './collector-set.factory';

const NOW = new Date('2026-11-23T12:00:00Z');
const NEXT_SWEEP = '2026-11-23T18:00:00.000Z';

function account(platform: PlatformName): AccountCollectionStatus {
  return {
    id: `account-${platform}`,
    councillor: { id: 'councillor', name: 'Cllr Ann' },
    platform,
    handle: `${platform}-handle`,
    status: 'active',
    statusReason: null,
    lastCollectedAt: null,
    nextDueAt: NOW.toISOString(),
    nextFollowerSweepAt: NEXT_SWEEP,
    lastRun: null,
  };
}

/** The admin's collection status, with the collectors the worker would build from the same settings. */
async function statusWith(
  credentials: Record<string, string>,
  scheduled: (platform: PlatformName) => AccountCollectionStatus = account,
): Promise<Record<string, string | null>> {
  const config = testConfig(credentials);
  const clock = new FixedClock(NOW);
  const xBudget = new InMemoryXReadBudget(
    config.X_MONTHLY_BUDGET_USD,
    { post: 0.005, user: 0.01 },
    () => NOW,
  );
  const collectorSets = strictFake<CollectorSetFactory>({
    create: () =>
      Promise.resolve(
        buildCollectorSet({
          config,
          stored: { values: {}, unreadable: [] },
          now: () => NOW,
          gate: new InMemoryRateLimitGate(),
          xBudget,
        }),
      ),
    xBudget: () =>
      strictFake<ReturnType<CollectorSetFactory['xBudget']>>({
        spentUsd: () => Promise.resolve(0),
        renewsAt: () => new Date('2026-12-01T00:00:00Z'),
      }),
  });
  const platforms: PlatformName[] = ['bluesky', 'mastodon', 'rss', 'x', 'facebook', 'youtube'];
  const service = new CollectionStatusService(
    strictFake<CollectionStatusRepository>({
      accounts: () => Promise.resolve(platforms.map(scheduled)),
      xAccountLoads: () => Promise.resolve([]),
    }),
    strictFake<QueueService>({ counts: () => Promise.resolve({}) }),
    collectorSets,
    strictFake<AccountsRepository>({}),
    clock,
    config,
  );
  const { accounts } = await service.status();
  return Object.fromEntries(accounts.map((row) => [row.platform, row.nextFollowerSweepAt]));
}

describe('CollectionStatusService', () => {
  it('shows a next follower sweep only where the platform lists followers', async () => {
    expect(await statusWith({})).toEqual({
      bluesky: NEXT_SWEEP,
      mastodon: NEXT_SWEEP,
      rss: null,
      x: null, // no bearer token: X is not collected at all
      facebook: null,
      youtube: null,
    });
    expect(
      await statusWith({
        X_BEARER_TOKEN: 'x-token',
        FACEBOOK_ACCESS_TOKEN: 'page-token',
        YOUTUBE_API_KEY: 'key',
      }),
    ).toMatchObject({ x: NEXT_SWEEP, facebook: null, youtube: null });
  });

  it('shows a sweep due before the next collection (held back by a rate limit) at that collection', async () => {
    const limitedUntil = '2026-11-23T12:09:42.000Z';
    const sweeps = await statusWith({}, (platform) => ({
      ...account(platform),
      // The plan said 12:05, but the last collection was rate limited until 12:09:42.
      nextDueAt: limitedUntil,
      nextFollowerSweepAt: '2026-11-23T12:05:00.000Z',
    }));
    expect(sweeps).toMatchObject({ bluesky: limitedUntil, mastodon: limitedUntil, rss: null });
    // Not scheduled (flagged): neither is shown.
    const flagged = await statusWith({}, (platform) => ({
      ...account(platform),
      nextDueAt: null,
      nextFollowerSweepAt: null,
    }));
    expect(flagged.bluesky).toBeNull();
  });
});
