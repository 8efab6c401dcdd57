import { isBlueskyDid, isYouTubeChannelId } from './identifiers';
import { parseMastodonHandle } from './mastodon/mastodon-handle';
import { mastodonPersonId } from './mastodon/mastodon-person-id';
import type { Platform } from './platform';

export type PersonIdResult = { ok: true; id: string } | { ok: false; message: string };

/** An X user id: a snowflake in decimal, 19 digits at most, no leading zero. */
const X_USER_ID = /^[1-9][0-9]{0,18}$/;

/** A Facebook id, as Graph gives a comment's author (`from.id`, app-scoped) or a Page: decimal digits. */
const FACEBOOK_ID = /^[1-9][0-9]{0,19}$/;

const EXPECTED: Record<Platform, string> = {
  bluesky:
    'a Bluesky account is identified by its DID, did:plc: and 24 characters a-z or 2-7 (or did:web: and a host name), not its handle',
  mastodon:
    'a Mastodon account is identified by its address, user@instance: its numeric id differs on every instance',
  x: 'an X account is identified by its numeric user id (digits only, at most 19), not its @username or name',
  facebook:
    'a Facebook account is identified by the numeric id Facebook gives it (digits only, as the from.id of its comments), not its name or username',
  youtube:
    'a YouTube account is identified by its channel id, UC and 22 letters, digits, - or _ (not its @handle or custom URL)',
  rss: 'an RSS or Atom feed has no followers or commenters: no account on it is named by an id, and wardreach holds no one from it',
};

/**
 * What the platform id of a person on `platform` looks like, as a sentence for an error message
 * (on RSS: why there is none).
 */
export function personIdExpected(platform: Platform): string {
  return EXPECTED[platform];
}

/**
 * A platform id given in a request (erasure, subject access, a civic account), checked to be one
 * collection pseudonymises people by, so that a request never matches no one in silence: a DID on
 * Bluesky (case-sensitive, so never lower-cased), `user@domain` on Mastodon (an instance's numeric id
 * names nobody elsewhere; lower-cased as collection does), the numeric user id on X and Facebook, the
 * channel id on YouTube. Placeholders some collectors store for an unknown author (`unknown`) are
 * refused with everything else; RSS feeds name no one.
 */
export function personIdFromRequest(platform: Platform, externalId: string): PersonIdResult {
  const id = externalId.trim();
  const refused = (detail?: string): PersonIdResult => ({
    ok: false,
    message: detail ? `${EXPECTED[platform]} (${detail})` : EXPECTED[platform],
  });
  switch (platform) {
    case 'mastodon': {
      const parsed = id.includes('/') ? null : parseMastodonHandle(id);
      return parsed ? { ok: true, id: mastodonPersonId(parsed.username, parsed.instance) } : refused();
    }
    case 'bluesky':
      if (isBlueskyDid(id)) return { ok: true, id };
      if (isBlueskyDid(id.toLowerCase()))
        return refused('DIDs are case-sensitive and are written in lower case: this one has capitals');
      return refused();
    case 'x':
      return X_USER_ID.test(id) ? { ok: true, id } : refused();
    case 'facebook':
      return FACEBOOK_ID.test(id) ? { ok: true, id } : refused();
    case 'youtube':
      // As a comment's `authorChannelId.value` gives it.
      return isYouTubeChannelId(id) ? { ok: true, id } : refused();
    case 'rss':
      return refused();
  }
}
