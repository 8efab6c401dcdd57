import { decodeCursor, encodeCursor, pageNewestFirst } from '../http/newest-first-page';
import type { PageKey } from '../http/newest-first-page';
import { intParam, json } from '../http/sandbox-http';
import type { PlatformRoute, SandboxRequest, SandboxResponse } from '../http/sandbox-http';
import type { World } from '../world/world';
import type { Actor, FollowEdge, Post } from '../world/world-model';
import { searchPosts } from './bluesky-search';
import type { BlueskySessions } from './bluesky-sessions';
import { feedViewPost, postView, profileView, profileViewDetailed, threadViewPost } from './bluesky-views';

/** An XRPC error body: `{"error": Name, "message": text}`. */
export function xrpcError(status: number, error: string, message: string): SandboxResponse {
  return json(status, { error, message });
}

class XrpcFailure extends Error {
  constructor(readonly response: SandboxResponse) {
    super(response.body);
  }
}

const invalid = (message: string) => new XrpcFailure(xrpcError(400, 'InvalidRequest', message));

function requiredParam(request: SandboxRequest, name: string): string {
  const value = request.url.searchParams.get(name);
  if (value === null || value === '') throw invalid(`Params must have the property "${name}"`);
  return value;
}

/** Validates `limit` against the lexicon's minimum and maximum. */
function limitParam(request: SandboxRequest, fallback: number, max: number): number {
  const limit = intParam(request.url, 'limit');
  if (limit === undefined) return fallback;
  if (Number.isNaN(limit)) throw invalid('limit must be an integer');
  if (limit < 1) throw invalid('limit can not be less than 1');
  if (limit > max) throw invalid(`limit can not be greater than ${max}`);
  return limit;
}

function cursorParam(request: SandboxRequest): PageKey | null {
  const cursor = request.url.searchParams.get('cursor');
  if (cursor === null || cursor === '') return null;
  const key = decodeCursor(cursor);
  if (!key) throw invalid('Malformed cursor');
  return key;
}

function actorParam(world: World, request: SandboxRequest, name = 'actor'): Actor {
  const value = requiredParam(request, name);
  if (!/^(did:[a-z]+:[a-zA-Z0-9._:%-]+|[a-zA-Z0-9.-]+\.[a-zA-Z]{2,})$/.test(value))
    throw invalid(`${name} must be a valid did or a handle`);
  const actor = world.findBlueskyActor(value);
  if (!actor) throw invalid('Profile not found');
  return actor;
}

/** Resolves an AT-URI "at://<did|handle>/app.bsky.feed.post/<rkey>" to a post. */
function postAt(world: World, uri: string): Post | undefined {
  const match = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([a-z2-7]{13})$/.exec(uri);
  if (!match) return undefined;
  const actor = world.findBlueskyActor(match[1]);
  return actor ? world.findPostByRkey(actor.index, match[2]) : undefined;
}

const postKey = (post: Post): PageKey => [post.createdAtMs, post.index];
const edgeKey = (edge: FollowEdge): PageKey => [edge.createdAtMs, edge.seq];

/** Which author-feed items each `filter` keeps; media filters match nothing (no post has media). */
function feedFilter(world: World, actor: Actor, filter: string): (post: Post) => boolean {
  switch (filter) {
    case 'posts_no_replies':
      return (p) => p.kind !== 'reply';
    case 'posts_and_author_threads':
      return (p) =>
        p.kind !== 'reply' || (p.replyRoot !== null && world.posts[p.replyRoot].author === actor.index);
    case 'posts_with_media':
    case 'posts_with_video':
      return () => false;
    default:
      return () => true;
  }
}

type XrpcHandler = (world: World, request: SandboxRequest, sessions: BlueskySessions) => unknown;

/** The AppView methods the sandbox serves (GET /xrpc/<nsid>). */
const HANDLERS: Record<string, XrpcHandler> = {
  'app.bsky.actor.getProfile': (world, request) => profileViewDetailed(world, actorParam(world, request)),

  'app.bsky.actor.getProfiles': (world, request) => {
    const actors = request.url.searchParams.getAll('actors');
    if (actors.length === 0) throw invalid('Params must have the property "actors"');
    if (actors.length > 25) throw invalid('actors must not have more than 25 elements');
    return {
      profiles: actors
        .map((a) => world.findBlueskyActor(a))
        .filter((a): a is Actor => !!a)
        .map((a) => profileViewDetailed(world, a)),
    };
  },

  'app.bsky.feed.getAuthorFeed': (world, request) => {
    const actor = actorParam(world, request);
    const limit = limitParam(request, 50, 100);
    const cursor = cursorParam(request);
    const keep = feedFilter(world, actor, request.url.searchParams.get('filter') ?? 'posts_with_replies');
    const items = world
      .postsBy(actor.index)
      .map((i) => world.posts[i])
      .filter(keep);
    const page = pageNewestFirst(items, postKey, cursor, limit);
    return withCursor({ feed: page.items.map((p) => feedViewPost(world, p)) }, page.lastKey);
  },

  'app.bsky.feed.getPosts': (world, request) => {
    const uris = request.url.searchParams.getAll('uris');
    if (uris.length === 0) throw invalid('Params must have the property "uris"');
    if (uris.length > 25) throw invalid('uris must not have more than 25 elements');
    return {
      posts: uris
        .map((u) => postAt(world, u))
        .filter((p): p is Post => !!p && p.kind !== 'repost')
        .map((p) => postView(world, p)),
    };
  },

  'app.bsky.feed.getPostThread': (world, request) => {
    const uri = requiredParam(request, 'uri');
    const depth = boundedInt(request, 'depth', 6, 0, 1000);
    const parentHeight = boundedInt(request, 'parentHeight', 80, 0, 1000);
    const post = postAt(world, uri);
    if (!post || post.kind === 'repost')
      throw new XrpcFailure(xrpcError(400, 'NotFound', `Post not found: ${uri}`));
    return { thread: threadViewPost(world, post, depth, parentHeight) };
  },

  'app.bsky.graph.getFollowers': (world, request) => {
    const actor = actorParam(world, request);
    const page = pageNewestFirst(
      world.followers(actor.index),
      edgeKey,
      cursorParam(request),
      limitParam(request, 50, 100),
    );
    return withCursor(
      {
        subject: profileView(actor),
        followers: page.items.map((e) => profileView(world.actors[e.follower])),
      },
      page.lastKey,
    );
  },

  'app.bsky.graph.getFollows': (world, request) => {
    const actor = actorParam(world, request);
    const page = pageNewestFirst(
      world.follows(actor.index),
      edgeKey,
      cursorParam(request),
      limitParam(request, 50, 100),
    );
    return withCursor(
      { subject: profileView(actor), follows: page.items.map((e) => profileView(world.actors[e.subject])) },
      page.lastKey,
    );
  },

  'app.bsky.feed.searchPosts': (world, request, sessions) => {
    // The public AppView refuses logged-out searches; a session from createSession is needed.
    if (!sessions.fromAuthorization(request.headers.authorization)) {
      throw new XrpcFailure(xrpcError(401, 'AuthMissing', 'Authentication Required'));
    }
    const q = requiredParam(request, 'q');
    const limit = limitParam(request, 25, 100);
    const offset = request.url.searchParams.get('cursor');
    const start = offset === null || offset === '' ? 0 : Number(offset);
    if (!Number.isInteger(start) || start < 0) throw invalid('Malformed cursor');
    const optionalActor = (name: string) =>
      request.url.searchParams.get(name) ? actorParam(world, request, name) : undefined;
    const hits = searchPosts(world, {
      q,
      mentions: optionalActor('mentions'),
      author: optionalActor('author'),
      sinceMs: dateParam(request, 'since'),
      untilMs: dateParam(request, 'until'),
      sort: request.url.searchParams.get('sort') === 'top' ? 'top' : 'latest',
    });
    const page = hits.slice(start, start + limit);
    const body: { posts: unknown[]; hitsTotal: number; cursor?: string } = {
      posts: page.map((p) => postView(world, p)),
      hitsTotal: hits.length,
    };
    if (start + limit < hits.length) body.cursor = String(start + limit);
    return body;
  },

  'com.atproto.identity.resolveHandle': (world, request) => {
    const actor = world.findBlueskyActor(requiredParam(request, 'handle'));
    if (!actor || actor.externalId === requiredParam(request, 'handle'))
      throw invalid('Unable to resolve handle');
    return { did: actor.externalId };
  },
};

/** A datetime or an ISO date ("YYYY-MM-DD"), as searchPosts' since/until accept. */
function dateParam(request: SandboxRequest, name: string): number | undefined {
  const raw = request.url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw new XrpcFailure(xrpcError(400, 'BadQueryString', `${name} is not a datetime`));
  return ms;
}

/** POST procedures: only createSession, so a search client can log in against the sandbox. */
function createSession(world: World, request: SandboxRequest, sessions: BlueskySessions): unknown {
  let input: { identifier?: unknown; password?: unknown };
  try {
    input = JSON.parse(request.body) as { identifier?: unknown; password?: unknown };
  } catch {
    throw invalid('Request body is not valid JSON');
  }
  if (typeof input.identifier !== 'string' || input.identifier === '')
    throw invalid('Input must have the property "identifier"');
  if (typeof input.password !== 'string' || input.password === '') {
    throw new XrpcFailure(xrpcError(401, 'AuthenticationRequired', 'Invalid identifier or password'));
  }
  const known = world.findBlueskyActor(input.identifier);
  const session = sessions.create(known?.handle ?? input.identifier, known?.externalId);
  return { ...session, active: true };
}

function boundedInt(
  request: SandboxRequest,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = intParam(request.url, name);
  if (value === undefined) return fallback;
  if (Number.isNaN(value)) throw invalid(`${name} must be an integer`);
  if (value < min) throw invalid(`${name} can not be less than ${min}`);
  if (value > max) throw invalid(`${name} can not be greater than ${max}`);
  return value;
}

/** The AppView returns a cursor whenever a page is not empty; the page after the last is empty with none. */
function withCursor<T extends object>(body: T, lastKey: PageKey | null): T & { cursor?: string } {
  return lastKey === null ? body : { ...body, cursor: encodeCursor(lastKey) };
}

/** Routes GET /xrpc/<nsid>; unknown methods answer 501 MethodNotImplemented, as XRPC servers do. */
export function blueskyRoute(
  world: World,
  request: SandboxRequest,
  sessions: BlueskySessions,
): PlatformRoute | null {
  const match = /^\/xrpc\/([a-zA-Z0-9.]+)$/.exec(request.url.pathname);
  if (!match) return null;
  const nsid = match[1];
  const query: XrpcHandler | undefined = HANDLERS[nsid];
  const procedure = nsid === 'com.atproto.server.createSession' ? createSession : undefined;
  return {
    platform: 'bluesky',
    method: nsid,
    handle: () => {
      const handler = query ?? procedure;
      if (!handler) return xrpcError(501, 'MethodNotImplemented', 'Method Not Implemented');
      const expected = query !== undefined ? 'GET' : 'POST';
      if (request.method !== expected) {
        return xrpcError(
          400,
          'InvalidRequest',
          `Incorrect HTTP method (${request.method}) expected ${expected}`,
        );
      }
      try {
        return json(200, handler(world, request, sessions));
      } catch (error) {
        if (error instanceof XrpcFailure) return error.response;
        throw error;
      }
    },
  };
}
