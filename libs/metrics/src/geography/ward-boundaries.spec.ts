import { ImportFileError } from './import-file-error';
import { parseWardBoundaries } from './ward-boundaries';

/** A small closed square near Huddersfield (lon, lat). */
const square = (lon: number, lat: number, size = 0.01): number[][] => [
  [lon, lat],
  [lon + size, lat],
  [lon + size, lat + size],
  [lon, lat + size],
  [lon, lat],
];

function feature(
  properties: Record<string, unknown>,
  geometry: unknown = { type: 'Polygon', coordinates: [square(-1.8, 53.6)] },
) {
  return { type: 'Feature', properties, geometry };
}

function collection(...features: unknown[]) {
  return { type: 'FeatureCollection', features };
}

function failure(json: unknown): ImportFileError {
  try {
    parseWardBoundaries(json);
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected an ImportFileError');
}

describe('parseWardBoundaries', () => {
  it('reads a 2025 ONS file with the council and keeps the geometry', () => {
    const multi = { type: 'MultiPolygon', coordinates: [[square(-1.9, 53.5)], [square(-1.7, 53.5)]] };
    const file = parseWardBoundaries(
      collection(
        feature({
          FID: 1,
          WD25CD: 'E05900011',
          WD25NM: 'Holme Valley North',
          LAD25CD: 'E08000034',
          LAD25NM: 'Kirklees',
        }),
        feature(
          {
            FID: 2,
            WD25CD: 'E05900012',
            WD25NM: 'Holme Valley South',
            LAD25CD: 'E08000034',
            LAD25NM: 'Kirklees',
          },
          multi,
        ),
      ),
    );
    expect(file).toMatchObject({
      codeProperty: 'WD25CD',
      nameProperty: 'WD25NM',
      councilCodeProperty: 'LAD25CD',
      councilNameProperty: 'LAD25NM',
    });
    expect(file.wards[0]).toEqual({
      code: 'E05900011',
      name: 'Holme Valley North',
      councilCode: 'E08000034',
      councilName: 'Kirklees',
      geometry: { type: 'Polygon', coordinates: [square(-1.8, 53.6)] },
    });
    expect(file.wards[1].geometry).toEqual(multi);
  });

  it.each([
    ['WD26CD', 'WD26NM'],
    ['WD24CD', 'WD24NM'],
    ['wd23cd', 'wd23nm'],
  ])('detects %p / %p', (code, name) => {
    const file = parseWardBoundaries(collection(feature({ [code]: 'E05900011', [name]: 'Lindley' })));
    expect(file).toMatchObject({ codeProperty: code, nameProperty: name, councilCodeProperty: null });
    expect(file.wards[0]).toMatchObject({
      code: 'E05900011',
      name: 'Lindley',
      councilCode: null,
      councilName: null,
    });
  });

  it('takes the newest year when a file carries several', () => {
    const file = parseWardBoundaries(
      collection(
        feature({ WD22CD: 'E05000001', WD22NM: 'Old', WD25CD: 'E05900011', WD25NM: 'New', WD25NMW: '' }),
      ),
    );
    expect(file.wards[0]).toMatchObject({ code: 'E05900011', name: 'New' });
  });

  it('accepts the ward codes of all four nations', () => {
    const codes = ['E05900011', 'W05000981', 'S13002516', 'N08000101'];
    const file = parseWardBoundaries(
      collection(...codes.map((code) => feature({ WD25CD: code, WD25NM: code }))),
    );
    expect(file.wards.map((ward) => ward.code)).toEqual(codes);
  });

  it('rejects what is not a FeatureCollection', () => {
    expect(failure({ type: 'Feature' })).toMatchObject({ line: null, feature: null, field: 'type' });
    expect(failure('nope')).toMatchObject({ field: 'type' });
    expect(failure(collection())).toMatchObject({ field: 'features' });
  });

  it('rejects a file without ward properties', () => {
    expect(failure(collection(feature({ NAME: 'Lindley', CODE: 'E05900011' })))).toMatchObject({
      feature: 1,
      field: 'properties',
    });
  });

  it('names the feature and property of a bad ward code, name or council code', () => {
    const error = failure(
      collection(
        feature({ WD25CD: 'E05900011', WD25NM: 'Lindley', LAD25CD: 'E08000034', LAD25NM: 'Kirklees' }),
        feature({ WD25CD: 'E0590001', WD25NM: 'Short code', LAD25CD: 'E08000034', LAD25NM: 'Kirklees' }),
        feature({ WD25CD: 'E05900013', WD25NM: ' ', LAD25CD: 'E08000034', LAD25NM: 'Kirklees' }),
        feature({ WD25CD: 'E05900014', WD25NM: 'Bad council', LAD25CD: 'E05000034', LAD25NM: 'Kirklees' }),
        feature({ WD25CD: 'E05900011', WD25NM: 'Twice', LAD25CD: 'E08000034', LAD25NM: 'Kirklees' }),
        feature({ WD25CD: 'E05900016', WD25NM: 'Lind\u0000ley', LAD25CD: 'E08000034', LAD25NM: 'Kirklees' }),
      ),
    );
    expect(error.issues.map((issue) => [issue.feature, issue.field])).toEqual([
      [2, 'properties.WD25CD'],
      [3, 'properties.WD25NM'],
      [4, 'properties.LAD25CD'],
      [5, 'properties.WD25CD'],
      [6, 'properties.WD25NM'],
    ]);
    expect(error.issues[4].message).toBe('the ward name holds a NUL character');
    expect(error.message).toContain('feature 2, field properties.WD25CD');
    expect(error.issues[3].message).toContain('already feature 1');
  });

  it.each([
    ['no geometry', null, 'no geometry'],
    ['a point', { type: 'Point', coordinates: [-1.8, 53.6] }, 'not Polygon or MultiPolygon'],
    [
      'an open ring',
      { type: 'Polygon', coordinates: [square(-1.8, 53.6).slice(0, 4)] },
      'end where it starts',
    ],
    [
      'too few positions',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      },
      'at least four positions',
    ],
    [
      'text coordinates',
      {
        type: 'Polygon',
        coordinates: [
          [
            ['0', '0'],
            [1, 0],
            [1, 1],
            ['0', '0'],
          ],
        ],
      },
      'finite numbers',
    ],
    [
      'British National Grid metres',
      { type: 'Polygon', coordinates: [square(414000, 412000, 100)] },
      'WGS84',
    ],
    ['an empty MultiPolygon', { type: 'MultiPolygon', coordinates: [] }, 'at least one polygon'],
  ])('rejects %s as geometry', (_label, geometry, message) => {
    const error = failure(collection(feature({ WD25CD: 'E05900011', WD25NM: 'Lindley' }, geometry)));
    expect(error).toMatchObject({ feature: 1, field: 'geometry' });
    expect(error.message).toContain(message);
  });
});
