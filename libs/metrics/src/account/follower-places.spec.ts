import fc from 'fast-check';
import type { FollowerPlace, FollowerPlaceStatus } from './account-facts';
import { followerPlaceCounts, localShare } from './follower-places';

const place = (status: FollowerPlaceStatus, weights: Record<string, number> = {}): FollowerPlace => ({
  status,
  weights: new Map(Object.entries(weights)),
});

describe('follower places and local share', () => {
  const followers = [
    place('ward', { E05000001: 1 }),
    place('ward', { E05000001: 1 }),
    place('council', { E05000001: 0.5, E05000002: 0.5 }), // a place name shared by two wards
    place('ward', { E05000002: 1 }), // another ward of the council
    place('council'), // inside the council, no candidate ward
    place('elsewhere'),
    place('elsewhere'),
    place('unknown'),
    place('unknown'),
    place('unknown'),
  ];

  it('counts fractional weights for the ward and the rest as council', () => {
    // ward = 1 + 1 + 0.5 = 2.5; council = 0.5 (split) + 1 (other ward) + 1 (council) = 2.5
    expect(followerPlaceCounts(followers, 'E05000001')).toEqual({
      ward: 2.5,
      council: 2.5,
      elsewhere: 2,
      unknown: 3,
    });
  });

  it('divides ward by known, leaving unknown out', () => {
    // known = 2.5 + 2.5 + 2 = 7; local share = 2.5 / 7
    expect(localShare(followerPlaceCounts(followers, 'E05000001'))).toBeCloseTo(2.5 / 7, 12);
  });

  it('is null when no place is known, and 0 when all known followers are elsewhere', () => {
    expect(localShare(followerPlaceCounts([place('unknown')], 'E05000001'))).toBeNull();
    expect(localShare(followerPlaceCounts([], 'E05000001'))).toBeNull();
    expect(localShare(followerPlaceCounts([place('elsewhere'), place('unknown')], 'E05000001'))).toBe(0);
  });

  it('keeps the four counts summing to the followers and the share in [0, 1]', () => {
    const arbitraryPlace = fc.oneof(
      fc.constantFrom<FollowerPlaceStatus>('council', 'elsewhere', 'unknown').map((s) => place(s)),
      fc.double({ min: 0, max: 1, noNaN: true }).map((w) => place('council', { W: w, V: 1 - w })),
      fc.constant(place('ward', { W: 1 })),
    );
    fc.assert(
      fc.property(fc.array(arbitraryPlace, { maxLength: 40 }), (places) => {
        const counts = followerPlaceCounts(places, 'W');
        expect(counts.ward + counts.council + counts.elsewhere + counts.unknown).toBeCloseTo(
          places.length,
          9,
        );
        const share = localShare(counts);
        if (share !== null) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
