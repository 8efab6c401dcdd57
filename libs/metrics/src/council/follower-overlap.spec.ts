import fc from 'fast-check';
import type { PlatformName } from '@wardreach/contracts';
import { followerOverlap, jaccard, type CouncillorFollowerSet } from './follower-overlap';

const follows = (platform: PlatformName, ...ids: string[]) =>
  ids.map((followerId) => ({ platform, followerId }));

describe('follower overlap (Jaccard)', () => {
  const councillors: CouncillorFollowerSet[] = [
    { councillorId: 'ann', followers: [...follows('bluesky', '1', '2', '3', '4'), ...follows('x', '9')] },
    {
      councillorId: 'bob',
      followers: [...follows('bluesky', '3', '4', '5', '5'), ...follows('mastodon', '9')],
    },
    { councillorId: 'cat', followers: follows('bluesky', '1', '2', '3', '4') },
    { councillorId: 'dan', followers: follows('x', '7') },
  ];

  it('computes |A ∩ B| / |A ∪ B| per pair on (platform, id)', () => {
    // ann = {b1, b2, b3, b4, x9}, bob = {b3, b4, b5, m9} (b5 repeated), cat = {b1..b4}, dan = {x7}
    // ann–cat: 4 shared, union 5 → 0.8; ann–bob: {b3, b4} → 2 / 7; bob–cat: 2 / 6; dan shares nothing.
    // x9 and m9 are different followers: the id is the same, the platform is not.
    expect(followerOverlap(councillors)).toEqual([
      { a: 'ann', b: 'cat', shared: 4, union: 5, jaccard: 0.8 },
      { a: 'bob', b: 'cat', shared: 2, union: 6, jaccard: 2 / 6 },
      { a: 'ann', b: 'bob', shared: 2, union: 7, jaccard: 2 / 7 },
    ]);
  });

  it('drops pairs below the threshold', () => {
    expect(followerOverlap(councillors, { minJaccard: 0.3 }).map((p) => `${p.a}-${p.b}`)).toEqual([
      'ann-cat',
      'bob-cat',
    ]);
  });

  it('keeps each councillor’s top k', () => {
    // k = 1: ann-cat is first for ann and cat; bob-cat is bob's first. ann-bob is nobody's first.
    expect(followerOverlap(councillors, { topPerCouncillor: 1 }).map((p) => `${p.a}-${p.b}`)).toEqual([
      'ann-cat',
      'bob-cat',
    ]);
  });

  it('is empty with fewer than two councillors or no followers', () => {
    expect(followerOverlap([])).toEqual([]);
    expect(
      followerOverlap([
        { councillorId: 'ann', followers: [] },
        { councillorId: 'bob', followers: [] },
      ]),
    ).toEqual([]);
  });

  it('agrees with the set definition, and Jaccard is symmetric and in [0, 1]', () => {
    const followerSet = fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 20 });
    fc.assert(
      fc.property(fc.array(followerSet, { minLength: 2, maxLength: 6 }), (sets) => {
        const input = sets.map((ids, i) => ({
          councillorId: `c${i}`,
          followers: follows('bluesky', ...ids.map(String)),
        }));
        const fast = new Map(followerOverlap(input).map((pair) => [`${pair.a}|${pair.b}`, pair.jaccard]));
        for (let i = 0; i < sets.length; i += 1) {
          for (let j = i + 1; j < sets.length; j += 1) {
            const a = new Set(sets[i]);
            const b = new Set(sets[j]);
            const value = jaccard(a, b);
            expect(jaccard(b, a)).toBe(value);
            expect(value >= 0 && value <= 1).toBe(true);
            expect(fast.get(`c${i}|c${j}`) ?? 0).toBeCloseTo(value, 12);
          }
        }
      }),
    );
  });

  it('handles a council-sized input quickly', () => {
    // 120 councillors × 3,000 followers drawn from 60,000 residents (a deterministic sequence).
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const input = Array.from({ length: 120 }, (_, c) => ({
      councillorId: `c${c}`,
      followers: Array.from({ length: 3000 }, () => ({
        platform: 'bluesky' as const,
        followerId: String(next() % 60000),
      })),
    }));
    const started = performance.now();
    const pairs = followerOverlap(input, { topPerCouncillor: 5 });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.length).toBeLessThanOrEqual(120 * 5);
  });
});
