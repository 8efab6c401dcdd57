import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Queue } from 'bullmq';
import { RedisConnections } from '../redis/redis.module';
import { JobName, JobPayload, QueueName, jobIdFor, jobOptionsFor } from './queue.constants';

/** Enqueues jobs with their deterministic ids and per-job options. */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly redis: RedisConnections,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.redis.open(`queue:${name}`),
        prefix: this.config.QUEUE_PREFIX,
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Adds the jobs; one whose id already exists (queued, running or delayed) is left alone. */
  async enqueue(queueName: QueueName, payloads: JobPayload[]): Promise<void> {
    if (payloads.length === 0) return;
    await this.queue(queueName).addBulk(
      payloads.map((payload) => ({
        name: payload.name,
        data: payload.data,
        opts: { ...jobOptionsFor(payload), jobId: jobIdFor(payload) },
      })),
    );
  }

  async counts(queueName: QueueName): Promise<Record<string, number>> {
    return this.queue(queueName).getJobCounts(
      'waiting',
      'active',
      'delayed',
      'failed',
      'completed',
      'prioritized',
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }
}

export { JobName };
