import type { CollectedPost } from '@wardreach/collectors';

/**
 * The people of one platform who asked to be erased, as one collection checks them: by pseudonym, or
 * by an id an earlier release pseudonymised them under (`FormerIds`: a Mastodon account's
 * instance-local id). A match by a former id keeps the person out but does not list them under their
 * pseudonym: an old id may be short and sequential, and the same number on another instance is
 * someone else, so it must not erase anyone for good.
 */
export class ErasureList {
  constructor(
    private readonly pseudonyms: Set<string>,
    /** The pseudonym of a platform id (the same HMAC the collection stores people under). */
    private readonly pseudonymOf: (externalId: string) => string,
  ) {}

  /** Whether the person (their pseudonym, null if unknown, and former ids) asked to be erased. */
  has(pseudonym: string | null, formerIds?: readonly string[]): boolean {
    if (pseudonym !== null && this.pseudonyms.has(pseudonym)) return true;
    return (formerIds ?? []).some((id) => this.pseudonyms.has(this.pseudonymOf(id)));
  }

  /** The post without its reply link when it answers someone on the list (a link names its author). */
  unlinkReply(post: CollectedPost): CollectedPost {
    const target = post.inReplyTo;
    if (!target) return post;
    const author = target.authorExternalId ? this.pseudonymOf(target.authorExternalId) : null;
    return this.has(author, target.authorFormerIds) ? { ...post, inReplyTo: null } : post;
  }
}
