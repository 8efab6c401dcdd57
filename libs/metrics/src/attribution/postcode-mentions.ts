import { AREAS_WITH_LETTERED_DISTRICTS, UK_POSTCODE_AREAS } from '../geography/uk-postcode-areas';
import { INWARD_CODE_SOURCE } from '../geography/uk-postcode';

/**
 * Postcode-shaped text: one or two letters and a district (digit, then a digit or letter), then a
 * full inward code with or without the space, or a sector digit after a space, or nothing; any case,
 * not glued to ASCII letters, digits or underscores (`hd9_radio` is a handle). Compiled once, ASCII
 * only because the Unicode flag makes it several times slower; areas and non-ASCII neighbours are
 * checked on each match instead.
 */
const POSTCODE_SHAPE = new RegExp(
  `(?<![A-Za-z0-9_])([A-Z]{1,2})(\\d[A-Z\\d]?)(?:[ \\t\\u00a0]*(${INWARD_CODE_SOURCE})|[ \\t\\u00a0]+(\\d))?(?![A-Za-z0-9_])`,
  'gi',
);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const AREAS = new Set(UK_POSTCODE_AREAS);
const LETTERED = new Set(AREAS_WITH_LETTERED_DISTRICTS);

/** A postcode-shaped mention in free text; whether it is evidence depends on the gazetteer. */
export interface PostcodeMention {
  kind: 'postcode' | 'postcode_sector' | 'postcode_district';
  /** Normalised: `HD9 7AB`, `HD9 7` or `HD9`. */
  value: string;
  district: string;
  /** The sector, for a full postcode or a sector; null for an outward code alone. */
  sector: string | null;
  /** As written, and where. */
  text: string;
  start: number;
}

/** A real UK area, and a district ending in a letter only in central London (`W1A`, never `B2B`). */
function isRealDistrict(area: string, district: string): boolean {
  return AREAS.has(area) && (/^\d\d?$/.test(district) || LETTERED.has(area));
}

function standsApart(text: string, start: number, end: number): boolean {
  return !LETTER_OR_DIGIT.test(text.charAt(start - 1)) && !LETTER_OR_DIGIT.test(text.charAt(end));
}

/** Every full postcode, sector and outward code in a real UK postcode area, in text order. */
export function findPostcodeMentions(text: string): PostcodeMention[] {
  const mentions: PostcodeMention[] = [];
  POSTCODE_SHAPE.lastIndex = 0;
  for (let match = POSTCODE_SHAPE.exec(text); match !== null; match = POSTCODE_SHAPE.exec(text)) {
    const area = match[1].toUpperCase();
    const districtPart = match[2].toUpperCase();
    if (!isRealDistrict(area, districtPart)) continue;
    if (!standsApart(text, match.index, match.index + match[0].length)) continue;
    const district = area + districtPart;
    const inward = match[3];
    const sectorDigit = match[4];
    const base = { district, text: match[0], start: match.index };
    if (inward !== undefined) {
      const sector = `${district} ${inward[0]}`;
      mentions.push({ ...base, kind: 'postcode', value: `${district} ${inward.toUpperCase()}`, sector });
    } else if (sectorDigit !== undefined) {
      const sector = `${district} ${sectorDigit}`;
      mentions.push({ ...base, kind: 'postcode_sector', value: sector, sector });
    } else {
      mentions.push({ ...base, kind: 'postcode_district', value: district, sector: null });
    }
  }
  return mentions;
}
