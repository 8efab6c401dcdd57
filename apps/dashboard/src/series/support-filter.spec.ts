import { supportList } from '../testing/council-figures-fixtures';
import { filterSupportRows, readSupportFilter, supportCsvHref, writeSupportFilter } from './support-filter';
import { toSupportRow } from './support-rows';
import { NO_PARTY } from './table-filter';
import { sortRows } from './table-sort';

const rows = supportList().items.map(toSupportRow);
const none = { flag: null, ward: null, party: null };
const ids = (list: { id: string }[]) => list.map((r) => r.id);

describe('support filter', () => {
  it('round-trips through the query string, keeping the sort and dropping cleared filters', () => {
    let params = writeSupportFilter(new URLSearchParams('sort=flags&dir=desc'), 'flag', 'inactive');
    params = writeSupportFilter(params, 'party', NO_PARTY);
    expect(readSupportFilter(params)).toEqual({ flag: 'inactive', ward: null, party: NO_PARTY });
    params = writeSupportFilter(params, 'flag', null);
    expect(params.toString()).toBe('sort=flags&dir=desc&party=__none__');
  });

  it('ignores an unknown flag in the URL', () => {
    expect(readSupportFilter(new URLSearchParams('flag=lazy')).flag).toBeNull();
  });

  it('filters by flag, ward, party and independents', () => {
    expect(ids(filterSupportRows(rows, none))).toEqual(['c1', 'c2', 'c3']);
    expect(ids(filterSupportRows(rows, { ...none, flag: 'inactive' }))).toEqual(['c2', 'c3']);
    expect(ids(filterSupportRows(rows, { ...none, flag: 'single-platform' }))).toEqual(['c2']);
    expect(ids(filterSupportRows(rows, { ...none, flag: 'falling-reach' }))).toEqual([]);
    expect(ids(filterSupportRows(rows, { ...none, ward: 'E05001001' }))).toEqual(['c1']);
    expect(ids(filterSupportRows(rows, { ...none, party: 'Green' }))).toEqual(['c2']);
    expect(ids(filterSupportRows(rows, { ...none, party: NO_PARTY }))).toEqual(['c3']);
    expect(ids(filterSupportRows(rows, { ...none, flag: 'inactive', party: 'Labour' }))).toEqual([]);
  });

  it('links the CSV export with every filter the table has', () => {
    expect(supportCsvHref(none)).toBe('/api/support.csv');
    expect(supportCsvHref({ ...none, flag: 'low-local-share' })).toBe(
      '/api/support.csv?flag=low-local-share',
    );
    expect(supportCsvHref({ flag: 'inactive', ward: 'E05001405', party: 'Liberal Democrat' })).toBe(
      '/api/support.csv?flag=inactive&ward=E05001405&party=Liberal+Democrat',
    );
    expect(supportCsvHref({ ...none, party: NO_PARTY })).toBe('/api/support.csv?noParty=true');
  });
});

describe('support rows', () => {
  it('shows the index with one decimal, missing figures as a dash and counts the flags', () => {
    expect(rows.map((r) => r.display.footprintIndex)).toEqual(['72.5', '20.5', '40.0']);
    expect(rows[2].display.replyShare).toBe('—');
    expect(rows.map((r) => r.display.flags)).toEqual(['None', '2', '1']);
    expect(rows[1].platforms).toBe('Mastodon');
  });

  it('sorts by flags, index and figures, with missing values last', () => {
    const names = (sorted: typeof rows) => sorted.map((r) => r.display.name);
    expect(names(sortRows(rows, { column: 'flags', direction: 'descending' }))).toEqual([
      'Ben Holt',
      'Carys Price',
      'Amira Shah',
    ]);
    expect(names(sortRows(rows, { column: 'footprintIndex', direction: 'ascending' }))).toEqual([
      'Ben Holt',
      'Carys Price',
      'Amira Shah',
    ]);
    expect(names(sortRows(rows, { column: 'replyShare', direction: 'ascending' }))).toEqual([
      'Amira Shah',
      'Ben Holt',
      'Carys Price',
    ]);
  });
});
