import { json, text } from './sandbox-http';
import type { SandboxPlatform, SandboxResponse } from './sandbox-http';

/** The body each platform sends with a 429. */
export function rateLimitedResponse(platform: SandboxPlatform, retryAfterSeconds: number): SandboxResponse {
  const headers = { 'retry-after': String(Math.max(1, retryAfterSeconds)) };
  switch (platform) {
    case 'bluesky':
      return json(429, { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' }, headers);
    case 'mastodon':
      return json(429, { error: 'Too many requests' }, headers);
    case 'x':
      return json(
        429,
        { title: 'Too Many Requests', type: 'about:blank', status: 429, detail: 'Too Many Requests' },
        headers,
      );
    case 'blogs':
      return text(429, 'Too Many Requests', 'text/plain; charset=utf-8', headers);
  }
}

/** A 500 from the application itself, in the platform's error shape. */
export function internalErrorResponse(platform: SandboxPlatform): SandboxResponse {
  switch (platform) {
    case 'bluesky':
      return json(500, { error: 'InternalServerError', message: 'Internal Server Error' });
    case 'mastodon':
      return json(500, { error: 'We\u2019re sorry, but something went wrong on our end.' });
    case 'x':
      return json(500, {
        title: 'Internal Server Error',
        type: 'about:blank',
        status: 500,
        detail: 'Internal Server Error',
      });
    case 'blogs':
      return text(500, 'Internal Server Error', 'text/plain; charset=utf-8');
  }
}

/** 502 and 503 come from the reverse proxy in front of every platform: an HTML page, not JSON. */
export function proxyErrorResponse(status: 502 | 503): SandboxResponse {
  const title = status === 502 ? '502 Bad Gateway' : '503 Service Temporarily Unavailable';
  return text(
    status,
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
    'text/html',
  );
}
