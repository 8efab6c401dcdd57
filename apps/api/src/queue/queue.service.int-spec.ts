import { Worker } from 'bullmq';
import { RedisConnections } from '../redis/redis.module';
import { testConfig } from '../testing/test-environment';
import { JobName, QueueName } from './queue.constants';
import { QueueService } from './queue.service';

/** The collect queue's order against the machine's Redis, through the real BullMQ. */
describe('QueueService (collect queue)', () => {
  const config = testConfig();
  const redis = new RedisConnections(config);
  const queues = new QueueService(redis, config);

  afterAll(async () => {
    await queues.queue(QueueName.Collect).obliterate({ force: true });
    await queues.onApplicationShutdown();
    await redis.onApplicationShutdown();
  });

  it('takes a newly added account first, however many routine collections wait, and never queues one twice', async () => {
    const routine = Array.from({ length: 5 }, (_, i) => ({
      name: JobName.CollectAccount as const,
      data: { accountId: `routine-${i}`, firstCollection: false },
    }));
    await queues.enqueue(QueueName.Collect, routine);
    await queues.enqueue(QueueName.Collect, [
      { name: JobName.CollectAccount, data: { accountId: 'new-account', firstCollection: true } },
      // Planned again while still queued: the same job, not a second one.
      { name: JobName.CollectAccount, data: { accountId: 'routine-0', firstCollection: false } },
    ]);
    const worker = new Worker(QueueName.Collect, null, {
      connection: redis.open('test-worker'),
      prefix: config.QUEUE_PREFIX,
      autorun: false,
    });
    try {
      const taken: string[] = [];
      for (let i = 0; i < 6; i += 1) {
        const job = await worker.getNextJob('test-token', { block: false });
        if (!job) break;
        taken.push((job.data as { accountId: string }).accountId);
        await job.moveToCompleted('done', 'test-token', false);
      }
      expect(taken).toEqual(['new-account', 'routine-0', 'routine-1', 'routine-2', 'routine-3', 'routine-4']);
    } finally {
      await worker.close();
    }
  });
});
