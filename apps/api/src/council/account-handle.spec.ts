import { facebookPageRef, youTubeChannelSelector } from '@wardreach/collectors';
import { normaliseHandle } from './account-handle';

describe('normaliseHandle', () => {
  it.each([
    ['bluesky', 'https://bsky.app/profile/Jane.Smith.bsky.social', 'jane.smith.bsky.social'],
    ['bluesky', '@cllr.example.org', 'cllr.example.org'],
    ['bluesky', 'did:plc:abcdefghijklmnopqrstuvwx', 'did:plc:abcdefghijklmnopqrstuvwx'],
    ['mastodon', '@jane@Mastodon.Social', 'jane@mastodon.social'],
    ['mastodon', 'https://mas.to/@jane_k', 'jane_k@mas.to'],
    ['mastodon', '@Jane.Doe@Pleroma.Example', 'Jane.Doe@pleroma.example'],
    ['mastodon', 'tom-k@site.xn--p1ai', 'tom-k@site.xn--p1ai'],
    ['rss', 'https://blog.example.org/feed.xml', 'https://blog.example.org/feed.xml'],
    ['x', 'https://x.com/CllrJane', 'CllrJane'],
    ['youtube', '@KirkleesCouncil', '@KirkleesCouncil'],
    ['youtube', 'https://m.youtube.com/@KirkleesCouncil/videos', '@KirkleesCouncil'],
    ['youtube', 'https://youtube.com/channel/UCabcdefghijklmnopqrstuv/', 'UCabcdefghijklmnopqrstuv'],
    [
      'youtube',
      'https://www.youtube.com/user/KirkleesCouncil',
      'https://www.youtube.com/user/KirkleesCouncil',
    ],
    [
      'youtube',
      'http://m.youtube.com/user/KirkleesCouncil/videos?view=0',
      'https://www.youtube.com/user/KirkleesCouncil',
    ],
    ['facebook', 'https://www.facebook.com/CllrJaneSmith/', 'CllrJaneSmith'],
    ['facebook', 'CllrJaneSmith/', 'CllrJaneSmith'],
    ['facebook', 'https://www.facebook.com/people/Cllr-Jane-Smith/100089123456789/', '100089123456789'],
    [
      'facebook',
      'https://m.facebook.com/people/Cllr-Jane-Smith/100089123456789?mibextid=ZbWKwL',
      '100089123456789',
    ],
    ['facebook', 'https://www.facebook.com/profile.php?id=1048293', '1048293'],
    ['facebook', 'https://www.facebook.com/pages/Cllr-Jane-Smith/100089123456789', '100089123456789'],
    ['facebook', 'https://www.facebook.com/p/Cllr-Jane-Smith-100089123456789/', '100089123456789'],
    [
      'facebook',
      'https://m.facebook.com/p/Cllr-Jane-Smith-100089123456789?mibextid=ZbWKwL',
      '100089123456789',
    ],
  ] as const)('%s %s → %s', (platform, raw, expected) => {
    expect(normaliseHandle(platform, raw)).toEqual({ ok: true, handle: expected });
  });

  it.each([
    ['bluesky', 'not a handle'],
    ['mastodon', 'jane'],
    ['mastodon', 'jane@mastodon.social:8443'],
    ['rss', 'ftp://example.org/feed'],
    ['rss', 'blog.example.org'],
    ['x', 'much_too_long_for_x_names'],
    ['youtube', 'UCshort'],
    ['facebook', '   '],
    ['facebook', 'https://www.facebook.com/people/Cllr-Jane-Smith/'],
    ['facebook', 'https://www.facebook.com/p/Cllr-Jane-Smith/'],
    ['facebook', 'https://www.facebook.com/pages/'],
    ['facebook', 'https://www.facebook.com/p'],
    ['facebook', 'https://www.facebook.com/groups/holmevalley'],
    ['facebook', 'https://www.facebook.com/profile.php?id=cllr'],
    ['youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['youtube', 'https://vimeo.com/@KirkleesCouncil'],
  ] as const)('rejects %s %j with a reason', (platform, raw) => {
    const result = normaliseHandle(platform, raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).not.toHaveLength(0);
  });

  it('hands the collectors a handle that resolves as the address given did', () => {
    for (const raw of [
      'https://www.facebook.com/people/Cllr-Jane-Smith/100089123456789/',
      'https://www.facebook.com/profile.php?id=1048293',
      'https://www.facebook.com/CllrJaneSmith',
    ]) {
      const result = normaliseHandle('facebook', raw);
      expect(result.ok && facebookPageRef(result.handle)).toBe(facebookPageRef(raw));
    }
    const user = normaliseHandle('youtube', 'https://m.youtube.com/user/KirkleesCouncil/videos');
    expect(user.ok && youTubeChannelSelector(user.handle)).toEqual({ forUsername: 'KirkleesCouncil' });
  });

  it.each(['https://www.youtube.com/c/KirkleesCouncil', 'https://www.youtube.com/KirkleesCouncil'])(
    'refuses the custom YouTube address %s, asking for the @handle or channel id',
    (raw) => {
      const result = normaliseHandle('youtube', raw);
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.message).toMatch(/@handle or its channel id \(UC…\)/);
    },
  );

  it('refuses a /channel/ address whose id is not in its capitals, saying so', () => {
    const result = normaliseHandle('youtube', 'https://www.youtube.com/channel/ucabcdefghijklmnopqrstuv');
    expect(result.ok ? '' : result.message).toMatch(
      /does not hold a channel id: one starts with UC, in capitals/,
    );
  });
});
