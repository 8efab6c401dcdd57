import type { Platform } from './platform';

/** Base of the errors a collector throws; the kind decides what the job does next. */
export abstract class CollectorError extends Error {
  abstract readonly kind: 'rate-limited' | 'gone' | 'unauthorised' | 'transient' | 'malformed';
  constructor(
    readonly platform: Platform,
    readonly method: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${platform} ${method}: ${message}`, options);
    this.name = new.target.name;
  }
}

/** The platform's limit is spent: wait until the reset it announced, do not count as a failure. */
export class RateLimitedError extends CollectorError {
  readonly kind = 'rate-limited' as const;
  constructor(
    platform: Platform,
    method: string,
    /** When the platform said the limit resets. */
    readonly resetAt: Date,
  ) {
    super(platform, method, `rate limited until ${resetAt.toISOString()}`);
  }
}

/** The account is deleted, suspended or renamed: stop scheduling it and flag it for the admin. */
export class AccountGoneError extends CollectorError {
  readonly kind = 'gone' as const;
}

/** Credentials are missing, bad or expired, or the instance refuses logged-out access: flag, never loop. */
export class UnauthorisedError extends CollectorError {
  readonly kind = 'unauthorised' as const;
}

/** A passing fault (5xx, time-out, reset connection): retry with backoff and jitter. */
export class TransientError extends CollectorError {
  readonly kind = 'transient' as const;
}

/** The payload is not what the platform documents: fail loudly with the path that broke. */
export class MalformedPayloadError extends CollectorError {
  readonly kind = 'malformed' as const;
  constructor(
    platform: Platform,
    method: string,
    /** Where in the payload it broke, e.g. `feed[3].post.likeCount`. */
    readonly path: string,
    /** What is wrong there, in a sentence a person can act on. */
    readonly detail: string,
  ) {
    super(platform, method, `malformed payload at ${path || '(root)'}: ${detail}`);
  }
}
