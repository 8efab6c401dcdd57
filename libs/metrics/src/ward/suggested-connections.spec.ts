import { suggestedConnections } from './suggested-connections';

describe('suggestedConnections', () => {
  const civicAccounts = [
    { id: 'library', name: 'Holmfirth Library' },
    { id: 'civic-society', name: 'Holmfirth Civic Society' },
    { id: 'food-bank', name: 'Valley Food Bank' },
    { id: 'tenants', name: 'Tenants Association' },
    { id: 'quiet', name: 'A Quiet Group' },
  ];
  // Ann and Bob are the ward's councillors; Cat, Dev and Eve represent other wards.
  const councillorIds = ['ann', 'bob'];
  const links = new Map<string, Set<string>>([
    ['library', new Set(['ann', 'cat'])],
    ['civic-society', new Set(['bob'])],
    ['food-bank', new Set(['cat', 'dev'])],
    ['tenants', new Set(['eve'])],
  ]);

  it('suggests the accounts connected with none of the councillors, most connected elsewhere first', () => {
    expect(suggestedConnections({ civicAccounts, councillorIds, links })).toEqual([
      { account: { id: 'food-bank', name: 'Valley Food Bank' }, councillorsConnected: 2 },
      { account: { id: 'tenants', name: 'Tenants Association' }, councillorsConnected: 1 },
      { account: { id: 'quiet', name: 'A Quiet Group' }, councillorsConnected: 0 },
    ]);
  });

  it('suggests for one councillor what their ward colleagues are connected with', () => {
    expect(
      suggestedConnections({ civicAccounts, councillorIds: ['bob'], links }).map((s) => [
        s.account.id,
        s.councillorsConnected,
      ]),
    ).toEqual([
      ['library', 2],
      ['food-bank', 2],
      ['tenants', 1],
      ['quiet', 0],
    ]);
  });

  it('ties by name, suggests every account when nobody is connected, and none when there are none', () => {
    const none = new Map<string, Set<string>>();
    expect(
      suggestedConnections({ civicAccounts, councillorIds, links: none }).map((s) => s.account.name),
    ).toEqual([
      'A Quiet Group',
      'Holmfirth Civic Society',
      'Holmfirth Library',
      'Tenants Association',
      'Valley Food Bank',
    ]);
    expect(suggestedConnections({ civicAccounts: [], councillorIds, links })).toEqual([]);
  });

  it('does not suggest an organisation a councillor is connected with on another platform', () => {
    const accounts = [
      ...civicAccounts,
      { id: 'library-mastodon', name: ' holmfirth library ' },
      { id: 'food-bank-mastodon', name: 'Valley Food Bank' },
      { id: 'tenants-old', name: 'Tenants (old page)', organisation: 'holmfirth civic society' },
    ];
    const suggested = suggestedConnections({ civicAccounts: accounts, councillorIds, links });
    expect(suggested.map((s) => s.account.id)).toEqual([
      'food-bank',
      'tenants',
      'quiet',
      'food-bank-mastodon',
    ]);
  });
});
