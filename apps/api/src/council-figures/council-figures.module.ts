import { Module } from '@nestjs/common';
import { CohortViewsService } from './cohort-views.service';
import { CohortsController } from './cohorts.controller';
import { CouncilFactsRepository } from './council-facts.repository';
import { CouncilFiguresController } from './council-figures.controller';
import { CouncilFiguresService } from './council-figures.service';
import { CouncilViewsRepository } from './council-views.repository';
import { CouncilViewsService } from './council-views.service';
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
  controllers: [WardsController, SupportController, CohortsController, CouncilFiguresController],
  providers: [
    CouncilFactsRepository,
    MetricSnapshotRepository,
    CouncilViewsRepository,
    CouncilFiguresService,
    WardViewsService,
    SupportViewsService,
    CohortViewsService,
    CouncilViewsService,
  ],
  exports: [CouncilFiguresService],
})
export class CouncilFiguresModule {}
