import { BudgetSpentError } from './rate-limit-gate';
import { InMemoryRateLimitGate } from './in-memory-rate-limit-gate';

describe('InMemoryRateLimitGate', () => {
  const scope = { platform: 'mastodon' as const, host: 'example.social' };

  it('lets requests through until the announced remaining is reserved, then waits a short reset out', async () => {
    let now = 1_000_000;
    const waits: number[] = [];
    const gate = new InMemoryRateLimitGate({
      now: () => now,
      maxWaitMs: 5_000,
      sleep: (ms) => {
        waits.push(ms);
        now += ms;
        return Promise.resolve();
      },
    });
    gate.update({ ...scope, limit: 300, remaining: 2, resetAt: new Date(now + 3_000) });
    await gate.acquire(scope);
    await gate.acquire(scope);
    expect(waits).toEqual([]);
    await gate.acquire(scope);
    expect(waits).toEqual([3_000]);
  });

  it('refuses with the reset time when the reset is beyond the short wait', async () => {
    const now = 1_000_000;
    const gate = new InMemoryRateLimitGate({ now: () => now, maxWaitMs: 5_000 });
    gate.update({ ...scope, limit: 300, remaining: 0, resetAt: new Date(now + 60_000) });
    const error = await gate.acquire(scope).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BudgetSpentError);
    expect((error as BudgetSpentError).resetAt.getTime()).toBe(now + 60_000);
    // Another host has its own budget.
    await expect(gate.acquire({ ...scope, host: 'other.social' })).resolves.toBeUndefined();
  });
});
