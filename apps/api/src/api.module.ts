import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TerminusModule } from '@nestjs/terminus';
import { CollectionPlanner } from './collection/collection-planner.cron.job';
import { CollectionStatusController } from './collection/collection-status.controller';
import { CollectionStatusRepository } from './collection/collection-status.repository';
import { CollectionStatusService } from './collection/collection-status.service';
import { Clock } from './common/clock';
import { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { CredentialsController } from './credentials/credentials.controller';
import { PrivacyController } from './privacy/privacy.controller';
import { CouncilFiguresModule } from './council-figures/council-figures.module';
import { EventsController } from './events/events.controller';
import { CouncillorsController } from './footprint/councillors.controller';
import { FootprintRepository } from './footprint/footprint.repository';
import { FootprintService } from './footprint/footprint.service';
import { HealthController } from './health/health.controller';

/** The API process: HTTP endpoints, live events and the collection planner. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, options: { clock?: Clock; planner?: boolean } = {}) {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(config, options),
        ScheduleModule.forRoot(),
        TerminusModule,
        CouncilFiguresModule,
      ],
      controllers: [
        CouncillorsController,
        EventsController,
        HealthController,
        CollectionStatusController,
        CredentialsController,
        PrivacyController,
      ],
      providers: [
        FootprintRepository,
        FootprintService,
        CollectionStatusRepository,
        CollectionStatusService,
        ...(options.planner === false ? [] : [CollectionPlanner]),
      ],
    };
  }
}
