import { createHash } from 'node:crypto';
import { text } from '../http/sandbox-http';
import type { PlatformRoute, SandboxRequest, SandboxResponse } from '../http/sandbox-http';
import type { World } from '../world/world';
import type { Blog } from '../world/world-model';
import { atomFeed } from './atom-feed';
import { rssFeed } from './rss-feed';

const FILE_OF = { rss: 'feed.xml', atom: 'atom.xml' } as const;

/** Path of a blog's feed on the sandbox: /blogs/<slug>/feed.xml (RSS) or /blogs/<slug>/atom.xml (Atom). */
export function blogFeedPath(blog: Blog): string {
  return `/blogs/${blog.slug}/${FILE_OF[blog.format]}`;
}

/**
 * Whether the client's cached copy is current: If-None-Match wins when present (RFC 9110 §13.2.2),
 * otherwise If-Modified-Since at one-second precision.
 */
function notModified(request: SandboxRequest, etag: string, lastModifiedMs: number): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch
      .split(',')
      .map((t) => t.trim().replace(/^W\//, ''))
      .some((t) => t === '*' || t === etag);
  }
  const ifModifiedSince = request.headers['if-modified-since'];
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Math.floor(lastModifiedMs / 1000) * 1000 <= since;
}

function feedResponse(
  world: World,
  request: SandboxRequest,
  blog: Blog,
  onNotModified: () => void,
): SandboxResponse {
  const councillor = world.councillors[blog.councillorId];
  const feedUrl = new URL(blogFeedPath(blog), request.baseUrl).toString();
  const body =
    blog.format === 'rss'
      ? rssFeed(blog, feedUrl, councillor.name)
      : atomFeed(blog, feedUrl, councillor.name);
  const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
  const lastModifiedMs = blog.items.length > 0 ? blog.items[blog.items.length - 1].publishedMs : 0;
  const headers = {
    etag,
    'last-modified': new Date(lastModifiedMs).toUTCString(),
    'cache-control': 'max-age=300',
  };
  if (notModified(request, etag, lastModifiedMs)) {
    onNotModified();
    return { status: 304, headers, body: '' };
  }
  const contentType =
    blog.format === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8';
  return text(200, body, contentType, headers);
}

/** Routes GET /blogs/<slug>/feed.xml and /blogs/<slug>/atom.xml. */
export function blogRoute(
  world: World,
  request: SandboxRequest,
  onNotModified: () => void,
): PlatformRoute | null {
  const match = /^\/blogs\/([a-z0-9-]+)\/(feed\.xml|atom\.xml)$/.exec(request.url.pathname);
  if (!match) return null;
  const blog = world.blogs.get(match[1]);
  return {
    platform: 'blogs',
    method: `GET /blogs/:slug/${match[2]}`,
    handle: () =>
      blog && FILE_OF[blog.format] === match[2]
        ? feedResponse(world, request, blog, onNotModified)
        : text(
            404,
            '<!DOCTYPE html><html><body><h1>Not Found</h1></body></html>',
            'text/html; charset=utf-8',
          ),
  };
}
