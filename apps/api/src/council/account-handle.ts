import {
  MalformedPayloadError,
  facebookPageRef,
  isBlueskyDid,
  isDnsName,
  isYouTubeChannelId,
  parseMastodonHandle,
  youTubeChannelSelector,
} from '@wardreach/collectors';
import type { PlatformName } from '@wardreach/contracts';

/** A handle as a council writes it in a roster, normalised to what the collector resolves, or an error. */
export type HandleResult = { ok: true; handle: string } | { ok: false; message: string };

/**
 * The facebook.com addresses the collector resolves: a page name, `/profile.php?id=`, and a Page's
 * id in `/people/<name>/<id>`, `/pages/<name>/<id>` or `/p/<name>-<id>/`; `p`, `pages` and `people`
 * alone are not Page names.
 */
const FACEBOOK_URL =
  /^https?:\/\/(?:www\.|m\.)?facebook\.com\/(?:profile\.php\?id=\d+(?:&[^#]*)?|(?:people|pages)\/[^/?#]+\/\d+\/?(?:[?#].*)?|p\/[^/?#]*-\d{6,}\/?(?:[?#].*)?|(?!(?:p|pages|people)(?:[/?#]|$))[A-Za-z0-9.]+\/?(?:[?#].*)?)$/i;
const YOUTUBE_HANDLE = /^@[A-Za-z0-9._-]{3,30}$/;

/**
 * Accepts the forms people paste (profile URLs, leading @) and returns the canonical handle:
 * Bluesky `name.bsky.social` or a DID; Mastodon `user@instance`; RSS/Atom an http(s) feed URL;
 * X a username; Facebook a page id or name (a `/people/<name>/<id>`, `/pages/<name>/<id>`,
 * `/p/<name>-<id>/` or `/profile.php?id=` address gives its id, as the collector reads it); YouTube an `@handle`, a `UC…` channel id, or a legacy
 * `https://www.youtube.com/user/<name>` address (kept whole: the collector looks that name up as a
 * username, not a handle). A custom `/c/<name>` address is refused: the API cannot look it up.
 */
export function normaliseHandle(platform: PlatformName, raw: string): HandleResult {
  const value = raw.trim();
  if (value === '') return { ok: false, message: 'is empty' };
  switch (platform) {
    case 'bluesky': {
      const handle = value
        .replace(/^https?:\/\/bsky\.app\/profile\//i, '')
        .replace(/^@/, '')
        .replace(/\/$/, '')
        .toLowerCase();
      if (isBlueskyDid(handle) || isDnsName(handle)) return { ok: true, handle };
      return { ok: false, message: `"${raw}" is not a Bluesky handle (name.bsky.social) or DID` };
    }
    case 'mastodon': {
      // As the collector reads it, so that Pleroma or Akkoma names (`jane.doe@…`) import too.
      const parsed = parseMastodonHandle(value);
      if (parsed) return { ok: true, handle: `${parsed.username}@${parsed.instance}` };
      return { ok: false, message: `"${raw}" is not a Mastodon address (@user@instance)` };
    }
    case 'rss': {
      try {
        const url = new URL(value);
        if (url.protocol === 'http:' || url.protocol === 'https:')
          return { ok: true, handle: url.toString() };
      } catch {
        // falls through to the message below
      }
      return { ok: false, message: `"${raw}" is not an http(s) feed URL` };
    }
    case 'x': {
      const handle = value
        .replace(/^https?:\/\/(www\.)?(x|twitter)\.com\//i, '')
        .replace(/^@/, '')
        .replace(/\/$/, '');
      if (/^[A-Za-z0-9_]{1,15}$/.test(handle)) return { ok: true, handle };
      return { ok: false, message: `"${raw}" is not an X username` };
    }
    case 'facebook': {
      const isUrl = /^https?:\/\//i.test(value);
      const handle = isUrl && !FACEBOOK_URL.test(value) ? '' : facebookPageRef(value).replace(/\/$/, '');
      if (/^[A-Za-z0-9.]{1,100}$/.test(handle) && !/^(people|profile\.php)$/i.test(handle))
        return { ok: true, handle };
      return { ok: false, message: `"${raw}" is not a Facebook page name or id` };
    }
    case 'youtube':
      if (/^https?:\/\//i.test(value)) return youTubeAddress(raw, value);
      if (YOUTUBE_HANDLE.test(value) || isYouTubeChannelId(value)) return { ok: true, handle: value };
      return { ok: false, message: `"${raw}" is not a YouTube @handle or channel id` };
  }
}

/** A youtube.com address, read by the collector's own rule so that what is imported is what it resolves. */
function youTubeAddress(raw: string, url: string): HandleResult {
  try {
    const selector = youTubeChannelSelector(url);
    if ('forUsername' in selector)
      return /^[A-Za-z0-9._-]{1,100}$/.test(selector.forUsername)
        ? { ok: true, handle: `https://www.youtube.com/user/${selector.forUsername}` }
        : { ok: false, message: `"${raw}" is not a YouTube /user/ address` };
    const handle = 'id' in selector ? selector.id : selector.forHandle;
    if (YOUTUBE_HANDLE.test(handle) || isYouTubeChannelId(handle)) return { ok: true, handle };
  } catch (error) {
    if (!(error instanceof MalformedPayloadError)) throw error;
    // The collector's own reason: a custom channel address, or a channel id not in its capitals.
    return { ok: false, message: error.detail };
  }
  return { ok: false, message: `"${raw}" is not a YouTube @handle, channel id or channel address` };
}

/**
 * What makes two handles of a platform the same account: a feed URL and a YouTube channel id (`UC…`)
 * or legacy address as written, any other handle without regard to case (X, Facebook and Mastodon
 * names, YouTube @handles; Bluesky handles are lower-case already). `handleKeySql` is the same rule
 * over a `platform_account` row.
 */
export function handleKey(platform: PlatformName, handle: string): string {
  if (platform === 'rss' || (platform === 'youtube' && !handle.startsWith('@'))) return handle;
  return handle.toLowerCase();
}

/** `handleKey` in SQL, over columns `platform` and `handle` of the alias given. */
export function handleKeySql(alias: string): string {
  return `CASE WHEN ${alias}.platform = 'rss' OR (${alias}.platform = 'youtube' AND left(${alias}.handle, 1) <> '@')
               THEN ${alias}.handle ELSE lower(${alias}.handle) END`;
}
