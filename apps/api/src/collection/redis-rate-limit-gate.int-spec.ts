import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import {
  BudgetSpentError,
  HttpClient,
  RateLimitedError,
  epochSecondsRateLimitHeaders,
} from '@wardreach/collectors';
import type { RateLimitPermit } from '@wardreach/collectors';
import { Redis } from 'ioredis';
import { TEST_REDIS_URL } from '../testing/test-environment';
import { RedisRateLimitGate } from './redis-rate-limit-gate';

/** Whether a pending acquire has resolved (or rejected) within a moment. */
async function settledSoon(pending: Promise<RateLimitPermit>): Promise<boolean> {
  const marker = Symbol('pending');
  const result = await Promise.race([
    pending.then(
      () => true,
      () => true,
    ),
    delay(150, marker),
  ]);
  return result !== marker;
}

/**
 * A platform enforcing `limit` requests per fixed window, counted and announced as the sandbox does
 * (apps/sandbox/src/http/rate-limiter.ts): windows follow on from the first request, the reset is
 * announced in whole seconds rounded up. Requests take a random while to arrive and to be answered,
 * so they are counted and answered out of the order they were sent in.
 */
class RateLimitedPlatform {
  readonly counted: number[] = [];
  tooMany = 0;
  private server: Server | null = null;
  private window = { startMs: 0, used: 0 };

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/feed`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      void (async () => {
        await delay(Math.random() * 20);
        const now = Date.now();
        if (this.counted.length === 0) this.window = { startMs: now, used: 0 };
        else if (now >= this.window.startMs + this.windowMs)
          this.window = { startMs: now - ((now - this.window.startMs) % this.windowMs), used: 0 };
        this.counted.push(now);
        const allowed = this.window.used < this.limit;
        if (allowed) this.window.used += 1;
        else this.tooMany += 1;
        const resetMs = this.window.startMs + this.windowMs;
        await delay(Math.random() * 20);
        response.writeHead(allowed ? 200 : 429, {
          'content-type': 'application/json',
          'ratelimit-limit': String(this.limit),
          'ratelimit-remaining': String(Math.max(0, this.limit - this.window.used)),
          'ratelimit-reset': String(Math.ceil(resetMs / 1000)),
          ...(allowed
            ? {}
            : { 'retry-after': String(Math.max(1, Math.ceil((resetMs - Date.now()) / 1000))) }),
        });
        response.end(allowed ? '{"feed":[]}' : '{"error":"RateLimitExceeded"}');
      })();
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Requests counted in each window, from the first request's window to the last's. */
  perWindow(): number[] {
    const first = this.counted[0];
    const windows = Array.from(
      { length: Math.floor((Math.max(...this.counted) - first) / this.windowMs) + 1 },
      () => 0,
    );
    for (const at of this.counted) windows[Math.floor((at - first) / this.windowMs)] += 1;
    return windows;
  }
}

/** The rate-limit budget every worker shares, against the machine's real Redis. */
describe('RedisRateLimitGate', () => {
  /** Each worker has its own connection, as workers on different machines do. */
  const connections: Redis[] = [];
  const gate = (options?: { maxWaitMs: number }) => {
    const redis = new Redis(TEST_REDIS_URL);
    connections.push(redis);
    return new RedisRateLimitGate(redis, options);
  };
  const scope = () => ({
    platform: 'bluesky' as const,
    host: `api-${randomBytes(4).toString('hex')}.example`,
    timeoutMs: 10_000,
  });
  const announced = (remaining: number, resetAt: number) => ({
    limit: 3000,
    remaining,
    resetAt: new Date(resetAt),
  });

  afterAll(async () => {
    await Promise.all(connections.map((redis) => redis.quit()));
  });

  it('sends one probe until a window is known, then the smallest remaining less the requests in flight', async () => {
    const [a, b] = [gate({ maxWaitMs: 1000 }), gate({ maxWaitMs: 1000 })];
    const host = scope();
    const resetAt = Math.ceil(Date.now() / 1000) * 1000 + 60_000;
    const probe = await a.acquire(host);
    const waiting = b.acquire(host);
    expect(await settledSoon(waiting)).toBe(false);
    await probe.settle(announced(3, resetAt));
    const second = await waiting;
    const third = await a.acquire(host);
    const fourth = await b.acquire(host);
    // Three were left when the probe was counted, and three are in flight since.
    const fifth = a.acquire(host);
    expect(await settledSoon(fifth)).toBe(false);
    // The fourth arrived first: the two it leaves belong to the second and third.
    await fourth.settle(announced(2, resetAt));
    expect(await settledSoon(fifth)).toBe(false);
    await second.settle(announced(1, resetAt));
    await third.settle(announced(0, resetAt));
    const error = await fifth.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BudgetSpentError);
    // Resets are announced in whole seconds, so the gate waits one second more.
    expect(Math.abs((error as BudgetSpentError).resetAt.getTime() - (resetAt + 1000))).toBeLessThan(200);
  });

  it('never grants more than the budget to concurrent workers', async () => {
    const gates = [1, 2, 3, 4].map(() => gate({ maxWaitMs: 0 }));
    const host = scope();
    const resetAt = Date.now() + 300_000;
    await (await gates[0].acquire(host)).settle(announced(10, resetAt));
    const pending = Array.from({ length: 40 }, (_, i) => gates[i % 4].acquire(host));
    await delay(300);
    const granted = await Promise.all(pending.map(settledSoon));
    const permits = await Promise.all(pending.filter((_, i) => granted[i]));
    expect(permits).toHaveLength(10);
    await Promise.all(permits.map((permit, i) => permit.settle(announced(9 - i, resetAt))));
    const results = await Promise.allSettled(pending);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(30);
  });

  it('keeps the smaller remaining a window announced, takes a later window as new, and ignores an earlier one', async () => {
    const worker = gate({ maxWaitMs: 0 });
    const host = scope();
    const resetAt = Date.now() + 30_000;
    await (await worker.acquire(host)).settle(announced(6, resetAt));
    const [x, y, w, v] = [
      await worker.acquire(host),
      await worker.acquire(host),
      await worker.acquire(host),
      await worker.acquire(host),
    ];
    // y was counted after x but answers first; x's larger remaining was spent since.
    await y.settle(announced(3, resetAt));
    await x.settle(announced(4, resetAt));
    const z = await worker.acquire(host);
    const held = worker.acquire(host);
    expect(await settledSoon(held)).toBe(false);
    await z.settle(announced(0, resetAt));
    await expect(held).rejects.toBeInstanceOf(BudgetSpentError);
    // w reached the platform after its window turned over; v's answer from the window before comes late.
    await w.settle(announced(99, resetAt + 300_000));
    await v.settle(announced(0, resetAt));
    await expect(worker.acquire(host)).resolves.toBeDefined();
  });

  it('spends one for a request answered without budget headers, none for one never sent', async () => {
    const worker = gate({ maxWaitMs: 0 });
    const host = scope();
    await (await worker.acquire(host)).settle(announced(2, Date.now() + 60_000));
    await (await worker.acquire(host)).settle(null);
    await (await worker.acquire(host)).cancel();
    const last = await worker.acquire(host);
    const held = worker.acquire(host);
    expect(await settledSoon(held)).toBe(false);
    await last.settle(null);
    await expect(held).rejects.toBeInstanceOf(BudgetSpentError);
  });

  it('sleeps through a short reset in place, then probes the next window', async () => {
    const worker = gate({ maxWaitMs: 3000 });
    const host = scope();
    await (await worker.acquire(host)).settle(announced(0, Date.now() + 300));
    const started = Date.now();
    await worker.acquire(host);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1200);
  });

  it('keeps a window whose reset is already past by Redis’s clock, rather than probing every request', async () => {
    const worker = gate();
    const host = scope();
    // The platform's clock runs ten minutes behind.
    await (await worker.acquire(host)).settle(announced(100, Date.now() - 600_000));
    expect(await Promise.all([worker.acquire(host), worker.acquire(host)].map(settledSoon))).toEqual([
      true,
      true,
    ]);
  });

  it('stops counting a permit its worker never settled once its time-out has passed', async () => {
    const worker = gate();
    const host = scope();
    await worker.acquire({ ...host, timeoutMs: 0 }); // the probe's worker dies
    const started = Date.now();
    await worker.acquire(host);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('keeps workers on several machines under a platform’s limit, window after window, using nearly all of it', async () => {
    const platform = new RateLimitedPlatform(25, 3000);
    await platform.start();
    try {
      let demand = 4 * platform.limit + 10;
      const worker = async () => {
        const http = new HttpClient({ gate: gate() });
        while (demand > 0) {
          demand -= 1;
          const request = {
            platform: 'bluesky' as const,
            method: 'app.test.getFeed',
            url: new URL(platform.url),
            rateLimitHeaders: epochSecondsRateLimitHeaders('ratelimit'),
          };
          for (;;) {
            try {
              await http.request(request);
              break;
            } catch (error) {
              // What the queue does with a job that met a spent budget: delay it until the reset.
              if (!(error instanceof RateLimitedError)) throw error;
              await delay(Math.max(0, error.resetAt.getTime() - Date.now()));
            }
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      expect(platform.tooMany).toBe(0);
      const windows = platform.perWindow();
      const full = windows.slice(0, -1);
      expect(full.length).toBeGreaterThanOrEqual(4);
      const used = full.reduce((sum, n) => sum + n, 0) / (platform.limit * full.length);
      expect(used).toBeGreaterThanOrEqual(0.9);
    } finally {
      await platform.stop();
    }
  }, 60_000);
});
