import { DEFAULT_FOOTPRINT_INDEX_SETTINGS, DEFAULT_SUPPORT_THRESHOLDS } from '@wardreach/metrics';
import { councilFigureSettings, InvalidCouncilSettingsError } from './council-settings';

describe('councilFigureSettings', () => {
  it('takes the documented defaults when the council has set nothing', () => {
    expect(councilFigureSettings('E08000034', {})).toEqual({
      supportThresholds: DEFAULT_SUPPORT_THRESHOLDS,
      footprintIndex: DEFAULT_FOOTPRINT_INDEX_SETTINGS,
    });
  });

  it('overrides only what the council set', () => {
    const settings = councilFigureSettings('E08000034', {
      supportThresholds: { minPosts30d: 4 },
      footprintIndex: { activityTarget: 12 },
    });
    expect(settings.supportThresholds).toEqual({ ...DEFAULT_SUPPORT_THRESHOLDS, minPosts30d: 4 });
    expect(settings.footprintIndex).toEqual({ ...DEFAULT_FOOTPRINT_INDEX_SETTINGS, activityTarget: 12 });
  });

  it('names the council and the field of a bad value', () => {
    expect(() => councilFigureSettings('E08000034', { supportThresholds: { minLocalShare: 3 } })).toThrow(
      InvalidCouncilSettingsError,
    );
    expect(() => councilFigureSettings('E08000034', { supportThresholds: { minLocalShare: 3 } })).toThrow(
      /E08000034.*supportThresholds\.minLocalShare/,
    );
    expect(() => councilFigureSettings('E08000034', { footprintIndex: { weights: { reach: 0.9 } } })).toThrow(
      /footprintIndex\.weights: Footprint index weights must sum to 1/,
    );
  });
});
