import {
  answerDelayMs,
  publish,
  writeAnswer,
  writeMention,
  writeOriginal,
  writeResidentReply,
} from './post-writer';
import type { Prng } from './prng';
import type { World } from './world';
import { SOCIAL_PLATFORMS } from './world-model';
import type { Actor, Post, SocialPlatform } from './world-model';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
export const HISTORY_DAYS = 90;

/** How an account posts and answers. */
export interface PostingHabit {
  postsPerDay: number;
  answerRate: number;
}

export function habitOf(world: World, actor: Actor): PostingHabit {
  if (actor.councillorId !== null) {
    const c = world.councillors[actor.councillorId];
    return { postsPerDay: c.postsPerDay, answerRate: c.answerRate };
  }
  return { postsPerDay: 0.3, answerRate: 0.3 };
}

/** Accounts that publish (councillors and civic organisations), per platform. */
export function publishingAccounts(world: World): Actor[] {
  return world.actors.filter((a) => a.kind !== 'resident');
}

/** Picks a resident to interact with an account: mostly its followers, sometimes anyone. */
export function pickInteractingResident(
  world: World,
  prng: Prng,
  account: Actor,
  residents: Record<SocialPlatform, number[]>,
): number {
  const followers = world.followers(account.index);
  if (followers.length > 0 && prng.chance(0.7)) {
    const follower = followers[prng.int(0, followers.length - 1)].follower;
    if (world.actors[follower].kind === 'resident') return follower;
  }
  return prng.pick(residents[account.platform]);
}

/** Residents' replies to a post, some answered by the post's author, all before `untilMs`. */
export function addConversation(
  world: World,
  prng: Prng,
  post: Post,
  habit: PostingHabit,
  untilMs: number,
  residents: Record<SocialPlatform, number[]>,
): void {
  const author = world.actors[post.author];
  const mean =
    author.kind === 'councillor' ? Math.min(5, 0.15 + world.followers(author.index).length / 600) : 0.3;
  const count = prng.poisson(mean);
  for (let i = 0; i < count; i++) {
    const at = post.createdAtMs + 5 * 60_000 + prng.exponential(4 * HOUR_MS);
    if (at >= untilMs) continue;
    const resident = pickInteractingResident(world, prng, author, residents);
    const reply = publish(world, prng, writeResidentReply(world, prng, resident, post, at));
    maybeAnswer(world, prng, author.index, reply, habit, untilMs);
  }
}

/** The account answers a resident's post with probability `answerRate`, if the answer time is before `untilMs`. */
export function maybeAnswer(
  world: World,
  prng: Prng,
  account: number,
  residentPost: Post,
  habit: PostingHabit,
  untilMs: number,
): void {
  if (!prng.chance(habit.answerRate)) return;
  const at = residentPost.createdAtMs + answerDelayMs(prng);
  if (at < untilMs) publish(world, prng, writeAnswer(world, prng, account, residentPost, at));
}

/**
 * 90 days of history for every councillor and civic account: originals at each account's rate
 * (dormant councillors stopped 45+ days ago), residents' replies and mentions with answers, and
 * reposts of other local accounts.
 */
export function generatePostHistory(
  world: World,
  prng: Prng,
  residents: Record<SocialPlatform, number[]>,
): void {
  // Days run midnight to midnight (UTC) so posting hours look like a person's day.
  const start = Math.floor(world.anchorMs / DAY_MS) * DAY_MS - HISTORY_DAYS * DAY_MS;
  const accounts = publishingAccounts(world);
  const originals: Record<SocialPlatform, Post[]> = { bluesky: [], mastodon: [], x: [] };
  for (const account of accounts) {
    const habit = habitOf(world, account);
    for (let day = 0; day <= HISTORY_DAYS; day++) {
      const dayStart = start + day * DAY_MS;
      const count =
        habit.postsPerDay > 0
          ? prng.poisson(habit.postsPerDay)
          : day < HISTORY_DAYS - 45 && prng.chance(0.15)
            ? 1
            : 0;
      for (let i = 0; i < count; i++) {
        const at = dayStart + 7 * HOUR_MS + Math.floor(prng.next() * 15 * HOUR_MS);
        if (at >= world.anchorMs) continue;
        const post = publish(world, prng, writeOriginal(world, prng, account, at));
        originals[account.platform].push(post);
        addConversation(world, prng, post, habit, world.anchorMs, residents);
      }
    }
    if (account.kind === 'councillor') {
      const mentions = prng.poisson(HISTORY_DAYS * 0.04 * (1 + world.followers(account.index).length / 1500));
      for (let i = 0; i < mentions; i++) {
        const at = start + Math.floor(prng.next() * HISTORY_DAYS * DAY_MS);
        const resident = pickInteractingResident(world, prng, account, residents);
        const mention = publish(world, prng, writeMention(world, prng, resident, account, at));
        maybeAnswer(world, prng, account.index, mention, habit, world.anchorMs);
      }
    }
  }
  const byWard = new Map<string, Post[]>();
  for (const platform of SOCIAL_PLATFORMS) {
    for (const post of originals[platform]) {
      const key = `${platform}/${world.actors[post.author].wardCode}`;
      const list = byWard.get(key);
      if (list) list.push(post);
      else byWard.set(key, [post]);
    }
  }
  for (const account of accounts) {
    const habit = habitOf(world, account);
    const all = originals[account.platform];
    const sameWard = byWard.get(`${account.platform}/${account.wardCode}`) ?? [];
    if (all.length === 0) continue;
    const reposted = new Set<number>();
    const count = prng.poisson(habit.postsPerDay * HISTORY_DAYS * 0.25);
    for (let i = 0; i < count; i++) {
      // Mostly the ward's own organisations and colleagues.
      const original = prng.pick(sameWard.length > 0 && prng.chance(0.7) ? sameWard : all);
      if (original.author === account.index || reposted.has(original.index)) continue;
      const at = original.createdAtMs + 10 * 60_000 + Math.floor(prng.next() * 2 * DAY_MS);
      if (at >= world.anchorMs) continue;
      reposted.add(original.index);
      publish(world, prng, {
        author: account.index,
        kind: 'repost',
        createdAtMs: at,
        text: '',
        repostOf: original.index,
      });
      original.repostCount++;
    }
  }
}
