import { mapMastodonFollower } from '@wardreach/collectors';
import type { Clock } from '../common/clock';
import { pseudonymise } from '../common/pseudonymise';
import type { LiveEventsService } from '../events/live-events.service';
import type {
  AccountFactsRow,
  CouncilFactsRepository,
  CouncillorPseudonym,
} from './council-facts.repository';
import { CouncilFiguresService } from './council-figures.service';
import type { MetricSnapshotRepository } from './metric-snapshot.repository';
import { accountSnapshot } from '../testing/account-snapshot.fixture';
import { strictFake } from '../testing/strict-fake';

const SECRET = 'council-figures-spec-secret';

function account(row: Pick<AccountFactsRow, 'id' | 'platform' | 'handle' | 'externalId'>): AccountFactsRow {
  return {
    ...row,
    councillorId: `councillor-${row.id}`,
    status: 'active',
    statusReason: null,
    lastSucceededAt: null,
    latest: null,
    followersThen: null,
  };
}

describe('CouncilFiguresService, councillors among followers', () => {
  it('knows a Mastodon councillor by user@domain, as a sweep on another instance stores them', async () => {
    const passed: CouncillorPseudonym[][] = [];
    const empty = () => Promise.resolve([]);
    const facts = strictFake<CouncilFactsRepository>({
      councils: () => Promise.resolve([{ id: 'c', code: 'E08000034', name: 'Kirklees', settings: {} }]),
      wards: empty,
      councillors: empty,
      accounts: () =>
        Promise.resolve([
          account({ id: 'cat', platform: 'mastodon', handle: 'Cat@colne.social', externalId: '109876' }),
          account({ id: 'new', platform: 'mastodon', handle: 'dan@colne.social', externalId: null }),
          account({ id: 'ann', platform: 'bluesky', handle: 'ann.bsky.social', externalId: 'did:plc:ann' }),
          account({ id: 'ben', platform: 'bluesky', handle: 'ben.bsky.social', externalId: null }),
        ]),
      wardFollowers: empty,
      councillorFollowers: empty,
      civicAccounts: empty,
      civicLinks: empty,
      networkEdges: (params) => {
        passed.push([...params.councillorPseudonyms]);
        return Promise.resolve([]);
      },
    });
    const service = new CouncilFiguresService(
      facts,
      strictFake<MetricSnapshotRepository>({ saveDay: () => Promise.resolve() }),
      strictFake<LiveEventsService>({ publish: () => Promise.resolve() }),
      strictFake<Clock>({}),
      SECRET,
    );
    await service.recompute(new Date('2026-06-30T12:00:00Z'));

    // Cat seen among a mastodon.social councillor's followers.
    const seen = mapMastodonFollower(
      {
        id: '555',
        username: 'Cat',
        acct: 'Cat@colne.social',
        display_name: 'Cllr Cat',
        note: '',
        followers_count: 1,
        following_count: 1,
        statuses_count: 1,
      },
      'mastodon.social',
    );
    expect(passed).toEqual([
      [
        {
          councillorId: 'councillor-cat',
          platform: 'mastodon',
          pseudonym: pseudonymise(SECRET, 'mastodon', seen.externalId),
        },
        {
          councillorId: 'councillor-new',
          platform: 'mastodon',
          pseudonym: pseudonymise(SECRET, 'mastodon', 'dan@colne.social'),
        },
        {
          councillorId: 'councillor-ann',
          platform: 'bluesky',
          pseudonym: pseudonymise(SECRET, 'bluesky', 'did:plc:ann'),
        },
      ],
    ]);
  });
});

describe('CouncilFiguresService, council medians', () => {
  it('takes the medians over the councillors online, as the council overview does', async () => {
    const day = '2026-06-30';
    const councillor = (id: string) => ({
      id,
      name: id,
      party: null,
      wardCode: 'E05000001',
      wardName: 'Alder',
    });
    const online = (id: string, followers: number, posts30d: number): AccountFactsRow => ({
      ...account({ id, platform: 'bluesky', handle: `${id}.bsky.social`, externalId: `did:plc:${id}` }),
      councillorId: id,
      latest: accountSnapshot(day, { followers, posts30d }),
    });
    const saved: Array<{ scope: string; rows: ReadonlyArray<{ subject: string; figures: unknown }> }> = [];
    const empty = () => Promise.resolve([]);
    const facts = strictFake<CouncilFactsRepository>({
      councils: () => Promise.resolve([{ id: 'c', code: 'E08000034', name: 'Kirklees', settings: {} }]),
      wards: empty,
      // Three online, two with no account at all.
      councillors: () => Promise.resolve(['ann', 'ben', 'cat', 'dan', 'eve'].map(councillor)),
      accounts: () =>
        Promise.resolve([online('ann', 100, 4), online('ben', 400, 12), online('cat', 1_500, 40)]),
      wardFollowers: empty,
      councillorFollowers: empty,
      civicAccounts: empty,
      civicLinks: empty,
      networkEdges: empty,
    });
    const service = new CouncilFiguresService(
      facts,
      strictFake<MetricSnapshotRepository>({
        saveDay: (params) => {
          saved.push(...params.scopes);
          return Promise.resolve();
        },
      }),
      strictFake<LiveEventsService>({ publish: () => Promise.resolve() }),
      strictFake<Clock>({}),
      SECRET,
    );
    await service.recompute(new Date(`${day}T12:00:00Z`));
    const council = saved.find((scope) => scope.scope === 'council')?.rows[0]?.figures as {
      councillors: number;
      medians: Record<string, number | null>;
    };
    expect(council.councillors).toBe(5);
    // Over Ann, Ben and Cat: (100, 400, 1,500) → 400 and (4, 12, 40) → 12; with the two offline
    // councillors' zeros the medians would be 100 and 4.
    expect(council.medians).toMatchObject({ totalReach: 400, posts30d: 12 });
  });
});
