import { COUNCILLOR_FIGURE_KEYS } from '@wardreach/contracts';
import type { CouncillorFigureValues, SupportRow } from '@wardreach/contracts';
import { csvCell, supportCsv } from './support-csv';

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvCell('Holme Valley South')).toBe('Holme Valley South');
    expect(csvCell('Smith, Jo')).toBe('"Smith, Jo"');
    expect(csvCell('the "best"')).toBe('"the ""best"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(null)).toBe('');
    expect(csvCell(1 / 3)).toBe('0.3333');
    expect(csvCell(-2)).toBe('-2');
  });
});

describe('supportCsv', () => {
  it('writes a header and one CRLF-terminated row per councillor', () => {
    const figures = Object.fromEntries(
      COUNCILLOR_FIGURE_KEYS.map((key) => [key, null]),
    ) as CouncillorFigureValues;
    const row: SupportRow = {
      councillor: { id: 'c1', name: 'Ann Lee', party: null, ward: { code: 'E05000001', name: 'Lindley' } },
      figures: { ...figures, posts30d: 0, paired: 0, totalReach: 12 },
      activePlatforms: [],
      footprint: { index: 7.5, components: [] },
      flags: [
        { key: 'single-platform', reason: 'Not active on any platform in the last 30 days.' },
        { key: 'inactive', reason: 'Posted 0 times in the last 30 days on any platform.' },
      ],
      day: '2026-11-22',
    };
    const lines = supportCsv([row]).split('\r\n');
    expect(lines[0]).toBe(
      'councillor_id,name,party,ward_code,ward_name,footprint_index,active_platforms,paired,posts_30d,reply_share,responsiveness,total_reach,ward_followers,local_share,mentions_waiting,flags,reasons,day',
    );
    expect(lines[1]).toBe(
      'c1,Ann Lee,,E05000001,Lindley,7.5,,0,0,,,12,,,,single-platform inactive,Not active on any platform in the last 30 days. | Posted 0 times in the last 30 days on any platform.,2026-11-22',
    );
    expect(lines[2]).toBe('');
  });
});
