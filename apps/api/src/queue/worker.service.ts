import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { CollectProcessor } from '../collection/collect.processor';
import { CouncilFiguresService } from '../council-figures/council-figures.service';
import { PrivacyService } from '../privacy/privacy.service';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RedisConnections } from '../redis/redis.module';
import { JobData, JobName, QueueName } from './queue.constants';

/** The worker process's BullMQ consumers; each job name goes to its processor. */
@Injectable()
export class WorkerService implements OnApplicationShutdown {
  private readonly logger = new Logger(WorkerService.name);
  private readonly workers: Worker[] = [];

  constructor(
    private readonly collect: CollectProcessor,
    private readonly figures: CouncilFiguresService,
    private readonly privacy: PrivacyService,
    private readonly redis: RedisConnections,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  start(): void {
    this.consume(QueueName.Collect, this.config.WORKER_CONCURRENCY);
    this.consume(QueueName.Figures, 1);
    this.consume(QueueName.Maintenance, 1);
  }

  private consume(queue: QueueName, concurrency: number): void {
    const worker = new Worker(queue, (job: Job, token?: string) => this.dispatch(job, token), {
      connection: this.redis.open(`worker:${queue}`),
      prefix: this.config.QUEUE_PREFIX,
      concurrency,
      // A worker killed mid-job: its lock lapses and the job is taken up again (idempotent writes).
      lockDuration: this.config.WORKER_LOCK_DURATION_MS,
      stalledInterval: Math.round(this.config.WORKER_LOCK_DURATION_MS / 2),
      maxStalledCount: 5,
    });
    worker.on('failed', (job, error) => this.logger.warn(`job ${job?.id ?? '?'} failed: ${error.message}`));
    worker.on('error', (error) => this.logger.error(`worker error: ${error.message}`));
    this.workers.push(worker);
  }

  private async dispatch(job: Job, token: string | undefined): Promise<void> {
    const name = job.name as JobName;
    switch (name) {
      case JobName.CollectAccount:
        return this.collect.process(job as Job<JobData<JobName.CollectAccount>>, token);
      case JobName.RecomputeFigures:
        await this.figures.recompute();
        return;
      case JobName.PurgeExpired: {
        const purged = await this.privacy.purgeExpired();
        this.logger.log(
          `retention: deleted ${purged.edges} follow edges, ${purged.follows} councillors' follows, ${purged.interactions} interactions`,
        );
        return;
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }
}
