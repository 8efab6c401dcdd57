import { BudgetSpentError } from './rate-limit-gate';
import type { RateLimitPermit } from './rate-limit-gate';
import { InMemoryRateLimitGate } from './in-memory-rate-limit-gate';

describe('InMemoryRateLimitGate', () => {
  const scope = { platform: 'mastodon' as const, host: 'example.social', timeoutMs: 10_000 };
  const announced = (remaining: number, resetAt: number) => ({
    limit: 300,
    remaining,
    resetAt: new Date(resetAt),
  });

  /** Whether a pending acquire has resolved, after letting it run. */
  async function granted(pending: Promise<RateLimitPermit>): Promise<boolean> {
    const marker = Symbol('pending');
    const result = await Promise.race([
      pending,
      new Promise<symbol>((resolve) => setTimeout(() => resolve(marker), 20)),
    ]);
    return result !== marker;
  }

  it('sends one probe until a window is known, then the smallest remaining less the requests in flight', async () => {
    const now = 1_000_000;
    const resetAt = now + 60_000;
    const gate = new InMemoryRateLimitGate({ now: () => now });
    const probe = await gate.acquire(scope);
    const waiting = gate.acquire(scope);
    expect(await granted(waiting)).toBe(false);
    await probe.settle(announced(3, resetAt));
    const second = await waiting;
    const third = await gate.acquire(scope);
    const fourth = await gate.acquire(scope);
    // Three left when the probe was counted, three in flight since: none can go until one answers.
    const fifth = gate.acquire(scope);
    expect(await granted(fifth)).toBe(false);
    // The fourth was counted before the second and third: the two it leaves are theirs.
    await fourth.settle(announced(2, resetAt));
    expect(await granted(fifth)).toBe(false);
    await second.settle(announced(1, resetAt));
    await third.settle(announced(0, resetAt));
    await expect(fifth).rejects.toEqual(new BudgetSpentError(new Date(resetAt)));
  });

  it('waits a short reset out, then probes the next window', async () => {
    let now = 1_000_000;
    const waits: number[] = [];
    const gate = new InMemoryRateLimitGate({
      now: () => now,
      maxWaitMs: 5_000,
      sleep: (ms) => {
        waits.push(ms);
        now += ms;
        return new Promise((resolve) => setTimeout(resolve, 1));
      },
    });
    await (await gate.acquire(scope)).settle(announced(0, now + 3_000));
    const probe = await gate.acquire(scope);
    expect(waits).toEqual([3_000]);
    expect(await granted(gate.acquire(scope))).toBe(false);
    const resetAt = now + 300_000;
    await probe.settle(announced(299, resetAt));
    expect(gate.budget(scope)).toEqual(announced(299, resetAt));
  });

  it('refuses with the reset time when the reset is beyond the short wait', async () => {
    const now = 1_000_000;
    const gate = new InMemoryRateLimitGate({ now: () => now, maxWaitMs: 5_000 });
    await (await gate.acquire(scope)).settle(announced(0, now + 60_000));
    const error = await gate.acquire(scope).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BudgetSpentError);
    expect((error as BudgetSpentError).resetAt.getTime()).toBe(now + 60_000);
    // Another host has its own budget.
    await expect(gate.acquire({ ...scope, host: 'other.social' })).resolves.toBeDefined();
  });

  it('takes a later window as new, and ignores a late answer from an earlier one', async () => {
    const now = 1_000_000;
    const gate = new InMemoryRateLimitGate({ now: () => now });
    const first = await gate.acquire(scope);
    await first.settle(announced(5, now + 10_000));
    const late = await gate.acquire(scope);
    const next = await gate.acquire(scope);
    await next.settle(announced(40, now + 70_000));
    // Sent before the platform's window turned over, answered after: it says nothing of the new one.
    await late.settle(announced(4, now + 10_000));
    expect(gate.budget(scope)).toEqual(announced(40, now + 70_000));
  });

  it('spends one for a request answered without budget headers, none for one never sent', async () => {
    const now = 1_000_000;
    const gate = new InMemoryRateLimitGate({ now: () => now });
    await (await gate.acquire(scope)).settle(announced(10, now + 60_000));
    await (await gate.acquire(scope)).settle(null);
    await (await gate.acquire(scope)).cancel();
    expect(gate.budget(scope)?.remaining).toBe(9);
  });

  it('keeps a window whose reset the platform announced in the past, rather than probing every request', async () => {
    const now = 1_000_000;
    const gate = new InMemoryRateLimitGate({ now: () => now });
    // The platform's clock runs ten minutes behind ours.
    await (await gate.acquire(scope)).settle(announced(100, now - 600_000));
    const both = [gate.acquire(scope), gate.acquire(scope)];
    expect(await Promise.all(both.map(granted))).toEqual([true, true]);
  });
});
