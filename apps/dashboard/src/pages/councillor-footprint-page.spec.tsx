import { screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../api/api-error';
import type { ComponentProps } from 'react';
import { queryKeys } from '../api/query-keys';
import { councillorIndex } from '../testing/council-figures-fixtures';
import { account, councillorList, figures, footprint, overview } from '../testing/fixtures';
import { renderPage, testQueryClient } from '../testing/render-page';
import { CouncillorFootprintPage } from './councillor-footprint-page';

// jsdom has no canvas: chart.js is the edge, so the chart itself is a stand-in canvas.
jest.mock('react-chartjs-2', () => ({
  Chart: ({
    type: _type,
    data: _data,
    options: _options,
    ...canvas
  }: ComponentProps<'canvas'> & Record<string, unknown>) => <canvas {...canvas} />,
}));

function renderFootprint(data = footprint(), index = councillorIndex()) {
  const client = testQueryClient();
  client.setQueryData(queryKeys.councillorIndex('c1'), index);
  client.setQueryData(queryKeys.overview, overview());
  client.setQueryData(queryKeys.councillors, councillorList());
  client.setQueryData(queryKeys.footprint('c1'), data);
  return renderPage(<CouncillorFootprintPage />, {
    url: '/councillors/c1',
    pattern: '/councillors/:id',
    client,
  });
}

describe('CouncillorFootprintPage', () => {
  it('gives every chart a summary and a real table alternative', () => {
    renderFootprint();
    const charts = screen.getAllByRole('img');
    expect(charts.map((c) => c.getAttribute('aria-label'))).toEqual([
      'Footprint index 51.0 of 100: reach adds most (18.0 points), conversation least (5.0).',
      'Follower trend from 18 Nov 2026 to 20 Nov 2026: 1,480 to 1,500 followers (+20).',
      expect.stringContaining('5 posts in all'),
    ]);

    const followersTable = screen.getByRole('table', { name: 'Followers over time' });
    expect(
      within(followersTable)
        .getAllByRole('columnheader')
        .map((h) => [h.textContent, h.getAttribute('scope')]),
    ).toEqual([
      ['Date', 'col'],
      ['Followers', 'col'],
    ]);
    expect(within(followersTable).getByRole('rowheader', { name: '20 Nov 2026' }).getAttribute('scope')).toBe(
      'row',
    );
    expect(followersTable.closest('details')?.querySelector('summary')?.textContent).toBe('Show as table');

    const activityTable = screen.getByRole('table', { name: 'Posts and engagement over time' });
    expect(within(activityTable).getAllByRole('row')).toHaveLength(4);
  });

  it('compares headline figures with the council median and shows one card per account', () => {
    renderFootprint();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Amira Shah');
    const followers = screen.getByText('Followers', { selector: '.tile__label' }).closest('li')!;
    expect(followers.textContent).toContain('1,500');
    expect(followers.textContent).toContain('▲ above the council median: 300');

    const cards = within(screen.getByRole('region', { name: 'Accounts' })).getAllByRole('article');
    expect(cards).toHaveLength(1);
    expect(within(cards[0]).getByRole('link').getAttribute('href')).toBe(
      'https://bsky.app/profile/amira.example.social',
    );
    expect(within(cards[0]).getByText('Active')).toBeTruthy();
  });

  it('lists the replies and mentions waiting for a reply, linking to each post without naming its author', () => {
    renderFootprint(
      footprint({
        waiting: {
          items: [
            {
              id: '7',
              account: { id: 'a1', platform: 'bluesky', handle: '@amira.example.social' },
              kind: 'reply',
              receivedAt: '2026-11-17T10:00:00Z',
              url: 'https://bsky.app/profile/did:plc:r3s1dent/post/3lbx1',
              overdue: true,
            },
            {
              id: '9',
              account: { id: 'a1', platform: 'bluesky', handle: '@amira.example.social' },
              kind: 'mention',
              receivedAt: '2026-11-20T08:00:00Z',
              url: 'https://bsky.app/profile/did:plc:r3s1dent2/post/3lbx2',
              overdue: false,
            },
          ],
          total: 3,
          overdue: 1,
        },
      }),
    );
    const section = screen.getByRole('region', { name: 'Waiting for a reply' });
    expect(within(section).getByText(/^3 waiting, 1 of them for more than 48 hours/)).toBeTruthy();
    const table = within(section).getByRole('table', { name: /oldest first \(the oldest 2 of 3\)/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[2].textContent)).toEqual([
      'Over 48 hours',
      'Under 48 hours',
    ]);
    const link = within(rows[0]).getByRole('link', {
      name: /^Open the post \(reply received .*\) on Bluesky$/,
    });
    expect(link.getAttribute('href')).toBe('https://bsky.app/profile/did:plc:r3s1dent/post/3lbx1');
    // The address is only the link's target: nothing on the page shows it.
    expect(section.textContent).not.toContain('r3s1dent');
  });

  it('says an account never found may be a mistyped handle, and that nothing is known to wait before a collection', () => {
    renderFootprint(
      footprint({
        accounts: [account({ status: 'gone', statusReason: 'Profile not found', lastCollectedAt: null })],
      }),
    );
    expect(screen.getByText('Not found on the platform: check the handle')).toBeTruthy();
    const section = screen.getByRole('region', { name: 'Waiting for a reply' });
    expect(within(section).getByText(/^None of the accounts has been collected yet/)).toBeTruthy();
  });

  it('says when nothing is waiting for a reply', () => {
    renderFootprint();
    const section = screen.getByRole('region', { name: 'Waiting for a reply' });
    expect(within(section).getByText(/^Nothing is waiting/)).toBeTruthy();
    expect(within(section).queryByRole('table')).toBeNull();
  });

  it('suggests civic organisations the councillor is not connected with, by name, most connected first', () => {
    renderFootprint();
    const section = screen.getByRole('region', { name: 'Suggested local connections' });
    const table = within(section).getByRole('table', { name: /^Civic organisations to connect with/ });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent)),
    ).toEqual([
      ['Marsden Food Bank', 'Mastodon', 'FoodBank@colne.social', '4'],
      ['Castle Hill Friends', 'Bluesky', '@castlehill.example.org', '0'],
    ]);
  });

  it('says when there are no suggestions, and when none have been computed yet', () => {
    const { unmount } = renderFootprint(footprint({ suggestedConnections: [] }));
    const none = screen.getByRole('region', { name: 'Suggested local connections' });
    expect(
      within(none).getByText(/^No suggestions: you are connected with every registered civic/),
    ).toBeTruthy();
    expect(within(none).queryByRole('table')).toBeNull();
    unmount();
    renderFootprint(footprint({ suggestedConnections: null }));
    const notYet = screen.getByRole('region', { name: 'Suggested local connections' });
    expect(
      within(notYet).getByText('Suggestions appear after the first daily computation of figures.'),
    ).toBeTruthy();
  });

  it('says a blog has no followers on its card, rather than a count of 0', () => {
    const blog = account({
      id: 'a2',
      platform: 'rss',
      handle: 'https://amira.example/feed.xml',
      url: 'https://amira.example/',
      mentions: 'not-offered',
      figures: figures({ followers: 0 }),
    });
    renderFootprint(footprint({ accounts: [account(), blog] }));
    const cards = within(screen.getByRole('region', { name: 'Accounts' })).getAllByRole('article');
    const followersOf = (card: HTMLElement) =>
      within(card).getByText('Followers', { selector: 'dt' }).nextElementSibling?.textContent;
    expect(followersOf(cards[0])).toBe('1,500');
    expect(followersOf(cards[1])).toBe('Not applicable: a blog has no followers');
  });

  it('takes the footprint index apart: score, weight and points of every component, and a labelled chart', () => {
    renderFootprint();
    const section = screen.getByRole('region', { name: 'Footprint index' });
    expect(within(section).getByText('51.0', { selector: '.index-headline__value' })).toBeTruthy();
    expect(within(section).getByText(/Council median 44\.5\./)).toBeTruthy();

    const table = within(section).getByRole('table', { name: 'Footprint index, component by component' });
    const reach = within(table)
      .getByRole('rowheader', { name: /^Reach/ })
      .closest('tr')!;
    expect(
      within(reach)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['60.0%', '30%', '18.0', '30.0']);
    expect(within(reach).getByText('Followers against the council’s largest.')).toBeTruthy();
    const total = within(table).getByRole('rowheader', { name: 'Footprint index' }).closest('tr')!;
    expect(total.textContent).toContain('100%');
    expect(total.textContent).toContain('51.0');

    const chartTable = within(section).getByRole('table', { name: 'Points each component adds' });
    expect(
      within(chartTable)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Component', 'Points added']);
    expect(within(chartTable).getAllByRole('row')).toHaveLength(6);
  });

  it('says when the index has not been computed yet', async () => {
    const client = testQueryClient();
    client.setQueryData(queryKeys.overview, overview());
    client.setQueryData(queryKeys.footprint('c1'), footprint());
    global.fetch = jest.fn().mockResolvedValue({
      ok: false,
      status: 404,
      json: () => Promise.resolve({ statusCode: 404, error: 'Not Found', message: 'No figures yet' }),
    });
    renderPage(<CouncillorFootprintPage />, { url: '/councillors/c1', pattern: '/councillors/:id', client });
    expect(
      await screen.findByText('The footprint index appears after the first daily computation of figures.'),
    ).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(client.getQueryState(queryKeys.councillorIndex('c1'))?.error).toBeInstanceOf(ApiError);
  });

  it('shows why an account is not being collected', () => {
    const data = footprint();
    data.accounts = [
      { ...data.accounts[0], status: 'failing', statusReason: 'The platform answered 503 three times' },
    ];
    renderFootprint(data);
    expect(screen.getByText('Collection failing')).toBeTruthy();
    expect(screen.getByText('The platform answered 503 three times')).toBeTruthy();
  });

  it('says whether each account’s mentions are collected, and why not', () => {
    const data = footprint();
    data.accounts = [
      { ...data.accounts[0], id: 'a1', mentions: 'no-service-account' },
      { ...data.accounts[0], id: 'a2', mentions: 'service-account-refused' },
      { ...data.accounts[0], id: 'a3', platform: 'x', mentions: 'collected' },
    ];
    renderFootprint(data);
    const mentions = screen
      .getAllByText('Mentions', { selector: 'dt' })
      .map((term) => term.nextElementSibling?.textContent);
    expect(mentions).toEqual([
      'Not collected: no Bluesky search account is set up (replies are collected)',
      'Not collected: Bluesky refused the search account; an admin should check its app password (replies are collected)',
      'Collected',
    ]);
  });

  it('says when engagement leaves out likes a platform hides, on the headline and on the account', () => {
    const data = footprint({ figures: figures({ followers: 1500, likesHidden30d: 2 }) });
    data.accounts = [
      { ...data.accounts[0], id: 'a1' },
      {
        ...data.accounts[0],
        id: 'a2',
        platform: 'youtube',
        figures: figures({ engagementRate: 0.0123, likesHidden30d: 2 }),
      },
    ];
    renderFootprint(data);
    const tile = screen.getByText('Engagement rate', { selector: '.tile__label' }).closest('li')!;
    expect(tile.querySelector('.tile__note')?.textContent).toBe('(not counting likes hidden on 2 posts)');
    const rates = screen
      .getAllByText('Engagement rate', { selector: 'dt' })
      .map((term) => term.nextElementSibling?.textContent);
    expect(rates).toEqual(['0.40%', '1.23% (not counting likes hidden on 2 posts)']);
  });

  it('shows a clear empty state for a councillor with no accounts', () => {
    renderFootprint(footprint({ accounts: [], series: [] }));
    expect(screen.getByRole('heading', { name: 'No social-media accounts yet' })).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Headline figures' })).toBeNull();
  });

  it("shows the API's message for an unknown councillor", async () => {
    const fetchMock = jest.fn().mockResolvedValue({
      ok: false,
      status: 404,
      json: () =>
        Promise.resolve({ statusCode: 404, error: 'Not Found', message: 'No councillor with id nobody' }),
    });
    global.fetch = fetchMock;
    const client = testQueryClient();
    renderPage(<CouncillorFootprintPage />, {
      url: '/councillors/nobody',
      pattern: '/councillors/:id',
      client,
    });
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('No councillor with id nobody'),
    );
    expect(screen.getByRole('heading', { name: 'Councillor not found' })).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledWith('/api/councillors/nobody/footprint', expect.anything());
  });
});
