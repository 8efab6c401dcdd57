import fc from 'fast-check';
import { FollowerKeySet } from './follower-key-set';

const key = fc.tuple(
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
);
const decimal = ([high, low]: [number, number]): string =>
  ((BigInt(high) << 32n) | BigInt(low >>> 0)).toString();

describe('FollowerKeySet', () => {
  it('behaves as a map from key to attribution id with seen marks, through any growth', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.boolean()), {
          maxLength: 300,
        }),
        fc.array(key, { maxLength: 50 }),
        (operations, probes) => {
          const set = new FollowerKeySet();
          const model = new Map<string, { print: number; seen: boolean }>();
          for (const [[high, low], print, see] of operations) {
            const slot = set.set(high, low, print);
            const entry = { print, seen: model.get(decimal([high, low]))?.seen ?? false };
            if (see) {
              set.markSeen(slot);
              entry.seen = true;
            }
            model.set(decimal([high, low]), entry);
          }
          expect(set.size).toBe(model.size);
          for (const probe of [...probes, ...operations.map(([k]) => k)]) {
            const entry = model.get(decimal(probe));
            const slot = set.slotOf(probe[0], probe[1]);
            expect(slot >= 0).toBe(entry !== undefined);
            if (entry) expect(set.matches(slot, entry.print)).toBe(true);
            if (entry) expect(set.matches(slot, entry.print ^ 1)).toBe(false);
          }
          const unseen = [...model].filter(([, entry]) => !entry.seen).map(([k]) => k);
          expect(set.unseenKeys().sort()).toEqual(unseen.sort());
        },
      ),
    );
  });

  it('marks a follower seen by key, and says whether it knew them', () => {
    const set = new FollowerKeySet();
    set.set(1, 2, 0);
    expect(set.markSeenKey(1, 2)).toBe(true);
    expect(set.markSeenKey(2, 1)).toBe(false);
    expect(set.unseenKeys()).toEqual([]);
    expect(set.anySeen()).toBe(true);
  });

  it('keeps a known follower in the slot it had when another key makes it grow, or when set again', () => {
    const set = new FollowerKeySet(7);
    const slots = Array.from({ length: 8 }, (_, i) => set.set(i, i * 7919, i));
    // The ninth key makes it grow: every slot moves, and is found again by key.
    set.set(100, 100, 0);
    const moved = Array.from({ length: 8 }, (_, i) => set.slotOf(i, i * 7919));
    expect(moved).not.toEqual(slots);
    // Setting a known key again (its attribution moved) keeps its slot even when the set is full.
    for (let i = 0; i < 7; i += 1) set.set(1000 + i, i, 0);
    const full = set.size;
    const before = set.slotOf(3, 3 * 7919);
    expect(set.set(3, 3 * 7919, 42)).toBe(before);
    expect(set.size).toBe(full);
    set.markSeen(before);
    expect(set.unseenKeys()).not.toContain(((3n << 32n) | BigInt(3 * 7919)).toString());
  });

  it('holds lost edges apart: they never match and are not lost again', () => {
    const set = new FollowerKeySet();
    set.setLost(5, 6);
    set.set(7, 8, 1);
    const slot = set.slotOf(5, 6);
    expect(slot).toBeGreaterThanOrEqual(0);
    expect(set.matches(slot, 0)).toBe(false);
    expect(set.unseenKeys()).toEqual([((7n << 32n) | 8n).toString()]);
    // Seen again, the follower stands again.
    expect(set.matches(set.set(5, 6, 9), 9)).toBe(true);
  });

  it('spells negative keys and low halves above 2^31 as PostgreSQL bigints', () => {
    const set = new FollowerKeySet();
    set.set(-1, -1, 0);
    set.set(0, -1, 0);
    set.set(-(2 ** 31), 0, 0);
    expect(set.unseenKeys().sort()).toEqual(['-1', '-9223372036854775808', '4294967295'].sort());
  });
});
