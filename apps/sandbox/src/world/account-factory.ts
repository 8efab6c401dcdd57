import { mastodonSnowflake, randomDidPlc, xSnowflake } from './identifiers';
import type { Prng } from './prng';
import type { World } from './world';
import type { Actor, ActorKind, SocialPlatform } from './world-model';

/** Instances Mastodon accounts live on; the sandbox serves them all from one server. */
export const MASTODON_INSTANCES: ReadonlyArray<readonly [string, number]> = [
  ['mastodon.social', 0.4],
  ['mas.to', 0.15],
  ['social.kirklees.example', 0.2],
  ['yorkshire.social', 0.15],
  ['fosstodon.org', 0.1],
];

export const BLUESKY_PDS_HOST = 'bsky.social';
export const X_DOMAIN = 'x.com';
const DAY_MS = 86_400_000;

export interface NewAccount {
  platform: SocialPlatform;
  kind: ActorKind;
  /** Bluesky: handle without the domain part ("jane-smith"); Mastodon and X: username. */
  name: string;
  /** Mastodon instance; defaults to a weighted pick. */
  instance?: string;
  displayName: string;
  bio: string;
  location: string;
  wardCode: string | null;
  councillorId?: number;
  civicName?: string;
  hideCollections?: boolean;
}

/** Creates an account with platform-shaped identifiers and a creation date 3 months to 12 years back. */
export function createAccount(world: World, prng: Prng, spec: NewAccount): Actor {
  let createdAtMs = world.anchorMs - prng.int(95, 365 * 12) * DAY_MS - prng.int(0, DAY_MS - 1);
  // Bluesky opened in 2023.
  if (spec.platform === 'bluesky')
    createdAtMs = Math.max(
      createdAtMs,
      Date.UTC(2023, 3, 1) + prng.int(0, 900) * DAY_MS + prng.int(0, DAY_MS - 1),
    );
  if (createdAtMs > world.anchorMs - 95 * DAY_MS) createdAtMs = world.anchorMs - prng.int(95, 400) * DAY_MS;
  let externalId: string;
  let handle: string;
  let domain: string;
  if (spec.platform === 'bluesky') {
    do externalId = randomDidPlc(prng);
    while (world.findBlueskyActor(externalId));
    domain = BLUESKY_PDS_HOST;
    handle = `${spec.name}.${domain}`;
  } else if (spec.platform === 'mastodon') {
    let sequence = world.actors.length;
    do externalId = mastodonSnowflake(createdAtMs, sequence++);
    while (world.findMastodonAccount(externalId));
    domain = spec.instance ?? prng.weighted(MASTODON_INSTANCES);
    handle = spec.name;
  } else {
    let sequence = world.actors.length;
    do externalId = xSnowflake(createdAtMs, sequence++);
    while (world.findXUserById(externalId));
    domain = X_DOMAIN;
    // X usernames are at most 15 characters of letters, digits and underscores, and unique.
    const base = spec.name.replace(/[^A-Za-z0-9_]/g, '').slice(0, 15);
    handle = base;
    for (let n = 2; world.findXUser(handle); n++) handle = `${base.slice(0, 15 - String(n).length)}${n}`;
  }
  return world.addActor({
    platform: spec.platform,
    kind: spec.kind,
    handle,
    domain,
    externalId,
    displayName: spec.displayName,
    bio: spec.bio,
    location: spec.location,
    wardCode: spec.wardCode,
    createdAtMs,
    hideCollections: spec.hideCollections ?? false,
    councillorId: spec.councillorId ?? null,
    civicName: spec.civicName ?? null,
  });
}

/** Lower-case, hyphenated, ASCII-only slug of a name. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
