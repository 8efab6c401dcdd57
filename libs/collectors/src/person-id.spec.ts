import { mapFollower as mapBlueskyFollower } from './bluesky/bluesky-mapper';
import type { Platform } from './platform';
import { PLATFORMS } from './platform';
import { personIdExpected, personIdFromRequest } from './person-id';

/**
 * A request's platform id is accepted only in the form collection pseudonymises people by (the
 * collectors' `authorExternalId` and follower `externalId`): anything else would erase a pseudonym
 * nobody is stored under, and the person would go on being collected.
 */
describe('personIdFromRequest', () => {
  it.each<[Platform, string, string]>([
    ['bluesky', 'did:plc:ewvi7nxzyoun6zhxrhs64oiz', 'did:plc:ewvi7nxzyoun6zhxrhs64oiz'],
    ['bluesky', ' did:plc:abcdefghijklmnopqrstu234 ', 'did:plc:abcdefghijklmnopqrstu234'],
    ['bluesky', 'did:web:councillor.example.org', 'did:web:councillor.example.org'],
    ['bluesky', 'did:web:xn--80ak6aa92e.com', 'did:web:xn--80ak6aa92e.com'],
    ['mastodon', ' @Alice@Fosstodon.org ', 'alice@fosstodon.org'],
    ['mastodon', 'Jane.Doe@Pleroma.example', 'jane.doe@pleroma.example'],
    ['x', ' 2244994945 ', '2244994945'],
    ['x', '1587224409231466497', '1587224409231466497'],
    ['x', '9223372036854775807', '9223372036854775807'],
    ['facebook', '7000000001', '7000000001'],
    ['facebook', '104829375512345', '104829375512345'],
    ['youtube', 'UCresidentDDDDDDDDDDDDDD', 'UCresidentDDDDDDDDDDDDDD'],
    ['youtube', 'UC_x5XG1OV2P6uZZ5FSM9Ttw', 'UC_x5XG1OV2P6uZZ5FSM9Ttw'],
    ['youtube', 'UC-lHJZR3Gqxm24_Vd_AJ5Yw', 'UC-lHJZR3Gqxm24_Vd_AJ5Yw'],
  ])('on %s, accepts %j as %j', (platform, given, id) => {
    expect(personIdFromRequest(platform, given)).toEqual({ ok: true, id });
  });

  it.each<[Platform, string, RegExp]>([
    // Bluesky: handles, capitals (DIDs are case-sensitive), other DID methods, short or long ids.
    ['bluesky', 'alice.bsky.social', /did:plc:.*not its handle/],
    ['bluesky', '@alice.bsky.social', /DID/],
    ['bluesky', 'did:plc:EWVI7NXZYOUN6ZHXRHS64OIZ', /case-sensitive/],
    ['bluesky', 'DID:PLC:ewvi7nxzyoun6zhxrhs64oiz', /case-sensitive/],
    ['bluesky', 'did:web:Councillor.Example.org', /case-sensitive/],
    ['bluesky', 'did:plc:r3s1dent', /did:plc:/],
    ['bluesky', 'did:plc:ewvi7nxzyoun6zhxrhs64oiz0', /did:plc:/],
    ['bluesky', 'did:plc:ewvi7nxzyoun6zhxrhs64oi1', /did:plc:/],
    ['bluesky', 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', /did:plc:/],
    ['bluesky', 'did:web:localhost%3A2583', /did:web:/],
    ['bluesky', 'did:web:example.org/users/alice', /did:web:/],
    ['bluesky', 'at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3k2a', /DID/],
    ['bluesky', 'unknown', /DID/],
    ['bluesky', '', /DID/],
    // Mastodon: an instance's numeric id, a bare name, a profile address.
    ['mastodon', '109876543210987654', /user@instance/],
    ['mastodon', 'alice', /user@instance/],
    ['mastodon', 'https://fosstodon.org/@alice', /user@instance/],
    ['mastodon', 'unknown', /user@instance/],
    // X: a username or name, with or without @, a leading zero, more than 19 digits, a placeholder.
    ['x', '@alice', /numeric user id/],
    ['x', 'Alice', /numeric user id/],
    ['x', '0123', /numeric user id/],
    ['x', '12345678901234567890', /numeric user id/],
    ['x', '2244994945.0', /numeric user id/],
    ['x', '-2244994945', /numeric user id/],
    ['x', 'unknown', /numeric user id/],
    // Facebook: names and usernames, profile addresses, placeholders.
    ['facebook', 'alice.smith', /numeric id/],
    ['facebook', 'https://www.facebook.com/profile.php?id=100000000000001', /numeric id/],
    ['facebook', '104829375512345_987654321', /numeric id/],
    ['facebook', 'unknown', /numeric id/],
    // YouTube: handles, custom URLs, too short or long, another prefix, a placeholder.
    ['youtube', '@alice', /channel id, UC/],
    ['youtube', 'https://www.youtube.com/channel/UCresidentDDDDDDDDDDDDDD', /channel id, UC/],
    ['youtube', 'UCresidentDDDDDDDDDDDDD', /channel id, UC/],
    ['youtube', 'UCresidentDDDDDDDDDDDDDDD', /channel id, UC/],
    ['youtube', 'ucresidentDDDDDDDDDDDDDD', /channel id, UC/],
    ['youtube', 'UUresidentDDDDDDDDDDDDDD', /channel id, UC/],
    ['youtube', 'UCresident DDDDDDDDDDDDD', /channel id, UC/],
    ['youtube', 'unknown', /channel id, UC/],
    // RSS: feeds hold no one's account.
    ['rss', 'https://ann.example/feed', /feed has no followers or commenters/],
    ['rss', 'alice', /feed has no followers or commenters/],
  ])('on %s, refuses %j, saying what is expected', (platform, given, message) => {
    expect(personIdFromRequest(platform, given)).toEqual({
      ok: false,
      message: expect.stringMatching(message) as string,
    });
  });

  it('accepts the ids the Bluesky collector stores followers under', () => {
    const follower = mapBlueskyFollower({
      did: 'did:plc:abcdefghijklmnopqrstuvwx',
      handle: 'amy.bsky.social',
    });
    expect(personIdFromRequest('bluesky', follower.externalId)).toEqual({
      ok: true,
      id: follower.externalId,
    });
  });

  it.each(PLATFORMS)('describes what a %s id looks like', (platform) => {
    expect(personIdExpected(platform)).toMatch(/^an? .{20,}/);
  });
});
