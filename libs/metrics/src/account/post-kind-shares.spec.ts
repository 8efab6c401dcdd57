import fc from 'fast-check';
import type { PostKind } from './account-facts';
import { postKindShares } from './post-kind-shares';
import { postAt } from './testing/post-fact.fixture';

describe('postKindShares', () => {
  const now = new Date('2026-11-22T12:00:00Z');

  it('divides each kind by all posts in 30 days', () => {
    // In the window: 2 originals, 1 reply, 1 repost → 2/4, 1/4, 1/4. The old reply is outside.
    const posts = [
      postAt('2026-11-20T10:00:00Z'),
      postAt('2026-11-10T10:00:00Z'),
      postAt('2026-11-01T10:00:00Z', { kind: 'reply' }),
      postAt('2026-10-25T10:00:00Z', { kind: 'repost' }),
      postAt('2026-09-01T10:00:00Z', { kind: 'reply' }),
    ];
    expect(postKindShares(posts, now)).toEqual({ original: 0.5, reply: 0.25, repost: 0.25 });
  });

  it('is null, not zero, with no posts in the window', () => {
    expect(postKindShares([], now)).toBeNull();
    expect(postKindShares([postAt('2026-01-01T00:00:00Z')], now)).toBeNull();
  });

  it('gives shares in [0, 1] that sum to 1', () => {
    const kind = fc.constantFrom<PostKind>('original', 'reply', 'repost');
    fc.assert(
      fc.property(fc.array(kind, { minLength: 1, maxLength: 50 }), (kinds) => {
        const shares = postKindShares(
          kinds.map((k) => postAt('2026-11-21T00:00:00Z', { kind: k })),
          now,
        )!;
        for (const value of Object.values(shares)) expect(value).toBeGreaterThanOrEqual(0);
        for (const value of Object.values(shares)) expect(value).toBeLessThanOrEqual(1);
        expect(shares.original + shares.reply + shares.repost).toBeCloseTo(1, 12);
      }),
    );
  });
});
