import { INWARD_CODE_SOURCE, OUTWARD_CODE_SOURCE } from '../geography/uk-postcode';

/**
 * A full postcode with or without its space, a sector with its space (`HD9 7`), or an outward code
 * alone, in any case, not glued to other letters or digits. Compiled once at module load.
 */
const POSTCODE_IN_TEXT = new RegExp(
  `(?<![\\p{L}\\p{N}])(${OUTWARD_CODE_SOURCE})(?:[ \\t\\u00a0]*(${INWARD_CODE_SOURCE})|[ \\t\\u00a0]+(\\d))?(?![\\p{L}\\p{N}])`,
  'giu',
);

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

/** Every postcode, sector and outward code in a real UK postcode area, in text order. */
export function findPostcodeMentions(text: string): PostcodeMention[] {
  const mentions: PostcodeMention[] = [];
  POSTCODE_IN_TEXT.lastIndex = 0;
  for (let match = POSTCODE_IN_TEXT.exec(text); match !== null; match = POSTCODE_IN_TEXT.exec(text)) {
    const district = match[1].toUpperCase();
    const inward = match[2];
    const sectorDigit = match[3];
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
