import { parseFootprintIndexSettings, parseSupportThresholds } from '@wardreach/metrics';
import type { FootprintIndexSettings, SupportThresholds } from '@wardreach/metrics';
import { ZodError } from 'zod';

export interface CouncilFigureSettings {
  supportThresholds: SupportThresholds;
  footprintIndex: FootprintIndexSettings;
}

export class InvalidCouncilSettingsError extends Error {}

/**
 * A council's thresholds and index settings, from `council.settings` jsonb:
 * `{ "supportThresholds": {…}, "footprintIndex": {…} }`. Anything missing takes the documented
 * default of libs/metrics (`DEFAULT_SUPPORT_THRESHOLDS`, `DEFAULT_FOOTPRINT_INDEX_SETTINGS`); a bad
 * value is an error naming the council and the field, never silently replaced.
 */
export function councilFigureSettings(
  councilCode: string,
  settings: Record<string, unknown>,
): CouncilFigureSettings {
  const read = <T>(key: string, parse: (input: unknown) => T): T => {
    try {
      return parse(settings[key]);
    } catch (error) {
      if (!(error instanceof ZodError)) throw error;
      const issues = error.issues.map(
        (issue) => `${[key, ...issue.path.map(String)].join('.')}: ${issue.message}`,
      );
      throw new InvalidCouncilSettingsError(
        `Council ${councilCode} has invalid settings: ${issues.join('; ')}`,
      );
    }
  };
  return {
    supportThresholds: read('supportThresholds', parseSupportThresholds),
    footprintIndex: read('footprintIndex', parseFootprintIndexSettings),
  };
}
