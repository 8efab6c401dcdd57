import { createAccount, slugify } from './account-factory';
import { FIRST_NAMES, LAST_NAMES } from './name-lists';
import type { Prng } from './prng';
import type { World } from './world';
import type { Councillor, Party } from './world-model';

export const PILOT_COHORT = 'Networked Councillor pilot';

const PARTY_WEIGHTS: ReadonlyArray<readonly [Party, number]> = [
  ['Labour', 0.45],
  ['Conservative', 0.25],
  ['Liberal Democrat', 0.12],
  ['Green', 0.08],
  ['Independent', 0.1],
];

export interface CouncillorOptions {
  perWard: number;
  blueskyShare: number;
  mastodonShare: number;
  xShare: number;
  blogShare: number;
  cohortSize: number;
}

/**
 * Creates the councillors of every ward and their accounts. Each ward leans to one party; each
 * councillor gets a posting rate and an answer rate so the council shows the full range the
 * support flags look for (dormant, broadcasting only, single platform, none at all).
 */
export function generateCouncillors(world: World, prng: Prng, options: CouncillorOptions): void {
  const usedNames = new Set<string>();
  // Exact shares (rounded), drawn independently per platform, so every seed has the same mix.
  const seats = world.wards.length * options.perWard;
  const chosen = (share: number) =>
    new Set(prng.shuffle([...Array(seats).keys()]).slice(0, Math.round(share * seats)));
  const onBluesky = chosen(options.blueskyShare);
  const onMastodon = chosen(options.mastodonShare);
  const onX = chosen(options.xShare);
  const withBlog = chosen(options.blogShare);
  for (const ward of world.wards) {
    const leading = prng.weighted(PARTY_WEIGHTS);
    for (let seat = 0; seat < options.perWard; seat++) {
      let first: string;
      let last: string;
      do {
        first = prng.pick(FIRST_NAMES);
        last = prng.pick(LAST_NAMES);
      } while (usedNames.has(`${first} ${last}`));
      usedNames.add(`${first} ${last}`);
      const name = `${first} ${last}`;
      const party = prng.chance(0.75) ? leading : prng.weighted(PARTY_WEIGHTS);
      const councillor: Councillor = {
        id: world.councillors.length,
        name,
        party,
        wardCode: ward.code,
        cohort: null,
        accounts: {},
        blogSlug: null,
        formerHandles: {},
        answerRate: prng.weighted<number>([
          [0, 0.2],
          [prng.next() * 0.4, 0.35],
          [0.4 + prng.next() * 0.55, 0.45],
        ]),
        postsPerDay: prng.weighted<number>([
          [2 + prng.next() * 2, 0.15],
          [0.7 + prng.next() * 0.8, 0.3],
          [0.2 + prng.next() * 0.4, 0.3],
          [0.05 + prng.next() * 0.1, 0.15],
          [0, 0.1],
        ]),
      };
      world.councillors.push(councillor);
      const bio = `${party} councillor for ${ward.name} ward, Kirklees Council. ${prng.pick(ward.places)} born and bred.`;
      const slug = slugify(name);
      if (onBluesky.has(councillor.id)) {
        const actor = createAccount(world, prng, {
          platform: 'bluesky',
          kind: 'councillor',
          name: prng.chance(0.5) ? `cllr-${slug}` : `${slug}-kirklees`,
          displayName: `Cllr ${name}`,
          bio,
          location: '',
          wardCode: ward.code,
          councillorId: councillor.id,
        });
        councillor.accounts.bluesky = actor.index;
      }
      if (onMastodon.has(councillor.id)) {
        const actor = createAccount(world, prng, {
          platform: 'mastodon',
          kind: 'councillor',
          name: `cllr${slug.replace(/-/g, '')}`,
          displayName: `Cllr ${name}`,
          bio,
          location: `${ward.name}, Kirklees`,
          wardCode: ward.code,
          councillorId: councillor.id,
          // A few councillors hide their follower lists, as Mastodon allows.
          hideCollections: prng.chance(0.1),
        });
        councillor.accounts.mastodon = actor.index;
      }
      if (onX.has(councillor.id)) {
        const actor = createAccount(world, prng, {
          platform: 'x',
          kind: 'councillor',
          name: `Cllr${first}${last}`,
          displayName: `Cllr ${name}`,
          bio,
          location: `${ward.name}, Kirklees`,
          wardCode: ward.code,
          councillorId: councillor.id,
        });
        councillor.accounts.x = actor.index;
      }
      if (withBlog.has(councillor.id)) councillor.blogSlug = slug;
    }
  }
  // One councillor deleted their Bluesky account; the roster was never updated.
  const withoutBluesky = world.councillors.filter((c) => c.accounts.bluesky === undefined);
  if (withoutBluesky.length > 0) {
    const stale = prng.pick(withoutBluesky);
    stale.formerHandles.bluesky = `cllr-${slugify(stale.name)}.bsky.social`;
  }
  const candidates = prng.shuffle(world.councillors.filter((c) => c.postsPerDay > 0).map((c) => c.id));
  for (const id of candidates.slice(0, options.cohortSize)) world.councillors[id].cohort = PILOT_COHORT;
}
