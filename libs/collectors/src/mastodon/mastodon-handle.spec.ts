import { compareMastodonIds, linkHeaderParam, parseMastodonHandle } from './mastodon-handle';

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
});

describe('compareMastodonIds', () => {
  it('orders snowflake ids numerically', () => {
    expect(['99', '100', '111000000000200000', '111000000000100000'].sort(compareMastodonIds)).toEqual([
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
