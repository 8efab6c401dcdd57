import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import type { FigureSettingsResponse } from '@wardreach/contracts';
import { DEFAULT_FOOTPRINT_INDEX_SETTINGS, DEFAULT_SUPPORT_THRESHOLDS } from '@wardreach/metrics';
import type { FigureSettingsChange } from './figure-settings-request';
import { councilFigureSettings, InvalidCouncilSettingsError } from './council-settings';
import { CouncilSettingsRepository } from './council-settings.repository';
import { CouncilViewsRepository, type CouncilRef } from './council-views.repository';

type Section = Record<string, unknown>;

const asSection = (value: unknown): Section =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Section) : {};

/** A council's support thresholds and footprint-index settings: what is in force and the defaults. */
@Injectable()
export class FigureSettingsService {
  constructor(
    private readonly roster: CouncilViewsRepository,
    private readonly settings: CouncilSettingsRepository,
  ) {}

  async get(councilCode: string | null): Promise<FigureSettingsResponse> {
    const council = await this.councilOrThrow(councilCode);
    return this.response(council, await this.settings.settings(council.id));
  }

  /**
   * Merges the change into what the council has set (weights field by field), validates the whole,
   * and stores only what the council has chosen, so an unset field follows the documented default.
   * Takes effect at the next recompute.
   */
  async update(councilCode: string | null, change: FigureSettingsChange): Promise<FigureSettingsResponse> {
    const council = await this.councilOrThrow(councilCode);
    const stored = await this.settings.settings(council.id);
    const thresholds = { ...asSection(stored['supportThresholds']), ...(change.supportThresholds ?? {}) };
    const storedIndex = asSection(stored['footprintIndex']);
    const index: Section = { ...storedIndex, ...(change.footprintIndex ?? {}) };
    const newWeights = change.footprintIndex?.['weights'];
    if (newWeights !== undefined || storedIndex['weights'] !== undefined) {
      index['weights'] = { ...asSection(storedIndex['weights']), ...asSection(newWeights) };
    }
    const next = { ...stored, supportThresholds: thresholds, footprintIndex: index };
    try {
      councilFigureSettings(council.code, next);
    } catch (error) {
      if (error instanceof InvalidCouncilSettingsError) throw new BadRequestException([error.message]);
      throw error;
    }
    await this.settings.merge(council.id, { supportThresholds: thresholds, footprintIndex: index });
    return this.response(council, next);
  }

  private response(council: CouncilRef, stored: Record<string, unknown>): FigureSettingsResponse {
    const inForce = councilFigureSettings(council.code, stored);
    return {
      council: { code: council.code, name: council.name },
      supportThresholds: inForce.supportThresholds,
      footprintIndex: inForce.footprintIndex,
      defaults: {
        supportThresholds: DEFAULT_SUPPORT_THRESHOLDS,
        footprintIndex: DEFAULT_FOOTPRINT_INDEX_SETTINGS,
      },
    };
  }

  private async councilOrThrow(code: string | null): Promise<CouncilRef> {
    const council = await this.roster.council(code);
    if (council === null)
      throw new NotFoundException(
        code === null ? 'No council has been set up yet.' : `No council has the code ${code}`,
      );
    return council;
  }
}
