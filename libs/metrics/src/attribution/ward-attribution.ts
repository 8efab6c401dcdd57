import type { AttributionEvidence, AttributionResult } from './attribution-result';
import type { CompiledGazetteer } from './compiled-gazetteer';
import type { PlaceNameMatch } from './place-name-matches';
import { findPlaceNames } from './place-name-matches';
import type { PostcodeMention } from './postcode-mentions';
import { findPostcodeMentions } from './postcode-mentions';

/** What one postcode mention says, before it is combined with the others. */
type PostcodeReading =
  /** Inside the council. `decisive` is false for the "district known, sector and district rows absent" rule. */
  | { where: 'inside'; wards: readonly string[]; decisive: boolean }
  | { where: 'elsewhere' }
  /** An outward code alone that the gazetteer does not know: not evidence. */
  | { where: 'none' };

/**
 * The most specific level the gazetteer lists decides: the full postcode, else its sector, else its
 * district. A district the gazetteer knows only through other sectors or postcodes places the
 * mention in the council with the wards of those sectors as candidates. A full postcode or sector
 * in an unknown district is elsewhere; an unknown outward code alone is no evidence (`M25`, `LS6`).
 */
function readPostcode(gazetteer: CompiledGazetteer, mention: PostcodeMention): PostcodeReading {
  const listed =
    (mention.kind === 'postcode' ? gazetteer.postcodes.get(mention.value) : undefined) ??
    (mention.sector !== null ? gazetteer.sectors.get(mention.sector) : undefined) ??
    gazetteer.districts.get(mention.district);
  if (listed !== undefined) return { where: 'inside', wards: listed, decisive: true };
  const sectorWards = gazetteer.knownDistricts.get(mention.district);
  if (sectorWards !== undefined && sectorWards.length > 0) {
    return { where: 'inside', wards: sectorWards, decisive: false };
  }
  return mention.kind === 'postcode_district' ? { where: 'none' } : { where: 'elsewhere' };
}

function intersect(a: readonly string[], b: readonly string[]): string[] {
  const inB = new Set(b);
  return a.filter((ward) => inB.has(ward));
}

/** The rule for several pieces of evidence of one kind: their intersection if not empty, else their union. */
function intersectionElseUnion(sets: readonly (readonly string[])[]): string[] {
  const [first, ...rest] = sets;
  if (first === undefined) return [];
  const common = rest.reduce<string[]>((acc, wards) => intersect(acc, wards), [...first]);
  if (common.length > 0) return common;
  return [...new Set(sets.flat())].sort();
}

function postcodeEvidence(mention: PostcodeMention): AttributionEvidence & { start: number } {
  return { kind: mention.kind, value: mention.value, text: mention.text, start: mention.start };
}

function placeEvidence(match: PlaceNameMatch): AttributionEvidence & { start: number } {
  return { kind: 'place', value: match.place.name, text: match.text, start: match.start };
}

function result(
  status: AttributionResult['status'],
  candidates: string[],
  evidence: (AttributionEvidence & { start: number })[],
): AttributionResult {
  return {
    status,
    ward: status === 'ward' ? candidates[0] : null,
    candidates,
    evidence: evidence
      .sort((a, b) => a.start - b.start)
      .map(({ kind, value, text }) => ({ kind, value, text })),
  };
}

/**
 * Attributes a follower to a ward of the council from public profile text (location and bio):
 * 1. Postcode evidence decides (see readPostcode). Several postcodes inside the council combine by
 *    intersection if not empty, else union; a postcode inside the council outweighs one elsewhere;
 *    only postcodes elsewhere → `elsewhere`, whatever places are named.
 * 2. Place names may only narrow postcode evidence: the candidates become their intersection with
 *    the places' wards when that is not empty, and stay as they were otherwise.
 * 3. Without postcode evidence, place names decide: intersection if not empty, else union.
 * 4. One candidate → `ward`; several → `council`. Postcodes read only by the "district known" rule
 *    give `council` even with one candidate, unless a place narrows them; no evidence → `unknown`.
 */
export function attribute(text: string, gazetteer: CompiledGazetteer): AttributionResult {
  const inside: { mention: PostcodeMention; wards: readonly string[]; decisive: boolean }[] = [];
  const elsewhere: PostcodeMention[] = [];
  const seen = new Set<string>();
  for (const mention of findPostcodeMentions(text)) {
    // The same postcode written twice (`HD9 7AB … hd97ab`) is one piece of evidence.
    if (seen.has(mention.value)) continue;
    seen.add(mention.value);
    const reading = readPostcode(gazetteer, mention);
    switch (reading.where) {
      case 'inside':
        inside.push({ mention, wards: reading.wards, decisive: reading.decisive });
        break;
      case 'elsewhere':
        elsewhere.push(mention);
        break;
      case 'none':
        break;
    }
  }
  if (inside.length === 0 && elsewhere.length > 0) {
    return result('elsewhere', [], elsewhere.map(postcodeEvidence));
  }

  const places = findPlaceNames(gazetteer, text);
  const placeWards = intersectionElseUnion(places.map((match) => match.place.wards));

  if (inside.length > 0) {
    let candidates = intersectionElseUnion(inside.map((reading) => reading.wards));
    let decisive = inside.some((reading) => reading.decisive);
    const evidence = inside.map((reading) => postcodeEvidence(reading.mention));
    const narrowed = intersect(candidates, placeWards);
    if (narrowed.length > 0) {
      candidates = narrowed;
      decisive = true;
      const kept = new Set(narrowed);
      for (const match of places) {
        if (match.place.wards.some((ward) => kept.has(ward))) evidence.push(placeEvidence(match));
      }
    }
    return result(decisive && candidates.length === 1 ? 'ward' : 'council', candidates, evidence);
  }

  if (places.length > 0) {
    return result(placeWards.length === 1 ? 'ward' : 'council', placeWards, places.map(placeEvidence));
  }
  return result('unknown', [], []);
}
