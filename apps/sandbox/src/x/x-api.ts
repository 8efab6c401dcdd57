import { decodeCursor, encodeCursor, pageNewestFirst } from '../http/newest-first-page';
import type { PageKey } from '../http/newest-first-page';
import { json } from '../http/sandbox-http';
import type { PlatformRoute, SandboxRequest, SandboxResponse } from '../http/sandbox-http';
import type { World } from '../world/world';
import type { Actor, FollowEdge, Post } from '../world/world-model';
import { requestedFields, tweetObject, userObject } from './x-views';

const unauthorized = (): SandboxResponse =>
  json(401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });

class XFailure extends Error {
  constructor(readonly response: SandboxResponse) {
    super(response.body);
  }
}

function invalidParameter(name: string, value: string, message: string): XFailure {
  return new XFailure(
    json(400, {
      errors: [{ parameters: { [name]: [value] }, message }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.twitter.com/2/problems/invalid-request',
    }),
  );
}

/** A lookup miss: X answers 200 with a partial error instead of the data. */
function notFound(resource: 'user' | 'tweet', parameter: string, value: string): Record<string, unknown> {
  const noun =
    resource === 'user'
      ? parameter === 'username'
        ? 'user with username'
        : 'user with id'
      : 'tweet with ids';
  return {
    value,
    detail: `Could not find ${noun}: [${value}].`,
    title: 'Not Found Error',
    resource_type: resource,
    parameter,
    resource_id: value,
    type: 'https://api.twitter.com/2/problems/resource-not-found',
  };
}

function maxResults(request: SandboxRequest, fallback: number, min: number, max: number): number {
  const raw = request.url.searchParams.get('max_results');
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidParameter(
      'max_results',
      raw,
      `The \`max_results\` query parameter value [${raw}] is not between ${min} and ${max}`,
    );
  }
  return value;
}

/** Pagination tokens are opaque to clients: the hex of a keyset cursor. */
function paginationToken(request: SandboxRequest): PageKey | null {
  const raw = request.url.searchParams.get('pagination_token');
  if (raw === null || raw === '') return null;
  const key = /^[0-9a-f]+$/.test(raw) ? decodeCursor(Buffer.from(raw, 'hex').toString('utf8')) : undefined;
  if (!key)
    throw invalidParameter(
      'pagination_token',
      raw,
      `The \`pagination_token\` query parameter value [${raw}] is not valid`,
    );
  return key;
}

function tokenFor(key: PageKey): string {
  return Buffer.from(encodeCursor(key), 'utf8').toString('hex');
}

function timeParam(request: SandboxRequest, name: string): number | undefined {
  const raw = request.url.searchParams.get(name);
  if (raw === null) return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms))
    throw invalidParameter(
      name,
      raw,
      `Invalid '${name}':'${raw}'. '${name}' must be a valid RFC 3339 date-time.`,
    );
  return ms;
}

function idParam(request: SandboxRequest, name: string): bigint | undefined {
  const raw = request.url.searchParams.get(name);
  if (raw === null) return undefined;
  if (!/^\d{1,19}$/.test(raw))
    throw invalidParameter(name, raw, `The \`${name}\` query parameter value [${raw}] is not valid`);
  return BigInt(raw);
}

const postKey = (post: Post): PageKey => [post.createdAtMs, post.index];
const edgeKey = (edge: FollowEdge): PageKey => [edge.createdAtMs, edge.seq];

/** A page of tweets newest first, filtered by since_id/until_id and start_time/end_time, with X's meta. */
function tweetPage(world: World, request: SandboxRequest, tweets: Post[]): Record<string, unknown> {
  const limit = maxResults(request, 10, 5, 100);
  const sinceId = idParam(request, 'since_id');
  const untilId = idParam(request, 'until_id');
  const startMs = timeParam(request, 'start_time');
  const endMs = timeParam(request, 'end_time');
  const exclude = new Set((request.url.searchParams.get('exclude') ?? '').split(','));
  const kept = tweets.filter(
    (p) =>
      (sinceId === undefined || BigInt(p.statusId) > sinceId) &&
      (untilId === undefined || BigInt(p.statusId) < untilId) &&
      (startMs === undefined || p.createdAtMs >= startMs) &&
      (endMs === undefined || p.createdAtMs < endMs) &&
      !(exclude.has('retweets') && p.kind === 'repost') &&
      !(exclude.has('replies') && p.kind === 'reply'),
  );
  const page = pageNewestFirst(kept, postKey, paginationToken(request), limit);
  const fields = requestedFields(request.url.searchParams.get('tweet.fields'), 'tweet');
  if (page.items.length === 0) return { meta: { result_count: 0 } };
  const meta: Record<string, unknown> = {
    result_count: page.items.length,
    newest_id: page.items[0].statusId,
    oldest_id: page.items[page.items.length - 1].statusId,
  };
  if (page.more && page.lastKey) meta.next_token = tokenFor(page.lastKey);
  return { data: page.items.map((p) => tweetObject(world, p, fields)), meta };
}

/** A page of followers or followed accounts, most recent follow first, with X's meta. */
function userPage(
  world: World,
  request: SandboxRequest,
  edges: readonly FollowEdge[],
  other: (edge: FollowEdge) => number,
): Record<string, unknown> {
  const page = pageNewestFirst(edges, edgeKey, paginationToken(request), maxResults(request, 100, 1, 1000));
  const fields = requestedFields(request.url.searchParams.get('user.fields'), 'user');
  if (page.items.length === 0) return { meta: { result_count: 0 } };
  const meta: Record<string, unknown> = { result_count: page.items.length };
  if (page.more && page.lastKey) meta.next_token = tokenFor(page.lastKey);
  return { data: page.items.map((e) => userObject(world, world.actors[other(e)], fields)), meta };
}

type XHandler = (world: World, request: SandboxRequest, match: RegExpExecArray) => unknown;

interface XPath {
  pattern: RegExp;
  method: string;
  handle: XHandler;
}

function withUser(world: World, id: string, then: (actor: Actor) => unknown): unknown {
  const actor = world.findXUserById(id);
  return actor ? then(actor) : { errors: [notFound('user', 'id', id)] };
}

const PATHS: XPath[] = [
  {
    pattern: /^\/2\/users\/by\/username\/([A-Za-z0-9_]{1,15})$/,
    method: 'GET /2/users/by/username/:username',
    handle: (world, request, match) => {
      const actor = world.findXUser(match[1]);
      const fields = requestedFields(request.url.searchParams.get('user.fields'), 'user');
      return actor
        ? { data: userObject(world, actor, fields) }
        : { errors: [notFound('user', 'username', match[1])] };
    },
  },
  {
    pattern: /^\/2\/users\/(\d+)\/tweets$/,
    method: 'GET /2/users/:id/tweets',
    handle: (world, request, match) =>
      withUser(world, match[1], (actor) =>
        tweetPage(
          world,
          request,
          world.postsBy(actor.index).map((i) => world.posts[i]),
        ),
      ),
  },
  {
    pattern: /^\/2\/users\/(\d+)\/mentions$/,
    method: 'GET /2/users/:id/mentions',
    handle: (world, request, match) =>
      withUser(world, match[1], (actor) => {
        // Replies address their parent's author, so they are mentions too.
        const mentions = world.posts.filter(
          (p) =>
            p.platform === 'x' &&
            p.author !== actor.index &&
            p.kind !== 'repost' &&
            (p.mentions.includes(actor.index) ||
              (p.replyParent !== null && world.posts[p.replyParent].author === actor.index)),
        );
        // Posts are stored in creation order, not time order: sort for the keyset page.
        mentions.sort((a, b) => a.createdAtMs - b.createdAtMs || a.index - b.index);
        return tweetPage(world, request, mentions);
      }),
  },
  {
    pattern: /^\/2\/users\/(\d+)\/followers$/,
    method: 'GET /2/users/:id/followers',
    handle: (world, request, match) =>
      withUser(world, match[1], (actor) =>
        userPage(world, request, world.followers(actor.index), (e) => e.follower),
      ),
  },
  {
    pattern: /^\/2\/users\/(\d+)\/following$/,
    method: 'GET /2/users/:id/following',
    handle: (world, request, match) =>
      withUser(world, match[1], (actor) =>
        userPage(world, request, world.follows(actor.index), (e) => e.subject),
      ),
  },
  {
    pattern: /^\/2\/users\/(\d+)$/,
    method: 'GET /2/users/:id',
    handle: (world, request, match) =>
      withUser(world, match[1], (actor) => ({
        data: userObject(world, actor, requestedFields(request.url.searchParams.get('user.fields'), 'user')),
      })),
  },
  {
    pattern: /^\/2\/tweets$/,
    method: 'GET /2/tweets',
    handle: (world, request) => {
      const raw = request.url.searchParams.get('ids');
      if (!raw) throw invalidParameter('ids', '', 'The `ids` query parameter can not be empty');
      const ids = raw.split(',');
      if (ids.length > 100)
        throw invalidParameter(
          'ids',
          raw,
          `The \`ids\` query parameter value [${raw}] is not between 1 and 100`,
        );
      const fields = requestedFields(request.url.searchParams.get('tweet.fields'), 'tweet');
      const found = ids.map((id) => [id, world.findStatus(id)] as const);
      const data = found
        .filter(([, p]) => p?.platform === 'x')
        .map(([, p]) => tweetObject(world, p!, fields));
      const errors = found.filter(([, p]) => p?.platform !== 'x').map(([id]) => notFound('tweet', 'ids', id));
      return { ...(data.length > 0 ? { data } : {}), ...(errors.length > 0 ? { errors } : {}) };
    },
  },
];

/** Routes GET /2/…, the X API v2 with app-only Bearer authentication. */
export function xRoute(world: World, request: SandboxRequest, bearerToken: string): PlatformRoute | null {
  if (!request.url.pathname.startsWith('/2/')) return null;
  const path = PATHS.map((p) => [p, p.pattern.exec(request.url.pathname)] as const).find(
    ([, m]) => m !== null,
  );
  return {
    platform: 'x',
    method: path ? path[0].method : 'other',
    handle: () => {
      if (request.headers.authorization !== `Bearer ${bearerToken}`) return unauthorized();
      if (!path)
        return json(404, { title: 'Not Found', type: 'about:blank', status: 404, detail: 'Not Found' });
      try {
        return json(200, path[0].handle(world, request, path[1]!));
      } catch (error) {
        if (error instanceof XFailure) return error.response;
        throw error;
      }
    },
  };
}
