import { COUNCILLORS, councillor, figures } from '../testing/fixtures';
import { toCouncillorRow } from './councillor-rows';
import { DEFAULT_SORT, nextSort, readSort, sortRows, writeSort } from './table-sort';

const rows = COUNCILLORS.map(toCouncillorRow);
const names = (sorted: { display: { name: string } }[]) => sorted.map((r) => r.display.name);

describe('table sort', () => {
  it('reads and writes the sort in the query string, keeping other parameters', () => {
    const params = writeSort(new URLSearchParams('ward=E05001001'), {
      column: 'followers',
      direction: 'descending',
    });
    expect(params.toString()).toBe('ward=E05001001&sort=followers&dir=desc');
    expect(readSort(params)).toEqual({ column: 'followers', direction: 'descending' });
  });

  it('falls back to the default for an unknown column', () => {
    expect(readSort(new URLSearchParams('sort=password&dir=desc'))).toEqual(DEFAULT_SORT);
    expect(readSort(new URLSearchParams(''))).toEqual(DEFAULT_SORT);
  });

  it('flips the direction on the same column and starts figures largest first', () => {
    expect(nextSort({ column: 'name', direction: 'ascending' }, 'name')).toEqual({
      column: 'name',
      direction: 'descending',
    });
    expect(nextSort({ column: 'name', direction: 'ascending' }, 'followers')).toEqual({
      column: 'followers',
      direction: 'descending',
    });
    expect(nextSort({ column: 'followers', direction: 'descending' }, 'ward')).toEqual({
      column: 'ward',
      direction: 'ascending',
    });
  });

  it('sorts numbers numerically in both directions', () => {
    expect(names(sortRows(rows, { column: 'followers', direction: 'descending' }))).toEqual([
      'Amira Shah',
      'Ben Holt',
      'Carys Price',
    ]);
    expect(names(sortRows(rows, { column: 'followers', direction: 'ascending' }))).toEqual([
      'Carys Price',
      'Ben Holt',
      'Amira Shah',
    ]);
  });

  it('keeps missing values last whichever the direction', () => {
    const withRates = [
      ...rows,
      toCouncillorRow(
        councillor({ id: 'c4', name: 'Dev Patel', figures: figures({ engagementRate: 0.01 }) }),
      ),
    ];
    expect(names(sortRows(withRates, { column: 'engagementRate', direction: 'descending' }))).toEqual([
      'Dev Patel',
      'Amira Shah',
      'Ben Holt',
      'Carys Price',
    ]);
    expect(names(sortRows(withRates, { column: 'engagementRate', direction: 'ascending' }))).toEqual([
      'Amira Shah',
      'Dev Patel',
      'Ben Holt',
      'Carys Price',
    ]);
  });

  it('sorts text case-insensitively and does not change its input', () => {
    const mixed = [
      toCouncillorRow(councillor({ id: 'x', name: 'zoe Adams' })),
      toCouncillorRow(councillor({ id: 'y', name: 'Yusuf Ali' })),
    ];
    expect(names(sortRows(mixed, { column: 'name', direction: 'ascending' }))).toEqual([
      'Yusuf Ali',
      'zoe Adams',
    ]);
    expect(names(mixed)).toEqual(['zoe Adams', 'Yusuf Ali']);
  });
});
