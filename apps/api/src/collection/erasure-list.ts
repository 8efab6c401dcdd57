import type { CollectedPost } from '@wardreach/collectors';
import type { PostRow } from './collection.repository';
import { FollowerKeySet } from './follower-key-set';

/**
 * The people of one platform who asked to be erased, as one collection checks them: by pseudonym, or
 * by an id an earlier release pseudonymised them under (`FormerIds`: a Mastodon account's
 * instance-local id). A match by a former id keeps the person out but does not list them under their
 * pseudonym: an old id may be short and sequential, and the same number on another instance is
 * someone else, so it must not erase anyone for good.
 */
export class ErasureList {
  /** The keys of `pseudonyms` (`pseudonymKey`), made when first asked for. */
  private keys: FollowerKeySet | null = null;

  constructor(
    private readonly pseudonyms: Set<string>,
    /** The pseudonym of a platform id (the same HMAC the collection stores people under). */
    private readonly pseudonymOf: (externalId: string) => string,
  ) {}

  /** Whether anyone on the platform asked to be erased (if not, nobody need be checked). */
  get any(): boolean {
    return this.pseudonyms.size > 0;
  }

  /** Whether the person (their pseudonym, null if unknown, and former ids) asked to be erased. */
  has(pseudonym: string | null, formerIds?: readonly string[]): boolean {
    // Nobody erased (the usual case): no former id is worth an HMAC.
    if (this.pseudonyms.size === 0) return false;
    if (pseudonym !== null && this.pseudonyms.has(pseudonym)) return true;
    return (formerIds ?? []).some((id) => this.pseudonyms.has(this.pseudonymOf(id)));
  }

  /**
   * Whether the follower with this key (`followerKeyOf`; former ids as for `has`) asked to be erased.
   * By the key alone, as their edges hold them: another person sharing those 64 bits (about one
   * chance in 10^7 among a million followers) is kept out as well.
   */
  hasFollower(key: { keyHigh: number; keyLow: number }, formerIds?: readonly string[]): boolean {
    if (this.pseudonyms.size === 0) return false;
    if (!this.keys) {
      this.keys = new FollowerKeySet(this.pseudonyms.size);
      for (const pseudonym of this.pseudonyms) {
        const key = Buffer.from(pseudonym.slice(0, 12), 'base64url');
        if (key.length >= 8) this.keys.set(key.readInt32BE(0), key.readInt32BE(4), 0);
      }
    }
    if (this.keys.slotOf(key.keyHigh, key.keyLow) >= 0) return true;
    return (formerIds ?? []).some((id) => this.pseudonyms.has(this.pseudonymOf(id)));
  }

  /**
   * The post as stored: a reply names the post it answers and that post's author by pseudonym (so
   * that erasing the author unlinks it), or nothing when the author is on the list (a link names its
   * author).
   */
  postRow(post: CollectedPost): PostRow {
    const { inReplyTo: target, ...rest } = post;
    if (!target) return { ...rest, inReplyTo: null };
    const author = target.authorExternalId ? this.pseudonymOf(target.authorExternalId) : null;
    if (this.has(author, target.authorFormerIds)) return { ...rest, inReplyTo: null };
    return { ...rest, inReplyTo: { externalId: target.externalId, authorPseudonym: author } };
  }
}
