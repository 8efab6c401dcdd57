import { BadRequestException } from '@nestjs/common';
import { mapMastodonFollower, mapMastodonProfile } from '@wardreach/collectors';
import type { CollectedProfile } from '@wardreach/collectors';
import type { CollectorSetFactory } from '../collection/collector-set.factory';
import type { Clock } from '../common/clock';
import { pseudonymise } from '../common/pseudonymise';
import type { AppConfig } from '../config/app-config';
import type { PrivacyRepository } from './privacy.repository';
import { PrivacyService } from './privacy.service';
import { strictFake } from '../testing/strict-fake';

const SECRET = 'privacy-service-spec-secret';

/** Alice of fosstodon.org as her own instance describes her (an erasure request looks her up there). */
const aliceAccount = {
  id: '109000000000000555',
  username: 'Alice',
  acct: 'Alice',
  display_name: 'Alice',
  url: 'https://fosstodon.org/@Alice',
  note: '<p>Marsden</p>',
  followers_count: 10,
  following_count: 20,
  statuses_count: 30,
};

function service(profiles: Record<string, CollectedProfile> = {}) {
  const erased: Array<[string, string, string | undefined]> = [];
  const repository = strictFake<PrivacyRepository>({
    erase: (platform: string, pseudonym: string, externalId?: string) => {
      erased.push([platform, pseudonym, externalId]);
      return Promise.resolve({ followers: 1, interactions: 0 });
    },
  });
  const collectors = strictFake<CollectorSetFactory>({
    create: () =>
      Promise.resolve({
        requests: () => 0,
        collectors: {
          mastodon: strictFake({
            fetchProfile: ({ handle }: { handle: string }) => Promise.resolve(profiles[handle]),
          }),
        } as never,
      }),
  });
  const privacy = new PrivacyService(
    repository,
    collectors,
    strictFake<Clock>({}),
    SECRET,
    strictFake<AppConfig>({}),
  );
  return { privacy, erased };
}

describe('PrivacyService, Mastodon', () => {
  it('erases the pseudonym a councillor on another instance stored for the person named by handle', async () => {
    // A mastodon.social councillor's follower sweep saw Alice as Alice@fosstodon.org, with
    // mastodon.social's own id for her.
    const seen = mapMastodonFollower(
      { ...aliceAccount, id: '111222333', acct: 'Alice@fosstodon.org' },
      'mastodon.social',
    );
    const stored = pseudonymise(SECRET, 'mastodon', seen.externalId);
    const { privacy, erased } = service({
      'alice@fosstodon.org': mapMastodonProfile(aliceAccount, 'fosstodon.org'),
    });
    await privacy.erase({ platform: 'mastodon', handle: 'alice@fosstodon.org' });
    expect(erased).toEqual([['mastodon', stored, 'alice@fosstodon.org']]);
  });

  it('takes an explicit Mastodon id only as user@domain, and answers 400 for an instance id', async () => {
    const { privacy, erased } = service();
    await privacy.erase({ platform: 'mastodon', externalId: '@Alice@Fosstodon.org' });
    expect(erased).toEqual([
      ['mastodon', pseudonymise(SECRET, 'mastodon', 'alice@fosstodon.org'), 'alice@fosstodon.org'],
    ]);
    const refused = await privacy
      .erase({ platform: 'mastodon', externalId: '109000000000000555' })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BadRequestException);
    expect((refused as Error).message).toMatch(/user@instance/);
    expect(erased).toHaveLength(1);
  });

  it('keeps other platforms’ ids as given, in the form collection stores them', async () => {
    const { privacy, erased } = service();
    await privacy.erase({ platform: 'bluesky', externalId: ' did:plc:ewvi7nxzyoun6zhxrhs64oiz ' });
    await privacy.erase({ platform: 'x', externalId: '2244994945' });
    await privacy.erase({ platform: 'youtube', externalId: 'UCresidentDDDDDDDDDDDDDD' });
    await privacy.erase({ platform: 'facebook', externalId: '7000000001' });
    expect(erased).toEqual([
      [
        'bluesky',
        pseudonymise(SECRET, 'bluesky', 'did:plc:ewvi7nxzyoun6zhxrhs64oiz'),
        'did:plc:ewvi7nxzyoun6zhxrhs64oiz',
      ],
      ['x', pseudonymise(SECRET, 'x', '2244994945'), '2244994945'],
      ['youtube', pseudonymise(SECRET, 'youtube', 'UCresidentDDDDDDDDDDDDDD'), 'UCresidentDDDDDDDDDDDDDD'],
      ['facebook', pseudonymise(SECRET, 'facebook', '7000000001'), '7000000001'],
    ]);
  });
});

/**
 * An id in a form no collector stores people by would erase a pseudonym nobody is held under: the
 * request would answer "nothing held" or "0 erased" while the person goes on being collected.
 */
describe('PrivacyService, ids in a form collection never stores', () => {
  it.each([
    ['bluesky', 'alice.bsky.social', /did:plc:.*give it as handle instead/],
    ['bluesky', 'did:plc:EWVI7NXZYOUN6ZHXRHS64OIZ', /case-sensitive/],
    ['x', '@alice', /numeric user id.*give it as handle instead/],
    ['x', 'Alice', /numeric user id/],
    ['x', 'unknown', /numeric user id/],
    ['facebook', 'alice.smith', /numeric id/],
    ['youtube', '@alice', /channel id, UC/],
    ['rss', 'https://ann.example/feed', /feed has no followers or commenters/],
  ])('refuses %s %j with 400, and neither erases nor exports', async (platform, externalId, message) => {
    const { privacy, erased } = service();
    const refusedErase = await privacy.erase({ platform, externalId }).catch((error: unknown) => error);
    expect(refusedErase).toBeInstanceOf(BadRequestException);
    expect((refusedErase as Error).message).toMatch(message);
    // The repository's record() is not faked: an export that got as far as reading would throw otherwise.
    const refusedExport = await privacy.export({ platform, externalId }).catch((error: unknown) => error);
    expect(refusedExport).toBeInstanceOf(BadRequestException);
    expect(erased).toEqual([]);
  });

  it('refuses an RSS request by handle too, without looking anything up', async () => {
    const { privacy, erased } = service();
    const refused = await privacy
      .erase({ platform: 'rss', handle: 'https://ann.example/feed' })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BadRequestException);
    expect((refused as Error).message).toMatch(/feed has no followers or commenters/);
    expect(erased).toEqual([]);
  });
});
