import type { ResidentPools } from './generate-residents';
import { tidFor } from './identifiers';
import type { Prng } from './prng';
import type { World } from './world';
import { SOCIAL_PLATFORMS } from './world-model';
import type { Party, SocialPlatform } from './world-model';

export interface FollowOptions {
  /** Median followers of a councillor's Bluesky account (log-normal). */
  medianFollowers: Record<SocialPlatform, number>;
  maxFollowers: number;
}

/** Adds a follow with a creation time after both accounts existed. */
export function follow(world: World, prng: Prng, follower: number, subject: number): void {
  const earliest = Math.max(world.actors[follower].createdAtMs, world.actors[subject].createdAtMs);
  const createdAtMs = earliest + Math.floor(prng.next() * (world.anchorMs - earliest));
  world.addFollow(follower, subject, createdAtMs, tidFor(createdAtMs, prng.int(0, 1023)));
}

/**
 * Builds the follow graph. Councillor audiences are mostly residents and biased to their own ward:
 * each draws a contiguous window of its ward's shuffled resident list, so colleagues of the same
 * ward overlap, and a share of a per-party pool of activists, so colleagues of the same party
 * overlap. Civic organisations follow each other and their ward's councillors.
 */
export function generateFollows(
  world: World,
  prng: Prng,
  pools: ResidentPools,
  options: FollowOptions,
): void {
  const wardPools = new Map<string, Record<SocialPlatform, number[]>>();
  for (const [code, byPlatform] of pools.byWard) {
    wardPools.set(code, {
      bluesky: prng.shuffle([...byPlatform.bluesky]),
      mastodon: prng.shuffle([...byPlatform.mastodon]),
      x: prng.shuffle([...byPlatform.x]),
    });
  }
  const allLocal: Record<SocialPlatform, number[]> = { bluesky: [], mastodon: [], x: [] };
  for (const byPlatform of pools.byWard.values()) {
    allLocal.bluesky.push(...byPlatform.bluesky);
    allLocal.mastodon.push(...byPlatform.mastodon);
    allLocal.x.push(...byPlatform.x);
  }
  const partyPools = new Map<string, number[]>();
  const partyPool = (party: Party, platform: SocialPlatform): number[] => {
    const key = `${party}/${platform}`;
    let pool = partyPools.get(key);
    if (!pool) {
      pool = [];
      const size = platform === 'mastodon' ? 120 : 400;
      for (let i = 0; i < size; i++)
        pool.push(prng.chance(0.7) ? prng.pick(allLocal[platform]) : prng.pick(pools.elsewhere[platform]));
      partyPools.set(key, pool);
    }
    return pool;
  };

  for (const councillor of world.councillors) {
    for (const platform of SOCIAL_PLATFORMS) {
      const subject = councillor.accounts[platform];
      if (subject === undefined) continue;
      const median = options.medianFollowers[platform];
      const wardPool = wardPools.get(councillor.wardCode)![platform];
      // At most eight times the ward's residents on the platform, so the audience stays ward-biased.
      const cap = Math.min(options.maxFollowers, Math.max(25, wardPool.length * 8));
      const target = Math.round(Math.min(cap, Math.max(25, prng.logNormal(median, 1.0))));
      const localShare = 0.3 + prng.next() * 0.45;
      const local = Math.min(Math.round(target * localShare), Math.floor(wardPool.length * 0.9));
      const start = prng.int(0, Math.max(0, wardPool.length - 1));
      for (let i = 0; i < local; i++) follow(world, prng, wardPool[(start + i) % wardPool.length], subject);
      const activists = partyPool(councillor.party, platform);
      // Activists make up at most about 15% of an audience, so small accounts stay local.
      const activistChance = Math.min(0.2, (0.15 * target) / activists.length);
      for (const activist of activists)
        if (prng.chance(activistChance)) follow(world, prng, activist, subject);
      let remaining = target - world.followers(subject).length;
      let attempts = remaining * 3;
      while (remaining > 0 && attempts-- > 0) {
        const source = prng.chance(0.3) ? allLocal[platform] : pools.elsewhere[platform];
        const follower = prng.pick(source);
        if (!world.hasFollow(follower, subject)) {
          follow(world, prng, follower, subject);
          remaining--;
        }
      }
    }
  }

  for (const organisation of world.civicOrganisations) {
    for (const platform of SOCIAL_PLATFORMS) {
      const subject = organisation.accounts[platform];
      if (subject === undefined) continue;
      const wardPool = wardPools.get(organisation.wardCode)![platform];
      const count = Math.min(
        wardPool.length,
        Math.round(prng.logNormal(platform === 'mastodon' ? 40 : 120, 0.8)),
      );
      const start = prng.int(0, Math.max(0, wardPool.length - 1));
      for (let i = 0; i < count; i++) follow(world, prng, wardPool[(start + i) % wardPool.length], subject);
      for (const other of world.civicOrganisations) {
        const target = other.accounts[platform];
        if (target === undefined || target === subject) continue;
        if (prng.chance(other.wardCode === organisation.wardCode ? 0.7 : 0.05))
          follow(world, prng, subject, target);
      }
      for (const councillor of world.councillors) {
        const target = councillor.accounts[platform];
        if (target === undefined) continue;
        if (prng.chance(councillor.wardCode === organisation.wardCode ? 0.6 : 0.02))
          follow(world, prng, subject, target);
      }
    }
  }

  for (const councillor of world.councillors) {
    for (const platform of SOCIAL_PLATFORMS) {
      const self = councillor.accounts[platform];
      if (self === undefined) continue;
      for (const other of world.councillors) {
        const target = other.accounts[platform];
        if (target === undefined) continue;
        const p =
          other.wardCode === councillor.wardCode ? 0.8 : other.party === councillor.party ? 0.35 : 0.05;
        if (prng.chance(p)) follow(world, prng, self, target);
      }
      // Half the ward's civic organisations, so the rest show up as suggested connections.
      for (const organisation of world.civicOrganisations) {
        const target = organisation.accounts[platform];
        if (target !== undefined && organisation.wardCode === councillor.wardCode && prng.chance(0.5))
          follow(world, prng, self, target);
      }
      const followBacks = world
        .followers(self)
        .filter(() => prng.chance(0.08))
        .slice(0, 250);
      for (const edge of followBacks) follow(world, prng, self, edge.follower);
    }
  }
}
