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
  ] as const)('rejects %s %j with a reason', (platform, raw) => {
    const result = normaliseHandle(platform, raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).not.toHaveLength(0);
  });
});
