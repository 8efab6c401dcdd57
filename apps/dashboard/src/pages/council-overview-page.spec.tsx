import { fireEvent, screen, within } from '@testing-library/react';
import { queryKeys } from '../api/query-keys';
import { councillorList, overview } from '../testing/fixtures';
import { renderPage, testQueryClient } from '../testing/render-page';
import { CouncilOverviewPage } from './council-overview-page';

function renderOverview(url = '/') {
  const client = testQueryClient();
  client.setQueryData(queryKeys.overview, overview());
  client.setQueryData(queryKeys.councillors, councillorList());
  return renderPage(<CouncilOverviewPage />, { url, pattern: '/', client });
}

const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });
const rowNames = () =>
  within(screen.getByRole('table'))
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);
const location = () => screen.getByTestId('location').textContent;

describe('CouncilOverviewPage', () => {
  it('shows the council totals and every councillor linked to their footprint', () => {
    renderOverview();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Kirklees');
    expect(screen.getByText('Followers, council median').nextElementSibling?.textContent).toBe('300');
    expect(rowNames()).toEqual(['Amira Shah', 'Ben Holt', 'Carys Price']);
    expect(screen.getByRole('link', { name: 'Ben Holt' }).getAttribute('href')).toBe('/councillors/c2');
  });

  it('sorts by a column header button, toggles aria-sort and writes the sort into the URL', () => {
    renderOverview();
    expect(header('Name').getAttribute('aria-sort')).toBe('ascending');
    expect(header('Followers').hasAttribute('aria-sort')).toBe(false);

    fireEvent.click(within(header('Followers')).getByRole('button'));
    expect(header('Followers').getAttribute('aria-sort')).toBe('descending');
    expect(header('Name').hasAttribute('aria-sort')).toBe(false);
    expect(location()).toBe('/?sort=followers&dir=desc');
    expect(rowNames()).toEqual(['Amira Shah', 'Ben Holt', 'Carys Price']);

    fireEvent.click(within(header('Followers')).getByRole('button'));
    expect(header('Followers').getAttribute('aria-sort')).toBe('ascending');
    expect(location()).toBe('/?sort=followers&dir=asc');
    expect(rowNames()).toEqual(['Carys Price', 'Ben Holt', 'Amira Shah']);
  });

  it('restores sort and filters from the URL', () => {
    renderOverview('/?sort=name&dir=desc&platform=bluesky');
    expect(header('Name').getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByLabelText<HTMLSelectElement>('Platform').value).toBe('bluesky');
    expect(rowNames()).toEqual(['Amira Shah']);
    expect(screen.getByText('Showing 1 of 3 councillors')).toBeTruthy();
  });

  it('filters through labelled inputs and keeps the filters in the URL', () => {
    renderOverview();
    fireEvent.change(screen.getByLabelText('Ward'), { target: { value: 'E05001002' } });
    expect(location()).toBe('/?ward=E05001002');
    expect(rowNames()).toEqual(['Ben Holt']);

    fireEvent.change(screen.getByLabelText('Ward'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Name, ward or party contains'), { target: { value: 'nobody' } });
    expect(location()).toBe('/?q=nobody');
    expect(screen.getByText('No councillor matches these filters.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
