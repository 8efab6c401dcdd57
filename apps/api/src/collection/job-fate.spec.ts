import {
  AccountGoneError,
  MalformedPayloadError,
  RateLimitedError,
  TransientError,
  UnauthorisedError,
} from '@wardreach/collectors';
import { jobFate } from './job-fate';

const NOW = new Date('2026-03-01T12:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const first = { made: 0, allowed: 6 };
const last = { made: 5, allowed: 6 };

describe('jobFate', () => {
  it('waits for the announced reset of a spent limit, at least a second', () => {
    expect(jobFate(new RateLimitedError('x', 'GET /2/users', at(15 * 60_000)), last, NOW)).toEqual({
      kind: 'delay',
      until: at(15 * 60_000),
    });
    expect(jobFate(new RateLimitedError('x', 'GET /2/users', at(-5_000)), first, NOW)).toEqual({
      kind: 'delay',
      until: at(1000),
    });
  });

  it('gives up on a gone or unauthorised account for a year, and on a malformed payload for a day, loudly', () => {
    expect(jobFate(new AccountGoneError('bluesky', 'getProfile', 'AccountTakedown'), first, NOW)).toEqual({
      kind: 'give-up',
      status: 'gone',
      nextDueAt: at(365 * DAY),
      loud: false,
    });
    expect(jobFate(new UnauthorisedError('x', 'GET /2/users', 'HTTP 401'), first, NOW)).toMatchObject({
      kind: 'give-up',
      status: 'unauthorised',
    });
    expect(
      jobFate(new MalformedPayloadError('mastodon', 'statuses', '[1].created_at', 'bad'), first, NOW),
    ).toEqual({ kind: 'give-up', status: 'failing', nextDueAt: at(DAY), loud: true });
  });

  it('retries a passing fault, and flags the account failing for an hour on the last attempt', () => {
    const fault = new TransientError('rss', 'GET feed', 'HTTP 503');
    expect(jobFate(fault, first, NOW)).toEqual({ kind: 'retry', flag: null });
    expect(jobFate(fault, last, NOW)).toEqual({
      kind: 'retry',
      flag: { status: 'failing', nextDueAt: at(HOUR) },
    });
  });

  it('treats an error of ours like a passing fault, so its last attempt flags the account instead of looping', () => {
    const ours = new Error('follower key collision: 1 follower(s) share a 64-bit key');
    expect(jobFate(ours, first, NOW)).toEqual({ kind: 'retry', flag: null });
    expect(jobFate(ours, last, NOW)).toEqual({
      kind: 'retry',
      flag: { status: 'failing', nextDueAt: at(HOUR) },
    });
  });
});
