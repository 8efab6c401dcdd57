import { activePlatforms } from './active-platforms';
import { channelPairing } from './channel-pairing';

describe('active platforms', () => {
  it('keeps platforms with at least one post in 30 days, once each, in display order', () => {
    expect(
      activePlatforms([
        { platform: 'rss', posts30d: 2 },
        { platform: 'bluesky', posts30d: 1 },
        { platform: 'bluesky', posts30d: 4 },
        { platform: 'x', posts30d: 0 },
      ]),
    ).toEqual(['bluesky', 'rss']);
    expect(activePlatforms([])).toEqual([]);
  });
});

describe('detail + listening pairing', () => {
  it('pairs a blog with Bluesky', () => {
    expect(channelPairing(['rss', 'bluesky'])).toEqual({
      paired: true,
      detail: ['rss'],
      listening: ['bluesky'],
      pair: { detail: 'rss', listening: 'bluesky' },
    });
  });

  it('does not let Facebook pair with itself', () => {
    expect(channelPairing(['facebook']).paired).toBe(false);
  });

  it('pairs Facebook with a second platform on either side', () => {
    expect(channelPairing(['facebook', 'mastodon']).pair).toEqual({
      detail: 'facebook',
      listening: 'mastodon',
    });
    // Facebook is tried as detail first but has no other listening channel; YouTube pairs with it.
    expect(channelPairing(['youtube', 'facebook']).pair).toEqual({
      detail: 'youtube',
      listening: 'facebook',
    });
  });

  it('does not pair two listening channels or two detail channels', () => {
    expect(channelPairing(['bluesky', 'x']).paired).toBe(false);
    expect(channelPairing(['rss', 'youtube']).paired).toBe(false);
    expect(channelPairing([]).paired).toBe(false);
  });
});
