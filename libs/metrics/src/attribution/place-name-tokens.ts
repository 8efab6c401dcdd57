/**
 * A word of free text for place-name matching: letters, digits and underscores (so a handle such as
 * `lockwood_fc` stays one word), optionally joined by apostrophes (`Mary's`), optionally hashtagged. Everything else (spaces, punctuation, emoji)
 * separates words.
 */
const WORD = /(#?)([\p{L}\p{M}\p{N}_]+(?:['’][\p{L}\p{M}\p{N}_]+)*)/gu;
const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’]/gu;
const ASCII_WORD = /^[\w']+$/;

export interface PlaceNameToken {
  /** Folded form: lower case, accents removed, a possessive `'s` dropped, other apostrophes removed. */
  word: string;
  /** Whether the word was written as a hashtag (`#Lockwood`). */
  hashtag: boolean;
  /** Offsets of the word (with its `#`) in the original text. */
  start: number;
  end: number;
}

function fold(word: string): string {
  // Most words are plain ASCII: skip the Unicode decomposition for them (attribution runs per follower).
  const plain = ASCII_WORD.test(word) ? word : word.normalize('NFD').replace(COMBINING_MARKS, '');
  const lower = plain.toLowerCase();
  const possessive = /['’]s$/u.test(lower) ? lower.slice(0, -2) : lower;
  return possessive.replace(APOSTROPHES, '');
}

/**
 * Splits text into folded words, so that `#Lockwood`, `lockwood.` and `LOCKWOOD` all give
 * `lockwood` while `Lockwoods` stays a different word. Used alike on gazetteer names and profiles.
 */
export function placeNameTokens(text: string): PlaceNameToken[] {
  const tokens: PlaceNameToken[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const word = fold(match[2]);
    if (word === '') continue;
    tokens.push({ word, hashtag: match[1] === '#', start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}
