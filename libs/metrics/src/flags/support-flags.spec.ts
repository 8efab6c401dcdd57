import type { CouncillorSupportFacts } from './support-facts';
import { supportFlags } from './support-flags';
import { DEFAULT_SUPPORT_THRESHOLDS, parseSupportThresholds } from './support-thresholds';

const now = new Date('2026-11-22T12:00:00Z');

/** A councillor with nothing to flag: two active platforms, chatty, local, collected an hour ago. */
function healthy(overrides: Partial<CouncillorSupportFacts> = {}): CouncillorSupportFacts {
  return {
    activePlatforms: ['bluesky', 'rss'],
    posts30d: 40,
    replies30d: 12,
    overdueInteractions: 0,
    followers: 1000,
    followers30dAgo: 990,
    followersWard: 30,
    followersKnown: 100,
    accounts: [
      {
        platform: 'bluesky',
        handle: '@ann.bsky.social',
        status: 'active',
        statusReason: null,
        lastSucceededAt: new Date('2026-11-22T11:00:00Z'),
      },
    ],
    ...overrides,
  };
}

describe('support flags', () => {
  it('raises nothing for a healthy councillor', () => {
    expect(supportFlags(healthy(), now)).toEqual([]);
  });

  it('explains a councillor who has gone quiet', () => {
    expect(supportFlags(healthy({ activePlatforms: [], posts30d: 0, replies30d: 0 }), now)).toEqual([
      { key: 'single-platform', reason: 'Not active on any platform in the last 30 days.' },
      { key: 'inactive', reason: 'Did not post in the last 30 days on any platform.' },
    ]);
  });

  it('flags a single active platform', () => {
    expect(supportFlags(healthy({ activePlatforms: ['x'] }), now)).toEqual([
      {
        key: 'single-platform',
        reason: 'Active on 1 platform (X) in the last 30 days; 2 or more expected.',
      },
    ]);
  });

  it('flags broadcasting only once there are enough posts to judge', () => {
    // 3 / 40 = 7.5 % < 10 %
    expect(supportFlags(healthy({ replies30d: 3 }), now)).toEqual([
      {
        key: 'broadcasting',
        reason: 'Only 3 of 40 posts in the last 30 days were replies (8%, below 10%).',
      },
    ]);
    expect(supportFlags(healthy({ replies30d: 0 }), now)).toEqual([
      { key: 'broadcasting', reason: 'None of 40 posts in the last 30 days was a reply (below 10%).' },
    ]);
    // 4 / 40 = 10 %: not below
    expect(supportFlags(healthy({ replies30d: 4 }), now)).toEqual([]);
    // 9 posts, none a reply: too few to judge
    expect(supportFlags(healthy({ posts30d: 9, replies30d: 0 }), now)).toEqual([]);
  });

  it('flags unanswered mentions from the threshold up', () => {
    expect(supportFlags(healthy({ overdueInteractions: 2 }), now)).toEqual([]);
    expect(supportFlags(healthy({ overdueInteractions: 3 }), now)).toEqual([
      {
        key: 'unanswered-mentions',
        reason: '3 mentions or replies have waited more than 48 hours without an answer.',
      },
    ]);
  });

  it('flags falling reach at a 5 % fall over 30 days', () => {
    // (1200 − 1140) / 1200 = 5 % exactly: flagged
    expect(supportFlags(healthy({ followers30dAgo: 1200, followers: 1140 }), now)).toEqual([
      { key: 'falling-reach', reason: 'Followers fell from 1,200 to 1,140 (−5.0%) over the last 30 days.' },
    ]);
    // (1200 − 1141) / 1200 = 4.9 %: not flagged; no history: not judged
    expect(supportFlags(healthy({ followers30dAgo: 1200, followers: 1141 }), now)).toEqual([]);
    expect(supportFlags(healthy({ followers30dAgo: null, followers: 0 }), now)).toEqual([]);
  });

  it('flags a low local share only with enough known followers', () => {
    // 3 / 75 = 4 %
    expect(supportFlags(healthy({ followersWard: 3, followersKnown: 75 }), now)).toEqual([
      {
        key: 'low-local-share',
        reason: 'Only 4% of followers with a known place are in the ward (3 of 75; below 10%).',
      },
    ]);
    // 19 known is too few to judge
    expect(supportFlags(healthy({ followersWard: 0, followersKnown: 19 }), now)).toEqual([]);
  });

  it('flags failing, stale and never-collected accounts, not paused ones', () => {
    const flags = supportFlags(
      healthy({
        accounts: [
          {
            platform: 'x',
            handle: '@ann',
            status: 'unauthorised',
            statusReason: 'token revoked',
            lastSucceededAt: null,
          },
          {
            platform: 'bluesky',
            handle: '@ann.bsky.social',
            status: 'active',
            statusReason: null,
            // 50 hours before now
            lastSucceededAt: new Date('2026-11-20T10:00:00Z'),
          },
          {
            platform: 'mastodon',
            handle: '@ann@mastodon.social',
            status: 'active',
            statusReason: null,
            lastSucceededAt: null,
          },
          {
            platform: 'rss',
            handle: 'ann.blog',
            status: 'paused',
            statusReason: null,
            lastSucceededAt: null,
          },
          {
            platform: 'facebook',
            handle: 'CllrAnn',
            status: 'active',
            statusReason: null,
            // exactly 48 hours: still fresh
            lastSucceededAt: new Date('2026-11-20T12:00:00Z'),
          },
        ],
      }),
      now,
    );
    expect(flags).toEqual([
      {
        key: 'collection-failing',
        reason:
          "Collection failing: X @ann cannot be read with the council's credentials for it (the platform said: token revoked); Bluesky @ann.bsky.social last collected 50 hours ago (more than 48); Mastodon @ann@mastodon.social has never been collected.",
      },
    ]);
  });

  it('uses a council’s own thresholds', () => {
    const strict = parseSupportThresholds({ minActivePlatforms: 3 });
    expect(supportFlags(healthy(), now, strict).map((flag) => flag.key)).toEqual(['single-platform']);
  });
});

describe('support thresholds', () => {
  it('has documented defaults', () => {
    expect(DEFAULT_SUPPORT_THRESHOLDS).toEqual({
      minActivePlatforms: 2,
      minPosts30d: 1,
      minReplyShare: 0.1,
      minPostsToJudgeReplies: 10,
      overdueInteractionsToFlag: 3,
      fallingReachShare: 0.05,
      minLocalShare: 0.1,
      minKnownFollowersToJudgeLocal: 20,
      collectionStaleHours: 48,
    });
    expect(parseSupportThresholds(undefined)).toEqual(DEFAULT_SUPPORT_THRESHOLDS);
  });

  it('rejects values out of range', () => {
    expect(() => parseSupportThresholds({ minLocalShare: 1.5 })).toThrow();
    expect(() => parseSupportThresholds({ minActivePlatforms: 0 })).toThrow();
    expect(() => parseSupportThresholds({ collectionStaleHours: 'soon' })).toThrow();
  });
});
