/**
 * The follower-key thread (`FollowerKeyHasher`): hashes the ids of each page of a follower sweep it is
 * sent, under the deployment secret it was started with, and sends back their keys. It holds nothing
 * between pages, and nothing about a follower leaves it but their key.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { followerKeysOf } from '../common/pseudonymise';
import { jobIds } from './follower-key-job';
import type { FollowerKeyJob, FollowerKeyResult } from './follower-key-job';

const { secret } = workerData as { secret: string };

const ready: FollowerKeyResult = { ready: true };
parentPort?.postMessage(ready);

parentPort?.on('message', (job: FollowerKeyJob) => {
  let reply: FollowerKeyResult;
  try {
    reply = { id: job.id, keys: followerKeysOf(secret, job.platform, jobIds(job)) };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply, 'keys' in reply ? [reply.keys.buffer as ArrayBuffer] : []);
});
