import { createHash } from 'node:crypto';
import { generateWorld } from './generate-world';
import { KIRKLEES_WARDS, MULTI_WARD_TOWNS } from './kirklees-wards';
import type { World } from './world';

const anchor = new Date('2026-11-01T12:00:00.000Z');

/** A digest of everything the world serves, to compare two worlds exactly. */
function digest(world: World): string {
  const hash = createHash('sha256');
  for (const a of world.actors) hash.update(JSON.stringify(a));
  for (const a of world.actors)
    for (const e of world.followers(a.index))
      hash.update(`${e.seq}:${e.follower}>${e.subject}@${e.createdAtMs}`);
  for (const p of world.posts) hash.update(JSON.stringify(p));
  for (const c of world.councillors) hash.update(JSON.stringify(c));
  for (const b of world.blogs.values()) hash.update(JSON.stringify(b));
  return hash.digest('hex');
}

describe('generateWorld', () => {
  let world: World;
  let generationMs: number;

  beforeAll(() => {
    const started = performance.now();
    world = generateWorld({ seed: 42, anchor });
    generationMs = performance.now() - started;
  });

  it('is deterministic: the same seed and anchor give the same world', () => {
    expect(digest(generateWorld({ seed: 42, anchor }))).toBe(digest(world));
  });

  it('gives a different world for a different seed', () => {
    expect(digest(generateWorld({ seed: 43, anchor, residents: 2000 }))).not.toBe(
      digest(generateWorld({ seed: 42, anchor, residents: 2000 })),
    );
  });

  it('generates the full-size world within a few seconds', () => {
    expect(generationMs).toBeLessThan(8000);
    expect(world.actors.filter((a) => a.kind === 'resident')).toHaveLength(48_000);
  });

  it('models the 23 Kirklees wards with three councillors each and realistic adult populations', () => {
    expect(world.wards.map((w) => w.code).sort()).toEqual(KIRKLEES_WARDS.map((w) => w.code).sort());
    expect(world.wards.every((w) => /^E05\d{6}$/.test(w.code))).toBe(true);
    expect(world.councillors).toHaveLength(69);
    for (const ward of world.wards) {
      expect(world.councillors.filter((c) => c.wardCode === ward.code)).toHaveLength(3);
      expect(ward.adults).toBeGreaterThanOrEqual(12_000);
      expect(ward.adults).toBeLessThanOrEqual(15_000);
    }
  });

  it('gives councillors a realistic mix of platforms, blogs and a pilot cohort', () => {
    const share = (test: (c: World['councillors'][number]) => boolean) =>
      world.councillors.filter(test).length / 69;
    expect(share((c) => c.accounts.bluesky !== undefined)).toBeGreaterThan(0.5);
    expect(share((c) => c.accounts.bluesky !== undefined)).toBeLessThan(0.9);
    expect(share((c) => c.accounts.mastodon !== undefined)).toBeGreaterThan(0.1);
    expect(share((c) => c.accounts.mastodon !== undefined)).toBeLessThan(0.4);
    expect(share((c) => c.blogSlug !== null)).toBeGreaterThan(0.08);
    expect(share((c) => c.blogSlug !== null)).toBeLessThan(0.35);
    const channels = (c: World['councillors'][number]) =>
      Number(c.accounts.bluesky !== undefined) +
      Number(c.accounts.mastodon !== undefined) +
      Number(c.blogSlug !== null);
    expect(world.councillors.some((c) => channels(c) === 0)).toBe(true);
    expect(world.councillors.some((c) => channels(c) >= 2)).toBe(true);
    expect(world.councillors.filter((c) => c.cohort !== null).length).toBe(8);
  });

  it('gives councillor accounts from a few dozen to thousands of followers, biased to their own ward', () => {
    const counts: number[] = [];
    const shares: number[] = [];
    for (const c of world.councillors) {
      for (const index of [c.accounts.bluesky, c.accounts.mastodon, c.accounts.x]) {
        if (index === undefined) continue;
        const followers = world.followers(index);
        counts.push(followers.length);
        const own = followers.filter((e) => world.actors[e.follower].wardCode === c.wardCode).length;
        // A random Kirklees resident is in a given ward about 1 time in 23.
        shares.push(own / followers.length);
      }
    }
    // Big audiences reach beyond the ward's residents, so even their local share stays well above chance.
    expect(Math.min(...shares)).toBeGreaterThan(0.1);
    expect(shares.sort((a, b) => a - b)[Math.floor(shares.length / 2)]).toBeGreaterThan(0.3);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(20);
    expect(Math.min(...counts)).toBeLessThan(100);
    expect(Math.max(...counts)).toBeGreaterThan(2000);
  });

  it('has overlapping audiences between councillors of the same ward', () => {
    let overlapping = 0;
    let pairs = 0;
    for (const ward of world.wards) {
      const accounts = world.councillors
        .filter((c) => c.wardCode === ward.code)
        .map((c) => c.accounts.bluesky)
        .filter((i): i is number => i !== undefined);
      for (let i = 0; i < accounts.length; i++) {
        for (let j = i + 1; j < accounts.length; j++) {
          pairs++;
          const a = new Set(world.followers(accounts[i]).map((e) => e.follower));
          if (world.followers(accounts[j]).some((e) => a.has(e.follower))) overlapping++;
        }
      }
    }
    expect(overlapping / pairs).toBeGreaterThan(0.8);
  });

  it('writes residents’ place signals consistently with the gazetteer of the ward they live in', () => {
    const placesOf = new Map<string, Set<string>>();
    for (const ward of world.wards) {
      const towns = Object.entries(MULTI_WARD_TOWNS)
        .filter(([, codes]) => codes.includes(ward.code))
        .map(([t]) => t);
      placesOf.set(ward.code, new Set([ward.name, ...ward.places, ...towns].map((p) => p.toLowerCase())));
    }
    const allPlaces = [...new Set([...placesOf.values()].flatMap((s) => [...s]))];
    const patterns = allPlaces.map(
      (place) => [place, new RegExp(`(^|[^a-z])${place.replace(/\s+/g, '\\s*')}([^a-z]|$)`, 'i')] as const,
    );
    const sectorOf = new Map<string, Set<string>>();
    for (const ward of world.wards)
      for (const s of ward.sectors) sectorOf.set(s, (sectorOf.get(s) ?? new Set()).add(ward.code));
    let withSignal = 0;
    const wrong: string[] = [];
    for (const resident of world.actors.filter((a) => a.kind === 'resident')) {
      const text = `${resident.bio} ${resident.location}`;
      for (const [place, pattern] of patterns) {
        if (!pattern.test(text)) continue;
        withSignal++;
        if (resident.wardCode === null || !placesOf.get(resident.wardCode)!.has(place)) {
          wrong.push(`${resident.wardCode}: ${text} (${place})`);
        }
      }
      for (const match of text.matchAll(/\b((?:HD|WF|BD)\d{1,2})\s?(\d)[A-Z]{2}\b/gi)) {
        withSignal++;
        const wards = sectorOf.get(`${match[1].toUpperCase()} ${match[2]}`);
        // A Kirklees sector places its writer in one of its wards; a local never writes a foreign one.
        const consistent = wards
          ? resident.wardCode !== null && wards.has(resident.wardCode)
          : resident.wardCode === null;
        if (!consistent) wrong.push(`${resident.wardCode}: ${text}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(withSignal).toBeGreaterThan(10_000);
  });

  it('writes every kind of profile signal the attribution must handle', () => {
    const texts = world.actors
      .filter((a) => a.kind === 'resident')
      .map((a) => `${a.bio} ${a.location}`.trim());
    const some = (pattern: RegExp) => texts.some((t) => pattern.test(t));
    expect(some(/\b[A-Z]{2}\d{1,2} \d[A-Z]{2}\b/)).toBe(true); // HD9 7AB
    expect(some(/\b[A-Z]{2}\d{1,2}\d[A-Z]{2}\b/)).toBe(true); // HD97AB
    expect(some(/\b[a-z]{2}\d{1,2} ?\d[a-z]{2}\b/)).toBe(true); // hd9 7ab
    expect(some(/^(HD|WF|BD)\d{1,2} \d$/)).toBe(true); // sector
    expect(some(/^(HD|WF|BD)\d{1,2}$/)).toBe(true); // district
    expect(some(/#[A-Z][a-z]+/)).toBe(true); // hashtag
    expect(some(/\bLeeds|Manchester|London\b/)).toBe(true);
    expect(some(/M25 commuter|B2B sales/)).toBe(true);
    expect(texts.filter((t) => t === '').length / texts.length).toBeGreaterThan(0.1);
  });

  it('keeps 90 days of history with originals, replies and reposts, some answered after 48 hours', () => {
    const start = anchor.getTime() - 91 * 86_400_000;
    const councillorPosts = world.posts.filter((p) => world.actors[p.author].kind === 'councillor');
    expect(councillorPosts.every((p) => p.createdAtMs >= start && p.createdAtMs < anchor.getTime())).toBe(
      true,
    );
    for (const kind of ['original', 'reply', 'repost'] as const)
      expect(councillorPosts.some((p) => p.kind === kind)).toBe(true);
    expect(
      councillorPosts.some((p) => p.links.some((l) => l.startsWith('https://www.kirklees.gov.uk/'))),
    ).toBe(true);
    const answers = councillorPosts.filter((p) => p.kind === 'reply' && p.replyParent !== null);
    const delays = answers.map((p) => p.createdAtMs - world.posts[p.replyParent!].createdAtMs);
    expect(delays.some((d) => d < 48 * 3_600_000)).toBe(true);
    expect(delays.some((d) => d > 48 * 3_600_000)).toBe(true);
    for (const post of world.posts)
      expect(post.replies.every((r) => world.posts[r].replyParent === post.index)).toBe(true);
  });
});
