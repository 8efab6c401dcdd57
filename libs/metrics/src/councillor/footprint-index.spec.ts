import fc from 'fast-check';
import type { PlatformName } from '@wardreach/contracts';
import { channelPairing } from './channel-pairing';
import type { CouncillorFigures } from './councillor-figures';
import { footprintIndex, reachReference } from './footprint-index';
import { DEFAULT_FOOTPRINT_INDEX_SETTINGS, parseFootprintIndexSettings } from './footprint-index-settings';

function figures(overrides: Partial<CouncillorFigures>): CouncillorFigures {
  const activePlatforms = overrides.activePlatforms ?? [];
  return {
    accounts: activePlatforms.length,
    activePlatforms,
    pairing: channelPairing(activePlatforms),
    totalReach: 0,
    localReach: 0,
    posts30d: 0,
    replyShare: null,
    localShare: null,
    responsiveness: null,
    ...overrides,
  };
}

describe('footprint index', () => {
  it('weighs hand-worked components', () => {
    const result = footprintIndex(
      figures({
        activePlatforms: ['bluesky', 'rss'],
        totalReach: 99, // ln(100) / ln(10000) = 2 / 4 = 0.5 with a reference of 9,999
        posts30d: 15, // 15 / 30 = 0.5
        replyShare: 0.15, // 0.15 / 0.3 = 0.5, responsiveness 0.7 → (0.5 + 0.7) / 2 = 0.6
        responsiveness: 0.7,
        localShare: 0.1, // 0.1 / 0.5 = 0.2
      }),
      9999,
    );
    const values = Object.fromEntries(result.components.map((c) => [c.key, c.value]));
    expect(values['reach']).toBeCloseTo(0.5, 12);
    expect(values['activity']).toBeCloseTo(0.5, 12);
    expect(values['conversation']).toBeCloseTo(0.6, 12);
    expect(values['local']).toBeCloseTo(0.2, 12);
    expect(values['platformMix']).toBe(1); // rss + bluesky pair
    // 100 × (0.25 × 0.5 + 0.2 × 0.5 + 0.2 × 0.6 + 0.2 × 0.2 + 0.15 × 1)
    //   = 12.5 + 10 + 12 + 4 + 15 = 53.5
    expect(result.index).toBeCloseTo(53.5, 9);
    expect(result.components.reduce((sum, c) => sum + c.contribution, 0)).toBeCloseTo(result.index, 9);
    expect(result.components.find((c) => c.key === 'platformMix')!.explanation).toBe(
      'Pairs rss (detail) with bluesky (listening).',
    );
  });

  it('scores 0 for a councillor with nothing', () => {
    const result = footprintIndex(figures({}), reachReference([]));
    expect(result.index).toBe(0);
    expect(result.components.map((c) => c.weight)).toEqual([0.25, 0.2, 0.2, 0.2, 0.15]);
  });

  it('uses the reply share alone when no mention could be judged, and 0.3 per unpaired platform', () => {
    const result = footprintIndex(
      figures({ activePlatforms: ['bluesky', 'x'], posts30d: 60, replyShare: 0.6 }),
      1000,
    );
    const byKey = Object.fromEntries(result.components.map((c) => [c.key, c]));
    expect(byKey['conversation'].value).toBe(1); // min(1, 0.6 / 0.3)
    expect(byKey['activity'].value).toBe(1); // min(1, 60 / 30)
    expect(byKey['platformMix'].value).toBeCloseTo(0.6, 12); // two listening channels
    expect(byKey['activity'].explanation).toBe('60 posts in the last 30 days; 30 or more scores full marks.');
  });

  it('takes the larger of the council maximum and the floor as the reach reference', () => {
    expect(reachReference([120, 4500, 800])).toBe(4500);
    expect(reachReference([120, 300])).toBe(1000);
  });

  it('stays in [0, 100] for any figures', () => {
    const platform = fc.constantFrom<PlatformName>('bluesky', 'mastodon', 'x', 'facebook', 'rss', 'youtube');
    const share = fc.option(fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(
      fc.property(
        fc.uniqueArray(platform),
        fc.nat(1_000_000),
        fc.nat(500),
        share,
        share,
        share,
        fc.nat(1_000_000),
        (activePlatforms, totalReach, posts30d, replyShare, responsiveness, localShare, councilMax) => {
          const { index, components } = footprintIndex(
            figures({ activePlatforms, totalReach, posts30d, replyShare, responsiveness, localShare }),
            reachReference([councilMax, totalReach]),
          );
          expect(index).toBeGreaterThanOrEqual(0);
          expect(index).toBeLessThanOrEqual(100);
          for (const c of components) expect(c.value >= 0 && c.value <= 1).toBe(true);
        },
      ),
    );
  });
});

describe('footprint index settings', () => {
  it('fills missing settings from the defaults', () => {
    expect(parseFootprintIndexSettings({ activityTarget: 20 })).toEqual({
      ...DEFAULT_FOOTPRINT_INDEX_SETTINGS,
      activityTarget: 20,
    });
    expect(parseFootprintIndexSettings(undefined)).toEqual(DEFAULT_FOOTPRINT_INDEX_SETTINGS);
  });

  it('rejects weights that do not sum to 1', () => {
    expect(() => parseFootprintIndexSettings({ weights: { reach: 0.9 } })).toThrow(/sum to 1/);
  });
});
