import { createHash, type Hash } from 'node:crypto';

const BLOCK_BYTES = 64;

/**
 * HMAC-SHA256 with the key's inner and outer pads hashed once: each pseudonym then costs two hash
 * copies instead of a full HMAC set-up (follower sweeps pseudonymise every follower of every page).
 */
class Pseudonymiser {
  private readonly inner: Hash;
  private readonly outer: Hash;

  constructor(secret: string) {
    let key = Buffer.from(secret, 'utf8');
    if (key.length > BLOCK_BYTES) key = createHash('sha256').update(key).digest();
    const padded = Buffer.alloc(BLOCK_BYTES);
    key.copy(padded);
    this.inner = createHash('sha256').update(padded.map((byte) => byte ^ 0x36));
    this.outer = createHash('sha256').update(padded.map((byte) => byte ^ 0x5c));
  }

  pseudonym(message: string): string {
    const inner = this.inner.copy().update(message, 'utf8').digest();
    return this.outer.copy().update(inner).digest('base64url');
  }
}

const pseudonymisers = new Map<string, Pseudonymiser>();

/**
 * A resident's platform id is stored only as a keyed HMAC-SHA256 (base64url), so the same follower is
 * recognised across runs and councillors without the database holding who they are.
 */
export function pseudonymise(secret: string, platform: string, externalId: string): string {
  let pseudonymiser = pseudonymisers.get(secret);
  if (!pseudonymiser) {
    pseudonymiser = new Pseudonymiser(secret);
    pseudonymisers.set(secret, pseudonymiser);
  }
  return pseudonymiser.pseudonym(`${platform}\u0000${externalId}`);
}
