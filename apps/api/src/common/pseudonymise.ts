import { hmac } from '@noble/hashes/hmac.js';
import type { _HMAC } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

/** An HMAC-SHA256 state from `@noble/hashes`. */
type HmacState = _HMAC<ReturnType<typeof sha256.create>>;

/** A pseudonym and the follower key derived from it. */
export interface Pseudonym {
  /** HMAC-SHA256 of "platform NUL id" under the deployment secret, base64url (43 characters). */
  pseudonym: string;
  /**
   * The first 64 bits of that HMAC, a signed big-endian integer, are the follower's row key, as two
   * signed 32-bit halves (`followerKey` spells it in decimal). It is a function of the pseudonym
   * alone (SQL `pseudonym_key(text)` computes the same), so a follower page can be written without
   * first asking the database which id each follower has.
   */
  keyHigh: number;
  keyLow: number;
}

/**
 * A resident's platform id is stored only as a keyed HMAC-SHA256 (base64url), so the same follower is
 * recognised across runs and councillors without the database holding who they are.
 */
export function pseudonymise(secret: string, platform: string, externalId: string): string {
  return hmacFor(secret).digest(platform, externalId).toString('base64url');
}

/** `pseudonymise` and its follower key from one HMAC (follower sweeps need both for every follower). */
export function pseudonymiseWithKey(secret: string, platform: string, externalId: string): Pseudonym {
  const digest = hmacFor(secret).digest(platform, externalId);
  return {
    pseudonym: digest.toString('base64url'),
    keyHigh: digest.readInt32BE(0),
    keyLow: digest.readInt32BE(4),
  };
}

/** A follower key from its two halves, in decimal (as PostgreSQL reads a bigint). */
export function followerKey(keyHigh: number, keyLow: number): string {
  return ((BigInt(keyHigh) << 32n) | BigInt(keyLow >>> 0)).toString();
}

/** The follower key of a pseudonym: its first 64 bits as a signed big-endian integer, in decimal. */
export function pseudonymKey(pseudonym: string): string {
  return Buffer.from(pseudonym.slice(0, 12), 'base64url').readBigInt64BE(0).toString();
}

/**
 * HMAC-SHA256 under one secret, with the key's inner and outer pads hashed once: each message then
 * costs two SHA-256 blocks and no allocation. Node's `createHmac` re-derives the pads and builds a
 * native object per call, which measured two to three times slower for the short ids a follower
 * sweep hashes by the million; the output is the same HMAC (the spec checks it against `createHmac`).
 */
class PreparedHmac {
  private readonly prepared: HmacState;
  private working: HmacState;
  private readonly encoder = new TextEncoder();
  private message = new Uint8Array(256);

  constructor(secret: string) {
    this.prepared = hmac.create(sha256, Buffer.from(secret, 'utf8'));
    this.working = this.prepared._cloneInto();
  }

  /** The 32-byte digest of "platform NUL id" (a fresh buffer: callers keep it). */
  digest(platform: string, externalId: string): Buffer {
    const text = `${platform}\u0000${externalId}`;
    // UTF-8 takes at most three bytes per UTF-16 unit.
    if (this.message.length < text.length * 3) this.message = new Uint8Array(text.length * 3);
    const { written } = this.encoder.encodeInto(text, this.message);
    this.working = this.prepared._cloneInto(this.working);
    this.working.update(this.message.subarray(0, written));
    const out = Buffer.allocUnsafe(32);
    this.working.digestInto(out);
    return out;
  }
}

// A deployment has one secret; tests use a few. Each keeps its prepared pads.
const prepared = new Map<string, PreparedHmac>();

function hmacFor(secret: string): PreparedHmac {
  let found = prepared.get(secret);
  if (!found) {
    if (prepared.size >= 16) prepared.clear();
    found = new PreparedHmac(secret);
    prepared.set(secret, found);
  }
  return found;
}
