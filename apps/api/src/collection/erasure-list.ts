/**
 * The people of one platform who asked to be erased, as one collection checks them: by pseudonym, or
 * by an id an earlier release pseudonymised them under (`FormerIds`: a Mastodon account's
 * instance-local id). Someone found by a former id is listed under their current pseudonym from then
 * on: `carriedOver` hands those pseudonyms to the collection, which adds them to the erasure list.
 */
export class ErasureList {
  private readonly carried = new Set<string>();

  constructor(
    private readonly pseudonyms: Set<string>,
    /** The pseudonym of a platform id (the same HMAC the collection stores people under). */
    private readonly pseudonymOf: (externalId: string) => string,
  ) {}

  /** Whether the person (their pseudonym, null if unknown, and former ids) asked to be erased. */
  has(pseudonym: string | null, formerIds?: readonly string[]): boolean {
    if (pseudonym !== null && this.pseudonyms.has(pseudonym)) return true;
    for (const id of formerIds ?? []) {
      if (!this.pseudonyms.has(this.pseudonymOf(id))) continue;
      if (pseudonym !== null) {
        this.pseudonyms.add(pseudonym);
        this.carried.add(pseudonym);
      }
      return true;
    }
    return false;
  }

  /** The pseudonyms found by a former id since the last call, to be added to the erasure list. */
  carriedOver(): string[] {
    const pseudonyms = [...this.carried];
    this.carried.clear();
    return pseudonyms;
  }
}
