import type { CollectedFollower, CollectedPost, CollectedProfile } from '../collected';
import { htmlLinks, htmlToText } from '../text/html-text';
import type { MastodonAccount, MastodonStatus } from './mastodon-schemas';

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

/** Mastodon has no location field: the bio and the profile fields ("Location: Marsden") may place someone. */
export function mapMastodonFollower(account: MastodonAccount): CollectedFollower {
  const fields = (account.fields ?? []).map((field) => `${field.name}: ${htmlToText(field.value)}`);
  return {
    externalId: account.id,
    handle: account.acct,
    displayName: account.display_name || null,
    profileText: [htmlToText(account.note), ...fields].filter(Boolean).join('\n'),
  };
}

export function mapMastodonStatus(status: MastodonStatus): CollectedPost {
  const shown = status.reblog ?? status;
  const links = new Set(htmlLinks(shown.content));
  if (shown.card?.url) links.add(shown.card.url);
  return {
    externalId: status.id,
    url: status.url ?? shown.url ?? status.uri,
    createdAt: new Date(status.created_at).toISOString(),
    kind: status.reblog ? 'repost' : status.in_reply_to_id ? 'reply' : 'original',
    text: htmlToText(shown.content),
    likes: shown.favourites_count,
    reposts: shown.reblogs_count,
    replies: shown.replies_count,
    quotes: shown.quotes_count ?? 0,
    links: [...links],
    inReplyTo: status.in_reply_to_id
      ? { externalId: status.in_reply_to_id, authorExternalId: status.in_reply_to_account_id }
      : null,
  };
}
