import type {
  CollectedFollower,
  CollectedInteraction,
  CollectedPost,
  CollectedProfile,
  Page,
} from './collected';
import type { Collector, CollectorCapabilities } from './collector';
import { UnauthorisedError } from './errors';
import type { ChannelRole, Platform } from './platform';

/** The platform's credentials are not set (or not readable): unauthorised, with nothing yet refused. */
export class NotConfiguredError extends UnauthorisedError {}

/**
 * Stands in for a platform whose credentials the council has not supplied (or whose stored ones cannot
 * be read): every call fails with `UnauthorisedError` naming what is missing, so the account is
 * flagged for the admin, never retried, until the admin sets the credential.
 */
export class UnconfiguredCollector implements Collector {
  readonly capabilities: CollectorCapabilities = {
    followerList: false,
    followingList: false,
    replies: false,
    refreshPosts: false,
    mentions: 'not-offered',
  };

  constructor(
    readonly platform: Platform,
    readonly role: ChannelRole,
    /** What is missing, e.g. "an X bearer token". */
    private readonly missing: string,
    /** Why, when it is not simply unset (e.g. the stored one does not decrypt). */
    private readonly problem?: string,
  ) {}

  fetchProfile(): Promise<CollectedProfile> {
    return this.refuse('fetchProfile');
  }

  fetchPosts(): Promise<Page<CollectedPost>> {
    return this.refuse('fetchPosts');
  }

  refreshPosts(): Promise<CollectedPost[]> {
    return this.refuse('refreshPosts');
  }

  fetchFollowers(): Promise<Page<CollectedFollower>> {
    return this.refuse('fetchFollowers');
  }

  fetchFollowing(): Promise<Page<CollectedFollower>> {
    return this.refuse('fetchFollowing');
  }

  fetchInteractions(): Promise<CollectedInteraction[]> {
    return this.refuse('fetchInteractions');
  }

  private refuse<T>(method: string): Promise<T> {
    return Promise.reject(
      new NotConfiguredError(
        this.platform,
        method,
        `not configured: ${this.missing} is ${this.problem ?? 'missing'}`,
      ),
    );
  }
}
