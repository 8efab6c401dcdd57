import { HOUR_MS } from '../account/time-window';
import type { PlatformName } from '@wardreach/contracts';
import type { CouncillorSupportFacts, SupportAccountFacts } from './support-facts';
import { DEFAULT_SUPPORT_THRESHOLDS, type SupportThresholds } from './support-thresholds';

export type SupportFlagKey =
  | 'single-platform'
  | 'inactive'
  | 'broadcasting'
  | 'unanswered-mentions'
  | 'falling-reach'
  | 'low-local-share'
  | 'collection-failing';

export interface SupportFlag {
  key: SupportFlagKey;
  /** One sentence with the numbers, for the support table and its CSV. */
  reason: string;
}

const num = (x: number): string => x.toLocaleString('en-GB', { maximumFractionDigits: 1 });

/** Platforms as officers read them in a reason (the dashboard's labels, not the data's keys). */
const PLATFORM_NAME: Record<PlatformName, string> = {
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  rss: 'blog',
  x: 'X',
  facebook: 'Facebook',
  youtube: 'YouTube',
};

/** What each status means to an officer, before the platform's own words in brackets. */
const STATUS_MEANING = {
  gone: 'is gone (deleted, suspended or renamed on the platform)',
  unauthorised: "cannot be read with the council's credentials for it",
  failing: 'is failing',
} as const;
const pct = (x: number, digits = 0): string => `${(x * 100).toFixed(digits)}%`;
const plural = (n: number, one: string, many: string): string => `${num(n)} ${n === 1 ? one : many}`;

/**
 * Support flags for member-support officers, each raised by a documented rule on the councillor's
 * current figures and explained in a sentence with the numbers (thresholds `t`, defaults in
 * `DEFAULT_SUPPORT_THRESHOLDS`):
 * - single-platform      active platforms < t.minActivePlatforms (none counts too);
 * - inactive             posts in 30 days on all platforms < t.minPosts30d;
 * - broadcasting         posts30d ≥ t.minPostsToJudgeReplies and replies30d ÷ posts30d < t.minReplyShare;
 * - unanswered-mentions  overdue interactions ≥ t.overdueInteractionsToFlag;
 * - falling-reach        followers 30 days ago > 0 and (then − now) ÷ then ≥ t.fallingReachShare;
 * - low-local-share      known followers ≥ t.minKnownFollowersToJudgeLocal and ward ÷ known < t.minLocalShare;
 * - collection-failing   any account (not paused) that is gone, unauthorised or failing, or whose last
 *                        successful collection is older than t.collectionStaleHours (or never happened).
 * Flags come out in the order above.
 */
export function supportFlags(
  facts: CouncillorSupportFacts,
  now: Date,
  thresholds: SupportThresholds = DEFAULT_SUPPORT_THRESHOLDS,
): SupportFlag[] {
  const flags: SupportFlag[] = [];
  const active = facts.activePlatforms.length;
  if (active < thresholds.minActivePlatforms) {
    flags.push({
      key: 'single-platform',
      reason:
        active === 0
          ? 'Not active on any platform in the last 30 days.'
          : `Active on ${plural(active, 'platform', 'platforms')} (${facts.activePlatforms.map((p) => PLATFORM_NAME[p]).join(', ')}) in the last 30 days; ${thresholds.minActivePlatforms} or more expected.`,
    });
  }
  if (facts.posts30d < thresholds.minPosts30d) {
    flags.push({
      key: 'inactive',
      reason:
        facts.posts30d === 0
          ? 'Did not post in the last 30 days on any platform.'
          : `Posted ${plural(facts.posts30d, 'time', 'times')} in the last 30 days on any platform.`,
    });
  }
  if (facts.posts30d >= thresholds.minPostsToJudgeReplies) {
    const share = facts.replies30d / facts.posts30d;
    if (share < thresholds.minReplyShare) {
      flags.push({
        key: 'broadcasting',
        reason:
          facts.replies30d === 0
            ? `None of ${num(facts.posts30d)} posts in the last 30 days was a reply (below ${pct(thresholds.minReplyShare)}).`
            : `Only ${num(facts.replies30d)} of ${num(facts.posts30d)} posts in the last 30 days were replies (${pct(share)}, below ${pct(thresholds.minReplyShare)}).`,
      });
    }
  }
  if (facts.overdueInteractions >= thresholds.overdueInteractionsToFlag) {
    flags.push({
      key: 'unanswered-mentions',
      reason: `${plural(facts.overdueInteractions, 'mention or reply has', 'mentions or replies have')} waited more than 48 hours without an answer.`,
    });
  }
  if (facts.followers30dAgo !== null && facts.followers30dAgo > 0) {
    const fall = (facts.followers30dAgo - facts.followers) / facts.followers30dAgo;
    if (fall >= thresholds.fallingReachShare) {
      flags.push({
        key: 'falling-reach',
        reason: `Followers fell from ${num(facts.followers30dAgo)} to ${num(facts.followers)} (−${pct(fall, 1)}) over the last 30 days.`,
      });
    }
  }
  if (facts.followersKnown >= thresholds.minKnownFollowersToJudgeLocal) {
    const share = facts.followersWard / facts.followersKnown;
    if (share < thresholds.minLocalShare) {
      flags.push({
        key: 'low-local-share',
        reason: `Only ${pct(share)} of followers with a known place are in the ward (${num(facts.followersWard)} of ${num(facts.followersKnown)}; below ${pct(thresholds.minLocalShare)}).`,
      });
    }
  }
  const failing = facts.accounts
    .map((account) => collectionProblem(account, now, thresholds.collectionStaleHours))
    .filter((problem): problem is string => problem !== null);
  if (failing.length > 0) {
    flags.push({ key: 'collection-failing', reason: `Collection failing: ${failing.join('; ')}.` });
  }
  return flags;
}

/** Why one account's collection needs attention, or null when it is healthy or paused on purpose. */
function collectionProblem(account: SupportAccountFacts, now: Date, staleHours: number): string | null {
  const name = `${PLATFORM_NAME[account.platform]} ${account.handle}`;
  const because = account.statusReason === null ? '' : ` (the platform said: ${account.statusReason})`;
  switch (account.status) {
    case 'paused':
      return null;
    case 'gone':
    case 'unauthorised':
    case 'failing':
      return `${name} ${STATUS_MEANING[account.status]}${because}`;
    case 'active':
      break;
  }
  if (account.lastSucceededAt === null) return `${name} has never been collected`;
  const hours = (now.getTime() - account.lastSucceededAt.getTime()) / HOUR_MS;
  if (hours <= staleHours) return null;
  return `${name} last collected ${num(Math.floor(hours))} hours ago (more than ${num(staleHours)})`;
}
