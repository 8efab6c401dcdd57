import fc from 'fast-check';
import { compareKeys, decodeCursor, encodeCursor, pageNewestFirst } from './newest-first-page';
import type { NewestFirstPage, PageKey } from './newest-first-page';

describe('pageNewestFirst', () => {
  it('serves every item exactly once, newest first, for any list and page size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 30 }),
        (times, limit) => {
          const items = [...times].sort((a, b) => a - b).map((t, i) => ({ key: [t, i] as PageKey }));
          const served: PageKey[] = [];
          let cursor: PageKey | null = null;
          for (let guard = 0; guard < 1000; guard++) {
            const page: NewestFirstPage<{ key: PageKey }> = pageNewestFirst(
              items,
              (item) => item.key,
              cursor,
              limit,
            );
            served.push(...page.items.map((item) => item.key));
            if (!page.more) break;
            cursor = page.lastKey;
          }
          expect(served).toEqual(items.map((item) => item.key).reverse());
          for (let i = 1; i < served.length; i++)
            expect(compareKeys(served[i - 1], served[i])).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('keeps a cursor valid when newer items are added between pages', () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ key: [i * 10, i] as PageKey }));
    const first = pageNewestFirst(items, (item) => item.key, null, 4);
    items.push({ key: [1000, 10] });
    const second = pageNewestFirst(items, (item) => item.key, first.lastKey, 4);
    expect(second.items.map((item) => item.key[1])).toEqual([5, 4, 3, 2]);
  });

  it('round-trips cursors and rejects foreign ones', () => {
    const key: PageKey = [1793534710123, 4242];
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
    expect(decodeCursor('not-a-cursor')).toBeUndefined();
  });
});
