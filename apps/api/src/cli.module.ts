import { Module } from '@nestjs/common';
import { CollectionStatusRepository } from './collection/collection-status.repository';
import { CollectionStatusService } from './collection/collection-status.service';
import { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { CouncilFiguresModule } from './council-figures/council-figures.module';
import { CivicImportService } from './council/civic-import.service';
import { CouncilImportRepository } from './council/council-import.repository';
import { CouncilImportService } from './council/council-import.service';
import { DemoSeedService } from './demo/demo-seed.service';

/** What the admin commands need: the shared core, the imports and the collection status. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig) {
    return {
      module: CliModule,
      imports: [CoreModule.forRoot(config), CouncilFiguresModule],
      providers: [
        CouncilImportRepository,
        CouncilImportService,
        CivicImportService,
        DemoSeedService,
        CollectionStatusRepository,
        CollectionStatusService,
      ],
      exports: [CouncilImportService, CivicImportService, DemoSeedService, CollectionStatusService],
    };
  }
}
