import { parseRetryAfter } from './retry-after';
import { formatPayloadPath } from './schema-validation';

describe('parseRetryAfter', () => {
  const now = new Date('2026-03-02T10:00:00Z');
  it('reads delay-seconds and HTTP-dates', () => {
    expect(parseRetryAfter('120', now)?.toISOString()).toBe('2026-03-02T10:02:00.000Z');
    expect(parseRetryAfter('Mon, 02 Mar 2026 10:05:00 GMT', now)?.toISOString()).toBe(
      '2026-03-02T10:05:00.000Z',
    );
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('formatPayloadPath', () => {
  it('writes array indexes in brackets and keys with dots', () => {
    expect(formatPayloadPath(['feed', 3, 'post', 'likeCount'])).toBe('feed[3].post.likeCount');
    expect(formatPayloadPath([0, 'id'])).toBe('[0].id');
    expect(formatPayloadPath([])).toBe('');
  });
});
