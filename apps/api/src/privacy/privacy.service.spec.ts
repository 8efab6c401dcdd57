import {
  BadRequestException,
  HttpException,
  Logger,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  AccountGoneError,
  MalformedPayloadError,
  RateLimitedError,
  TransientError,
  UnauthorisedError,
  UnconfiguredCollector,
  mapMastodonFollower,
  mapMastodonProfile,
} from '@wardreach/collectors';
import type { CollectedProfile } from '@wardreach/collectors';
import type { CollectorSetFactory } from '../collection/collector-set.factory';
import type { Clock } from '../common/clock';
import { pseudonymise } from '../common/pseudonymise';
import type { AppConfig } from '../config/app-config';
import type { PrivacyRepository } from './privacy.repository';
import { PlatformUnavailableException, PrivacyService } from './privacy.service';
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

const NOW = new Date('2026-03-10T12:00:00Z');

type FetchProfile = (params: { handle: string }) => Promise<CollectedProfile>;

function service(
  profiles: Record<string, CollectedProfile> = {},
  fetchProfiles: Partial<Record<string, FetchProfile>> = {},
) {
  const erased: Array<[string, string, string | undefined]> = [];
  const repository = strictFake<PrivacyRepository>({
    erase: (platform: string, pseudonym: string, externalId?: string) => {
      erased.push([platform, pseudonym, externalId]);
      return Promise.resolve({ follows: 1, followedBy: 0, interactions: 0, civicAccounts: 0 });
    },
  });
  const fetchProfile: FetchProfile = ({ handle }) => Promise.resolve(profiles[handle]);
  const collectors = strictFake<CollectorSetFactory>({
    create: () =>
      Promise.resolve({
        requests: () => 0,
        collectors: Object.fromEntries(
          ['mastodon', 'bluesky', 'x', 'facebook', 'youtube'].map((platform) => [
            platform,
            strictFake({ fetchProfile: fetchProfiles[platform] ?? fetchProfile }),
          ]),
        ) as never,
      }),
  });
  const privacy = new PrivacyService(
    repository,
    collectors,
    strictFake<Clock>({ now: () => NOW }),
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

/**
 * People asking to be erased have often deleted their account: the lookup of their handle fails. The
 * collector's error is not an HTTP one (Nest would answer 500 and log it, handle and all, at ERROR):
 * it becomes an answer the admin can act on, naming neither the handle nor what the platform said.
 */
describe('PrivacyService, a handle the platform cannot look up', () => {
  const HANDLE = 'alice@x.social';
  const lookup = 'GET /api/v1/accounts/lookup';
  let warnings: string[];
  let warn: jest.SpyInstance;

  beforeEach(() => {
    warnings = [];
    warn = jest
      .spyOn(Logger.prototype, 'warn')
      .mockImplementation((message: unknown) => void warnings.push(String(message)));
  });
  afterEach(() => warn.mockRestore());

  async function refusal(platform: string, error: Error, handle = HANDLE) {
    const { privacy, erased } = service({}, { [platform]: () => Promise.reject(error) });
    const erasing = await privacy.erase({ platform, handle }).catch((thrown: unknown) => thrown);
    const exporting = await privacy.export({ platform, handle }).catch((thrown: unknown) => thrown);
    expect(erased).toEqual([]);
    expect(exporting).toEqual(erasing);
    expect(erasing).toBeInstanceOf(HttpException);
    const answer = erasing as HttpException;
    expect(JSON.stringify(answer.getResponse())).not.toContain('alice');
    expect(answer.message).not.toContain('alice');
    expect(answer.cause).toBeUndefined();
    for (const line of warnings) expect(line).not.toContain('alice');
    return answer;
  }

  it.each([
    ['moved', new AccountGoneError('mastodon', lookup, `${HANDLE} has moved to alice@y.social`)],
    ['suspended', new AccountGoneError('mastodon', lookup, `${HANDLE} is suspended`)],
    ['deleted (HTTP 404)', new AccountGoneError('mastodon', lookup, `HTTP 404 for ${HANDLE}`)],
  ])('answers 404 for a %s account, asking for its platform id', async (_, error) => {
    const answer = await refusal('mastodon', error);
    expect(answer).toBeInstanceOf(NotFoundException);
    expect(answer.message).toMatch(/deleted, suspended, renamed or moved/);
    expect(answer.message).toMatch(/platform id as externalId.*user@instance/);
  });

  it('answers 404 on the other platforms too, saying what their id looks like', async () => {
    const x = await refusal(
      'x',
      new AccountGoneError('x', 'GET /2/users/by/username/:username', 'no user @alice'),
    );
    expect(x.getStatus()).toBe(404);
    expect(x.message).toMatch(/numeric user id/);
    const bluesky = await refusal(
      'bluesky',
      new AccountGoneError('bluesky', 'app.bsky.actor.getProfile', 'Profile not found: alice.bsky.social'),
      'alice.bsky.social',
    );
    expect(bluesky.message).toMatch(/did:plc:/);
  });

  it('answers 503 when the platform’s credentials are not set, or are refused', async () => {
    const unset = await refusal(
      'x',
      (await new UnconfiguredCollector('x', 'listening', 'an X bearer token')
        .fetchProfile()
        .catch((e: unknown) => e)) as Error,
    );
    expect(unset).toBeInstanceOf(ServiceUnavailableException);
    expect(unset.message).toMatch(/on X needs its credentials, which are not set/);
    const refused = await refusal(
      'mastodon',
      new UnauthorisedError('mastodon', lookup, `HTTP 401 looking up ${HANDLE}`),
    );
    expect(refused.getStatus()).toBe(503);
    expect(refused.message).toMatch(/credentials are missing, wrong or expired/);
  });

  it('answers 503 with when to retry when the rate limit is spent, and 503 for a passing fault', async () => {
    const limited = await refusal(
      'x',
      new RateLimitedError('x', 'GET /2/users/by/username/:username', new Date(NOW.getTime() + 90_500)),
    );
    expect(limited).toBeInstanceOf(PlatformUnavailableException);
    expect((limited as PlatformUnavailableException).retryAfterSeconds).toBe(91);
    const passing = await refusal(
      'bluesky',
      new TransientError('bluesky', 'getProfile', `ETIMEDOUT ${HANDLE}`),
    );
    expect(passing.getStatus()).toBe(503);
    expect((passing as PlatformUnavailableException).retryAfterSeconds).toBeNull();
  });

  it('answers 502 for a payload it cannot read, and 400 for what is not a handle', async () => {
    const malformed = await refusal(
      'youtube',
      new MalformedPayloadError('youtube', 'channels.list', 'items[0].id', `missing for ${HANDLE}`),
    );
    expect(malformed.getStatus()).toBe(502);
    const notAHandle = await refusal(
      'youtube',
      new MalformedPayloadError('youtube', 'channels.list', 'handle', `"${HANDLE}" is not a handle`),
    );
    expect(notAHandle).toBeInstanceOf(BadRequestException);
    const { privacy } = service();
    await expect(privacy.erase({ platform: 'mastodon', handle: 'alice' })).rejects.toThrow(
      /a Mastodon handle is user@instance/,
    );
  });

  it('logs what failed without the handle, at warning level', async () => {
    await refusal(
      'mastodon',
      new AccountGoneError('mastodon', lookup, `${HANDLE} has moved to alice@y.social`),
    );
    expect(warnings).toEqual([
      'a mastodon handle lookup for a privacy request failed: gone',
      'a mastodon handle lookup for a privacy request failed: gone',
    ]);
  });
});
