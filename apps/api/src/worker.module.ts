import { Module } from '@nestjs/common';
import { Clock } from './common/clock';
import { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { CouncilFiguresModule } from './council-figures/council-figures.module';
import { WorkerService } from './queue/worker.service';

/** The worker process: BullMQ processors over the same feature code as the API. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, options: { clock?: Clock } = {}) {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot(config, options), CouncilFiguresModule],
      providers: [WorkerService],
    };
  }
}
