import { generateBlogs } from './generate-blogs';
import { generateCivicOrganisations } from './generate-civic';
import { generateCouncillors } from './generate-councillors';
import { generateFollows } from './generate-follows';
import { generatePostHistory } from './generate-posts';
import { generateResidents } from './generate-residents';
import { KIRKLEES_WARDS } from './kirklees-wards';
import { mixSeed, Prng } from './prng';
import { World } from './world';
import type { SocialPlatform, Ward } from './world-model';

export interface WorldOptions {
  seed: number;
  /** Where the 90 days of history end. */
  anchor: Date;
  /** Residents with a public account; defaults to 48,000. */
  residents?: number;
}

/**
 * Generates the whole council deterministically from the seed and anchor. Each stage draws from
 * its own stream so that changing one stage's draws leaves the others' output unchanged.
 */
export function generateWorld(options: WorldOptions): World {
  const seed = options.seed | 0;
  const stream = (purpose: number) => new Prng(mixSeed(seed, purpose));
  const wardPrng = stream(1);
  const wards: Ward[] = KIRKLEES_WARDS.map((w) => ({
    code: w.code,
    name: w.name,
    adults: wardPrng.int(12_000, 15_000),
    places: w.places,
    sectors: w.sectors,
    districts: [...new Set(w.sectors.map((s) => s.split(' ')[0]))],
  }));
  const world = new World(seed, options.anchor.getTime(), wards);
  const pools = generateResidents(world, stream(2), {
    count: options.residents ?? 48_000,
    localShare: 0.7,
    blueskyShare: 0.62,
    xShare: 0.2,
  });
  generateCouncillors(world, stream(3), {
    perWard: 3,
    blueskyShare: 0.7,
    mastodonShare: 0.25,
    xShare: 0.3,
    blogShare: 0.2,
    cohortSize: 8,
  });
  generateCivicOrganisations(world, stream(4));
  generateFollows(world, stream(5), pools, {
    medianFollowers: { bluesky: 420, mastodon: 140, x: 500 },
    maxFollowers: 6000,
  });
  world.sortFollowLists();
  generatePostHistory(world, stream(6), residentsByPlatform(world));
  generateBlogs(world, stream(7));
  return world;
}

/** Every resident's actor index, per platform. */
export function residentsByPlatform(world: World): Record<SocialPlatform, number[]> {
  const result: Record<SocialPlatform, number[]> = { bluesky: [], mastodon: [], x: [] };
  for (const actor of world.actors) if (actor.kind === 'resident') result[actor.platform].push(actor.index);
  return result;
}
