import { writeBlogItem } from './generate-blogs';
import {
  addConversation,
  habitOf,
  maybeAnswer,
  pickInteractingResident,
  publishingAccounts,
} from './generate-posts';
import { tidFor } from './identifiers';
import { publish, writeOriginal, writeResidentReply } from './post-writer';
import { mixSeed, Prng } from './prng';
import type { World } from './world';
import type { SocialPlatform } from './world-model';

export const DEFAULT_TICK_MS = 60_000;

/** What one tick changed, for logs and tests. */
export interface TickSummary {
  tick: number;
  atMs: number;
  posts: number;
  follows: number;
  unfollows: number;
  blogItems: number;
}

/**
 * Advances the world by one tick. Everything is drawn from a stream keyed by the seed and the
 * tick number, and happens at `anchor + tick × intervalMs`, so the n-th tick always makes the same
 * changes whatever the wall clock says.
 */
export function tickWorld(
  world: World,
  intervalMs: number,
  residents: Record<SocialPlatform, number[]>,
): TickSummary {
  const tick = ++world.tickCount;
  const prng = new Prng(mixSeed(world.seed, 0x71c4 + tick * 31));
  const atMs = world.anchorMs + tick * intervalMs;
  const summary: TickSummary = { tick, atMs, posts: 0, follows: 0, unfollows: 0, blogItems: 0 };
  const postsBefore = world.posts.length;
  const scale = intervalMs / 86_400_000;
  for (const account of publishingAccounts(world)) {
    const habit = habitOf(world, account);
    // Posting and following keep their daily rates but at least some activity shows every tick.
    const posts = prng.poisson(Math.max(habit.postsPerDay * scale, habit.postsPerDay > 0 ? 0.02 : 0));
    for (let i = 0; i < posts; i++) {
      const post = publish(
        world,
        prng,
        writeOriginal(world, prng, account, atMs - prng.int(0, intervalMs - 1)),
      );
      addConversation(world, prng, post, habit, atMs, residents);
    }
    if (account.kind !== 'councillor') continue;
    const gained = prng.poisson(Math.max(0.3, world.followers(account.index).length * 0.002 * scale * 24));
    for (let i = 0; i < gained; i++) {
      const resident = prng.pick(residents[account.platform]);
      if (world.addFollow(resident, account.index, atMs, tidFor(atMs, prng.int(0, 1023)))) summary.follows++;
    }
    if (prng.chance(0.15)) {
      const followers = world.followers(account.index);
      if (followers.length > 0) {
        const edge = followers[prng.int(0, followers.length - 1)];
        if (world.removeFollow(edge.follower, edge.subject)) summary.unfollows++;
      }
    }
    const recent = world.postsBy(account.index).slice(-10);
    if (recent.length > 0 && prng.chance(0.2)) {
      const target = world.posts[prng.pick(recent)];
      if (target.kind !== 'repost') {
        const resident = pickInteractingResident(world, prng, account, residents);
        const reply = publish(
          world,
          prng,
          writeResidentReply(world, prng, resident, target, atMs - prng.int(0, intervalMs - 1)),
        );
        maybeAnswer(world, prng, account.index, reply, habit, atMs);
      }
    }
  }
  for (const blog of world.blogs.values()) {
    if (prng.chance(0.01)) {
      blog.items.push(writeBlogItem(world, prng, world.councillors[blog.councillorId], blog, atMs));
      summary.blogItems++;
    }
  }
  summary.posts = world.posts.length - postsBefore;
  return summary;
}
