import { createHash, randomBytes } from 'node:crypto';

export interface BlueskySession {
  did: string;
  handle: string;
  accessJwt: string;
  refreshJwt: string;
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/**
 * App-password sessions for the one call that needs them (`app.bsky.feed.searchPosts`), as
 * `com.atproto.server.createSession` issues them. Any non-empty password is accepted: the sandbox
 * only checks that callers authenticate, never who they are.
 */
export class BlueskySessions {
  private readonly byAccessToken = new Map<string, BlueskySession>();

  constructor(private readonly clock: () => number) {}

  create(identifier: string, did: string | undefined): BlueskySession {
    const handle = identifier.includes('.') ? identifier : `${identifier}.bsky.social`;
    const subject =
      did ??
      `did:plc:${createHash('sha256')
        .update(handle)
        .digest('hex')
        .replace(/[^a-z2-7]/g, '')
        .slice(0, 24)
        .padEnd(24, 'a')}`;
    const issuedAt = Math.floor(this.clock() / 1000);
    const token = (scope: string, lifetime: number) =>
      [
        base64url(JSON.stringify({ typ: 'at+jwt', alg: 'HS256' })),
        base64url(
          JSON.stringify({
            scope,
            sub: subject,
            iat: issuedAt,
            exp: issuedAt + lifetime,
            aud: 'did:web:bsky.social',
          }),
        ),
        base64url(randomBytes(32)),
      ].join('.');
    const session = {
      did: subject,
      handle,
      accessJwt: token('com.atproto.appPass', 7200),
      refreshJwt: token('com.atproto.refresh', 90 * 86400),
    };
    this.byAccessToken.set(session.accessJwt, session);
    return session;
  }

  /** The session an `Authorization: Bearer` header names, if it is one we issued. */
  fromAuthorization(header: string | undefined): BlueskySession | undefined {
    const match = /^Bearer (\S+)$/.exec(header ?? '');
    return match ? this.byAccessToken.get(match[1]) : undefined;
  }
}
