import { Module } from '@nestjs/common';
import { AccountsRepository } from './accounts/accounts.repository';
import { FollowerAttributor } from './attribution/follower-attributor';
import { GazetteerRepository } from './attribution/gazetteer.repository';
import { CollectAccountService } from './collection/collect-account.service';
import { CollectProcessor } from './collection/collect.processor';
import { CollectionRunsRepository } from './collection/collection-runs.repository';
import { CollectionRepository } from './collection/collection.repository';
import { CollectorSetFactory } from './collection/collector-set.factory';
import { FollowerKeyHasher } from './collection/follower-key-hasher';
import { Clock, SystemClock } from './common/clock';
import { SECRET_KEY } from './common/secret-key.token';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { APP_CONFIG } from './config/config.module';
import { resolveSecretKey } from './config/secret-key';
import { CredentialsRepository } from './credentials/credentials.repository';
import { CredentialsService } from './credentials/credentials.service';
import { DatabaseModule } from './database/database.module';
import { PrivacyRepository } from './privacy/privacy.repository';
import { PrivacyService } from './privacy/privacy.service';
import { LiveEventsService } from './events/live-events.service';
import { AccountFactsRepository } from './figures/account-facts.repository';
import { AccountFiguresService } from './figures/account-figures.service';
import { QueueService } from './queue/queue.service';
import { RedisModule } from './redis/redis.module';

const providers = [
  PrivacyRepository,
  PrivacyService,
  CredentialsRepository,
  CredentialsService,
  AccountsRepository,
  GazetteerRepository,
  FollowerAttributor,
  CollectionRepository,
  CollectionRunsRepository,
  FollowerKeyHasher,
  CollectAccountService,
  CollectProcessor,
  CollectorSetFactory,
  AccountFactsRepository,
  AccountFiguresService,
  LiveEventsService,
  QueueService,
];

/** What the API process and the worker process share: data, queues, collection and figures. */
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, options: { clock?: Clock } = {}) {
    return {
      module: CoreModule,
      global: true,
      imports: [ConfigModule.forRoot(config), DatabaseModule, RedisModule],
      providers: [
        ...providers,
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: SECRET_KEY, inject: [APP_CONFIG], useFactory: (c: AppConfig) => resolveSecretKey(c) },
      ],
      exports: [...providers, Clock, SECRET_KEY, DatabaseModule],
    };
  }
}
