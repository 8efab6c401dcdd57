import { mapPost } from './bluesky/bluesky-mapper';
import type { PostView } from './bluesky/bluesky-schemas';
import feedPage1 from './bluesky/__fixtures__/author-feed.page-1.json';
import { mapMastodonStatus } from './mastodon/mastodon-mapper';
import type { MastodonStatus } from './mastodon/mastodon-schemas';
import statusesPage1 from './mastodon/__fixtures__/accounts-statuses.page-1.json';

/**
 * A reply to someone else is conversation; a reply to the account's own post continues its thread and
 * counts as an original post (the reply share and the "broadcasting only" flag read the kinds). Both
 * keep their parent, which marks the thread. X's rule is checked on its contract fixture.
 */
describe('replies to the account’s own posts (threads)', () => {
  it('Bluesky: a reply to the author’s own post is original, one to a resident a reply', () => {
    const reply = feedPage1.feed.find((item) => item.post.record.reply)!.post as unknown as PostView;
    expect(mapPost(reply)).toMatchObject({ kind: 'reply' });

    const ownParent = `at://${reply.author.did}/app.bsky.feed.post/3lbx2aaaaaa2c`;
    const thread = {
      ...reply,
      record: {
        ...reply.record,
        reply: { root: { uri: ownParent, cid: 'bafy' }, parent: { uri: ownParent, cid: 'bafy' } },
      },
    } as PostView;
    expect(mapPost(thread)).toMatchObject({ kind: 'original', inReplyTo: { externalId: ownParent } });
  });

  it('Mastodon: a reply to the account’s own status is original, one to a resident a reply', () => {
    const reply = statusesPage1.find((status) => status.in_reply_to_id) as unknown as MastodonStatus;
    expect(mapMastodonStatus(reply, 'colne.social')).toMatchObject({ kind: 'reply' });

    const thread = { ...reply, in_reply_to_account_id: reply.account.id } as MastodonStatus;
    expect(mapMastodonStatus(thread, 'colne.social')).toMatchObject({
      kind: 'original',
      inReplyTo: { externalId: reply.in_reply_to_id },
    });
  });
});
