import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { estimateXSweepCost } from '@wardreach/collectors';
import type { CollectionStatusResponse } from '@wardreach/contracts';
import { AccountsRepository } from '../accounts/accounts.repository';
import { Clock } from '../common/clock';
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
    private readonly accounts: AccountsRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Puts an account flagged gone, unauthorised, failing or paused back in the plan, due now: the admin
   * has mended what flagged it (a renamed handle corrected, a token set). If the cause remains, its
   * next collection flags it again, with the reason.
   */
  async resume(id: string): Promise<{ id: string; resumed: boolean }> {
    const account = await this.accounts.findById(id);
    if (!account) throw new NotFoundException(`no account ${id}`);
    const resumed = await this.accounts.resume({
      ids: [id],
      statuses: ['gone', 'unauthorised', 'failing', 'paused'],
      now: this.clock.now(),
    });
    return { id, resumed: resumed.length > 0 };
  }

  async status(): Promise<CollectionStatusResponse> {
    const [scheduled, collect, figures, loads, { collectors }] = await Promise.all([
      this.repository.accounts(),
      this.queues.counts(QueueName.Collect),
      this.queues.counts(QueueName.Figures),
      this.repository.xAccountLoads(),
      this.collectorSets.create(),
    ]);
    // No follower sweep is ever due where the platform lists no followers (Facebook, YouTube, RSS, or X
    // without a token): the admin is not shown one. Elsewhere a sweep runs within a collection, so one
    // due before the next collection (held back by a rate limit, say) happens then, not in the past.
    const accounts = scheduled.map((account) => ({
      ...account,
      nextFollowerSweepAt: collectors[account.platform].capabilities.followerList
        ? later(account.nextFollowerSweepAt, account.nextDueAt)
        : null,
    }));
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

/** The later of two ISO times; null when the first is (an account not scheduled). */
function later(at: string | null, other: string | null): string | null {
  if (at === null || other === null) return at;
  return Date.parse(other) > Date.parse(at) ? other : at;
}
