import { placeNameTokens } from './place-name-tokens';

const words = (text: string) => placeNameTokens(text).map((token) => token.word);

describe('placeNameTokens', () => {
  it('folds case and splits on punctuation, hashtags and emoji', () => {
    expect(words('#Lockwood, LINDLEY.🏡denby-dale')).toEqual(['lockwood', 'lindley', 'denby', 'dale']);
  });

  it('marks hashtags and keeps the offsets of the written text', () => {
    const [token] = placeNameTokens('  #Lockwood!');
    expect(token).toEqual({ word: 'lockwood', hashtag: true, start: 2, end: 11 });
  });

  it('removes accents, whether composed or decomposed', () => {
    expect(words('Château')).toEqual(['chateau']);
    expect(words('Cha\u0302teau')).toEqual(['chateau']);
  });

  it("drops a possessive 's and joins other apostrophes", () => {
    expect(words("St Mary's O’Neill")).toEqual(['st', 'mary', 'oneill']);
  });

  it('keeps plurals as different words', () => {
    expect(words('Lockwoods')).toEqual(['lockwoods']);
  });

  it('returns nothing for text without letters or digits', () => {
    expect(words(' ,.!? 🏡 # ')).toEqual([]);
  });
});

describe('placeNameTokens: handles', () => {
  it('keeps words joined by underscores together', () => {
    expect(words('@lockwood_fc')).toEqual(['lockwood_fc']);
  });
});
