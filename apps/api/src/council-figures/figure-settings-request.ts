import { BadRequestException } from '@nestjs/common';
import { DEFAULT_FOOTPRINT_INDEX_SETTINGS, DEFAULT_SUPPORT_THRESHOLDS } from '@wardreach/metrics';
import { z } from 'zod';
import { parseOrBadRequest } from './view-queries';

const section = z.record(z.string(), z.unknown());

function unknownKeys(given: Record<string, unknown> | undefined, known: object, prefix: string): string[] {
  return Object.keys(given ?? {})
    .filter((key) => !(key in known))
    .map((key) => `unknown setting '${prefix}.${key}'`);
}

/**
 * Shapes the body of `PUT /api/council/figure-settings` (`UpdateFigureSettingsRequest`): only known setting names, each section an
 * object. Values are judged after merging with what is stored (`councilFigureSettings`), because a
 * rule such as "weights sum to 1" is about the whole.
 */
export interface FigureSettingsChange {
  supportThresholds?: Record<string, unknown>;
  footprintIndex?: Record<string, unknown>;
}

export function parseUpdateFigureSettings(body: unknown): FigureSettingsChange {
  const parsed = parseOrBadRequest(
    z.object({ supportThresholds: section.optional(), footprintIndex: section.optional() }).strict(),
    body,
  );
  const weights = parsed.footprintIndex?.['weights'];
  const problems = [
    ...unknownKeys(parsed.supportThresholds, DEFAULT_SUPPORT_THRESHOLDS, 'supportThresholds'),
    ...unknownKeys(parsed.footprintIndex, DEFAULT_FOOTPRINT_INDEX_SETTINGS, 'footprintIndex'),
  ];
  if (weights !== undefined) {
    if (typeof weights !== 'object' || weights === null || Array.isArray(weights))
      problems.push('footprintIndex.weights must be an object');
    else
      problems.push(
        ...unknownKeys(
          weights as Record<string, unknown>,
          DEFAULT_FOOTPRINT_INDEX_SETTINGS.weights,
          'footprintIndex.weights',
        ),
      );
  }
  if (problems.length > 0) throw new BadRequestException(problems);
  return parsed;
}
