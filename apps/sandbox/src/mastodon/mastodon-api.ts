import { json } from '../http/sandbox-http';
import type { PlatformRoute, SandboxRequest, SandboxResponse } from '../http/sandbox-http';
import type { World } from '../world/world';
import type { Actor, FollowEdge, Post } from '../world/world-model';
import { MASTODON_INSTANCES } from '../world/account-factory';
import { accountEntity, statusEntity } from './mastodon-entities';

const notFound = (): SandboxResponse => json(404, { error: 'Record not found' });

/** Mastodon's limit_param: absent → default; otherwise |limit| capped at twice the default. */
function limitParam(request: SandboxRequest, fallback: number): number {
  const raw = request.url.searchParams.get('limit');
  if (raw === null) return fallback;
  return Math.min(Math.abs(parseInt(raw, 10) || 0), fallback * 2);
}

function idParam(request: SandboxRequest, name: string): bigint | null {
  const raw = request.url.searchParams.get(name);
  return raw !== null && /^\d+$/.test(raw) ? BigInt(raw) : null;
}

function truthy(request: SandboxRequest, name: string): boolean {
  const raw = request.url.searchParams.get(name);
  return raw === 'true' || raw === '1';
}

/**
 * Mastodon's paginate_by_id over items sorted by id ascending: newest first below `max_id` and
 * above `since_id`; with `min_id`, the `limit` items just above it (still returned newest first).
 */
function paginateById<T>(
  items: readonly T[],
  idOf: (item: T) => bigint,
  request: SandboxRequest,
  limit: number,
): T[] {
  const maxId = idParam(request, 'max_id');
  const sinceId = idParam(request, 'since_id');
  const minId = idParam(request, 'min_id');
  const within = items.filter((item) => {
    const id = idOf(item);
    return (
      (maxId === null || id < maxId) && (sinceId === null || id > sinceId) && (minId === null || id > minId)
    );
  });
  if (minId !== null) return within.slice(0, limit).reverse();
  return within.slice(Math.max(0, within.length - limit)).reverse();
}

/** The Link header Mastodon sends: next (older, max_id) when the page is full, prev (newer) when not empty. */
function linkHeader(
  request: SandboxRequest,
  ids: string[],
  limit: number,
  prevParam: 'min_id' | 'since_id',
  keep: readonly string[],
): Record<string, string> {
  if (ids.length === 0) return {};
  const url = (param: string, id: string) => {
    const next = new URL(request.url.pathname, request.baseUrl);
    for (const name of keep) {
      const value = request.url.searchParams.get(name);
      if (value !== null) next.searchParams.set(name, value);
    }
    next.searchParams.set(param, id);
    return next.toString();
  };
  const links: string[] = [];
  if (ids.length === limit) links.push(`<${url('max_id', ids[ids.length - 1])}>; rel="next"`);
  links.push(`<${url(prevParam, ids[0])}>; rel="prev"`);
  return { link: links.join(', ') };
}

function statuses(world: World, request: SandboxRequest, actor: Actor): SandboxResponse {
  const limit = limitParam(request, 20);
  if (truthy(request, 'only_media') || truthy(request, 'pinned') || limit === 0) return json(200, []);
  const excludeReblogs = truthy(request, 'exclude_reblogs');
  const excludeReplies = truthy(request, 'exclude_replies');
  const items = world
    .postsBy(actor.index)
    .map((i) => world.posts[i])
    .filter((p) => !(excludeReblogs && p.kind === 'repost'))
    .filter(
      (p) => !(excludeReplies && p.kind === 'reply' && world.posts[p.replyParent!].author !== actor.index),
    )
    .sort((a, b) => compareIds(a.statusId, b.statusId));
  const page = paginateById(items, (p) => BigInt(p.statusId), request, limit);
  const host = request.headers.host;
  return json(
    200,
    page.map((p) => statusEntity(world, p, host)),
    linkHeader(
      request,
      page.map((p) => p.statusId),
      limit,
      'min_id',
      ['limit', 'only_media', 'exclude_replies', 'exclude_reblogs', 'pinned', 'tagged'],
    ),
  );
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Followers or following; the page ids are follow record ids, as Mastodon's Link header uses. */
function accountList(
  world: World,
  request: SandboxRequest,
  actor: Actor,
  edges: readonly FollowEdge[],
  other: (edge: FollowEdge) => number,
): SandboxResponse {
  const limit = limitParam(request, 40);
  if (actor.hideCollections || limit === 0) return json(200, []);
  const page = paginateById(edges, (e) => BigInt(e.seq), request, limit);
  return json(
    200,
    page.map((e) => accountEntity(world, world.actors[other(e)], request.headers.host)),
    linkHeader(
      request,
      page.map((e) => String(e.seq)),
      limit,
      'since_id',
      ['limit'],
    ),
  );
}

/** Ancestors (oldest first) and descendants (depth first, in reply order), with Mastodon's logged-out caps. */
function context(world: World, request: SandboxRequest, post: Post): SandboxResponse {
  const ancestors: Post[] = [];
  for (let p = post.replyParent; p !== null && ancestors.length < 40; p = world.posts[p].replyParent)
    ancestors.unshift(world.posts[p]);
  const descendants: Post[] = [];
  const walk = (node: Post) => {
    for (const index of node.replies) {
      if (descendants.length >= 60) return;
      descendants.push(world.posts[index]);
      walk(world.posts[index]);
    }
  };
  walk(post);
  const host = request.headers.host;
  return json(200, {
    ancestors: ancestors.map((p) => statusEntity(world, p, host)),
    descendants: descendants.map((p) => statusEntity(world, p, host)),
  });
}

interface MastodonPath {
  pattern: RegExp;
  method: string;
  handle(world: World, request: SandboxRequest, id: string): SandboxResponse;
}

const PATHS: MastodonPath[] = [
  {
    pattern: /^\/api\/v1\/accounts\/lookup$/,
    method: 'GET /api/v1/accounts/lookup',
    handle: (world, request) => {
      const actor = world.findMastodonAcct(request.url.searchParams.get('acct') ?? '');
      return actor ? json(200, accountEntity(world, actor, request.headers.host)) : notFound();
    },
  },
  {
    pattern: /^\/api\/v1\/accounts\/(\d+)\/statuses$/,
    method: 'GET /api/v1/accounts/:id/statuses',
    handle: (world, request, id) => withAccount(world, id, (actor) => statuses(world, request, actor)),
  },
  {
    pattern: /^\/api\/v1\/accounts\/(\d+)\/followers$/,
    method: 'GET /api/v1/accounts/:id/followers',
    handle: (world, request, id) =>
      withAccount(world, id, (actor) =>
        accountList(world, request, actor, world.followers(actor.index), (e) => e.follower),
      ),
  },
  {
    pattern: /^\/api\/v1\/accounts\/(\d+)\/following$/,
    method: 'GET /api/v1/accounts/:id/following',
    handle: (world, request, id) =>
      withAccount(world, id, (actor) =>
        accountList(world, request, actor, world.follows(actor.index), (e) => e.subject),
      ),
  },
  {
    pattern: /^\/api\/v1\/accounts\/(\d+)$/,
    method: 'GET /api/v1/accounts/:id',
    handle: (world, request, id) =>
      withAccount(world, id, (actor) => json(200, accountEntity(world, actor, request.headers.host))),
  },
  {
    pattern: /^\/api\/v1\/statuses$/,
    method: 'GET /api/v1/statuses',
    handle: (world, request) => {
      // Mastodon 4.3+: up to 20 statuses by id[]; unknown ids are left out.
      const ids = [...request.url.searchParams.getAll('id[]'), ...request.url.searchParams.getAll('id')];
      if (ids.length > 20) return json(422, { error: 'Validation failed: too many ids (at most 20)' });
      const posts = ids
        .map((id) => world.findStatus(id))
        .filter((p): p is Post => p?.platform === 'mastodon');
      return json(
        200,
        posts.map((p) => statusEntity(world, p, request.headers.host)),
      );
    },
  },
  {
    pattern: /^\/api\/v1\/statuses\/(\d+)\/context$/,
    method: 'GET /api/v1/statuses/:id/context',
    handle: (world, request, id) => {
      const post = world.findStatus(id);
      return post && post.platform === 'mastodon' ? context(world, request, post) : notFound();
    },
  },
  {
    pattern: /^\/api\/v1\/statuses\/(\d+)$/,
    method: 'GET /api/v1/statuses/:id',
    handle: (world, request, id) => {
      const post = world.findStatus(id);
      return post && post.platform === 'mastodon'
        ? json(200, statusEntity(world, post, request.headers.host))
        : notFound();
    },
  },
];

function withAccount(world: World, id: string, then: (actor: Actor) => SandboxResponse): SandboxResponse {
  const actor = world.findMastodonAccount(id);
  return actor ? then(actor) : notFound();
}

/**
 * The instance a request is addressed to: the Host when it names one, else the instance of the
 * acct, account or status it asks about. Unknown records fall to a shared "unknown" instance.
 */
function instanceOf(world: World, request: SandboxRequest, id: string | undefined): string {
  const host = request.headers.host?.split(':')[0];
  if (host && MASTODON_INSTANCES.some(([domain]) => domain === host)) return host;
  const acct = request.url.searchParams.get('acct');
  if (acct) return world.findMastodonAcct(acct)?.domain ?? 'unknown';
  const statusId = id ?? request.url.searchParams.get('id[]') ?? request.url.searchParams.get('id') ?? '';
  const actor = request.url.pathname.startsWith('/api/v1/accounts/')
    ? world.findMastodonAccount(statusId)
    : undefined;
  if (actor) return actor.domain;
  const status = world.findStatus(statusId);
  return status?.platform === 'mastodon' ? world.actors[status.author].domain : 'unknown';
}

/** Routes GET /api/v1/…; every instance's accounts are served here, their ids unique across instances. */
export function mastodonRoute(world: World, request: SandboxRequest): PlatformRoute | null {
  if (!request.url.pathname.startsWith('/api/v1/')) return null;
  for (const path of PATHS) {
    const match = path.pattern.exec(request.url.pathname);
    if (!match) continue;
    return {
      platform: 'mastodon',
      method: path.method,
      rateLimitKey: `mastodon:${instanceOf(world, request, match[1])}`,
      handle: () =>
        request.method === 'GET'
          ? path.handle(world, request, match[1] ?? '')
          : json(405, { error: 'Method not allowed' }),
    };
  }
  return { platform: 'mastodon', method: 'other', handle: () => json(404, { error: 'Not Found' }) };
}
