import { Injectable, Logger } from '@nestjs/common';
import type { AccountStatus } from '@wardreach/contracts';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { AccountsRepository } from '../accounts/accounts.repository';
import { FollowerAttributor } from '../attribution/follower-attributor';
import { Clock } from '../common/clock';
import { LiveEventsService } from '../events/live-events.service';
import { AccountFiguresService } from '../figures/account-figures.service';
import { JobData, JobName, QueueName } from '../queue/queue.constants';
import { QueueService } from '../queue/queue.service';
import { CollectAccountService } from './collect-account.service';
import { CollectionRunsRepository } from './collection-runs.repository';
import type { CollectorSet } from './collector-set';
import { CollectorSetFactory } from './collector-set.factory';
import { jobFate } from './job-fate';

/**
 * Runs one collect job and lets its error decide its fate (`jobFate`): rate-limited → delayed until
 * the announced reset; gone or unauthorised → flagged and no longer scheduled; transient, or an error
 * of ours → retried by BullMQ with backoff and jitter, then flagged failing; malformed → failed
 * loudly, account flagged.
 */
@Injectable()
export class CollectProcessor {
  private readonly logger = new Logger(CollectProcessor.name);

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly runs: CollectionRunsRepository,
    private readonly collect: CollectAccountService,
    private readonly figures: AccountFiguresService,
    private readonly attributor: FollowerAttributor,
    private readonly collectorSets: CollectorSetFactory,
    private readonly events: LiveEventsService,
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  async process(job: Job<JobData<JobName.CollectAccount>>, token: string | undefined): Promise<void> {
    const account = await this.accounts.findById(job.data.accountId);
    if (
      !account ||
      account.status === 'gone' ||
      account.status === 'unauthorised' ||
      account.status === 'paused'
    ) {
      return;
    }
    const runId = await this.runs.start({
      accountId: account.id,
      jobId: job.id ?? null,
      at: this.clock.now(),
    });
    // Built inside the run: a failure here (the database, a credential) is the run's, and decides the
    // job's fate like any other.
    let collectors: CollectorSet | null = null;
    try {
      await this.attributor.refresh();
      collectors = await this.collectorSets.create();
      const outcome = await this.collect.collect(account, collectors);
      await this.figures.snapshot({ accountId: account.id, profile: outcome.profile });
      const now = this.clock.now();
      await this.accounts.markCollected({
        id: account.id,
        at: now,
        nextDueAt: this.collect.nextDue({ now, postedRecently: outcome.postedRecently }),
        mentions: outcome.mentions,
        mentionsSearchedFrom: outcome.mentionsSearchedFrom,
      });
      const items =
        outcome.newPosts +
        outcome.refreshedPosts +
        outcome.newInteractions +
        outcome.followersGained +
        outcome.followersLost;
      await this.runs.finish({ id: runId, at: now, status: 'succeeded', requests: outcome.requests, items });
      await this.events.publish({
        type: 'collection.finished',
        accountId: account.id,
        councillorId: account.councillorId,
        status: 'succeeded',
        at: now.toISOString(),
      });
      await this.queues.enqueue(QueueName.Figures, [{ name: JobName.RecomputeFigures, data: {} }]);
    } catch (error) {
      await this.fail({
        job,
        token,
        runId,
        accountId: account.id,
        councillorId: account.councillorId,
        error,
        requests: collectors?.requests() ?? 0,
      });
    }
  }

  private async fail(params: {
    job: Job;
    token: string | undefined;
    runId: string;
    accountId: string;
    councillorId: string;
    error: unknown;
    requests: number;
  }): Promise<never> {
    const { job, error } = params;
    const now = this.clock.now();
    const message = error instanceof Error ? error.message : String(error);
    const finish = (status: 'failed' | 'rate_limited') =>
      this.runs.finish({
        id: params.runId,
        at: now,
        status,
        requests: params.requests,
        items: 0,
        error: message,
      });
    const announceFailure = () =>
      this.events.publish({
        type: 'collection.finished',
        accountId: params.accountId,
        councillorId: params.councillorId,
        status: 'failed',
        at: now.toISOString(),
      });
    const flag = async (status: AccountStatus, nextDueAt: Date) => {
      await this.accounts.markFailed({ id: params.accountId, status, reason: message, nextDueAt });
      await announceFailure();
    };

    const fate = jobFate(error, { made: job.attemptsMade, allowed: job.opts.attempts ?? 1 }, now);
    switch (fate.kind) {
      case 'delay':
        await finish('rate_limited');
        // It runs again then: the admin sees that as the account's next collection, not the past
        // slot it was due at.
        await this.accounts.delayUntil({ id: params.accountId, until: fate.until });
        if (params.token) {
          await job.moveToDelayed(fate.until.getTime(), params.token);
          throw new DelayedError();
        }
        throw error;
      case 'give-up':
        await finish('failed');
        await flag(fate.status, fate.nextDueAt);
        if (fate.loud) this.logger.error(message);
        throw new UnrecoverableError(message);
      case 'retry':
        await finish('failed');
        // Out of retries: flagged, and tried again at its next slot, not in a loop.
        if (fate.flag) await flag(fate.flag.status, fate.flag.nextDueAt);
        throw error;
    }
  }
}
