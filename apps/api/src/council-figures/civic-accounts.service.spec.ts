import { BadRequestException } from '@nestjs/common';
import type { RegisterCivicAccountRequest } from '@wardreach/contracts';
import { mapMastodonFollower } from '@wardreach/collectors';
import { pseudonymise } from '../common/pseudonymise';
import type { CivicAccountsRepository } from './civic-accounts.repository';
import { CivicAccountsService } from './civic-accounts.service';
import type { CouncilViewsRepository } from './council-views.repository';
import { strictFake } from '../testing/strict-fake';

const SECRET = 'civic-accounts-spec-secret';

function service() {
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
  return { civic: new CivicAccountsService(accounts, roster, SECRET), inserted };
}

const foodBank: RegisterCivicAccountRequest = {
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
