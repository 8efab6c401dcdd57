import fc from 'fast-check';
import { attribute } from './ward-attribution';
import { exampleGazetteer } from './testing/example-gazetteer';

const gazetteer = exampleGazetteer();

/** Pieces that make profile texts likely to carry signals, mixed with arbitrary text. */
const signal = fc.constantFrom(
  'HD9 7AB',
  'hd96xy',
  'HD9 1',
  'HD8',
  'WF13',
  'LS6 2AB',
  'M25',
  'B2B',
  'Honley',
  '#Lockwood',
  'Salendine Nook',
  'Huddersfield',
  'Denby Dale',
  'Holme Valley',
  '🏡',
  ',',
);
const profileText = fc
  .array(fc.oneof(signal, fc.string(), fc.string({ unit: 'grapheme' })), { maxLength: 8 })
  .map((parts) => parts.join(' '));

/** Every word folded the way place names are, to keep "unrelated" words away from the gazetteer. */
const gazetteerWords = new Set(
  [
    'holme',
    'valley',
    'honley',
    'brockholes',
    'holmfirth',
    'lockwood',
    'huddersfield',
    'salendine',
    'nook',
    'golcar',
    'denby',
    'dale',
    'denbydale',
    'skelmanthorpe',
    'shepley',
    'thornhill',
    'lees',
    'dewsbury',
    'chateau',
    'lane',
    'st',
    'mary',
  ].map((word) => word.toLowerCase()),
);
const unrelatedWord = fc
  .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 1, maxLength: 12 })
  .filter((word) => !gazetteerWords.has(word));

describe('attribute: properties', () => {
  it('never throws and always returns a well-formed result', () => {
    fc.assert(
      fc.property(fc.oneof(profileText, fc.string({ unit: 'binary' })), (text) => {
        const result = attribute(text, gazetteer);
        expect(['ward', 'council', 'elsewhere', 'unknown']).toContain(result.status);
        expect([...result.candidates].sort()).toEqual(result.candidates);
        expect(new Set(result.candidates).size).toBe(result.candidates.length);
      }),
    );
  });

  it('has exactly one candidate, the ward, when the status is ward', () => {
    fc.assert(
      fc.property(profileText, (text) => {
        const result = attribute(text, gazetteer);
        if (result.status === 'ward') expect(result.candidates).toEqual([result.ward]);
        else expect(result.ward).toBeNull();
      }),
    );
  });

  it('has no candidates and no evidence when unknown, and no candidates when elsewhere', () => {
    fc.assert(
      fc.property(profileText, (text) => {
        const result = attribute(text, gazetteer);
        if (result.status === 'unknown') {
          expect(result.candidates).toEqual([]);
          expect(result.evidence).toEqual([]);
        }
        if (result.status === 'elsewhere') expect(result.candidates).toEqual([]);
        if (result.status === 'council') expect(result.candidates.length).toBeGreaterThan(0);
      }),
    );
  });

  it('finds every piece of evidence it reports in the text', () => {
    fc.assert(
      fc.property(profileText, (text) => {
        for (const evidence of attribute(text, gazetteer).evidence) expect(text).toContain(evidence.text);
      }),
    );
  });

  it('never changes a postcode-decided result when an unrelated word is added', () => {
    const postcodeText = fc
      .tuple(
        fc.constantFrom('HD9 7AB', 'hd96xy', 'HD9 1', 'HD9', 'HD8', 'WF13 3AB', 'LS6 2AB', 'HD1'),
        fc.array(fc.oneof(signal, unrelatedWord), { maxLength: 4 }),
      )
      .map(([postcode, rest]) => [postcode, ...rest].join(' '));
    fc.assert(
      fc.property(postcodeText, unrelatedWord, fc.boolean(), (text, word, before) => {
        const original = attribute(text, gazetteer);
        fc.pre(original.evidence.some((evidence) => evidence.kind !== 'place'));
        const extended = attribute(before ? `${word} ${text}` : `${text} ${word}`, gazetteer);
        expect(extended).toEqual(original);
      }),
    );
  });
});
