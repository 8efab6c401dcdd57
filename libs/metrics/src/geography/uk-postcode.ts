import { AREAS_WITH_LETTERED_DISTRICTS, UK_POSTCODE_AREAS } from './uk-postcode-areas';

/** Longest first, so that `BA` is tried before `B` in an alternation. */
function alternation(areas: readonly string[]): string {
  return [...areas].sort((a, b) => b.length - a.length || a.localeCompare(b)).join('|');
}

/**
 * Regular-expression source of an outward code (postcode district) in a real UK area:
 * the area and one or two digits, or in central London the area, a digit and a letter.
 * No anchors or groups, so it can be embedded; use with the `i` flag for free text.
 */
export const OUTWARD_CODE_SOURCE = `(?:(?:${alternation(AREAS_WITH_LETTERED_DISTRICTS)})\\d[A-Z]|(?:${alternation(UK_POSTCODE_AREAS)})\\d\\d?)`;

/** Regular-expression source of an inward code: a digit and two letters, never C, I, K, M, O or V. */
export const INWARD_CODE_SOURCE = '\\d[ABD-HJLNP-UW-Z]{2}';

const DISTRICT = new RegExp(`^${OUTWARD_CODE_SOURCE}$`);
const SECTOR = new RegExp(`^(${OUTWARD_CODE_SOURCE})\\s+(\\d)$`);
const POSTCODE = new RegExp(`^(${OUTWARD_CODE_SOURCE})\\s*(${INWARD_CODE_SOURCE})$`);

/** `hd9` → `HD9`; null when it is not a district in a real UK area. */
export function normaliseDistrict(value: string): string | null {
  const upper = value.trim().toUpperCase();
  return DISTRICT.test(upper) ? upper : null;
}

/** `hd9  7` → `HD9 7` (the space is required: `HD97` reads as a district); null when invalid. */
export function normaliseSector(value: string): string | null {
  const match = SECTOR.exec(value.trim().toUpperCase());
  return match === null ? null : `${match[1]} ${match[2]}`;
}

/** `hd97ab` or `HD9 7AB` → `HD9 7AB`; null when it is not a full postcode in a real UK area. */
export function normalisePostcode(value: string): string | null {
  const match = POSTCODE.exec(value.trim().toUpperCase());
  return match === null ? null : `${match[1]} ${match[2]}`;
}

/** The district of a normalised sector or postcode: `HD9 7AB` → `HD9`. */
export function districtOf(normalised: string): string {
  const space = normalised.indexOf(' ');
  return space < 0 ? normalised : normalised.slice(0, space);
}

/** The sector of a normalised postcode: `HD9 7AB` → `HD9 7`. */
export function sectorOf(postcode: string): string {
  return postcode.slice(0, postcode.indexOf(' ') + 2);
}
