import { Inject, Injectable } from '@nestjs/common';
import { estimateXSweepCost } from '@wardreach/collectors';
import type { CollectionStatusResponse } from '@wardreach/contracts';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { QueueName } from '../queue/queue.constants';
import { QueueService } from '../queue/queue.service';
import { CollectionStatusRepository } from './collection-status.repository';
import { CollectorSetFactory } from './collector-set.factory';

/** What the admin sees of collection: every account's last run and next slot, the queues, X spending. */
@Injectable()
export class CollectionStatusService {
  constructor(
    private readonly repository: CollectionStatusRepository,
    private readonly queues: QueueService,
    private readonly collectorSets: CollectorSetFactory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async status(): Promise<CollectionStatusResponse> {
    const [accounts, collect, figures, loads] = await Promise.all([
      this.repository.accounts(),
      this.queues.counts(QueueName.Collect),
      this.queues.counts(QueueName.Figures),
      this.repository.xAccountLoads(),
    ]);
    const budget = this.collectorSets.xBudget();
    // A full sweep: every follower, a day of new posts, the month's posts re-read, a day of mentions.
    const estimate = estimateXSweepCost(
      loads.map((load) => ({
        followersToSweep: load.followers,
        newPosts: Math.ceil(load.posts7d / 7),
        postsToRefresh: load.posts30d,
        newMentions: Math.ceil(load.mentions7d / 7),
      })),
      { post: this.config.X_PRICE_PER_POST_READ_USD, user: this.config.X_PRICE_PER_USER_READ_USD },
    );
    return {
      accounts,
      queues: { [QueueName.Collect]: collect, [QueueName.Figures]: figures },
      x: {
        monthlyBudgetUsd: this.config.X_MONTHLY_BUDGET_USD,
        spentThisMonthUsd: await budget.spentUsd(),
        renewsAt: budget.renewsAt().toISOString(),
        estimatedSweepUsd: estimate.costUsd,
      },
    };
  }
}
