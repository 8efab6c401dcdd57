/**
 * The shapes of the names platforms give accounts, in one place, so that the roster import, the
 * credential form, erasure and subject-access requests and the collectors accept the same ones.
 */

/**
 * A DNS name as atproto handles and fediverse instances are written: two labels or more of letters,
 * digits and inner hyphens, the last a top-level domain as they are issued (letters, two or more, or
 * punycode `xn--…`; so no IP address). A pattern source, to compose; `isDnsName` also holds it to
 * 253 characters.
 */
export const DNS_NAME = String.raw`(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,63}|[Xx][Nn]--[A-Za-z0-9-]{1,59})`;

/** A YouTube channel id: `UC` and 22 URL-safe base64 characters. A pattern source, to compose. */
export const YOUTUBE_CHANNEL_ID = String.raw`UC[A-Za-z0-9_-]{22}`;

const WHOLE_DNS_NAME = new RegExp(`^${DNS_NAME}$`);
/** A did:plc as the PLC directory issues it: 24 characters of lower-case base32. */
const DID_PLC = /^did:plc:[a-z2-7]{24}$/;
/** A did:web names a host: no path, no port (`%3A`). */
const DID_WEB = new RegExp(`^did:web:(${DNS_NAME})$`);
const WHOLE_YOUTUBE_CHANNEL_ID = new RegExp(`^${YOUTUBE_CHANNEL_ID}$`);

/** Whether `value` is a DNS name (an atproto handle, a Mastodon instance), 253 characters at most. */
export function isDnsName(value: string): boolean {
  return value.length <= 253 && WHOLE_DNS_NAME.test(value);
}

/**
 * Whether `value` is the DID of a Bluesky account: a did:plc, or a did:web naming a host in lower
 * case. DIDs are case-sensitive, so `did:plc:EWVI…` is not one.
 */
export function isBlueskyDid(value: string): boolean {
  if (DID_PLC.test(value)) return true;
  const host = DID_WEB.exec(value)?.[1];
  return host !== undefined && host === host.toLowerCase() && host.length <= 253;
}

/** Whether `value` is a YouTube channel id (`UC…`). */
export function isYouTubeChannelId(value: string): boolean {
  return WHOLE_YOUTUBE_CHANNEL_ID.test(value);
}
