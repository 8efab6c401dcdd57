import type { CompiledGazetteer, GazetteerPlace } from './compiled-gazetteer';
import { placeNameTokens } from './place-name-tokens';

/** A gazetteer place found in free text. */
export interface PlaceNameMatch {
  place: GazetteerPlace;
  /** As written (`#Lockwood`), and where. */
  text: string;
  start: number;
}

/**
 * Finds gazetteer places as whole words or phrases, leftmost-longest (`Holme Valley` wins over
 * `Holme`), ignoring case, accents, punctuation, emoji and `#`. A hashtag also matches a name of
 * several words written without spaces (`#DenbyDale`). Each place is reported once.
 */
export function findPlaceNames(gazetteer: CompiledGazetteer, text: string): PlaceNameMatch[] {
  const tokens = placeNameTokens(text);
  const matches: PlaceNameMatch[] = [];
  const seen = new Set<GazetteerPlace>();
  const record = (place: GazetteerPlace, start: number, end: number): void => {
    if (seen.has(place)) return;
    seen.add(place);
    matches.push({ place, text: text.slice(start, end), start });
  };

  let i = 0;
  while (i < tokens.length) {
    let node = gazetteer.places.next.get(tokens[i].word);
    let best: { place: GazetteerPlace; last: number } | null = null;
    let j = i;
    while (node !== undefined) {
      if (node.place !== null) best = { place: node.place, last: j };
      j += 1;
      if (j >= tokens.length) break;
      node = node.next.get(tokens[j].word);
    }
    if (best !== null) {
      record(best.place, tokens[i].start, tokens[best.last].end);
      i = best.last + 1;
      continue;
    }
    const joined = tokens[i].hashtag ? gazetteer.hashtagPlaces.get(tokens[i].word) : undefined;
    if (joined !== undefined) record(joined, tokens[i].start, tokens[i].end);
    i += 1;
  }
  return matches;
}
