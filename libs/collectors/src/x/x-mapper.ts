import type { CollectedFollower, CollectedPost, CollectedProfile } from '../collected';
import type { XTweet, XUser } from './x-schemas';

export function mapXProfile(user: XUser): CollectedProfile {
  return {
    externalId: user.id,
    handle: user.username,
    displayName: user.name || null,
    url: `https://x.com/${user.username}`,
    followersCount: user.public_metrics?.followers_count ?? null,
    followingCount: user.public_metrics?.following_count ?? null,
    postsCount: user.public_metrics?.tweet_count ?? null,
    followersListed: user.protected !== true,
  };
}

/** X has a location field: it comes first, then the bio. */
export function mapXFollower(user: XUser): CollectedFollower {
  return {
    externalId: user.id,
    handle: user.username,
    displayName: user.name || null,
    profileText: [user.location, user.description].filter(Boolean).join('\n'),
  };
}

/** The post's original id: the first of its edit history (every edit makes a new id). */
export function originalXTweetId(tweet: XTweet): string {
  return tweet.edit_history_tweet_ids?.[0] ?? tweet.id;
}

/** The id of the post's newest version: the last of its edit history. */
export function latestXTweetId(tweet: XTweet): string {
  return tweet.edit_history_tweet_ids?.at(-1) ?? tweet.id;
}

/** Whether this is the newest version of the post (a lookup by an older id returns that older version). */
export function isLatestXTweetVersion(tweet: XTweet): boolean {
  return latestXTweetId(tweet) === tweet.id;
}

/**
 * A tweet as a post. A retweet reports the original's public metrics: that engagement belongs to the
 * original's author, so a repost is credited with none.
 *
 * An edited post is known by its original id (`originalXTweetId`) whichever version was read, so that
 * a post read before an edit and again after it is one post; its text, counts and URL are those of
 * the version read. `originalOf` maps the id a reply names (whichever version it answered) to that
 * post's original id, where the collector knows it.
 */
export function mapXTweet(
  tweet: XTweet,
  username: string,
  originalOf: (id: string) => string = (id) => id,
): CollectedPost {
  const retweeted = tweet.referenced_tweets?.find((ref) => ref.type === 'retweeted');
  const repliedTo = tweet.referenced_tweets?.find((ref) => ref.type === 'replied_to');
  const metrics = retweeted ? undefined : tweet.public_metrics;
  const links = (tweet.entities?.urls ?? [])
    .map((url) => url.unwound_url ?? url.expanded_url ?? url.url)
    .filter((url) => !/^https:\/\/(x|twitter)\.com\/[^/]+\/status\//.test(url));
  return {
    externalId: originalXTweetId(tweet),
    url: `https://x.com/${username}/status/${tweet.id}`,
    createdAt: new Date(tweet.created_at).toISOString(),
    // A reply to the account's own tweet continues its thread: an original post, not a conversation.
    kind: retweeted
      ? 'repost'
      : repliedTo && !(tweet.author_id !== undefined && tweet.in_reply_to_user_id === tweet.author_id)
        ? 'reply'
        : 'original',
    text: tweet.text,
    likes: metrics?.like_count ?? 0,
    reposts: metrics?.retweet_count ?? 0,
    replies: metrics?.reply_count ?? 0,
    quotes: metrics?.quote_count ?? 0,
    links: [...new Set(links)],
    inReplyTo: repliedTo
      ? { externalId: originalOf(repliedTo.id), authorExternalId: tweet.in_reply_to_user_id ?? null }
      : null,
  };
}
