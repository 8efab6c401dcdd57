import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AccountsRepository } from '../accounts/accounts.repository';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Clock } from '../common/clock';
import { JobName, QueueName } from '../queue/queue.constants';
import { QueueService } from '../queue/queue.service';

const PLANNER_INTERVAL = 'collection-planner';

/**
 * Decides which accounts are due and enqueues one collect job each. It only enqueues: the
 * deterministic job id means an account already queued, running or delayed is never queued again.
 */
@Injectable()
export class CollectionPlanner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CollectionPlanner.name);
  private running: Promise<number> | null = null;

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly queues: QueueService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    // The interval comes from the validated config, so it is registered here rather than by decorator.
    this.scheduler.addInterval(
      PLANNER_INTERVAL,
      setInterval(() => void this.tick(), this.config.PLANNER_INTERVAL_MS),
    );
    void this.tick();
  }

  onApplicationShutdown(): void {
    if (this.scheduler.doesExist('interval', PLANNER_INTERVAL))
      this.scheduler.deleteInterval(PLANNER_INTERVAL);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    try {
      this.running = this.plan();
      const queued = await this.running;
      if (queued > 0) this.logger.log(`queued ${queued} due account(s)`);
    } catch (error) {
      this.logger.error(`planning failed: ${String(error)}`);
    } finally {
      this.running = null;
    }
  }

  /** Enqueues every due account; returns how many were due. */
  async plan(): Promise<number> {
    const now = this.clock.now();
    // Retention runs once a day: the day's job id refuses a second one.
    await this.queues.enqueue(QueueName.Maintenance, [
      { name: JobName.PurgeExpired, data: { day: now.toISOString().slice(0, 10) } },
    ]);
    const due = await this.accounts.findDue({ now, limit: 5000 });
    await this.queues.enqueue(
      QueueName.Collect,
      due.map((account) => ({
        name: JobName.CollectAccount,
        data: { accountId: account.id, firstCollection: account.firstCollection },
      })),
    );
    return due.length;
  }
}
