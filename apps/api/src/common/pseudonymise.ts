import { createHmac } from 'node:crypto';

/** A pseudonym and the follower key derived from it. */
export interface Pseudonym {
  /** HMAC-SHA256 of "platform NUL id" under the deployment secret, base64url (43 characters). */
  pseudonym: string;
  /**
   * The first 64 bits of that HMAC as a signed big-endian integer, in decimal: the follower's row
   * key. It is a function of the pseudonym alone (SQL `pseudonym_key(text)` computes the same), so a
   * follower page can be written without first asking the database which id each follower has.
   */
  key: string;
}

/**
 * A resident's platform id is stored only as a keyed HMAC-SHA256 (base64url), so the same follower is
 * recognised across runs and councillors without the database holding who they are.
 */
export function pseudonymise(secret: string, platform: string, externalId: string): string {
  return hmac(secret, platform, externalId).toString('base64url');
}

/** `pseudonymise` and its follower key from one HMAC (follower sweeps need both for every follower). */
export function pseudonymiseWithKey(secret: string, platform: string, externalId: string): Pseudonym {
  const digest = hmac(secret, platform, externalId);
  return { pseudonym: digest.toString('base64url'), key: digest.readBigInt64BE(0).toString() };
}

/** The follower key of a pseudonym: its first 64 bits as a signed big-endian integer, in decimal. */
export function pseudonymKey(pseudonym: string): string {
  return Buffer.from(pseudonym.slice(0, 12), 'base64url').readBigInt64BE(0).toString();
}

// One `createHmac` per call: measured faster than copying pre-hashed key pads (`Hash.copy()`), whose
// object set-up costs more than the two SHA-256 blocks it saves.
function hmac(secret: string, platform: string, externalId: string): Buffer {
  return createHmac('sha256', secret).update(`${platform}\u0000${externalId}`).digest();
}
