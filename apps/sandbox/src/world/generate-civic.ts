import { createAccount, slugify } from './account-factory';
import { CIVIC_KINDS } from './name-lists';
import type { Prng } from './prng';
import type { World } from './world';

/** Creates 2–4 registered civic organisations per ward, each on Bluesky, Mastodon or both. */
export function generateCivicOrganisations(world: World, prng: Prng): void {
  for (const ward of world.wards) {
    const count = prng.int(2, 4);
    const kinds = prng.shuffle([...CIVIC_KINDS]).slice(0, count);
    for (const kind of kinds) {
      const name = `${prng.pick(ward.places)} ${kind}`;
      const slug = slugify(name);
      const organisation = {
        name,
        wardCode: ward.code,
        accounts: {} as Partial<Record<'bluesky' | 'mastodon', number>>,
      };
      const onBluesky = prng.chance(0.8);
      const onMastodon = !onBluesky || prng.chance(0.3);
      const bio = `${name}: volunteers working for ${ward.places[0]} and the wider ${ward.name} area.`;
      if (onBluesky) {
        organisation.accounts.bluesky = createAccount(world, prng, {
          platform: 'bluesky',
          kind: 'civic',
          name: slug,
          displayName: name,
          bio,
          location: '',
          wardCode: ward.code,
          civicName: name,
        }).index;
      }
      if (onMastodon) {
        organisation.accounts.mastodon = createAccount(world, prng, {
          platform: 'mastodon',
          kind: 'civic',
          name: slug.replace(/-/g, ''),
          instance: prng.chance(0.7) ? 'social.kirklees.example' : undefined,
          displayName: name,
          bio,
          location: ward.places[0],
          wardCode: ward.code,
          civicName: name,
        }).index;
      }
      world.civicOrganisations.push(organisation);
    }
  }
}
