import { generateWorld, residentsByPlatform } from './generate-world';
import { tickWorld } from './tick-world';
import type { TickSummary } from './tick-world';
import type { World } from './world';

const anchor = new Date('2026-11-01T12:00:00.000Z');

function ticked(count: number, intervalMs = 60_000): { world: World; summaries: TickSummary[] } {
  const world = generateWorld({ seed: 11, anchor, residents: 6000 });
  const residents = residentsByPlatform(world);
  const summaries = Array.from({ length: count }, () => tickWorld(world, intervalMs, residents));
  return { world, summaries };
}

function councillorFollowerSets(world: World): string[] {
  return world.councillors.flatMap((c) =>
    [c.accounts.bluesky, c.accounts.mastodon]
      .filter((i): i is number => i !== undefined)
      .map((i) =>
        world
          .followers(i)
          .map((e) => `${e.follower}@${e.createdAtMs}`)
          .join(','),
      ),
  );
}

describe('tickWorld', () => {
  it('makes the same changes for the same seed and tick number', () => {
    const a = ticked(5);
    const b = ticked(5);
    expect(a.summaries).toEqual(b.summaries);
    expect(councillorFollowerSets(a.world)).toEqual(councillorFollowerSets(b.world));
    expect(a.world.posts.map((p) => `${p.author}:${p.createdAtMs}:${p.text}`)).toEqual(
      b.world.posts.map((p) => `${p.author}:${p.createdAtMs}:${p.text}`),
    );
  });

  it('adds posts, followers and unfollows, visibly, over a few ticks', () => {
    const { summaries } = ticked(10);
    const sum = (key: 'posts' | 'follows' | 'unfollows') => summaries.reduce((n, s) => n + s[key], 0);
    expect(sum('posts')).toBeGreaterThan(0);
    expect(sum('follows')).toBeGreaterThan(10);
    expect(sum('unfollows')).toBeGreaterThan(0);
  });

  it('dates everything it adds within the tick, after the history', () => {
    const base = generateWorld({ seed: 11, anchor, residents: 6000 });
    const before = base.posts.length;
    const { world, summaries } = ticked(3);
    const added = world.posts.slice(before);
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((p) => p.createdAtMs >= anchor.getTime() && p.createdAtMs < summaries[2].atMs)).toBe(
      true,
    );
    expect(summaries.map((s) => s.atMs - anchor.getTime())).toEqual([60_000, 120_000, 180_000]);
  });

  it('keeps follow lists in time order so cursors stay valid', () => {
    const { world } = ticked(5);
    for (const c of world.councillors) {
      const index = c.accounts.bluesky;
      if (index === undefined) continue;
      const edges = world.followers(index);
      for (let i = 1; i < edges.length; i++) {
        expect(edges[i].seq).toBeGreaterThan(edges[i - 1].seq);
        expect(edges[i].createdAtMs).toBeGreaterThanOrEqual(edges[i - 1].createdAtMs);
      }
    }
  });
});
