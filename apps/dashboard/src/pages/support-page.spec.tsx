import { fireEvent, screen, within } from '@testing-library/react';
import { queryKeys } from '../api/query-keys';
import { supportList } from '../testing/council-figures-fixtures';
import { renderPage, testQueryClient } from '../testing/render-page';
import { SupportPage } from './support-page';

function renderSupport(url = '/support') {
  const client = testQueryClient();
  client.setQueryData(queryKeys.support, supportList());
  return renderPage(<SupportPage />, { url, pattern: '/support', client });
}

const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });
const rowNames = () =>
  within(screen.getByRole('table'))
    .getAllByRole('rowheader')
    .map((cell) => within(cell).getByRole('link').textContent);
const location = () => screen.getByTestId('location').textContent;
const csvLink = () => screen.getByRole('link', { name: /^Download CSV/ });

describe('SupportPage', () => {
  it('lists every councillor, most flags first, each flag with its reason and a link to the footprint', () => {
    renderSupport();
    expect(header('Support flags').getAttribute('aria-sort')).toBe('descending');
    expect(rowNames()).toEqual(['Ben Holt', 'Carys Price', 'Amira Shah']);
    const ben = screen.getByRole('link', { name: 'Ben Holt' });
    expect(ben.getAttribute('href')).toBe('/councillors/c2');
    const benRow = ben.closest('tr') as HTMLElement;
    expect(within(benRow).getByText('On one platform or none').parentElement?.textContent).toBe(
      'On one platform or none Active on 1 platform (Mastodon); at least 2 are suggested.',
    );
    expect(within(benRow).getByText('20.5')).toBeTruthy();
    expect(screen.getByText('2 of 3 councillors raise at least one flag.')).toBeTruthy();
    expect(csvLink().getAttribute('href')).toBe('/api/support.csv');
  });

  it('filters by flag through a labelled select, keeps it in the URL and narrows the CSV link', () => {
    renderSupport();
    fireEvent.change(screen.getByLabelText('Support flag'), { target: { value: 'single-platform' } });
    expect(location()).toBe('/support?flag=single-platform');
    expect(rowNames()).toEqual(['Ben Holt']);
    expect(screen.getByText('Showing 1 of 3 councillors')).toBeTruthy();
    expect(csvLink().getAttribute('href')).toBe('/api/support.csv?flag=single-platform');
    expect(csvLink().textContent).toContain('flagged “On one platform or none”');
  });

  it('narrows the CSV link by ward and party as it narrows the table', () => {
    renderSupport('/support?party=__none__');
    expect(csvLink().getAttribute('href')).toBe('/api/support.csv?noParty=true');
    expect(csvLink().textContent).toContain('of the councillors shown');
  });

  it('restores filters and sort from the URL and sorts by a header button', () => {
    renderSupport('/support?party=__none__&sort=name&dir=asc');
    expect(screen.getByLabelText<HTMLSelectElement>('Party').value).toBe('__none__');
    expect(rowNames()).toEqual(['Carys Price']);

    fireEvent.change(screen.getByLabelText('Party'), { target: { value: '' } });
    fireEvent.click(within(header('Footprint index')).getByRole('button'));
    expect(location()).toBe('/support?sort=footprintIndex&dir=desc');
    expect(header('Footprint index').getAttribute('aria-sort')).toBe('descending');
    expect(rowNames()).toEqual(['Amira Shah', 'Carys Price', 'Ben Holt']);
  });

  it('says so when no councillor matches', () => {
    renderSupport('/support?flag=collection-failing');
    expect(screen.getByText('No councillor matches these filters.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
