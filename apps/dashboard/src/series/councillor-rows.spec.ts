import { COUNCILLORS, figures } from '../testing/fixtures';
import { alignsRight, toCouncillorRow } from './councillor-rows';

describe('toCouncillorRow', () => {
  it('formats every cell for display', () => {
    expect(toCouncillorRow(COUNCILLORS[1]).display).toEqual({
      name: 'Ben Holt',
      ward: 'Holme Valley South',
      party: 'Green',
      platforms: 'Mastodon, Blog (RSS/Atom)',
      followers: '300',
      net30d: '+20',
      posts30d: '30',
      engagementRate: '—',
      localShare: '40.0%',
      lastCollected: '20 Nov 2026, 09:00',
    });
  });

  it('shows missing party, platforms and collection plainly and sorts them as missing', () => {
    const row = toCouncillorRow(COUNCILLORS[2]);
    expect(row.display.party).toBe('—');
    expect(row.display.platforms).toBe('None');
    expect(row.display.lastCollected).toBe('—');
    expect(row.sortValue.party).toBeNull();
    expect(row.sortValue.lastCollected).toBeNull();
    expect(row.sortValue.platforms).toBe(0);
  });

  it('says when the engagement rate leaves out hidden likes, and sorts by the rate alone', () => {
    const row = toCouncillorRow({
      ...COUNCILLORS[0],
      figures: figures({ engagementRate: 0.0123, likesHidden30d: 1 }),
    });
    expect(row.display.engagementRate).toBe('1.23% (not counting likes hidden on 1 post)');
    expect(row.sortValue.engagementRate).toBe(0.0123);
  });

  it('right-aligns figures only', () => {
    expect(alignsRight('followers')).toBe(true);
    expect(alignsRight('name')).toBe(false);
    expect(alignsRight('lastCollected')).toBe(false);
  });
});
