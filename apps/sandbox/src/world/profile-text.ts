import { DECOY_BIOS, ELSEWHERE_PLACES, ELSEWHERE_POSTCODES, MULTI_WARD_TOWNS } from './kirklees-wards';
import { BIO_INTERESTS } from './name-lists';
import type { Prng } from './prng';
import type { Ward } from './world-model';

/** Letters used in the inward part of UK postcodes (CIKMOV are never used there). */
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** Signals in the profile of someone who lives in a ward. */
type LocalSignal = 'postcode' | 'sector' | 'district' | 'place' | 'town' | 'blank' | 'no-signal';
/** Signals in the profile of someone who lives outside Kirklees. */
type ElsewhereSignal = 'elsewhere' | 'postcode' | 'decoy' | 'blank' | 'no-signal';
export type PlacementSignal = LocalSignal | ElsewhereSignal;

export interface PlacedProfile {
  bio: string;
  /** A separate location field; empty when the place, if any, is in the bio. */
  location: string;
  signal: PlacementSignal;
}

/** A full postcode inside a sector, "HD9 7AB". */
export function postcodeInSector(prng: Prng, sector: string): string {
  return `${sector}${prng.pick([...INWARD_LETTERS])}${prng.pick([...INWARD_LETTERS])}`;
}

/** Writes a postcode as people do: with or without the space, in any case. */
function casualPostcode(prng: Prng, postcode: string): string {
  const spaced = prng.chance(0.7) ? postcode : postcode.replace(' ', '');
  return prng.chance(0.25) ? spaced.toLowerCase() : spaced;
}

function townsFor(wardCode: string): string[] {
  return Object.entries(MULTI_WARD_TOWNS)
    .filter(([, codes]) => codes.includes(wardCode))
    .map(([town]) => town);
}

/**
 * Profile text for a resident who lives in `ward` (or elsewhere when null), with the mix of
 * signals seen on real profiles: postcodes, sectors, districts, place names, hashtags, towns that
 * span wards, blanks, and decoys that only look like places.
 */
export function placedProfileText(prng: Prng, ward: Ward | null): PlacedProfile {
  const interest = prng.chance(0.6) ? prng.pick(BIO_INTERESTS) : '';
  if (ward === null) {
    const signal = prng.weighted<ElsewhereSignal>([
      ['elsewhere', 0.45],
      ['postcode', 0.1],
      ['decoy', 0.1],
      ['blank', 0.2],
      ['no-signal', 0.15],
    ]);
    switch (signal) {
      case 'elsewhere':
        return compose(prng, interest, prng.pick(ELSEWHERE_PLACES), signal);
      case 'postcode':
        return compose(prng, interest, casualPostcode(prng, prng.pick(ELSEWHERE_POSTCODES)), signal);
      case 'decoy':
        return { bio: prng.pick(DECOY_BIOS), location: '', signal };
      case 'blank':
        return { bio: '', location: '', signal };
      case 'no-signal':
        return { bio: interest || prng.pick(BIO_INTERESTS), location: '', signal };
    }
  }
  const towns = townsFor(ward.code);
  const signal = prng.weighted<LocalSignal>([
    ['postcode', 0.12],
    ['sector', 0.08],
    ['district', 0.08],
    ['place', 0.3],
    ['town', towns.length > 0 ? 0.1 : 0],
    ['blank', 0.22],
    ['no-signal', 0.1],
  ]);
  switch (signal) {
    case 'postcode':
      return compose(
        prng,
        interest,
        casualPostcode(prng, postcodeInSector(prng, prng.pick(ward.sectors))),
        signal,
      );
    case 'sector':
      return compose(prng, interest, prng.pick(ward.sectors), signal);
    case 'district':
      return compose(prng, interest, prng.pick(ward.districts), signal);
    case 'place': {
      const place = prng.pick(ward.places);
      const written = prng.weighted<string>([
        [place, 0.45],
        [`#${place.replace(/\s+/g, '')}`, 0.15],
        [`${place}, ${towns[0] ?? 'West Yorkshire'}`, 0.2],
        [`Living in ${place}`, 0.1],
        [`${place}, West Yorkshire`, 0.1],
      ]);
      return compose(prng, interest, written, signal);
    }
    case 'town':
      return compose(prng, interest, prng.pick(towns), signal);
    case 'blank':
      return { bio: '', location: '', signal };
    case 'no-signal':
      return { bio: interest || prng.pick(BIO_INTERESTS), location: '', signal };
  }
}

/** Puts the place in the bio or in a separate location field, in a few common styles. */
function compose(prng: Prng, interest: string, place: string, signal: PlacementSignal): PlacedProfile {
  if (prng.chance(0.35)) return { bio: interest, location: place, signal };
  const style = prng.int(0, 3);
  const bio =
    interest === ''
      ? place
      : style === 0
        ? `${interest}. ${place}`
        : style === 1
          ? `📍 ${place} | ${interest}`
          : style === 2
            ? `${interest} from ${place}`
            : `${place} 🏡 ${interest.toLowerCase()}`;
  return { bio, location: '', signal };
}
