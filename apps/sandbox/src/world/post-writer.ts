import { mastodonSnowflake, tidFor, xSnowflake } from './identifiers';
import { COUNCIL_PAGES, OTHER_LINKS, POSTING_TOPICS } from './name-lists';
import type { Prng } from './prng';
import type { World } from './world';
import type { Actor, Post, PostKind } from './world-model';

const HOUR_MS = 3_600_000;

export interface PostSpec {
  author: number;
  kind: PostKind;
  createdAtMs: number;
  text: string;
  links?: string[];
  mentions?: number[];
  replyParent?: number | null;
  repostOf?: number | null;
}

/** Adds a post with its identifiers and engagement counts scaled to the author's audience. */
export function publish(world: World, prng: Prng, spec: PostSpec): Post {
  // Waiting times are drawn as real numbers; posts carry whole milliseconds like the platforms.
  const createdAtMs = Math.floor(spec.createdAtMs);
  const author = world.actors[spec.author];
  const audience = world.followers(spec.author).length;
  const parent = spec.replyParent == null ? null : world.posts[spec.replyParent];
  const isResident = author.kind === 'resident';
  const likeCount =
    spec.kind === 'repost' ? 0 : Math.round(prng.logNormal(isResident ? 0.6 : 1 + audience * 0.015, 0.9));
  return world.addPost({
    platform: author.platform,
    author: spec.author,
    createdAtMs,
    kind: spec.kind,
    text: spec.text,
    links: spec.links ?? [],
    mentions: spec.mentions ?? [],
    replyParent: parent ? parent.index : null,
    replyRoot: parent ? (parent.replyRoot ?? parent.index) : null,
    repostOf: spec.repostOf ?? null,
    likeCount,
    repostCount: spec.kind === 'repost' ? 0 : Math.round(likeCount * prng.next() * 0.3),
    quoteCount: spec.kind === 'repost' || prng.chance(0.9) ? 0 : prng.int(1, 3),
    rkey: tidFor(createdAtMs, prng.int(0, 1023)),
    statusId:
      author.platform === 'x'
        ? xSnowflake(createdAtMs, world.posts.length)
        : mastodonSnowflake(createdAtMs, world.posts.length),
  });
}

/** An original post by a councillor or a civic organisation, sometimes linking to the council's site. */
export function writeOriginal(world: World, prng: Prng, author: Actor, createdAtMs: number): PostSpec {
  const ward = author.wardCode ? world.wardByCode(author.wardCode) : undefined;
  const place = ward ? prng.pick(ward.places) : 'Kirklees';
  const topic = prng.pick(POSTING_TOPICS);
  const linkKind = prng.weighted<'council' | 'other' | 'none'>([
    ['council', 0.25],
    ['other', 0.1],
    ['none', 0.65],
  ]);
  const link =
    linkKind === 'council'
      ? `https://www.kirklees.gov.uk/beta/${prng.pick(COUNCIL_PAGES)}/index.aspx`
      : linkKind === 'other'
        ? `${prng.pick(OTHER_LINKS)}${prng.int(1000, 99999)}`
        : null;
  const templates =
    linkKind === 'council'
      ? [
          `Update on ${topic} in ${place}: ${link}`,
          `Kirklees Council is consulting on ${topic}. Have your say: ${link}`,
        ]
      : linkKind === 'other'
        ? [`Worth a read about ${topic}: ${link}`, `In the news today, ${topic} in ${place}: ${link}`]
        : [
            `Great to see ${topic} sorted in ${place} today. Thanks to everyone who reported it.`,
            `Ward surgery this Saturday at ${place} library, 10 till 12. Come and talk to me about ${topic}.`,
            `Out in ${place} this morning looking at ${topic}. More soon.`,
            `Full council meeting tonight: ${topic} is on the agenda.`,
            `Lovely afternoon at the ${place} community event. Thank you to the volunteers!`,
          ];
  return {
    author: author.index,
    kind: 'original',
    createdAtMs,
    text: prng.pick(templates),
    links: link ? [link] : [],
  };
}

/** A resident's reply to a post. */
export function writeResidentReply(
  world: World,
  prng: Prng,
  resident: number,
  parent: Post,
  createdAtMs: number,
): PostSpec {
  const wardCode = world.actors[resident].wardCode;
  const ward = wardCode === null ? undefined : world.wardByCode(wardCode);
  const topic = prng.pick(POSTING_TOPICS);
  const text = prng.pick([
    `Any news on ${topic}?`,
    'Thanks for sorting this!',
    `What about ${topic} on our street${ward ? ` in ${prng.pick(ward.places)}` : ''}?`,
    'Is there a date for this yet?',
    `Still waiting to hear back about ${topic}.`,
  ]);
  return { author: resident, kind: 'reply', createdAtMs, text, replyParent: parent.index };
}

/** A resident's original post that mentions an account. */
export function writeMention(
  world: World,
  prng: Prng,
  resident: number,
  mentioned: Actor,
  createdAtMs: number,
): PostSpec {
  const at =
    mentioned.platform === 'mastodon' ? `@${mentioned.handle}@${mentioned.domain}` : `@${mentioned.handle}`;
  const text = prng.pick([
    `${at} can you help with ${prng.pick(POSTING_TOPICS)}?`,
    `Thanks ${at} for coming along today`,
    `${at} who do I contact about ${prng.pick(POSTING_TOPICS)}?`,
  ]);
  return { author: resident, kind: 'original', createdAtMs, text, mentions: [mentioned.index] };
}

/** The account's answer to a resident. */
export function writeAnswer(
  world: World,
  prng: Prng,
  author: number,
  parent: Post,
  createdAtMs: number,
): PostSpec {
  const name = world.actors[parent.author].displayName.split(' ')[0] || 'there';
  const text = prng.pick([
    `Thanks ${name}, I've raised it with officers and will update you.`,
    `Hi ${name}, drop me a message with the details and I'll chase it.`,
    `Good question ${name}: it's on the agenda for next month.`,
    `Glad it helped, ${name}!`,
  ]);
  return { author, kind: 'reply', createdAtMs, text, replyParent: parent.index };
}

/**
 * Waiting time before an answer: three in four within 48 hours (mean 6 h), the rest 2–6 days,
 * so the responsiveness figure has both sides to count.
 */
export function answerDelayMs(prng: Prng): number {
  return prng.chance(0.75)
    ? Math.min(47 * HOUR_MS, prng.exponential(6 * HOUR_MS) + 10 * 60_000)
    : (49 + prng.next() * 95) * HOUR_MS;
}
