import {
  JobName,
  RECOMPUTE_DELAY_MS,
  ROUTINE_COLLECTION_PRIORITY,
  jobIdFor,
  jobOptionsFor,
} from './queue.constants';

describe('job ids', () => {
  it('lets a first collection go ahead of routine ones', () => {
    const first = { name: JobName.CollectAccount, data: { accountId: 'a1', firstCollection: true } } as const;
    const routine = { name: JobName.CollectAccount, data: { accountId: 'a2' } } as const;
    expect(jobOptionsFor(first).priority).toBeUndefined();
    expect(jobOptionsFor(routine).priority).toBe(ROUTINE_COLLECTION_PRIORITY);
  });

  it('queues an account once while a job for it exists', () => {
    const payload = { name: JobName.CollectAccount, data: { accountId: 'a1' } } as const;
    expect(jobIdFor(payload, 0)).toBe(jobIdFor(payload, 3_600_000));
  });

  it('joins recomputes asked for within one delay, and never gives a running one’s id to a new request', () => {
    const recompute = { name: JobName.RecomputeFigures, data: {} } as const;
    const askedAt = 1_772_560_803_000;
    const windowStart = Math.floor(askedAt / RECOMPUTE_DELAY_MS) * RECOMPUTE_DELAY_MS;
    // Collections finishing in the same window join the same job.
    expect(jobIdFor(recompute, windowStart)).toBe(jobIdFor(recompute, windowStart + RECOMPUTE_DELAY_MS - 1));
    // The job starts once its delay has passed: by then any new request falls in a later window.
    expect(jobOptionsFor(recompute).delay).toBe(RECOMPUTE_DELAY_MS);
    const startsAt = askedAt + RECOMPUTE_DELAY_MS;
    expect(jobIdFor(recompute, startsAt)).not.toBe(jobIdFor(recompute, askedAt));
  });
});
