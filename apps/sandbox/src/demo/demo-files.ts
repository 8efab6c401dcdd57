import { blogFeedPath } from '../blogs/blog-feeds';
import { postcodeInSector } from '../world/profile-text';
import { KIRKLEES_WARDS, MULTI_WARD_TOWNS } from '../world/kirklees-wards';
import { wardBoundaries } from '../world/ward-boundaries';
import type { WardFeatureCollection } from '../world/ward-boundaries';
import { mixSeed, Prng } from '../world/prng';
import type { World } from '../world/world';
import { toCsv } from './csv';

/**
 * The files a council admin loads into wardreach, as the sandbox's council would supply them.
 * Feed URLs are absolute, on the sandbox's own base URL.
 */

/** What a roster may carry beyond the default columns and accounts. */
export interface RosterExtras {
  /** An `x` column, for a demo that also points the X collector (with a bearer token) at the sandbox. */
  x: boolean;
  /** Handles of deleted accounts, as a stale roster lists them (the platforms answer "not found"). */
  former: boolean;
}

/** name,party,ward_code,ward_name,bluesky,mastodon,rss,cohort (then `x` when asked). */
export function rosterCsv(
  world: World,
  baseUrl: string,
  extras: RosterExtras = { x: false, former: false },
): string {
  const includeX = extras.x;
  const rows = world.councillors.map((c) => {
    const ward = world.wardByCode(c.wardCode)!;
    const bluesky =
      c.accounts.bluesky === undefined
        ? ((extras.former ? c.formerHandles.bluesky : undefined) ?? '')
        : world.actors[c.accounts.bluesky].handle;
    const mastodonActor = c.accounts.mastodon === undefined ? undefined : world.actors[c.accounts.mastodon];
    const mastodon = mastodonActor ? `@${mastodonActor.handle}@${mastodonActor.domain}` : '';
    const blog = c.blogSlug === null ? undefined : world.blogs.get(c.blogSlug);
    const rss = blog ? new URL(blogFeedPath(blog), baseUrl).toString() : '';
    const row = [c.name, c.party, c.wardCode, ward.name, bluesky, mastodon, rss, c.cohort ?? ''];
    if (includeX) row.push(c.accounts.x === undefined ? '' : `@${world.actors[c.accounts.x].handle}`);
    return row;
  });
  const header = ['name', 'party', 'ward_code', 'ward_name', 'bluesky', 'mastodon', 'rss', 'cohort'];
  return toCsv(includeX ? [...header, 'x'] : header, rows);
}

/** ward_code,ward_name,kind,value with kind in place/postcode_district/postcode_sector/postcode. */
export function gazetteerCsv(world: World): string {
  const prng = new Prng(mixSeed(world.seed, 0x9a2e));
  const rows: Array<[string, string, string, string]> = [];
  for (const ward of world.wards) {
    const towns = Object.entries(MULTI_WARD_TOWNS)
      .filter(([, codes]) => codes.includes(ward.code))
      .map(([town]) => town);
    for (const place of new Set([ward.name, ...ward.places, ...towns]))
      rows.push([ward.code, ward.name, 'place', place]);
    for (const district of ward.districts) rows.push([ward.code, ward.name, 'postcode_district', district]);
    for (const sector of ward.sectors) rows.push([ward.code, ward.name, 'postcode_sector', sector]);
    // A few full postcodes, as a council's own list would carry for its buildings.
    for (let i = 0; i < 2; i++)
      rows.push([ward.code, ward.name, 'postcode', postcodeInSector(prng, prng.pick(ward.sectors))]);
  }
  return toCsv(['ward_code', 'ward_name', 'kind', 'value'], rows);
}

export function wardsGeoJson(world: World): WardFeatureCollection {
  return wardBoundaries(KIRKLEES_WARDS, world.seed);
}

/** ward_code,adults */
export function populationCsv(world: World): string {
  return toCsv(
    ['ward_code', 'adults'],
    world.wards.map((w) => [w.code, w.adults]),
  );
}

/** ward_code,name,platform,handle: one row per account of each registered civic organisation. */
export function civicCsv(world: World): string {
  const rows: string[][] = [];
  for (const organisation of world.civicOrganisations) {
    for (const platform of ['bluesky', 'mastodon'] as const) {
      const index = organisation.accounts[platform];
      if (index === undefined) continue;
      const actor = world.actors[index];
      rows.push([
        organisation.wardCode,
        organisation.name,
        platform,
        platform === 'bluesky' ? actor.handle : `@${actor.handle}@${actor.domain}`,
      ]);
    }
  }
  return toCsv(['ward_code', 'name', 'platform', 'handle'], rows);
}
