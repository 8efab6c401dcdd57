import { compareSnowflakeIds } from '../snowflake-ids';
import { linkHeaderParam, parseMastodonHandle } from './mastodon-handle';
import { personIdFromRequest } from '../person-id';

describe('parseMastodonHandle', () => {
  it('reads the three ways people write an address', () => {
    expect(parseMastodonHandle('@Hana@Colne.Social')).toEqual({ username: 'Hana', instance: 'colne.social' });
    expect(parseMastodonHandle('hana@colne.social')).toEqual({ username: 'hana', instance: 'colne.social' });
    expect(parseMastodonHandle('https://colne.social/@hana')).toEqual({
      username: 'hana',
      instance: 'colne.social',
    });
    expect(parseMastodonHandle('hana')).toBeNull();
  });

  it('reads the usernames and domains of other fediverse servers', () => {
    expect(parseMastodonHandle('jane.doe@Pleroma.example')).toEqual({
      username: 'jane.doe',
      instance: 'pleroma.example',
    });
    expect(parseMastodonHandle('@tom-k@misskey.example')).toEqual({
      username: 'tom-k',
      instance: 'misskey.example',
    });
    expect(parseMastodonHandle('x@site.xn--p1ai')).toEqual({ username: 'x', instance: 'site.xn--p1ai' });
    expect(parseMastodonHandle('x@xn--80ak6aa92e.xn--p1ai')).toEqual({
      username: 'x',
      instance: 'xn--80ak6aa92e.xn--p1ai',
    });
    expect(parseMastodonHandle('https://akkoma.example/@jane.doe')).toEqual({
      username: 'jane.doe',
      instance: 'akkoma.example',
    });
  });

  it.each([
    '.jane@pleroma.example',
    'jane.@pleroma.example',
    'jane doe@pleroma.example',
    'jane@pleroma example',
    'jane@',
    '@pleroma.example',
    'jane@localhost',
    'jane@pleroma.example:8443',
    'jane@-pleroma.example',
    'jane@pleroma.example/path',
    'https://pleroma.example/users/jane',
    'https://pleroma.example:8443/@jane',
    `jane@${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.example`,
  ])('refuses %j', (handle) => {
    expect(parseMastodonHandle(handle)).toBeNull();
  });

  it('lets an erasure request name a Pleroma or punycode-domain person', () => {
    expect(personIdFromRequest('mastodon', 'Jane.Doe@pleroma.example')).toEqual({
      ok: true,
      id: 'jane.doe@pleroma.example',
    });
    expect(personIdFromRequest('mastodon', '@x@site.xn--p1ai')).toEqual({ ok: true, id: 'x@site.xn--p1ai' });
    expect(personIdFromRequest('mastodon', 'https://pleroma.example/@jane.doe').ok).toBe(false);
  });
});

describe('compareSnowflakeIds', () => {
  it('orders snowflake ids numerically', () => {
    expect(['99', '100', '111000000000200000', '111000000000100000'].sort(compareSnowflakeIds)).toEqual([
      '99',
      '100',
      '111000000000100000',
      '111000000000200000',
    ]);
  });
});

describe('linkHeaderParam', () => {
  it('reads max_id from rel="next"', () => {
    const link =
      '<https://a.social/api/v1/x?max_id=7>; rel="next", <https://a.social/api/v1/x?min_id=9>; rel="prev"';
    expect(linkHeaderParam(link, 'next', 'max_id')).toBe('7');
    expect(linkHeaderParam(link, 'prev', 'min_id')).toBe('9');
    expect(linkHeaderParam(null, 'next', 'max_id')).toBeNull();
    expect(linkHeaderParam('</api/v1/accounts/1/followers?max_id=42>; rel="next"', 'next', 'max_id')).toBe(
      '42',
    );
  });
});
