import { wardDetail, wardList } from '../testing/council-figures-fixtures';
import { bridgeRows, networkSummaryRows, wardFigureRows, wardPlatformRows } from './ward-detail-rows';
import { toWardRow } from './ward-rows';
import { sortRows } from './table-sort';

const rows = wardList().items.map(toWardRow);
const names = (sorted: typeof rows) => sorted.map((r) => r.display.name);

describe('ward rows', () => {
  it('formats reach and penetration, missing adults as a dash', () => {
    expect(rows[0].display).toEqual({
      name: 'Almondbury',
      councillors: '1',
      distinctWardFollowers: '600',
      adults: '12,000',
      penetration: '5.00%',
    });
    expect(rows[2].display.adults).toBe('—');
    expect(rows[2].display.penetration).toBe('—');
  });

  it('sorts by penetration with unknown penetration last either way', () => {
    expect(names(sortRows(rows, { column: 'penetration', direction: 'descending' }))).toEqual([
      'Holme Valley South',
      'Almondbury',
      'Colne Valley',
    ]);
    expect(names(sortRows(rows, { column: 'penetration', direction: 'ascending' }))).toEqual([
      'Almondbury',
      'Holme Valley South',
      'Colne Valley',
    ]);
  });
});

describe('ward detail rows', () => {
  const detail = wardDetail();

  it('tabulates reach and followers per platform in platform order', () => {
    expect(wardFigureRows(detail.figures!).map((r) => [r.label, r.value])).toEqual([
      ['Distinct ward followers', '600'],
      ['Adults (18+)', '12,000'],
      ['Penetration', '5.00%'],
    ]);
    expect(wardPlatformRows(detail.figures!)).toEqual([
      { platform: 'Bluesky', followers: '450' },
      { platform: 'Blog (RSS/Atom)', followers: '150' },
    ]);
  });

  it('explains the network figures and numbers communities from 1', () => {
    const summary = networkSummaryRows(detail.network!);
    expect(summary.map((r) => [r.label, r.value])).toEqual([
      ['Accounts', '40'],
      ['Links', '78'],
      ['Density', '10.00%'],
      ['Separate parts', '2'],
      ['Average clustering', '0.31'],
      ['Communities', '2'],
      ['Modularity', '0.42'],
    ]);
    expect(summary.every((r) => r.meaning.length > 0)).toBe(true);
    expect(bridgeRows(detail.network!)).toEqual([
      {
        key: 'org1',
        label: 'Almondbury Community Association',
        kind: 'Civic organisation',
        betweenness: '25.00%',
        community: '1',
      },
      { key: 'resident-1', label: 'A resident', kind: 'Resident', betweenness: '12.00%', community: '2' },
    ]);
  });

  it('says a bridge’s share of shortest paths is under 0.01% rather than 0.00%', () => {
    const network = wardDetail().network!;
    const tiny = { ...network, bridges: [{ ...network.bridges[0], betweenness: 0.00002 }] };
    expect(bridgeRows(tiny).map((row) => row.betweenness)).toEqual(['under 0.01%']);
  });
});
