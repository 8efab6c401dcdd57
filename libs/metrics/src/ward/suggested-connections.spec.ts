import { suggestedConnections } from './suggested-connections';

describe('suggestedConnections', () => {
  const civicAccounts = [
    { id: 'civic:library', name: 'Holmfirth Library' },
    { id: 'civic:civic-society', name: 'Holmfirth Civic Society' },
    { id: 'civic:food-bank', name: 'Valley Food Bank' },
    { id: 'civic:tenants', name: 'Tenants Association' },
    { id: 'civic:quiet', name: 'A Quiet Group' },
  ];
  const councillorAccountIds = ['cllr:ann-bsky', 'cllr:ann-x', 'cllr:bob'];
  const edges = [
    { source: 'cllr:ann-bsky', target: 'civic:library' }, // councillor follows it
    { source: 'civic:civic-society', target: 'cllr:bob' }, // it follows a councillor: also connected
    { source: 'resident:1', target: 'civic:food-bank' },
    { source: 'resident:2', target: 'civic:food-bank' },
    { source: 'civic:food-bank', target: 'resident:1' }, // same neighbour again
    { source: 'civic:tenants', target: 'resident:3' },
  ];

  it('suggests civic accounts no councillor is linked to either way, best connected first', () => {
    // food bank: neighbours resident:1, resident:2 → 2; tenants: resident:3 → 1; quiet group: 0
    expect(suggestedConnections({ civicAccounts, councillorAccountIds, edges })).toEqual([
      { account: { id: 'civic:food-bank', name: 'Valley Food Bank' }, wardConnections: 2 },
      { account: { id: 'civic:tenants', name: 'Tenants Association' }, wardConnections: 1 },
      { account: { id: 'civic:quiet', name: 'A Quiet Group' }, wardConnections: 0 },
    ]);
  });

  it('suggests every civic account when councillors have no edges, and none when there are none', () => {
    expect(suggestedConnections({ civicAccounts, councillorAccountIds, edges: [] })).toHaveLength(5);
    expect(suggestedConnections({ civicAccounts: [], councillorAccountIds, edges })).toEqual([]);
  });

  it('does not suggest an organisation a councillor is connected to on another platform', () => {
    // The library is followed by a councillor on one platform; its account on another is no suggestion.
    const accounts = [
      ...civicAccounts,
      { id: 'civic:library-mastodon', name: ' holmfirth library ' },
      { id: 'civic:food-bank-mastodon', name: 'Valley Food Bank' },
      { id: 'civic:tenants-old', name: 'Tenants (old page)', organisation: 'holmfirth civic society' },
    ];
    const suggested = suggestedConnections({ civicAccounts: accounts, councillorAccountIds, edges });
    expect(suggested.map((s) => s.account.id)).toEqual([
      'civic:food-bank',
      'civic:tenants',
      'civic:quiet',
      'civic:food-bank-mastodon',
    ]);
  });
});
