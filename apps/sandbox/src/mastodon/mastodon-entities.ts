import type { World } from '../world/world';
import type { Actor, Post } from '../world/world-model';

/** Builders for Mastodon REST entities (Account, Status, Context), following docs.joinmastodon.org. */

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Mastodon's rendering of a link: scheme and "www." hidden, long paths elided. */
function linkHtml(url: string): string {
  const match = /^(https?:\/\/(?:www\.)?)(.*)$/.exec(url)!;
  const visible = match[2].slice(0, 30);
  const rest = match[2].slice(30);
  return `<a href="${escapeHtml(url)}" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">${escapeHtml(match[1])}</span><span class="${rest ? 'ellipsis' : ''}">${escapeHtml(visible)}</span><span class="invisible">${escapeHtml(rest)}</span></a>`;
}

function mentionHtml(actor: Actor): string {
  return `<span class="h-card" translate="no"><a href="https://${actor.domain}/@${actor.handle}" class="u-url mention">@<span>${escapeHtml(actor.handle)}</span></a></span>`;
}

/** The acct as the serving instance writes it: bare for its own users, user@domain for others. */
export function acctOf(actor: Actor, requestHost: string | undefined): string {
  return requestHost !== undefined && requestHost.split(':')[0] === actor.domain
    ? actor.handle
    : `${actor.handle}@${actor.domain}`;
}

function dayStart(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 10)}T00:00:00.000Z`;
}

/** Account entity, with the bio as `note` HTML and the location as a profile field. */
export function accountEntity(
  world: World,
  actor: Actor,
  requestHost: string | undefined,
): Record<string, unknown> {
  const posts = world.postsBy(actor.index);
  const last = posts.length > 0 ? world.posts[posts[posts.length - 1]].createdAtMs : null;
  const fields: Array<{ name: string; value: string; verified_at: string | null }> = [];
  if (actor.location) fields.push({ name: 'Location', value: escapeHtml(actor.location), verified_at: null });
  if (actor.kind === 'councillor') {
    fields.push({
      name: 'Council',
      value: linkHtml('https://www.kirklees.gov.uk/beta/councillors-and-democracy/index.aspx'),
      verified_at: null,
    });
  }
  const avatar =
    actor.index % 7 === 3
      ? `https://${actor.domain}/avatars/original/missing.png`
      : `https://${actor.domain}/system/accounts/avatars/${actor.externalId}/original/avatar.png`;
  return {
    id: actor.externalId,
    username: actor.handle,
    acct: acctOf(actor, requestHost),
    display_name: actor.displayName,
    locked: false,
    bot: false,
    discoverable: true,
    indexable: actor.kind !== 'resident',
    group: false,
    created_at: dayStart(actor.createdAtMs),
    note: actor.bio ? `<p>${escapeHtml(actor.bio)}</p>` : '',
    url: `https://${actor.domain}/@${actor.handle}`,
    uri: `https://${actor.domain}/users/${actor.handle}`,
    avatar,
    avatar_static: avatar,
    header: `https://${actor.domain}/headers/original/missing.png`,
    header_static: `https://${actor.domain}/headers/original/missing.png`,
    followers_count: world.followers(actor.index).length,
    following_count: world.follows(actor.index).length,
    statuses_count: posts.length,
    last_status_at: last === null ? null : new Date(last).toISOString().slice(0, 10),
    hide_collections: actor.hideCollections,
    noindex: false,
    emojis: [],
    roles: [],
    fields,
  };
}

function statusUrl(actor: Actor, id: string): { uri: string; url: string } {
  return {
    uri: `https://${actor.domain}/users/${actor.handle}/statuses/${id}`,
    url: `https://${actor.domain}/@${actor.handle}/${id}`,
  };
}

/** Status entity; a reblog is a wrapper status whose `reblog` is the original. */
export function statusEntity(
  world: World,
  post: Post,
  requestHost: string | undefined,
): Record<string, unknown> {
  const author = world.actors[post.author];
  const common = {
    id: post.statusId,
    created_at: new Date(post.createdAtMs).toISOString(),
    sensitive: false,
    spoiler_text: '',
    visibility: 'public',
    language: 'en',
    edited_at: null,
    favourited: false,
    reblogged: false,
    muted: false,
    bookmarked: false,
    application: null,
    account: accountEntity(world, author, requestHost),
    media_attachments: [],
    emojis: [],
    poll: null,
  };
  if (post.kind === 'repost' && post.repostOf !== null) {
    const uri = `https://${author.domain}/users/${author.handle}/statuses/${post.statusId}/activity`;
    return {
      ...common,
      in_reply_to_id: null,
      in_reply_to_account_id: null,
      uri,
      url: uri,
      replies_count: 0,
      reblogs_count: 0,
      favourites_count: 0,
      quotes_count: 0,
      content: '',
      reblog: statusEntity(world, world.posts[post.repostOf], requestHost),
      mentions: [],
      tags: [],
      card: null,
    };
  }
  const parent = post.replyParent === null ? null : world.posts[post.replyParent];
  const mentioned = [...(parent ? [parent.author] : []), ...post.mentions].filter(
    (a, i, all) => all.indexOf(a) === i && a !== post.author,
  );
  let body = escapeHtml(post.text);
  for (const link of post.links) body = body.replace(escapeHtml(link), linkHtml(link));
  for (const index of post.mentions) {
    const actor = world.actors[index];
    body = body.replace(escapeHtml(`@${actor.handle}@${actor.domain}`), mentionHtml(actor));
  }
  // Replies start with a mention of the author answered, as Mastodon clients write them.
  if (parent && parent.author !== post.author) body = `${mentionHtml(world.actors[parent.author])} ${body}`;
  return {
    ...common,
    in_reply_to_id: parent ? parent.statusId : null,
    in_reply_to_account_id: parent ? world.actors[parent.author].externalId : null,
    ...statusUrl(author, post.statusId),
    replies_count: post.replies.length,
    reblogs_count: post.repostCount,
    favourites_count: post.likeCount,
    quotes_count: post.quoteCount,
    content: `<p>${body}</p>`,
    reblog: null,
    mentions: mentioned.map((index) => {
      const actor = world.actors[index];
      return {
        id: actor.externalId,
        username: actor.handle,
        url: `https://${actor.domain}/@${actor.handle}`,
        acct: acctOf(actor, requestHost),
      };
    }),
    tags: [],
    card: post.links.length > 0 ? cardOf(post.links[0]) : null,
  };
}

function cardOf(url: string): Record<string, unknown> {
  const host = new URL(url).hostname.replace(/^www\./, '');
  return {
    url,
    title: host === 'kirklees.gov.uk' ? 'Kirklees Council' : host,
    description: `Read more on ${host}`,
    language: 'en',
    type: 'link',
    author_name: '',
    author_url: '',
    provider_name: host,
    provider_url: '',
    html: '',
    width: 0,
    height: 0,
    image: null,
    image_description: '',
    embed_url: '',
    blurhash: null,
    published_at: null,
    authors: [],
  };
}
