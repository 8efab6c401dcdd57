import type { Platform } from '@wardreach/collectors';

/**
 * One page's ids, sent to the follower-key thread as one text and each id's length (one string and
 * one array cross more cheaply than a thousand strings).
 */
export interface FollowerKeyJob {
  id: number;
  platform: Platform;
  text: string;
  lengths: Int32Array;
}

/** The ids a job carries, in order. */
export function jobIds(job: FollowerKeyJob): string[] {
  const ids: string[] = new Array<string>(job.lengths.length);
  let at = 0;
  for (let i = 0; i < job.lengths.length; i += 1) {
    ids[i] = job.text.slice(at, at + job.lengths[i]);
    at += job.lengths[i];
  }
  if (at !== job.text.length) throw new Error('the lengths do not add up to the text');
  return ids;
}

/**
 * What the thread says: that it is ready (once, when started), or its answer to a job, the ids' keys as
 * pairs of halves (`followerKeysOf`) or why it could not.
 */
export type FollowerKeyResult =
  { ready: true } | { id: number; keys: Int32Array } | { id: number; error: string };
