import type { GazetteerEntry } from '../geography/gazetteer-entry';
import { districtOf } from '../geography/uk-postcode';
import { placeNameTokens } from './place-name-tokens';

/** A gazetteer place: its name as first spelt in the file and the wards it stands under. */
export interface GazetteerPlace {
  name: string;
  wards: readonly string[];
}

/** A node of the word trie: the place whose name ends here, and the words that may follow. */
export interface PlaceTrieNode {
  place: GazetteerPlace | null;
  next: Map<string, PlaceTrieNode>;
}

/**
 * A gazetteer compiled once for fast attribution: every lookup is a Map hit and place names are
 * matched by walking a trie of folded words, so attributing a profile builds no regular expression.
 * All ward lists are sorted ward codes.
 */
export interface CompiledGazetteer {
  postcodes: ReadonlyMap<string, readonly string[]>;
  sectors: ReadonlyMap<string, readonly string[]>;
  districts: ReadonlyMap<string, readonly string[]>;
  /**
   * Every district the gazetteer knows (listed, or the district of a listed sector or postcode),
   * with the wards listed under its sectors and postcodes (a listed postcode stands for its sector).
   * A district known only from a district row maps to no wards here: its row decides instead.
   */
  knownDistricts: ReadonlyMap<string, readonly string[]>;
  places: PlaceTrieNode;
  /** Names of several words joined (`denbydale`), for hashtags written without spaces. */
  hashtagPlaces: ReadonlyMap<string, GazetteerPlace>;
  wardNames: ReadonlyMap<string, string>;
}

function addTo(map: Map<string, Set<string>>, key: string, ward: string): void {
  const wards = map.get(key);
  if (wards === undefined) map.set(key, new Set([ward]));
  else wards.add(ward);
}

function sorted(map: Map<string, Set<string>>): Map<string, readonly string[]> {
  return new Map([...map].map(([key, wards]) => [key, [...wards].sort()]));
}

/** Builds the lookup index from gazetteer rows (parseGazetteerCsv, or the stored rows: `line` is not needed). */
export function compileGazetteer(entries: readonly Omit<GazetteerEntry, 'line'>[]): CompiledGazetteer {
  const postcodes = new Map<string, Set<string>>();
  const sectors = new Map<string, Set<string>>();
  const districts = new Map<string, Set<string>>();
  const known = new Map<string, Set<string>>();
  const placeWards = new Map<string, { name: string; words: string[]; wards: Set<string> }>();
  const wardNames = new Map<string, string>();

  for (const entry of entries) {
    const ward = entry.wardCode;
    if (!wardNames.has(ward)) wardNames.set(ward, entry.wardName);
    switch (entry.kind) {
      case 'postcode':
        addTo(postcodes, entry.value, ward);
        addTo(known, districtOf(entry.value), ward);
        break;
      case 'postcode_sector':
        addTo(sectors, entry.value, ward);
        addTo(known, districtOf(entry.value), ward);
        break;
      case 'postcode_district':
        addTo(districts, entry.value, ward);
        if (!known.has(entry.value)) known.set(entry.value, new Set());
        break;
      case 'place': {
        const words = placeNameTokens(entry.value).map((token) => token.word);
        if (words.length === 0) break;
        const key = words.join(' ');
        const place = placeWards.get(key);
        if (place === undefined) placeWards.set(key, { name: entry.value, words, wards: new Set([ward]) });
        else place.wards.add(ward);
        break;
      }
    }
  }

  const root: PlaceTrieNode = { place: null, next: new Map() };
  const hashtagPlaces = new Map<string, GazetteerPlace>();
  for (const { name, words, wards } of placeWards.values()) {
    const place: GazetteerPlace = { name, wards: [...wards].sort() };
    let node = root;
    for (const word of words) {
      let child = node.next.get(word);
      if (child === undefined) {
        child = { place: null, next: new Map() };
        node.next.set(word, child);
      }
      node = child;
    }
    node.place = place;
    if (words.length > 1) hashtagPlaces.set(words.join(''), place);
  }

  return {
    postcodes: sorted(postcodes),
    sectors: sorted(sectors),
    districts: sorted(districts),
    knownDistricts: sorted(known),
    places: root,
    hashtagPlaces,
    wardNames,
  };
}
