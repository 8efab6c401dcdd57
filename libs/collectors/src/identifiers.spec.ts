import { isBlueskyDid, isDnsName, isYouTubeChannelId } from './identifiers';

describe('account identifiers', () => {
  it.each([
    ['alice.bsky.social', true],
    ['Alice.Bsky.Social', true],
    ['mastodon.xn--p1ai', true],
    ['a.bc', true],
    ['a.b', false],
    ['mastodon.a1', false],
    ['mastodon.c-d', false],
    ['councillor-smith.example.org', true],
    ['localhost', false],
    ['192.168.0.1', false],
    ['-alice.bsky.social', false],
    ['alice-.bsky.social', false],
    ['alice..bsky.social', false],
    ['alice.bsky.social.', false],
    ['alice.bsky.social:443', false],
    ['alice bsky.social', false],
    [`${'a'.repeat(63)}.example.org`, true],
    [`${'a'.repeat(64)}.example.org`, false],
    [`${Array.from({ length: 50 }, () => 'abcd').join('.')}.org`, true],
    [`${Array.from({ length: 51 }, () => 'abcd').join('.')}.org`, false],
  ])('%s is a DNS name: %s', (value, expected) => {
    expect(isDnsName(value)).toBe(expected);
  });

  it.each([
    ['did:plc:ewvi7nxzyoun6zhxrhs64oiz', true],
    ['did:web:councillor.example.org', true],
    ['did:web:xn--80ak6aa92e.com', true],
    ['did:plc:EWVI7NXZYOUN6ZHXRHS64OIZ', false],
    ['did:web:Councillor.Example.org', false],
    ['did:plc:ewvi7nxzyoun6zhxrhs64oi1', false],
    ['did:plc:ewvi7nxzyoun6zhxrhs64oiz0', false],
    ['did:plc:councillor1', false],
    ['did:web:localhost%3A2583', false],
    ['did:web:example.org/users/alice', false],
    ['did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', false],
    ['alice.bsky.social', false],
  ])('%s is a Bluesky DID: %s', (value, expected) => {
    expect(isBlueskyDid(value)).toBe(expected);
  });

  it.each([
    ['UC_x5XG1OV2P6uZZ5FSM9Ttw', true],
    ['UC-lHJZR3Gqxm24_Vd_AJ5Yw', true],
    ['uc_x5XG1OV2P6uZZ5FSM9Ttw', false],
    ['UC_x5XG1OV2P6uZZ5FSM9Tt', false],
    ['UC_x5XG1OV2P6uZZ5FSM9Ttww', false],
    ['UC_x5XG1OV2P6uZZ5FSM9Tt=', false],
    ['@GoogleDevelopers', false],
  ])('%s is a YouTube channel id: %s', (value, expected) => {
    expect(isYouTubeChannelId(value)).toBe(expected);
  });
});
