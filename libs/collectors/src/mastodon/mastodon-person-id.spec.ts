import { formerIds } from './mastodon-mapper';
import { mastodonPersonId, personIdOf } from './mastodon-person-id';

describe('Mastodon person ids', () => {
  it('names a person user@domain, lower-cased, whichever instance wrote the acct', () => {
    expect(mastodonPersonId('Alice', 'fosstodon.org')).toBe('alice@fosstodon.org');
    expect(mastodonPersonId('Alice@Fosstodon.org', 'mastodon.social')).toBe('alice@fosstodon.org');
  });

  it('takes a Mastodon account’s id from its handle, and the platform id elsewhere', () => {
    expect(personIdOf('mastodon', { externalId: '109', handle: 'Cat@Social.example' })).toBe(
      'cat@social.example',
    );
    expect(personIdOf('mastodon', { externalId: null, handle: 'https://social.example/@Cat' })).toBe(
      'cat@social.example',
    );
    expect(personIdOf('mastodon', { externalId: '109', handle: 'not a handle' })).toBeNull();
    expect(personIdOf('bluesky', { externalId: 'did:plc:ann', handle: 'ann.bsky.social' })).toBe(
      'did:plc:ann',
    );
  });
});

describe('formerIds (Mastodon)', () => {
  it('gives the instance id of the instance’s own users only', () => {
    // Earlier releases erased people under their own instance's id: the same number as the
    // councillor's instance gives only its own users. Another instance's 12 is someone else.
    expect(formerIds({ id: '109000000000000101', acct: 'hd9walker' }, 'colne.social')).toEqual([
      '109000000000000101',
    ]);
    expect(formerIds({ id: '109000000000000101', acct: 'HD9walker@Colne.social' }, 'colne.social')).toEqual([
      '109000000000000101',
    ]);
    expect(formerIds({ id: '12', acct: 'amy@fosstodon.org' }, 'colne.social')).toEqual([]);
  });
});
