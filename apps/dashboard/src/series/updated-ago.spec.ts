import { updatedAgoText } from './updated-ago';

describe('updatedAgoText', () => {
  const now = new Date('2026-11-20T12:00:00Z');

  it.each([
    ['2026-11-20T11:59:30Z', 'Updated less than a minute ago'],
    ['2026-11-20T11:59:00Z', 'Updated 1 minute ago'],
    ['2026-11-20T11:53:10Z', 'Updated 6 minutes ago'],
    ['2026-11-20T11:00:01Z', 'Updated 59 minutes ago'],
    ['2026-11-20T11:00:00Z', 'Updated 1 hour ago'],
    ['2026-11-20T07:00:00Z', 'Updated 5 hours ago'],
    ['2026-11-18T12:00:00Z', 'Updated 2 days ago'],
  ])('%s → %s', (updatedAt, text) => {
    expect(updatedAgoText(updatedAt, now)).toBe(text);
  });

  it('treats a time slightly in the future (clock skew) as just now', () => {
    expect(updatedAgoText('2026-11-20T12:00:40Z', now)).toBe('Updated less than a minute ago');
  });

  it('says so when nothing was ever collected', () => {
    expect(updatedAgoText(null, now)).toBe('Not collected yet');
  });
});
