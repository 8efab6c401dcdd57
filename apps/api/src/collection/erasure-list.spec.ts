import { followerKeyOf, pseudonymise } from '../common/pseudonymise';
import { ErasureList } from './erasure-list';

const pseudonymOf = (id: string) => `p(${id})`;

describe('ErasureList', () => {
  it('finds someone by their pseudonym', () => {
    const list = new ErasureList(new Set(['p(ann@colne.social)']), pseudonymOf);
    expect(list.has('p(ann@colne.social)')).toBe(true);
    expect(list.has('p(bob@colne.social)', ['2'])).toBe(false);
  });

  it('finds someone erased under a former id, without listing them under their pseudonym', () => {
    // Erased by an earlier release, which knew Cai by the id 109 of the councillor's instance.
    const list = new ErasureList(new Set(['p(109)']), pseudonymOf);
    expect(list.has('p(cai@colne.social)', ['109'])).toBe(true);
    // Not by the pseudonym alone: 109 on another instance would be someone else.
    expect(list.has('p(cai@colne.social)')).toBe(false);
  });

  it('finds a reply target known only by a former id', () => {
    const list = new ErasureList(new Set(['p(109)']), pseudonymOf);
    expect(list.has(null, ['109'])).toBe(true);
    expect(list.has(null, ['110'])).toBe(false);
  });

  it('unlinks a reply from the post of someone on the list, by id or former id, and leaves others', () => {
    const list = new ErasureList(new Set(['p(did:plc:hal)', 'p(109)']), pseudonymOf);
    const reply = (authorExternalId: string | null, authorFormerIds?: string[]) => ({
      externalId: 'r',
      url: 'https://example.test/r',
      createdAt: '2026-03-01T00:00:00.000Z',
      kind: 'reply' as const,
      text: '',
      likes: 0,
      reposts: 0,
      replies: 0,
      quotes: 0,
      links: [],
      inReplyTo: { externalId: 'parent', authorExternalId, authorFormerIds },
    });
    expect(list.postRow(reply('did:plc:hal')).inReplyTo).toBeNull();
    expect(list.postRow(reply(null, ['109'])).inReplyTo).toBeNull();
    // Others' replies keep their link, and name whom they answer by pseudonym only.
    const kept = list.postRow(reply('did:plc:ivy', ['110']));
    expect(kept.inReplyTo).toEqual({ externalId: 'parent', authorPseudonym: 'p(did:plc:ivy)' });
    expect(JSON.stringify(kept)).not.toContain('110');
    expect(list.postRow(reply(null)).inReplyTo).toEqual({ externalId: 'parent', authorPseudonym: null });
    expect(list.postRow({ ...reply(null), kind: 'original', inReplyTo: null }).inReplyTo).toBeNull();
  });

  it('finds a follower by the key of their pseudonym, as a sweep knows them, or by a former id', () => {
    const secret = 'a test secret of at least thirty-two characters';
    const real = (id: string) => pseudonymise(secret, 'mastodon', id);
    const list = new ErasureList(new Set([real('ann@colne.social'), real('109')]), real);
    expect(list.hasFollower(followerKeyOf(secret, 'mastodon', 'ann@colne.social'))).toBe(true);
    expect(list.hasFollower(followerKeyOf(secret, 'mastodon', 'bob@colne.social'))).toBe(false);
    expect(list.hasFollower(followerKeyOf(secret, 'mastodon', 'cai@colne.social'), ['109'])).toBe(true);
    expect(
      new ErasureList(new Set(), real).hasFollower(followerKeyOf(secret, 'mastodon', 'ann@colne.social')),
    ).toBe(false);
  });
});
