import { attribute as attributeWith } from './ward-attribution';
import {
  ALMONDBURY,
  CROSLAND_MOOR,
  DENBY_DALE,
  DEWSBURY_EAST,
  DEWSBURY_WEST,
  exampleGazetteer,
  GOLCAR,
  GREENHEAD,
  HV_NORTH,
  HV_SOUTH,
  KIRKBURTON,
  LINDLEY,
} from './testing/example-gazetteer';

const gazetteer = exampleGazetteer();
const attribute = (text: string) => attributeWith(text, gazetteer);

describe('attribute: postcodes', () => {
  it.each(['HD9 6XY', 'hd96xy', 'Hd9 6xY', 'HD96XY', 'Honley way, hd9 6xy.'])(
    'recognises the full postcode %p in any case, with or without the space',
    (text) => {
      const result = attribute(text);
      expect(result.status).toBe('ward');
      expect(result.ward).toBe(HV_NORTH);
      expect(result.evidence.find((e) => e.kind === 'postcode')).toMatchObject({ value: 'HD9 6XY' });
    },
  );

  it('counts a postcode written twice once, as first written', () => {
    expect(attribute('HD9 6XY (hd96xy)').evidence).toEqual([
      { kind: 'postcode', value: 'HD9 6XY', text: 'HD9 6XY' },
    ]);
  });

  it('keeps the text as written and the normalised value in the evidence', () => {
    expect(attribute('near hd96xy')).toEqual({
      status: 'ward',
      ward: HV_NORTH,
      candidates: [HV_NORTH],
      evidence: [{ kind: 'postcode', value: 'HD9 6XY', text: 'hd96xy' }],
    });
  });

  it('recognises a sector with its space', () => {
    expect(attribute('HD9 7')).toEqual({
      status: 'ward',
      ward: HV_NORTH,
      candidates: [HV_NORTH],
      evidence: [{ kind: 'postcode_sector', value: 'HD9 7', text: 'HD9 7' }],
    });
  });

  it('reads a sector without its space as an outward code, which the gazetteer does not know', () => {
    expect(attribute('HD97').status).toBe('unknown');
  });

  it('recognises an outward code alone that the gazetteer lists', () => {
    expect(attribute('Huddersfield HD1 born and bred')).toMatchObject({ status: 'ward', ward: GREENHEAD });
    expect(attribute('hd8')).toEqual({
      status: 'council',
      ward: null,
      candidates: [DENBY_DALE, KIRKBURTON],
      evidence: [{ kind: 'postcode_district', value: 'HD8', text: 'hd8' }],
    });
  });

  it('lets the full postcode decide when it is listed, even against its sector', () => {
    // HD9 7AB is listed under Holme Valley South; its sector HD9 7 under Holme Valley North.
    expect(attribute('HD9 7AB')).toMatchObject({ status: 'ward', ward: HV_SOUTH });
    expect(attribute('hd97ab')).toEqual({
      status: 'ward',
      ward: HV_SOUTH,
      candidates: [HV_SOUTH],
      evidence: [{ kind: 'postcode', value: 'HD9 7AB', text: 'hd97ab' }],
    });
  });

  it('falls back to the sector when the full postcode is not listed', () => {
    expect(attribute('HD9 7ZZ')).toMatchObject({ status: 'ward', ward: HV_NORTH });
  });

  it('falls back to the district when neither postcode nor sector is listed', () => {
    expect(attribute('HD9 3QT')).toMatchObject({ status: 'council', candidates: [HV_NORTH, HV_SOUTH] });
    expect(attribute('HD8 9')).toMatchObject({ status: 'council', candidates: [DENBY_DALE, KIRKBURTON] });
  });

  it('counts a postcode in a district known only through its sectors as council, with those sectors’ wards', () => {
    const expected = { status: 'council', ward: null, candidates: [DEWSBURY_WEST, DEWSBURY_EAST] };
    expect(attribute('WF13 3AB')).toMatchObject(expected);
    expect(attribute('WF13 9')).toMatchObject(expected);
    expect(attribute('WF13')).toMatchObject(expected);
  });

  it('counts a district known only through one listed postcode as council with that ward as candidate', () => {
    expect(attribute('HD3 9XX')).toEqual({
      status: 'council',
      ward: null,
      candidates: [LINDLEY],
      evidence: [{ kind: 'postcode', value: 'HD3 9XX', text: 'HD3 9XX' }],
    });
    expect(attribute('HD3 3AA')).toMatchObject({ status: 'ward', ward: LINDLEY });
  });

  it.each(['B2B', 'B12', 'M25', 'LS6', 'our B2B team', 'stuck on the M25 again', 'B12 and LS6 fan'])(
    'does not take the unknown outward code in %p as evidence',
    (text) => {
      expect(attribute(text)).toEqual({ status: 'unknown', ward: null, candidates: [], evidence: [] });
    },
  );

  it('ignores an unknown outward code beside a place name', () => {
    expect(attribute('Lockwood, ex-LS6')).toMatchObject({ status: 'ward', ward: CROSLAND_MOOR });
  });

  it('places a full postcode or a sector in an unknown district elsewhere', () => {
    expect(attribute('LS6 2AB')).toEqual({
      status: 'elsewhere',
      ward: null,
      candidates: [],
      evidence: [{ kind: 'postcode', value: 'LS6 2AB', text: 'LS6 2AB' }],
    });
    expect(attribute('Leeds LS6 2')).toMatchObject({ status: 'elsewhere', candidates: [] });
  });

  it('recognises only real UK postcode areas', () => {
    // QQ, XX, BX, GY and JE are not geographic UK areas; "2ND" after B2B is not a postcode either.
    for (const text of ['QQ1 1AB', 'XX1 1AB', 'BX1 1LT', 'GY1 1AA', 'JE2 3AB', 'B2B 2ND']) {
      expect(attribute(text).status).toBe('unknown');
    }
    expect(attribute('W1A 1AA').status).toBe('elsewhere');
    expect(attribute('EC1A 1BB').status).toBe('elsewhere');
  });

  it('does not read a postcode glued to other letters or digits', () => {
    expect(attribute('XHD9 7AB').status).toBe('unknown');
    expect(attribute('HD9 7ABC')).toMatchObject({
      status: 'council',
      evidence: [{ kind: 'postcode_district' }],
    });
  });
});

describe('attribute: place names', () => {
  it.each([
    'Lockwood',
    '#Lockwood',
    'lockwood.',
    'LOCKWOOD!',
    '(Lockwood)',
    '🏡Lockwood🏡',
    'from lockwood, yorks',
  ])('matches Lockwood in %p', (text) => {
    expect(attribute(text)).toMatchObject({ status: 'ward', ward: CROSLAND_MOOR });
  });

  it('keeps the place name as the gazetteer spells it and the text as written', () => {
    expect(attribute('#lockwood').evidence).toEqual([
      { kind: 'place', value: 'Lockwood', text: '#lockwood' },
    ]);
  });

  it.each(['Lockwoods', 'Lockwoodian', 'Blockwood', 'lock wood'])('does not match Lockwood in %p', (text) => {
    expect(attribute(text).status).toBe('unknown');
  });

  it('needs every word of a phrase', () => {
    expect(attribute('Denby Dale')).toMatchObject({ status: 'ward', ward: DENBY_DALE });
    expect(attribute('denby-dale')).toMatchObject({ status: 'ward', ward: DENBY_DALE });
    expect(attribute('#DenbyDale')).toMatchObject({ status: 'ward', ward: DENBY_DALE });
    expect(attribute('Denby').status).toBe('unknown');
    expect(attribute('Dale').status).toBe('unknown');
    expect(attribute('Denby and Dale').status).toBe('unknown');
  });

  it('prefers the longest phrase at a position', () => {
    // "Holme Valley" is both Holme Valley wards; "Holme" alone is Holme Valley South.
    expect(attribute('Holme Valley')).toMatchObject({ status: 'council', candidates: [HV_NORTH, HV_SOUTH] });
    expect(attribute('Holme')).toMatchObject({ status: 'ward', ward: HV_SOUTH });
  });

  it('ignores accents and possessives', () => {
    expect(attribute('chateau lane')).toMatchObject({ status: 'ward', ward: ALMONDBURY });
    expect(attribute('St Mary’s')).toMatchObject({ status: 'ward', ward: ALMONDBURY });
    expect(attribute("Lockwood's finest")).toMatchObject({ status: 'ward', ward: CROSLAND_MOOR });
  });

  it('gives every ward of a place that stands under several', () => {
    expect(attribute('Salendine Nook')).toEqual({
      status: 'council',
      ward: null,
      candidates: [LINDLEY, GOLCAR],
      evidence: [{ kind: 'place', value: 'Salendine Nook', text: 'Salendine Nook' }],
    });
  });

  it('takes the intersection of several places when it is not empty', () => {
    expect(attribute('Salendine Nook, Huddersfield')).toEqual({
      status: 'ward',
      ward: LINDLEY,
      candidates: [LINDLEY],
      evidence: [
        { kind: 'place', value: 'Salendine Nook', text: 'Salendine Nook' },
        { kind: 'place', value: 'Huddersfield', text: 'Huddersfield' },
      ],
    });
  });

  it('takes the union of several places when they share no ward', () => {
    expect(attribute('Honley lad living in Lockwood')).toMatchObject({
      status: 'council',
      ward: null,
      candidates: [HV_NORTH, CROSLAND_MOOR],
    });
  });

  it('counts a place named twice once', () => {
    expect(attribute('Lockwood born, Lockwood bred').evidence).toHaveLength(1);
  });
});

describe('attribute: postcode and place together', () => {
  it('lets a place narrow postcode evidence (Honley HD9 → Honley’s ward)', () => {
    expect(attribute('Honley HD9')).toEqual({
      status: 'ward',
      ward: HV_NORTH,
      candidates: [HV_NORTH],
      evidence: [
        { kind: 'place', value: 'Honley', text: 'Honley' },
        { kind: 'postcode_district', value: 'HD9', text: 'HD9' },
      ],
    });
  });

  it('lets a place narrow the "district known" rule to a ward', () => {
    expect(attribute('Thornhill Lees, WF13')).toMatchObject({ status: 'ward', ward: DEWSBURY_WEST });
  });

  it('never lets a place contradict the postcode', () => {
    expect(attribute('Lockwood HD9 7')).toEqual({
      status: 'ward',
      ward: HV_NORTH,
      candidates: [HV_NORTH],
      evidence: [{ kind: 'postcode_sector', value: 'HD9 7', text: 'HD9 7' }],
    });
  });

  it('never lets a place widen the postcode', () => {
    expect(attribute('HD8, Lockwood and Shepley')).toMatchObject({ status: 'ward', ward: KIRKBURTON });
    expect(attribute('HD8 and Lockwood')).toMatchObject({
      status: 'council',
      candidates: [DENBY_DALE, KIRKBURTON],
    });
  });

  it('puts a place inside the council beside a postcode elsewhere elsewhere', () => {
    expect(attribute('Honley lad, now LS6 2AB')).toEqual({
      status: 'elsewhere',
      ward: null,
      candidates: [],
      evidence: [{ kind: 'postcode', value: 'LS6 2AB', text: 'LS6 2AB' }],
    });
  });

  it('lets a postcode inside the council outweigh one elsewhere', () => {
    expect(attribute('Work LS1 4DY, home HD9 6XY')).toEqual({
      status: 'ward',
      ward: HV_NORTH,
      candidates: [HV_NORTH],
      evidence: [{ kind: 'postcode', value: 'HD9 6XY', text: 'HD9 6XY' }],
    });
  });

  it('combines several postcodes inside the council by intersection, else union', () => {
    expect(attribute('HD9 / HD9 1')).toMatchObject({ status: 'ward', ward: HV_SOUTH });
    expect(attribute('HD1 or HD9 7')).toMatchObject({ status: 'council', candidates: [HV_NORTH, GREENHEAD] });
  });
});

describe('attribute: no signal', () => {
  it.each(['', '   ', 'Dad, runner, tea drinker ☕', 'Yorkshire', 'tweets my own 2024'])(
    'returns unknown for %p',
    (text) => {
      expect(attribute(text)).toEqual({ status: 'unknown', ward: null, candidates: [], evidence: [] });
    },
  );
});
