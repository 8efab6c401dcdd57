import type { PostFact } from '../account-facts';

/** A post with no engagement and no links unless the test says otherwise. */
export function postAt(createdAt: string, overrides: Partial<PostFact> = {}): PostFact {
  return {
    createdAt: new Date(createdAt),
    kind: 'original',
    likes: 0,
    reposts: 0,
    replies: 0,
    quotes: 0,
    links: [],
    ...overrides,
  };
}
