import type { World } from '../world/world';
import type { Actor, Post } from '../world/world-model';

export interface SearchPostsParams {
  q: string;
  mentions?: Actor;
  author?: Actor;
  sinceMs?: number;
  untilMs?: number;
  sort: 'latest' | 'top';
}

/**
 * The posts `app.bsky.feed.searchPosts` finds: Bluesky posts (not reposts) whose text contains the
 * query ("*" matches all), filtered by facet mention, author and a [since, until) window on the
 * post's time, newest first (or most liked first for "top").
 */
export function searchPosts(world: World, params: SearchPostsParams): Post[] {
  const needle = params.q.trim().toLowerCase();
  const hits = world.posts.filter(
    (p) =>
      p.platform === 'bluesky' &&
      p.kind !== 'repost' &&
      (needle === '*' || p.text.toLowerCase().includes(needle)) &&
      (params.mentions === undefined || p.mentions.includes(params.mentions.index)) &&
      (params.author === undefined || p.author === params.author.index) &&
      (params.sinceMs === undefined || p.createdAtMs >= params.sinceMs) &&
      (params.untilMs === undefined || p.createdAtMs < params.untilMs),
  );
  return params.sort === 'top'
    ? hits.sort((a, b) => b.likeCount - a.likeCount || b.createdAtMs - a.createdAtMs)
    : hits.sort((a, b) => b.createdAtMs - a.createdAtMs || b.index - a.index);
}
