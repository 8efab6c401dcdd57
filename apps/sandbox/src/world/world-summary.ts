import type { World } from './world';

/** Sizes of the world, for logs, the control endpoint and benchmarks. */
export interface WorldSummary {
  seed: number;
  anchor: string;
  ticks: number;
  wards: number;
  councillors: number;
  accounts: { bluesky: number; mastodon: number; x: number; blogs: number };
  councillorsWithNoAccount: number;
  councillorsOnTwoOrMore: number;
  cohort: number;
  residents: number;
  civicOrganisations: number;
  followEdges: number;
  councillorFollowerEdges: number;
  posts: number;
}

export function summariseWorld(world: World): WorldSummary {
  let bluesky = 0;
  let mastodon = 0;
  let x = 0;
  let none = 0;
  let twoOrMore = 0;
  let councillorFollowerEdges = 0;
  for (const c of world.councillors) {
    const channels =
      Number(c.accounts.bluesky !== undefined) +
      Number(c.accounts.mastodon !== undefined) +
      Number(c.accounts.x !== undefined) +
      Number(c.blogSlug !== null);
    if (channels === 0) none++;
    if (channels >= 2) twoOrMore++;
    if (c.accounts.bluesky !== undefined) {
      bluesky++;
      councillorFollowerEdges += world.followers(c.accounts.bluesky).length;
    }
    if (c.accounts.mastodon !== undefined) {
      mastodon++;
      councillorFollowerEdges += world.followers(c.accounts.mastodon).length;
    }
    if (c.accounts.x !== undefined) {
      x++;
      councillorFollowerEdges += world.followers(c.accounts.x).length;
    }
  }
  return {
    seed: world.seed,
    anchor: new Date(world.anchorMs).toISOString(),
    ticks: world.tickCount,
    wards: world.wards.length,
    councillors: world.councillors.length,
    accounts: { bluesky, mastodon, x, blogs: world.blogs.size },
    councillorsWithNoAccount: none,
    councillorsOnTwoOrMore: twoOrMore,
    cohort: world.councillors.filter((c) => c.cohort !== null).length,
    residents: world.actors.filter((a) => a.kind === 'resident').length,
    civicOrganisations: world.civicOrganisations.length,
    followEdges: world.edgeCount(),
    councillorFollowerEdges,
    posts: world.posts.length,
  };
}
