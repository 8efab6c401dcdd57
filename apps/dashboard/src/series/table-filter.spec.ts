import { COUNCILLORS } from '../testing/fixtures';
import { toCouncillorRow } from './councillor-rows';
import { filterOptions, filterRows, NO_PARTY, readFilter, writeFilter } from './table-filter';

const rows = COUNCILLORS.map(toCouncillorRow);
const none = { ward: null, party: null, platform: null, text: '' };
const ids = (filtered: { id: string }[]) => filtered.map((r) => r.id);

describe('table filter', () => {
  it('round-trips through the query string and drops empty values', () => {
    let params = writeFilter(new URLSearchParams('sort=name&dir=asc'), 'platform', 'rss');
    params = writeFilter(params, 'text', 'holt');
    expect(readFilter(params)).toEqual({ ward: null, party: null, platform: 'rss', text: 'holt' });
    params = writeFilter(params, 'text', '');
    expect(params.toString()).toBe('sort=name&dir=asc&platform=rss');
  });

  it('ignores an unknown platform in the URL', () => {
    expect(readFilter(new URLSearchParams('platform=myspace')).platform).toBeNull();
  });

  it('filters by ward, party, independents, platform and text', () => {
    expect(ids(filterRows(rows, none))).toEqual(['c1', 'c2', 'c3']);
    expect(ids(filterRows(rows, { ...none, ward: 'E05001002' }))).toEqual(['c2']);
    expect(ids(filterRows(rows, { ...none, party: 'Labour' }))).toEqual(['c1']);
    expect(ids(filterRows(rows, { ...none, party: NO_PARTY }))).toEqual(['c3']);
    expect(ids(filterRows(rows, { ...none, platform: 'mastodon' }))).toEqual(['c2']);
    expect(ids(filterRows(rows, { ...none, text: '  COLNE ' }))).toEqual(['c3']);
    expect(ids(filterRows(rows, { ...none, text: 'green' }))).toEqual(['c2']);
    expect(ids(filterRows(rows, { ...none, ward: 'E05001002', platform: 'bluesky' }))).toEqual([]);
  });

  it('offers only wards and parties that occur, sorted', () => {
    expect(filterOptions(COUNCILLORS)).toEqual({
      wards: [
        { code: 'E05001001', name: 'Almondbury' },
        { code: 'E05001003', name: 'Colne Valley' },
        { code: 'E05001002', name: 'Holme Valley South' },
      ],
      parties: ['Green', 'Labour'],
      hasIndependents: true,
    });
  });
});
