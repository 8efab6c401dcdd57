import { createHash } from 'node:crypto';
import type { World } from '../world/world';
import type { Actor, Post } from '../world/world-model';

/** X API v2 objects (User, Tweet) with the fields a request asked for, as docs.x.com describes them. */

const USER_FIELDS = new Set([
  'created_at',
  'description',
  'location',
  'public_metrics',
  'protected',
  'verified',
  'url',
  'profile_image_url',
]);
const TWEET_FIELDS = new Set([
  'created_at',
  'author_id',
  'conversation_id',
  'in_reply_to_user_id',
  'referenced_tweets',
  'public_metrics',
  'entities',
  'lang',
]);

/** The requested optional fields, e.g. from `tweet.fields=created_at,public_metrics`. */
export function requestedFields(raw: string | null, known: 'user' | 'tweet'): Set<string> {
  const allowed = known === 'user' ? USER_FIELDS : TWEET_FIELDS;
  return new Set(
    (raw ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter((f) => allowed.has(f)),
  );
}

export function userObject(world: World, actor: Actor, fields: Set<string>): Record<string, unknown> {
  const user: Record<string, unknown> = {
    id: actor.externalId,
    name: actor.displayName || actor.handle,
    username: actor.handle,
  };
  if (fields.has('created_at')) user.created_at = new Date(actor.createdAtMs).toISOString();
  if (fields.has('description')) user.description = actor.bio;
  if (fields.has('location') && actor.location) user.location = actor.location;
  if (fields.has('protected')) user.protected = false;
  if (fields.has('verified')) user.verified = false;
  if (fields.has('url')) user.url = '';
  if (fields.has('profile_image_url'))
    user.profile_image_url = `https://pbs.twimg.com/profile_images/${actor.externalId}/photo_normal.jpg`;
  if (fields.has('public_metrics')) {
    user.public_metrics = {
      followers_count: world.followers(actor.index).length,
      following_count: world.follows(actor.index).length,
      tweet_count: world.postsBy(actor.index).length,
      listed_count: actor.kind === 'resident' ? 0 : Math.floor(world.followers(actor.index).length / 50),
      like_count: 0,
    };
  }
  return user;
}

/** A t.co link for a URL: X rewrites every link in a tweet's text. */
function shortLink(url: string): string {
  return `https://t.co/${createHash('sha1').update(url).digest('base64url').slice(0, 10)}`;
}

function codePointIndex(text: string, utf16Index: number): number {
  return [...text.slice(0, utf16Index)].length;
}

interface Rendered {
  text: string;
  urls: Array<{ start: number; end: number; url: string; expanded_url: string; display_url: string }>;
  mentions: Array<{ start: number; end: number; username: string; id: string }>;
}

/** The tweet text as X shows it: replies start with "@author", links are t.co, retweets are "RT @author: …". */
function render(world: World, post: Post): Rendered {
  if (post.kind === 'repost' && post.repostOf !== null) {
    const original = world.posts[post.repostOf];
    const inner = render(world, original);
    const author = world.actors[original.author];
    const prefix = `RT @${author.handle}: `;
    const shift = [...prefix].length;
    return {
      text: prefix + inner.text,
      urls: inner.urls.map((u) => ({ ...u, start: u.start + shift, end: u.end + shift })),
      mentions: [
        { start: 3, end: 4 + author.handle.length, username: author.handle, id: author.externalId },
        ...inner.mentions.map((m) => ({ ...m, start: m.start + shift, end: m.end + shift })),
      ],
    };
  }
  let text = post.text;
  const parent = post.replyParent === null ? null : world.posts[post.replyParent];
  if (parent && parent.author !== post.author) text = `@${world.actors[parent.author].handle} ${text}`;
  for (const link of post.links) text = text.replace(link, shortLink(link));
  const urls = post.links.map((link) => {
    const short = shortLink(link);
    const start = codePointIndex(text, text.indexOf(short));
    return {
      start,
      end: start + short.length,
      url: short,
      expanded_url: link,
      display_url: link.replace(/^https?:\/\/(www\.)?/, '').slice(0, 25) + '…',
    };
  });
  const mentioned = [...(parent && parent.author !== post.author ? [parent.author] : []), ...post.mentions];
  const mentions = mentioned
    .map((index) => world.actors[index])
    .map((actor) => {
      const at = text.indexOf(`@${actor.handle}`);
      const start = codePointIndex(text, at);
      return {
        start,
        end: start + actor.handle.length + 1,
        username: actor.handle,
        id: actor.externalId,
        at,
      };
    })
    .filter((m) => m.at >= 0)
    .map(({ start, end, username, id }) => ({ start, end, username, id }));
  return { text, urls, mentions };
}

export function tweetObject(world: World, post: Post, fields: Set<string>): Record<string, unknown> {
  const rendered = render(world, post);
  const tweet: Record<string, unknown> = {
    id: post.statusId,
    text: rendered.text,
    edit_history_tweet_ids: [post.statusId],
  };
  const parent = post.replyParent === null ? null : world.posts[post.replyParent];
  const root = post.replyRoot === null ? post : world.posts[post.replyRoot];
  if (fields.has('created_at')) tweet.created_at = new Date(post.createdAtMs).toISOString();
  if (fields.has('author_id')) tweet.author_id = world.actors[post.author].externalId;
  if (fields.has('conversation_id')) tweet.conversation_id = root.statusId;
  if (fields.has('in_reply_to_user_id') && parent)
    tweet.in_reply_to_user_id = world.actors[parent.author].externalId;
  if (fields.has('lang')) tweet.lang = 'en';
  if (fields.has('referenced_tweets')) {
    if (post.kind === 'repost' && post.repostOf !== null)
      tweet.referenced_tweets = [{ type: 'retweeted', id: world.posts[post.repostOf].statusId }];
    else if (parent) tweet.referenced_tweets = [{ type: 'replied_to', id: parent.statusId }];
  }
  if (fields.has('public_metrics')) {
    const counted = post.kind === 'repost' && post.repostOf !== null ? world.posts[post.repostOf] : post;
    tweet.public_metrics = {
      retweet_count: counted.repostCount,
      reply_count: post.kind === 'repost' ? 0 : post.replies.length,
      like_count: post.kind === 'repost' ? 0 : post.likeCount,
      quote_count: post.kind === 'repost' ? 0 : post.quoteCount,
      bookmark_count: 0,
      impression_count: post.kind === 'repost' ? 0 : post.likeCount * 40 + post.replies.length * 25,
    };
  }
  if (fields.has('entities') && (rendered.urls.length > 0 || rendered.mentions.length > 0)) {
    const entities: Record<string, unknown> = {};
    if (rendered.urls.length > 0) entities.urls = rendered.urls;
    if (rendered.mentions.length > 0) entities.mentions = rendered.mentions;
    tweet.entities = entities;
  }
  return tweet;
}
