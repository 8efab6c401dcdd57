import { Module } from '@nestjs/common';
import { CivicAccountsController } from './civic-accounts.controller';
import { CivicAccountsRepository } from './civic-accounts.repository';
import { CivicAccountsService } from './civic-accounts.service';
import { CohortViewsService } from './cohort-views.service';
import { CohortsController } from './cohorts.controller';
import { CouncilFactsRepository } from './council-facts.repository';
import { CouncilFiguresController } from './council-figures.controller';
import { CouncilFiguresService } from './council-figures.service';
import { CouncilSettingsRepository } from './council-settings.repository';
import { CouncilViewsRepository } from './council-views.repository';
import { CouncilViewsService } from './council-views.service';
import { FigureSettingsController } from './figure-settings.controller';
import { FigureSettingsService } from './figure-settings.service';
import { MetricSnapshotRepository } from './metric-snapshot.repository';
import { SupportController } from './support.controller';
import { SupportViewsService } from './support-views.service';
import { WardViewsService } from './ward-views.service';
import { WardsController } from './wards.controller';

/**
 * Ward, support, cohort and council-wide figures: `CouncilFiguresService.recompute()` stores them
 * daily in `metric_snapshot`; the controllers serve them under `/api`. Needs `CoreModule` (global)
 * for the database, clock, secret key and live events.
 */
@Module({
  controllers: [
    WardsController,
    SupportController,
    CohortsController,
    CouncilFiguresController,
    CivicAccountsController,
    FigureSettingsController,
  ],
  providers: [
    CouncilFactsRepository,
    MetricSnapshotRepository,
    CouncilViewsRepository,
    CouncilFiguresService,
    WardViewsService,
    SupportViewsService,
    CohortViewsService,
    CouncilViewsService,
    CivicAccountsRepository,
    CivicAccountsService,
    CouncilSettingsRepository,
    FigureSettingsService,
  ],
  exports: [CouncilFiguresService, CivicAccountsService],
})
export class CouncilFiguresModule {}
