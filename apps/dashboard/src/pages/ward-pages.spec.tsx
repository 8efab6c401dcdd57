import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { queryKeys } from '../api/query-keys';
import { wardDetail, wardList } from '../testing/council-figures-fixtures';
import { renderPage, testQueryClient } from '../testing/render-page';
import { WardDetailPage } from './ward-detail-page';
import { WardsPage } from './wards-page';

const location = () => screen.getByTestId('location').textContent;
const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });

describe('WardsPage', () => {
  function renderWards(url = '/wards') {
    const client = testQueryClient();
    client.setQueryData(queryKeys.wards, wardList());
    return renderPage(<WardsPage />, { url, pattern: '/wards', client });
  }
  const wardNames = () =>
    within(screen.getByRole('table'))
      .getAllByRole('rowheader')
      .map((c) => c.textContent);

  it('lists every ward with councillors, followers, adults and penetration, linked to its detail', () => {
    renderWards();
    expect(wardNames()).toEqual(['Almondbury', 'Colne Valley', 'Holme Valley South']);
    expect(screen.getByRole('link', { name: 'Almondbury' }).getAttribute('href')).toBe('/wards/E05001001');
    expect(screen.getByRole('link', { name: 'Ben Holt' }).getAttribute('href')).toBe('/councillors/c2');
    const row = screen.getByRole('link', { name: 'Holme Valley South' }).closest('tr')!;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1,200', '10,000', '12.00%', 'Ben Holt']);
  });

  it('sorts by a header button and keeps the sort in the URL', () => {
    renderWards();
    fireEvent.click(within(header('Penetration')).getByRole('button'));
    expect(location()).toBe('/wards?sort=penetration&dir=desc');
    expect(header('Penetration').getAttribute('aria-sort')).toBe('descending');
    expect(wardNames()).toEqual(['Holme Valley South', 'Almondbury', 'Colne Valley']);
  });
});

describe('WardDetailPage', () => {
  function renderWard(data = wardDetail()) {
    const client = testQueryClient();
    client.setQueryData(queryKeys.ward('E05001001'), data);
    return renderPage(<WardDetailPage />, { url: '/wards/E05001001', pattern: '/wards/:code', client });
  }

  it('shows the ward’s reach, its network as tables and suggested organisations by name', () => {
    renderWard();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Almondbury');
    expect(screen.getByRole('link', { name: 'Amira Shah' }).getAttribute('href')).toBe('/councillors/c1');

    const reach = screen.getByRole('table', { name: 'Ward reach' });
    expect(
      within(reach).getByRole('rowheader', { name: 'Penetration' }).closest('tr')!.textContent,
    ).toContain('5.00%');

    const communities = screen.getByRole('table', { name: 'Communities' });
    const first = within(communities).getByRole('rowheader', { name: 'Community 1' }).closest('tr')!;
    expect(
      within(first)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['25', 'Amira Shah', 'Almondbury Community Association', '23']);

    const bridges = screen.getByRole('table', { name: /^Bridges/ });
    expect(
      within(bridges)
        .getAllByRole('rowheader')
        .map((c) => c.textContent),
    ).toEqual(['Almondbury Community Association', 'A resident']);

    const suggested = screen.getByRole('table', { name: /^Suggested civic organisations/ });
    const castle = within(suggested).getByRole('rowheader', { name: 'Castle Hill Friends' }).closest('tr')!;
    expect(
      within(castle)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Bluesky', '@castlehill.example.org', '3']);
    expect(
      within(suggested).getByRole('columnheader', { name: 'Other councillors connected with it' }),
    ).toBeTruthy();
  });

  it('explains what is missing before the first computation', () => {
    renderWard(
      wardDetail({ figures: null, network: null, suggestedConnections: [], day: null, updatedAt: null }),
    );
    expect(screen.getByText('No figures yet: they appear after the first daily computation.')).toBeTruthy();
    expect(screen.getByText('No network yet: it appears after the first daily computation.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it("shows the API's message for an unknown ward", async () => {
    global.fetch = jest.fn().mockResolvedValue({
      ok: false,
      status: 404,
      json: () => Promise.resolve({ statusCode: 404, error: 'Not Found', message: 'No ward with code X' }),
    });
    renderPage(<WardDetailPage />, { url: '/wards/X', pattern: '/wards/:code', client: testQueryClient() });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('No ward with code X'));
    expect(screen.getByRole('heading', { name: 'Ward not found' })).toBeTruthy();
    expect(global.fetch).toHaveBeenCalledWith('/api/wards/X', expect.anything());
  });
});
