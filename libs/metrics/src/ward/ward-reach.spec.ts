import type { FollowerPlace } from '../account/account-facts';
import { wardReach, type WardFollowerFact } from './ward-reach';

const inWard: FollowerPlace = { status: 'ward', weights: new Map([['W1', 1]]) };
const split: FollowerPlace = {
  status: 'council',
  weights: new Map([
    ['W1', 0.5],
    ['W2', 0.5],
  ]),
};
const otherWard: FollowerPlace = { status: 'ward', weights: new Map([['W2', 1]]) };
const unknown: FollowerPlace = { status: 'unknown', weights: new Map() };

describe('wardReach', () => {
  const followers: WardFollowerFact[] = [
    // Councillor 1 on Bluesky
    { platform: 'bluesky', followerId: 'did:1', place: inWard },
    { platform: 'bluesky', followerId: 'did:2', place: split },
    { platform: 'bluesky', followerId: 'did:3', place: otherWard },
    { platform: 'bluesky', followerId: 'did:4', place: unknown },
    // Councillor 2 on Bluesky: did:1 and did:2 again
    { platform: 'bluesky', followerId: 'did:1', place: inWard },
    { platform: 'bluesky', followerId: 'did:2', place: split },
    { platform: 'bluesky', followerId: 'did:5', place: inWard },
    // Councillor 2 on Mastodon: an id equal to a Bluesky one is still another account
    { platform: 'mastodon', followerId: 'did:1', place: inWard },
  ];

  it('de-duplicates within each platform and counts fractional weights', () => {
    // Bluesky: did:1 (1) + did:2 (0.5) + did:5 (1) = 2.5; Mastodon: 1 → 3.5 in all.
    // Penetration: 3.5 / 7,000 adults = 0.0005
    expect(wardReach({ wardCode: 'W1', followers, adultPopulation: 7000 })).toEqual({
      distinctWardFollowers: 3.5,
      byPlatform: { bluesky: 2.5, mastodon: 1 },
      adultPopulation: 7000,
      penetration: 0.0005,
    });
  });

  it('takes the larger weight when two sightings of a follower disagree', () => {
    const result = wardReach({
      wardCode: 'W1',
      followers: [
        { platform: 'x', followerId: '42', place: split },
        { platform: 'x', followerId: '42', place: inWard },
      ],
      adultPopulation: null,
    });
    expect(result.distinctWardFollowers).toBe(1);
    expect(result.penetration).toBeNull();
  });

  it('is zero with no followers and null penetration without adults', () => {
    expect(wardReach({ wardCode: 'W1', followers: [], adultPopulation: 0 })).toEqual({
      distinctWardFollowers: 0,
      byPlatform: {},
      adultPopulation: 0,
      penetration: null,
    });
  });
});
