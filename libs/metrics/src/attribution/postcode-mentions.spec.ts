import { findPostcodeMentions } from './postcode-mentions';

const found = (text: string) =>
  findPostcodeMentions(text).map(({ kind, value, text: t }) => [kind, value, t]);

describe('findPostcodeMentions', () => {
  it('reads full postcodes in any case, with or without the space', () => {
    expect(found('HD9 7AB, hd97ab and Wf13 4hq')).toEqual([
      ['postcode', 'HD9 7AB', 'HD9 7AB'],
      ['postcode', 'HD9 7AB', 'hd97ab'],
      ['postcode', 'WF13 4HQ', 'Wf13 4hq'],
    ]);
  });

  it('reads a sector only with its space, and an outward code alone', () => {
    expect(found('HD9 7 / HD9 / HD97')).toEqual([
      ['postcode_sector', 'HD9 7', 'HD9 7'],
      ['postcode_district', 'HD9', 'HD9'],
      ['postcode_district', 'HD97', 'HD97'],
    ]);
  });

  it('gives the district and sector of what it finds', () => {
    expect(findPostcodeMentions('hd9 7ab')[0]).toMatchObject({ district: 'HD9', sector: 'HD9 7', start: 0 });
    expect(findPostcodeMentions('x HD9')[0]).toMatchObject({ district: 'HD9', sector: null, start: 2 });
  });

  it('reads lettered districts only in central London', () => {
    expect(found('SW1A 1AA W1A EC1A 1BB')).toEqual([
      ['postcode', 'SW1A 1AA', 'SW1A 1AA'],
      ['postcode_district', 'W1A', 'W1A'],
      ['postcode', 'EC1A 1BB', 'EC1A 1BB'],
    ]);
    expect(found('B2B HD9A')).toEqual([]);
  });

  it('ignores areas that do not exist and inward codes with letters Royal Mail never uses', () => {
    expect(found('QQ1 1AB XX1 1AA GY1 1AA ZZ9')).toEqual([]);
    // "7pm": M is never an inward letter, so this is the district HD9 alone.
    expect(found('HD9 7pm')).toEqual([['postcode_district', 'HD9', 'HD9']]);
  });

  it('needs the code to stand apart from other letters and digits', () => {
    expect(found('XHD9 HD9X 2HD9 hd9_')).toEqual([]);
    expect(found('#HD9.')).toEqual([['postcode_district', 'HD9', 'HD9']]);
  });
});

describe('findPostcodeMentions: neighbours', () => {
  it('treats accented letters beside a code as part of a word', () => {
    expect(found('éHD9 HD9é')).toEqual([]);
  });

  it('reads codes after emoji and other symbols', () => {
    expect(found('🏡HD9 7AB🏡')).toEqual([['postcode', 'HD9 7AB', 'HD9 7AB']]);
  });
});
