import {
  BadGatewayException,
  BadRequestException,
  NotFoundException,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { RegisterCivicAccountRequest } from '@wardreach/contracts';
import {
  AccountGoneError,
  MalformedPayloadError,
  NotConfiguredError,
  mapMastodonFollower,
} from '@wardreach/collectors';
import type { CollectedProfile, Collector } from '@wardreach/collectors';
import type { CollectorSet } from '../collection/collector-set';
import type { CollectorSetFactory } from '../collection/collector-set.factory';
import { pseudonymise } from '../common/pseudonymise';
import { ErasedCivicAccountError } from './civic-accounts.repository';
import type { CivicAccountsRepository } from './civic-accounts.repository';
import { CivicAccountsService, ErasedAccountException } from './civic-accounts.service';
import type { CouncilViewsRepository } from './council-views.repository';
import { strictFake } from '../testing/strict-fake';

const SECRET = 'civic-accounts-spec-secret';

/** The platforms as the service asks them: each profile lookup answered by `lookUp`. */
function platforms(lookUp: (platform: string, handle: string) => Promise<CollectedProfile>) {
  const asked: string[] = [];
  const collector = (platform: string) =>
    strictFake<Collector>({
      fetchProfile: ({ handle }) => {
        asked.push(`${platform} ${handle}`);
        return lookUp(platform, handle);
      },
    });
  const factory = strictFake<CollectorSetFactory>({
    create: () =>
      Promise.resolve(
        strictFake<CollectorSet>({
          collectors: Object.fromEntries(
            ['bluesky', 'mastodon', 'rss', 'x', 'facebook', 'youtube'].map((p) => [p, collector(p)]),
          ) as CollectorSet['collectors'],
        }),
      ),
  });
  return { factory, asked };
}

/** The food bank's account as its own instance describes it (numeric ids are per instance). */
const FOOD_BANK_PROFILE: CollectedProfile = {
  externalId: '109000000000000777',
  handle: 'FoodBank@colne.social',
  displayName: 'Marsden Food Bank',
  url: 'https://colne.social/@FoodBank',
  followersCount: 310,
  followingCount: 80,
  postsCount: 900,
  followersListed: true,
};

function service(
  lookUp: (platform: string, handle: string) => Promise<CollectedProfile> = () =>
    Promise.resolve(FOOD_BANK_PROFILE),
) {
  const inserted: Array<Parameters<CivicAccountsRepository['insert']>[0]> = [];
  const accounts = strictFake<CivicAccountsRepository>({
    insert: (params) => {
      inserted.push(params);
      return Promise.resolve('civic-1');
    },
    list: () => Promise.resolve([]),
  });
  const roster = strictFake<CouncilViewsRepository>({
    council: () => Promise.resolve({ id: 'council-1', code: 'E08000034', name: 'Kirklees' }),
  });
  const { factory, asked } = platforms(lookUp);
  return { civic: new CivicAccountsService(accounts, roster, SECRET, factory), inserted, asked };
}

const foodBank: RegisterCivicAccountRequest & { externalId: string } = {
  ward: null,
  name: 'Marsden Food Bank',
  platform: 'mastodon',
  handle: 'foodbank@colne.social',
  externalId: 'FoodBank@Colne.Social',
};

describe('CivicAccountsService, Mastodon', () => {
  it('pseudonymises an organisation as a follower sweep on any instance recognises it', async () => {
    const { civic, inserted } = service();
    await civic.register(foodBank);
    // Seen among the followers of a councillor on another instance.
    const seen = mapMastodonFollower(
      {
        id: '5550001',
        username: 'FoodBank',
        acct: 'FoodBank@colne.social',
        display_name: 'Food bank',
        note: '',
        followers_count: 1,
        following_count: 1,
        statuses_count: 1,
      },
      'mastodon.social',
    );
    expect(inserted).toMatchObject([
      { externalId: 'foodbank@colne.social', pseudonym: pseudonymise(SECRET, 'mastodon', seen.externalId) },
    ]);
  });

  it('answers 400 for a Mastodon id that is not user@domain', async () => {
    const { civic, inserted } = service();
    const refused = await civic
      .register({ ...foodBank, externalId: '109000000000000777' })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BadRequestException);
    expect(JSON.stringify((refused as BadRequestException).getResponse())).toMatch(/user@instance/);
    expect(inserted).toEqual([]);
  });
});

describe('CivicAccountsService, registering by handle (the API)', () => {
  const byHandle: RegisterCivicAccountRequest = {
    ward: null,
    name: 'Marsden Food Bank',
    platform: 'mastodon',
    handle: '@FoodBank@colne.social',
  };

  it('looks the handle up on its platform and registers the id found there', async () => {
    const { civic, inserted, asked } = service();
    await civic.registerByHandle(byHandle);
    expect(asked).toEqual(['mastodon FoodBank@colne.social']);
    expect(inserted).toMatchObject([
      { handle: 'FoodBank@colne.social', externalId: 'foodbank@colne.social' },
    ]);
  });

  it('accepts the id found there, and refuses another with the one found', async () => {
    const { civic, inserted } = service();
    await civic.registerByHandle({ ...byHandle, externalId: 'foodbank@COLNE.social' });
    expect(inserted).toHaveLength(1);
    const wrong = await civic
      .registerByHandle({ ...byHandle, externalId: 'someone-else@colne.social' })
      .catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(UnprocessableEntityException);
    expect((wrong as Error).message).toMatch(
      /is foodbank@colne\.social on mastodon, not someone-else@colne\.social/,
    );
    expect(inserted).toHaveLength(1);
  });

  it('says what stopped the lookup: no such account, or a platform it cannot ask', async () => {
    const gone = service(() =>
      Promise.reject(new AccountGoneError('bluesky', 'getProfile', 'Profile not found')),
    );
    const notFound = await gone.civic
      .registerByHandle({ ...byHandle, platform: 'bluesky', handle: 'nobody.bsky.social' })
      .catch((error: unknown) => error);
    expect(notFound).toBeInstanceOf(NotFoundException);
    expect((notFound as Error).message).toMatch(/bluesky has no public account nobody\.bsky\.social/);

    const unconfigured = service(() =>
      Promise.reject(new NotConfiguredError('x', 'fetchProfile', 'X_BEARER_TOKEN is not set')),
    );
    const unavailable = await unconfigured.civic
      .registerByHandle({ ...byHandle, platform: 'x', handle: 'marsdenfood' })
      .catch((error: unknown) => error);
    expect(unavailable).toBeInstanceOf(ServiceUnavailableException);
    expect((unavailable as Error).message).toMatch(/x accounts cannot be looked up here: .*X_BEARER_TOKEN/);
    expect(gone.inserted).toEqual([]);
    expect(unconfigured.inserted).toEqual([]);
  });

  it('tells a platform answer it cannot read from an account that is not public', async () => {
    const register = (error: Error) =>
      service(() => Promise.reject(error))
        .civic.registerByHandle({ ...byHandle, platform: 'x', handle: 'marsdenfood' })
        .catch((caught: unknown) => caught);

    const broken = await register(
      new MalformedPayloadError('x', 'GET /2/users/by/username/:username', 'data.id', 'expected a string'),
    );
    expect(broken).toBeInstanceOf(BadGatewayException);
    expect((broken as Error).message).toMatch(
      /x answered the lookup of marsdenfood in a form wardreach does not understand \(.*data\.id: expected a string\); nothing was registered/,
    );

    const refused = await register(
      new MalformedPayloadError(
        'x',
        'GET /2/users/by/username/:username',
        'errors',
        'X refused the public profile of @marsdenfood',
      ),
    );
    expect(refused).toBeInstanceOf(NotFoundException);
    expect((refused as Error).message).toMatch(/x has no public account marsdenfood to register/);

    const handle = await register(
      new MalformedPayloadError('x', 'lookup', 'handle', '"marsden food" is not a handle'),
    );
    expect(handle).toBeInstanceOf(BadRequestException);
    expect((handle as BadRequestException).getResponse()).toMatchObject({
      message: ['handle: "marsden food" is not a handle'],
    });
  });

  it('refuses with 409 an account erased at its owner’s request', async () => {
    const accounts = strictFake<CivicAccountsRepository>({
      insert: () => Promise.reject(new ErasedCivicAccountError('bluesky account did:plc:x was erased')),
    });
    const roster = strictFake<CouncilViewsRepository>({
      council: () => Promise.resolve({ id: 'council-1', code: 'E08000034', name: 'Kirklees' }),
    });
    const civic = new CivicAccountsService(
      accounts,
      roster,
      SECRET,
      platforms(() => Promise.resolve(FOOD_BANK_PROFILE)).factory,
    );
    const refused = await civic.registerByHandle(byHandle).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ErasedAccountException);
    expect((refused as ErasedAccountException).getStatus()).toBe(409);
    expect((refused as Error).message).toMatch(/was erased/);
  });

  it('refuses a malformed handle or id before asking the platform', async () => {
    const { civic, asked } = service();
    await expect(civic.registerByHandle({ ...byHandle, handle: 'foodbank' })).rejects.toBeInstanceOf(
      BadRequestException,
    );
    await expect(
      civic.registerByHandle({ ...byHandle, externalId: '109000000000000777' }),
    ).rejects.toBeInstanceOf(BadRequestException);
    expect(asked).toEqual([]);
  });
});
