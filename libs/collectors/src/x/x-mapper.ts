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

/**
 * A tweet as a post. A retweet reports the original's public metrics: that engagement belongs to the
 * original's author, so a repost is credited with none.
 */
export function mapXTweet(tweet: XTweet, username: string): CollectedPost {
  const retweeted = tweet.referenced_tweets?.find((ref) => ref.type === 'retweeted');
  const repliedTo = tweet.referenced_tweets?.find((ref) => ref.type === 'replied_to');
  const metrics = retweeted ? undefined : tweet.public_metrics;
  const links = (tweet.entities?.urls ?? [])
    .map((url) => url.unwound_url ?? url.expanded_url ?? url.url)
    .filter((url) => !/^https:\/\/(x|twitter)\.com\/[^/]+\/status\//.test(url));
  return {
    externalId: tweet.id,
    url: `https://x.com/${username}/status/${tweet.id}`,
    createdAt: new Date(tweet.created_at).toISOString(),
    kind: retweeted ? 'repost' : repliedTo ? 'reply' : 'original',
    text: tweet.text,
    likes: metrics?.like_count ?? 0,
    reposts: metrics?.retweet_count ?? 0,
    replies: metrics?.reply_count ?? 0,
    quotes: metrics?.quote_count ?? 0,
    links: [...new Set(links)],
    inReplyTo: repliedTo
      ? { externalId: repliedTo.id, authorExternalId: tweet.in_reply_to_user_id ?? null }
      : null,
  };
}
