import type { CollectedFollower, CollectedPost, CollectedProfile } from '../collected';
import { htmlLinks, htmlToText } from '../text/html-text';
import { mastodonPersonId } from './mastodon-person-id';
import type { MastodonAccount, MastodonStatus } from './mastodon-schemas';

/** The councillor's own account keeps its id on its instance: the API calls need it. */
export function mapMastodonProfile(account: MastodonAccount, instance: string): CollectedProfile {
  return {
    externalId: account.id,
    handle: account.acct.includes('@') ? account.acct : `${account.acct}@${instance}`,
    displayName: account.display_name || null,
    url: account.url ?? `https://${instance}/@${account.username}`,
    followersCount: account.followers_count,
    followingCount: account.following_count,
    postsCount: account.statuses_count,
    followersListed: account.hide_collections !== true,
  };
}

/**
 * Mastodon has no location field: the bio and the profile fields ("Location: Marsden") may place
 * someone. A follower is identified by `user@domain` (`mastodonPersonId`), not by the id the
 * councillor's instance (`instance`) gave them.
 */
export function mapMastodonFollower(account: MastodonAccount, instance: string): CollectedFollower {
  const fields = (account.fields ?? []).map((field) => `${field.name}: ${htmlToText(field.value)}`);
  return {
    externalId: mastodonPersonId(account.acct, instance),
    handle: account.acct.includes('@') ? account.acct : `${account.acct}@${instance}`,
    displayName: account.display_name || null,
    profileText: [htmlToText(account.note), ...fields].filter(Boolean).join('\n'),
    formerIds: formerIds(account, instance),
  };
}

/**
 * The id an earlier release identified a Mastodon person by, where it can be matched with an erasure
 * made then: that release erased someone under the id their own instance gives them, and collected
 * them under the id the councillor's instance gives them, which is the same id only for the
 * councillor's instance's own users (`user@<instance>`). Others' former ids match nothing, or
 * worse, an unrelated person's small sequential id on another instance: none is given for them.
 */
export function formerIds(account: { id: string; acct: string }, instance: string): string[] {
  return mastodonPersonId(account.acct, instance).endsWith(`@${instance.toLowerCase()}`) ? [account.id] : [];
}

/**
 * The account a status answers: its own author for a thread, or the status's mention of that account
 * (a reply mentions whom it answers); null when neither names them.
 */
function repliedAccount(status: MastodonStatus): { id: string; acct: string } | null {
  const id = status.in_reply_to_account_id;
  if (id === null) return null;
  if (id === status.account.id) return status.account;
  return status.mentions?.find((mentioned) => mentioned.id === id) ?? null;
}

/**
 * One of the councillor's statuses, read from their instance (`instance`). A reblog is the
 * councillor's wrapper status, at its own address; the engagement belongs to the reblogged status's
 * author, so a reblog has none.
 */
export function mapMastodonStatus(status: MastodonStatus, instance: string): CollectedPost {
  const shown = status.reblog ?? status;
  const links = new Set(htmlLinks(shown.content));
  if (shown.card?.url) links.add(shown.card.url);
  const own = status.reblog ? null : status;
  const replied = repliedAccount(status);
  return {
    externalId: status.id,
    url: status.url ?? status.uri,
    createdAt: new Date(status.created_at).toISOString(),
    // A reply to the account's own status continues its thread: an original post, not a conversation.
    kind: status.reblog
      ? 'repost'
      : status.in_reply_to_id && status.in_reply_to_account_id !== status.account.id
        ? 'reply'
        : 'original',
    text: htmlToText(shown.content),
    likes: own?.favourites_count ?? 0,
    reposts: own?.reblogs_count ?? 0,
    replies: own?.replies_count ?? 0,
    quotes: own?.quotes_count ?? 0,
    links: [...links],
    inReplyTo: status.in_reply_to_id
      ? {
          externalId: status.in_reply_to_id,
          authorExternalId: replied ? mastodonPersonId(replied.acct, instance) : null,
          authorFormerIds: replied ? formerIds(replied, instance) : [],
        }
      : null,
  };
}
