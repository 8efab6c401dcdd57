import { createAccount, slugify } from './account-factory';
import { FIRST_NAMES, LAST_NAMES } from './name-lists';
import { placedProfileText } from './profile-text';
import type { Prng } from './prng';
import type { World } from './world';
import type { SocialPlatform } from './world-model';

/** Resident actor indexes by the ward they really live in (or elsewhere), per platform. */
export interface ResidentPools {
  byWard: Map<string, Record<SocialPlatform, number[]>>;
  elsewhere: Record<SocialPlatform, number[]>;
}

export interface ResidentOptions {
  /** Total residents with a public account. */
  count: number;
  /** Share who live in Kirklees (the rest live elsewhere). */
  localShare: number;
  /** Share of accounts on Bluesky and on X (the rest on Mastodon). */
  blueskyShare: number;
  xShare: number;
}

/** Creates the resident pool; wards receive residents in proportion to their adult population. */
export function generateResidents(world: World, prng: Prng, options: ResidentOptions): ResidentPools {
  const pools: ResidentPools = { byWard: new Map(), elsewhere: { bluesky: [], mastodon: [], x: [] } };
  for (const ward of world.wards) pools.byWard.set(ward.code, { bluesky: [], mastodon: [], x: [] });
  const wardWeights = world.wards.map((w) => [w, w.adults] as const);
  for (let i = 0; i < options.count; i++) {
    const ward = prng.chance(options.localShare) ? prng.weighted(wardWeights) : null;
    const platform = prng.weighted<SocialPlatform>([
      ['bluesky', options.blueskyShare],
      ['x', options.xShare],
      ['mastodon', 1 - options.blueskyShare - options.xShare],
    ]);
    const first = prng.pick(FIRST_NAMES);
    const last = prng.pick(LAST_NAMES);
    const profile = placedProfileText(prng, ward);
    const displayName = prng.weighted<string>([
      [`${first} ${last}`, 0.5],
      [first, 0.3],
      [`${first} ${last[0]}.`, 0.15],
      ['', 0.05],
    ]);
    const base = slugify(`${first}${prng.chance(0.5) ? last : last.slice(0, 3)}`).replace(/-/g, '');
    const name =
      platform === 'bluesky' ? `${base}${i}` : platform === 'x' ? `${base.slice(0, 8)}_${i}` : `${base}_${i}`;
    const actor = createAccount(world, prng, {
      platform,
      kind: 'resident',
      name,
      displayName,
      bio: profile.bio,
      location: platform === 'bluesky' ? '' : profile.location,
      wardCode: ward?.code ?? null,
      hideCollections: platform === 'mastodon' && prng.chance(0.05),
    });
    // Bluesky has no location field: the place goes in the bio.
    if (platform === 'bluesky' && profile.location !== '') {
      actor.bio = actor.bio === '' ? profile.location : `${actor.bio} · ${profile.location}`;
    }
    (ward ? pools.byWard.get(ward.code)! : pools.elsewhere)[platform].push(actor.index);
  }
  return pools;
}
