import type { AccountCollectionStatus, CollectionStatusResponse } from '@wardreach/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { queryKeys } from '../api/query-keys';
import { renderPage, testQueryClient } from '../testing/render-page';
import { CollectionPage } from './collection-page';

function account(overrides: Partial<AccountCollectionStatus>): AccountCollectionStatus {
  return {
    id: 'a1',
    councillor: { id: 'c1', name: 'Amira Shah' },
    platform: 'bluesky',
    handle: 'amira.example.social',
    status: 'active',
    statusReason: null,
    lastCollectedAt: '2026-11-20T09:00:00Z',
    nextDueAt: '2026-11-20T09:30:00Z',
    nextFollowerSweepAt: '2026-11-20T15:00:00Z',
    lastRun: {
      status: 'succeeded',
      startedAt: '2026-11-20T08:59:50Z',
      finishedAt: '2026-11-20T09:00:00Z',
      requests: 12,
      items: 40,
      error: null,
    },
    ...overrides,
  };
}

const STATUS: CollectionStatusResponse = {
  accounts: [
    account({}),
    account({
      id: 'a2',
      councillor: { id: 'c2', name: 'Ben Holt' },
      platform: 'x',
      handle: 'benholt',
      status: 'unauthorised',
      statusReason: 'the bearer token was refused',
      nextDueAt: null,
      nextFollowerSweepAt: null,
      lastRun: {
        status: 'failed',
        startedAt: '2026-11-20T08:00:00Z',
        finishedAt: '2026-11-20T08:00:01Z',
        requests: 1,
        items: 0,
        error: 'x GET /2/users/by/username/:username: 401',
      },
    }),
    account({
      id: 'a3',
      councillor: { id: 'c3', name: 'Carys Price' },
      handle: 'carys-typo.bsky.social',
      status: 'gone',
      statusReason: 'Profile not found',
      lastCollectedAt: null,
      nextDueAt: null,
      nextFollowerSweepAt: null,
      lastRun: null,
    }),
  ],
  queues: { collect: { waiting: 2, active: 1 }, figures: { delayed: 1 } },
  x: {
    monthlyBudgetUsd: 100,
    spentThisMonthUsd: 12.5,
    renewsAt: '2026-12-01T00:00:00Z',
    estimatedSweepUsd: 3.2,
  },
};

function renderCollection(url = '/admin/collection') {
  const client = testQueryClient();
  client.setQueryData(queryKeys.collectionStatus, STATUS);
  return renderPage(<CollectionPage />, { url, pattern: '/admin/collection', client });
}

const rowHeaders = () =>
  within(screen.getByRole('table', { name: /^Every account/ }))
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent?.replace(/\s+/g, ' '));

describe('CollectionPage', () => {
  it('shows every account’s last collection, newest run and next slots, those needing attention first', () => {
    renderCollection();
    // Needing attention first (by councillor), then the others.
    expect(rowHeaders()).toEqual([
      'X benholt',
      'Bluesky carys-typo.bsky.social',
      'Bluesky amira.example.social',
    ]);
    const ben = screen.getByRole('rowheader', { name: 'X benholt' }).closest('tr')!;
    expect(
      within(ben)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      'Ben Holt',
      'Not authorisedthe bearer token was refused',
      expect.stringMatching(/^20 Nov 2026/),
      expect.stringMatching(/^Failed, 20 Nov 2026.*: 1 requests, 0 itemsx GET/),
      'Not scheduled',
      'No follower list',
    ]);
    const carys = screen.getByRole('rowheader', { name: 'Bluesky carys-typo.bsky.social' }).closest('tr')!;
    expect(within(carys).getByText('Not found on the platform: check the handle')).toBeTruthy();
    expect(within(carys).getByText('Never')).toBeTruthy();
    expect(screen.getByText(/3 accounts; 2 need attention/)).toBeTruthy();
  });

  it('narrows to the accounts needing attention through a labelled checkbox kept in the URL', () => {
    renderCollection();
    fireEvent.click(screen.getByLabelText('Only accounts needing attention'));
    expect(screen.getByTestId('location').textContent).toBe('/admin/collection?attention=1');
    expect(rowHeaders()).toEqual(['X benholt', 'Bluesky carys-typo.bsky.social']);
    expect(screen.getByText('Showing 2 of 3 accounts')).toBeTruthy();
  });

  it('shows X spending against its budget and the queues as a table', () => {
    renderCollection();
    expect(screen.getByText(/US\$12\.50 spent of US\$100\.00 this month/)).toBeTruthy();
    const queues = screen.getByRole('table', { name: 'Jobs in each queue, by state' });
    expect(
      within(queues)
        .getAllByRole('row')
        .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent)),
    ).toEqual([
      ['Queue', 'active', 'delayed', 'waiting'],
      ['collect', '1', '0', '2'],
      ['figures', '0', '1', '0'],
    ]);
  });
});
